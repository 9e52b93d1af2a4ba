import { systemClock } from '../lib/clock.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { verifyChain } from '../store/auditChain.js';
import type { AuditLog } from '../store/AuditLog.js';
import { redisStores } from '../store/Stores.js';

export type VerifyIo = {
  env: NodeJS.ProcessEnv;
  out: (text: string) => void;
  err: (text: string) => void;
  /** The audit log to check and how to let go of it; Redis from REDIS_URL by default. */
  openAudit?: (redisUrl: string) => Promise<{ audit: AuditLog; close: () => Promise<void> }>;
};

/**
 * `npm run audit:verify -w server`: walks the whole audit log and reports the first entry
 * whose link in the hash chain does not hold. Exit 0 intact, 1 broken, 2 nothing to check.
 */
export async function runVerifyAudit(io: VerifyIo): Promise<number> {
  const { redisUrl } = loadConfig(io.env);
  if (!redisUrl) {
    io.err('The audit log is kept in Redis: set REDIS_URL to the one the servers use (the in-memory store ends with its process).\n');
    return 2;
  }
  const { audit, close } = await (io.openAudit ?? openRedisAudit)(redisUrl);
  try {
    const check = verifyChain(await audit.all());
    if (check.ok) {
      io.out(`audit log intact: ${check.count} entries, each committing to the one before\n`);
      return 0;
    }
    io.err(`audit log BROKEN at entry ${check.brokenAt} of ${check.count}: ${check.reason}\n`);
    return 1;
  } finally {
    await close();
  }
}

async function openRedisAudit(redisUrl: string) {
  const stores = await redisStores(redisUrl, systemClock, createLogger('silent'));
  return { audit: stores.audit, close: stores.close };
}
