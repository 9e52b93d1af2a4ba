import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A certificate a test made for itself: PEM files on disk (for TLS_CERT_FILE/TLS_KEY_FILE) and their contents. */
export type SelfSignedCert = {
  certFile: string;
  keyFile: string;
  /** The certificate's PEM: a client that trusts it (as its CA) checks the server for real. */
  cert: string;
  /** Deletes the files. */
  remove(): void;
};

/**
 * A fresh self-signed certificate from the openssl command line (installed by
 * `npm run setup -- --with-test-tools`), valid for a day for the given DNS names and
 * 127.0.0.1: what a clinic's own certificate is to Hearth, without a certificate authority.
 */
export async function makeSelfSignedCert(names: string[] = ['localhost']): Promise<SelfSignedCert> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hearth-tls-'));
  const certFile = path.join(dir, 'cert.pem');
  const keyFile = path.join(dir, 'key.pem');
  const altNames = [...names.map((n) => `DNS:${n}`), 'IP:127.0.0.1'].join(',');
  try {
    await run('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
      '-subj', `/CN=${names[0] ?? 'localhost'}`, '-addext', `subjectAltName=${altNames}`,
      '-keyout', keyFile, '-out', certFile,
    ]);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`openssl could not make a test certificate (is it installed? npm run setup -- --with-test-tools): ${(err as Error).message}`);
  }
  return { certFile, keyFile, cert: readFileSync(certFile, 'utf8'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
