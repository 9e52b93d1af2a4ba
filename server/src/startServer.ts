import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from './config.js';
import { createApp } from './http/createApp.js';
import { createLogger, type Logger } from './logger.js';
import { WorkerPool } from './media/WorkerPool.js';
import { Rooms } from './rooms/Rooms.js';
import { createSignalling } from './signalling/createSignalling.js';

export type RunningServer = {
  url: string;
  port: number;
  rooms: Rooms;
  pool: WorkerPool;
  log: Logger;
  close: () => Promise<void>;
};

/** Starts Hearth: workers, HTTP, signalling. Tests start it on port 0 and close it after. */
export async function startServer(config: Config, log: Logger = createLogger(config.logLevel)): Promise<RunningServer> {
  const pool = await WorkerPool.create(config.media, log);
  const rooms = new Rooms(pool, log);
  const app = createApp({
    log,
    workers: () => pool.report(),
    rooms: () => rooms.size,
    clientDist: config.clientDist,
  });
  const httpServer = http.createServer(app);
  const io = createSignalling(httpServer, { rooms, log, turn: config.turn });

  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port, config.host, () => resolve());
    });
  } catch (err) {
    pool.close();
    throw err;
  }
  const { port } = httpServer.address() as AddressInfo;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${shownHost}:${port}`;
  log.info({ url, workers: config.media.workers }, 'hearth is listening');

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await rooms.closeAll();
      pool.close();
      httpServer.closeAllConnections();
    })();
    return closing;
  };
  return { url, port, rooms, pool, log, close };
}
