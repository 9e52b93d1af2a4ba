#!/usr/bin/env node
// Smoke test for the worker that obtain-worker.mjs put in node_modules:
// worker -> router (opus + VP8) -> WebRtcTransport on 127.0.0.1, then close.
// Run from the repo root: node scripts/worker/smoke.mjs
//
// It runs no DTLS handshake and no SRTP (that needs a real browser or another
// DTLS client); it proves the binary starts, speaks the Node<->worker channel,
// and binds sockets.

import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// With MEDIASOUP_WORKER_BIN set, mediasoup would run that binary instead of
// the one in node_modules, which is the one under test here.
if (process.env.MEDIASOUP_WORKER_BIN) {
	console.error('[smoke] unset MEDIASOUP_WORKER_BIN: this tests node_modules/mediasoup/worker/out/Release/mediasoup-worker');
	process.exit(1);
}

// Resolve mediasoup from the repo root, as the app does.
const require = createRequire(path.join(REPO_ROOT, 'package.json'));
const mediasoup = require('mediasoup');

const timeout = setTimeout(() => {
	console.error('[smoke] FAIL: timed out after 20 s');
	process.exit(1);
}, 20_000);

let worker;
try {
	console.log(`[smoke] mediasoup ${mediasoup.version}`);
	worker = await mediasoup.createWorker({ logLevel: 'warn' });
	console.log(`[smoke] worker.pid ${worker.pid}`);
	worker.on('died', (err) => { console.error(`[smoke] FAIL: worker died: ${err}`); process.exit(1); });

	const router = await worker.createRouter({
		mediaCodecs: [
			{ kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2 },
			{ kind: 'video', mimeType: 'video/VP8', clockRate: 90000 },
		],
	});
	const codecs = router.rtpCapabilities.codecs.map((c) => c.mimeType);
	console.log(`[smoke] router ${router.id} codecs ${codecs.join(', ')}`);

	const transport = await router.createWebRtcTransport({
		listenInfos: [{ protocol: 'udp', ip: '127.0.0.1' }],
	});
	const cand = transport.iceCandidates[0];
	console.log(`[smoke] webrtc transport ${transport.id} ice candidate ${cand.protocol} ${cand.address}:${cand.port}`);
	console.log(`[smoke] dtls fingerprints ${transport.dtlsParameters.fingerprints.map((f) => f.algorithm).join(', ')}`);

	const usage = await worker.getResourceUsage();
	console.log(`[smoke] worker maxrss ${usage.ru_maxrss} KiB`);

	transport.close();
	router.close();
	worker.close();
	clearTimeout(timeout);
	console.log('[smoke] OK');
} catch (err) {
	console.error(`[smoke] FAIL: ${err.stack ?? err}`);
	worker?.close();
	process.exit(1);
}
