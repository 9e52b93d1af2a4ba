import { systemClock } from '../lib/clock.js';
import { auditKeyFrom } from '../auth/secret.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { verifyAudit } from '../store/auditCheckpoint.js';
import { CheckpointFile, readCheckpoints } from '../store/AuditCheckpoints.js';
import type { AuditStore } from '../store/AuditLog.js';
import { redisStores } from '../store/Stores.js';

export type VerifyIo = {
  env: NodeJS.ProcessEnv;
  /** Further files holding checkpoints: other nodes' checkpoint files, saved server logs. */
  files?: string[];
  out: (text: string) => void;
  err: (text: string) => void;
  /** The audit log to check and how to let go of it; Redis from REDIS_URL by default. */
  openAudit?: (redisUrl: string) => Promise<{ audit: AuditStore; close: () => Promise<void> }>;
};

/**
 * `npm run audit:verify -w server [files…]`: walks the whole audit log (chain and signatures)
 * and checks it against every signed checkpoint in AUDIT_CHECKPOINT_DIR and in the files
 * named, saying what is missing or rewritten. Exit 0 intact, 1 broken, 2 nothing to check.
 */
export async function runVerifyAudit(io: VerifyIo): Promise<number> {
  const config = loadConfig(io.env);
  if (!config.redisUrl) {
    io.err('The audit log is kept in Redis: set REDIS_URL to the one the servers use (the in-memory store ends with its process).\n');
    return 2;
  }
  const key = auditKeyFrom(config.audit.key, config.auth.secret ? Buffer.from(config.auth.secret, 'utf8') : undefined);
  if (!key) {
    io.err('The audit log is signed with AUDIT_KEY, or a key derived from HEARTH_SECRET: set the one the servers have.\n');
    return 2;
  }
  const dir = config.audit.checkpointDir;
  const found = [
    ...(dir ? await new CheckpointFile(dir).read() : []),
    ...(await Promise.all((io.files ?? []).map(readCheckpoints))).flat(),
  ];
  const { audit, close } = await (io.openAudit ?? openRedisAudit)(config.redisUrl);
  try {
    const check = verifyAudit(await audit.all(), found, key);
    if (check.ok) {
      const anchor = check.anchored > 0 ? `; checkpoints vouch for the first ${check.anchored}` : '; no checkpoint to compare with (set AUDIT_CHECKPOINT_DIR or name a saved log)';
      io.out(`audit log intact: ${check.count} entries, each signed and committing to the one before${anchor} (${check.checkpoints} checkpoints read)\n`);
      return 0;
    }
    io.err(`audit log BROKEN at entry ${check.brokenAt} of ${check.count}: ${check.reason}\n`);
    for (const problem of check.problems.filter((p) => p !== check.reason)) io.err(`  also: ${problem}\n`);
    return 1;
  } finally {
    await close();
  }
}

async function openRedisAudit(redisUrl: string) {
  const stores = await redisStores(redisUrl, systemClock, createLogger('silent'));
  return { audit: stores.audit, close: stores.close };
}
