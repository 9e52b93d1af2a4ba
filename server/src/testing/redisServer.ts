import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './freePort.js';

/**
 * A real redis-server for a test (the server's integration tests and the e2e two-node spec):
 * its own port and directory, append-only file on.
 */
export type TestRedis = {
  url: string;
  /** Stops it (SIGTERM: what a restart or a container stop does), keeping its data directory. */
  stop(): Promise<void>;
  /** Starts it again on the same port and directory: what was appended is loaded back. */
  start(): Promise<void>;
  /** Stops it and deletes its data. */
  destroy(): Promise<void>;
};

/** `password`: Redis requires it (requirepass, as in docker-compose.yml) and the URL carries it. */
export async function startRedis({ password }: { password?: string } = {}): Promise<TestRedis> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hearth-redis-'));
  const port = await freePort();
  let child: ChildProcess | undefined;

  const start = async () => {
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'always', '--save', ''];
    if (password) args.push('--requirepass', password);
    const proc = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) resolve();
      };
      proc.stdout!.on('data', onData);
      proc.once('error', (err) => reject(new Error(`redis-server could not start (is it installed? npm run setup -- --with-test-tools): ${err.message}`)));
      proc.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${output.slice(-500)}`)));
    });
  };
  const stop = async () => {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      proc.once('exit', () => resolve());
      proc.kill('SIGTERM');
    });
  };
  await start();
  return {
    url: password ? `redis://:${encodeURIComponent(password)}@127.0.0.1:${port}` : `redis://127.0.0.1:${port}`,
    stop,
    start,
    destroy: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
