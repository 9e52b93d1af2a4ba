import type { RetentionSettings } from '@hearth/shared';
import type { Records } from './Records.js';

const KEY = 'clinic-retention';

/** The clinic's retention period, one record; none saved is none set (records are kept). */
export class RetentionStore {
  constructor(private readonly records: Records) {}

  async get(): Promise<RetentionSettings> {
    return (await this.records.get<RetentionSettings>(KEY)) ?? { months: null };
  }

  set(settings: RetentionSettings): Promise<void> {
    return this.records.write((tx) => tx.set(KEY, settings));
  }
}
