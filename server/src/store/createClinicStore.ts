import type { Clock } from '../clinic/clock.js';
import type { Config } from '../config.js';
import type { ClinicStore } from './ClinicStore.js';
import { MemoryClinicStore } from './MemoryClinicStore.js';

/**
 * Chooses the store backend from the configuration. Only the in-memory store exists so far;
 * a shared (Redis) backend will be chosen here when it lands.
 */
export function createClinicStore(_config: Config, clock: Clock): ClinicStore {
  return new MemoryClinicStore(clock);
}
