import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../logger.js';
import { checkpointsInText, type Checkpoint, type FoundCheckpoint } from './auditCheckpoint.js';

/** Somewhere outside the store that checkpoints are written to. */
export interface CheckpointSink {
  write(checkpoint: Checkpoint): Promise<void>;
}

/** Somewhere checkpoints are read back from, for verification. */
export interface CheckpointSource {
  read(): Promise<FoundCheckpoint[]>;
}

export const CHECKPOINT_FILE = 'audit-checkpoints.jsonl';

/**
 * An append-only file of checkpoints, one JSON line each, in a directory of the server's own
 * (AUDIT_CHECKPOINT_DIR): nothing that can write to Redis can reach it. Only ever opened for
 * appending; nodes sharing the directory append to the same file (each line is one small
 * O_APPEND write, so lines never interleave).
 */
export class CheckpointFile implements CheckpointSink, CheckpointSource {
  readonly path: string;

  constructor(dir: string) {
    this.path = path.join(dir, CHECKPOINT_FILE);
  }

  async write(checkpoint: Checkpoint): Promise<void> {
    await mkdir(path.dirname(this.path), { recursive: true, mode: 0o700 });
    await appendFile(this.path, `${JSON.stringify(checkpoint)}\n`, { flag: 'a', mode: 0o600 });
  }

  async read(): Promise<FoundCheckpoint[]> {
    return readCheckpoints(this.path);
  }
}

/** Checkpoints in a file: a checkpoint file, or a saved server log. A missing file holds none. */
export async function readCheckpoints(file: string): Promise<FoundCheckpoint[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return checkpointsInText(text, file);
}

/**
 * The log stream: each checkpoint as one info line (`auditCheckpoint`), so wherever the logs
 * are shipped holds a copy the store cannot rewrite; `audit:verify <saved log>` reads them back.
 * A checkpoint is a count, a hash, a time and a signature: nothing private.
 */
export function logCheckpoints(log: Logger): CheckpointSink {
  return { write: async (checkpoint) => log.info({ auditCheckpoint: checkpoint }, 'audit checkpoint') };
}
