#!/usr/bin/env node
// DTLS check for the worker in node_modules, without a browser: completes ICE
// (a STUN Binding request made here) and a DTLS 1.2 + SRTP handshake with
// `openssl s_client` as the client, mediasoup as the server. This is the path
// that crashed an unpatched worker linked to Debian's KTLS-enabled OpenSSL
// (see README.md); smoke.mjs never gets there.
// Run from the repo root: node scripts/worker/dtls-smoke.mjs  (needs `openssl`)

import { createHmac, randomBytes, X509Certificate } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as dgram from 'node:dgram';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const mediasoup = createRequire(path.join(REPO_ROOT, 'package.json'))('mediasoup');
const log = (m) => console.log(`[dtls-smoke] ${m}`);
const die = (m) => { console.error(`[dtls-smoke] FAIL: ${m}`); process.exit(1); };
setTimeout(() => die('timed out after 20 s'), 20_000).unref();

// STUN Binding request as an ICE controlling agent would send it (RFC 8445):
// mediasoup requires USERNAME, PRIORITY, MESSAGE-INTEGRITY and FINGERPRINT.
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});
const crc32 = (buf) => { let c = 0xffffffff; for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
function attr(type, value) {
	const b = Buffer.alloc(4 + Math.ceil(value.length / 4) * 4);
	b.writeUInt16BE(type, 0); b.writeUInt16BE(value.length, 2); value.copy(b, 4);
	return b;
}
function stunBindingRequest(username, password) {
	const u32 = (n) => { const b = Buffer.alloc(4); b.writeUInt32BE(n); return b; };
	let body = Buffer.concat([
		attr(0x0006, Buffer.from(username)), attr(0x0024, u32(0x6e0001ff)),
		attr(0x802a, randomBytes(8)), attr(0x0025, Buffer.alloc(0)),
	]);
	const header = (len) => { const h = Buffer.alloc(20); h.writeUInt16BE(0x0001, 0); h.writeUInt16BE(len, 2); h.writeUInt32BE(0x2112a442, 4); txn.copy(h, 8); return h; };
	const txn = randomBytes(12);
	const mi = createHmac('sha1', password).update(Buffer.concat([header(body.length + 24), body])).digest();
	body = Buffer.concat([body, attr(0x0008, mi)]);
	const fp = u32((crc32(Buffer.concat([header(body.length + 8), body])) ^ 0x5354554e) >>> 0);
	body = Buffer.concat([body, attr(0x8028, fp)]);
	return Buffer.concat([header(body.length), body]);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-dtls-smoke-'));
const worker = await mediasoup.createWorker({ logLevel: 'warn' });
worker.on('died', (err) => die(`worker died: ${err}`));
log(`worker.pid ${worker.pid}`);
try {
	// Client certificate whose fingerprint mediasoup must see.
	const cert = path.join(tmp, 'cert.pem'), key = path.join(tmp, 'key.pem');
	const gen = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
		'-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=dtls-smoke'], { stdio: 'ignore' });
	if (gen.status !== 0) die('openssl could not make a certificate (is the openssl package installed?)');
	const fingerprint = new X509Certificate(fs.readFileSync(cert)).fingerprint256;

	const router = await worker.createRouter({ mediaCodecs: [{ kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2 }] });
	const transport = await router.createWebRtcTransport({ listenInfos: [{ protocol: 'udp', ip: '127.0.0.1' }] });
	const { address, port } = transport.iceCandidates[0];
	await transport.connect({ dtlsParameters: { role: 'client', fingerprints: [{ algorithm: 'sha-256', value: fingerprint }] } });
	const dtlsConnected = new Promise((resolve, reject) => transport.on('dtlsstatechange', (s) => {
		log(`mediasoup dtlsState ${s}`);
		if (s === 'connected') resolve(); else if (s === 'failed' || s === 'closed') reject(new Error(`dtlsState ${s}`));
	}));

	// Relay: openssl talks to `front`; `back` is the ICE-validated tuple.
	const back = dgram.createSocket('udp4'), front = dgram.createSocket('udp4');
	await Promise.all([new Promise((r) => back.bind(0, '127.0.0.1', r)), new Promise((r) => front.bind(0, '127.0.0.1', r))]);
	let client;
	const iceOk = new Promise((resolve) => back.on('message', (msg) => {
		if (msg[0] < 2) { if (msg.readUInt16BE(0) === 0x0101) resolve(); else die(`STUN error response ${msg.readUInt16BE(0).toString(16)}`); return; }
		if (client) front.send(msg, client.port, client.address);
	}));
	front.on('message', (msg, rinfo) => { client = rinfo; back.send(msg, port, address); });
	const { usernameFragment, password } = transport.iceParameters;
	back.send(stunBindingRequest(`${usernameFragment}:hearthsmoke`, password), port, address);
	await iceOk;
	log(`ICE ok with ${address}:${port}`);

	const sclient = spawn('openssl', ['s_client', '-dtls1_2', '-connect', `127.0.0.1:${front.address().port}`,
		'-cert', cert, '-key', key, '-use_srtp', 'SRTP_AEAD_AES_256_GCM:SRTP_AES128_CM_SHA1_80'], { stdio: ['pipe', 'pipe', 'pipe'] });
	let out = '';
	sclient.stdout.on('data', (d) => { out += d; });
	sclient.stderr.on('data', (d) => { out += d; });
	await dtlsConnected;
	sclient.stdin.end(); // EOF: s_client sends close_notify and exits
	await new Promise((r) => sclient.on('exit', r));
	const proto = out.match(/Protocol\s*: (\S+)/)?.[1], srtp = out.match(/SRTP Extension negotiated, profile=(\S+)/)?.[1];
	log(`openssl s_client: protocol ${proto}, SRTP profile ${srtp}`);
	if (!srtp) die(`no SRTP profile negotiated; s_client said:\n${out}`);
	await new Promise((r) => setTimeout(r, 200)); // let a crash, if any, surface
	if (worker.died) die('worker died');
	back.close(); front.close(); worker.close();
	log('OK');
} finally {
	fs.rmSync(tmp, { recursive: true, force: true });
}
