import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { startServer } from './startServer.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const config = loadConfig();
config.clientDist ??= path.resolve(here, '../../client/dist');
const log = createLogger(config.logLevel);

const server = await startServer(config, log).catch((err: unknown) => {
  log.fatal({ err }, 'could not start');
  process.exit(1);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log.info({ signal }, 'shutting down');
    void server.close().then(() => process.exit(0));
  });
}

// A renewed certificate (certbot's deploy hook, say) is taken up without dropping a session.
// Only when serving https: otherwise SIGHUP keeps its default, so closing the terminal of a
// quick start still stops it.
if (config.tls) process.on('SIGHUP', () => void server.reloadTls());
