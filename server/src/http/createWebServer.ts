import fs from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import type { RequestListener } from 'node:http';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';

export type WebServer = {
  server: http.Server | https.Server;
  scheme: 'http' | 'https';
  /**
   * Reads the certificate and key again (after a renewal) for new connections; open ones
   * keep theirs. A file that cannot be read or does not match leaves the old pair serving.
   */
  reloadTls: () => Promise<boolean>;
};

/**
 * Plain http for the quick start and behind a TLS proxy; https when given a certificate and
 * key (TLS_CERT_FILE, TLS_KEY_FILE), for a clinic without a proxy. Browsers give cameras
 * only to https pages, so that is the path every real deployment ends on.
 */
export async function createWebServer(app: RequestListener, tls: Config['tls'], log: Logger): Promise<WebServer> {
  if (!tls) return { server: http.createServer(app), scheme: 'http', reloadTls: () => Promise.resolve(false) };
  // A missing or unreadable file stops the start here, naming the file.
  const server = https.createServer(await readPair(tls), app);
  const reloadTls = async () => {
    try {
      server.setSecureContext(await readPair(tls));
      log.info({ certFile: tls.certFile }, 'reloaded the TLS certificate');
      return true;
    } catch (err) {
      log.error({ err, certFile: tls.certFile }, 'could not reload the TLS certificate; still serving the previous one');
      return false;
    }
  };
  return { server, scheme: 'https', reloadTls };
}

async function readPair(tls: NonNullable<Config['tls']>): Promise<{ cert: Buffer; key: Buffer }> {
  const [cert, key] = await Promise.all([fs.readFile(tls.certFile), fs.readFile(tls.keyFile)]);
  return { cert, key };
}
