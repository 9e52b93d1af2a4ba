import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../src/testing/freePort.js';

const main = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/main.js');

/**
 * Hearth as its own process (the built server, as `npm start` runs it), for what only a
 * process can show: being killed, started again, or running beside another node.
 */
export type ServerProcess = {
  url: string;
  port: number;
  /** SIGKILL: a crash, no goodbye to anyone. */
  kill(): Promise<void>;
  /** Starts it again with the same settings (same port, secret and Redis). */
  start(): Promise<void>;
  /** Sends it a signal, as an operator would (SIGHUP: re-read the TLS certificate). */
  signal(name: NodeJS.Signals): void;
  /** Everything it logged: tests check that nothing private is in it. */
  output(): string;
};

export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  let log = '';
  const start = async () => {
    const proc = spawn(process.execPath, [main], {
      env: {
        PATH: process.env['PATH'],
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        MEDIASOUP_WORKERS: '1',
        MEDIA_LISTEN_IP: '127.0.0.1',
        LOG_LEVEL: 'info',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        log += chunk.toString();
        if (log.includes('"msg":"hearth is listening"')) resolve();
      };
      proc.stdout!.on('data', onData);
      proc.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
      proc.once('exit', (code) => reject(new Error(`server exited with ${code}: ${log.slice(-1000)}`)));
    });
  };
  await start();
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    start,
    kill: async () => {
      const proc = child;
      child = undefined;
      if (!proc || proc.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        proc.once('exit', () => resolve());
        proc.kill('SIGKILL');
      });
    },
    signal: (name) => void child?.kill(name),
    output: () => log,
  };
}
