#!/usr/bin/env node
// Makes sure mediasoup's worker binary exists at
// node_modules/mediasoup/worker/out/Release/mediasoup-worker and runs here.
//
// Why: mediasoup's own postinstall downloads a prebuilt worker from GitHub or
// builds it with pip-installed meson and downloaded subprojects. Where only the
// npm registry and Debian's apt are reachable, both fail; and `npm ci` wipes a
// worker built earlier. So: explicit binary, then a cache outside
// node_modules, then mediasoup's prebuilt download, then a build from the npm
// package's own sources against Debian 12 libraries (see README.md).
//
// Usage (from the repo root): node scripts/worker/obtain-worker.mjs
// No dependencies beyond Node built-ins.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, '..', '..');
const MEDIASOUP_DIR = path.join(REPO_ROOT, 'node_modules', 'mediasoup');
const TARGET = path.join(MEDIASOUP_DIR, 'worker', 'out', 'Release', 'mediasoup-worker');
const DOWNLOAD_TIMEOUT_MS = 20_000;

// Build tools and the Debian package that provides each.
const TOOLS = {
	meson: 'meson', ninja: 'ninja-build', 'pkg-config': 'pkg-config', cc: 'gcc',
	'c++': 'g++', patch: 'patch', strip: 'binutils', flatc: 'flatbuffers-compiler',
};
// pkg-config modules the patched meson.build asks for, and their -dev packages.
const PKG_MODULES = {
	'libuv-static': 'libuv1-dev', openssl: 'libssl-dev', libsrtp2: 'libsrtp2-dev',
	flatbuffers: 'libflatbuffers-dev', absl_strings: 'libabsl-dev', absl_optional: 'libabsl-dev',
};

const log = (msg) => console.log(`[worker] ${msg}`);

class Failure extends Error {}
const fail = (msg) => { throw new Failure(msg); };

// Same check as mediasoup's npm-scripts.mjs (downloadPrebuiltWorker): run the
// worker with an empty environment, so without MEDIASOUP_VERSION; a binary that
// loads and starts exits with 41. Anything else (127 for a missing shared
// library, a signal, ...) means it cannot run on this host.
function checkWorker(bin) {
	try {
		fs.accessSync(bin, fs.constants.X_OK);
	} catch {
		return { ok: false, why: fs.existsSync(bin) ? 'not executable' : 'missing' };
	}
	const res = spawnSync(bin, [], { env: {}, stdio: 'ignore', timeout: 10_000 });
	if (res.status === 41) return { ok: true };
	return { ok: false, why: `does not run here (${res.error?.message ?? (res.signal ? `signal ${res.signal}` : `exit status ${res.status}`)}, expected 41)` };
}

// Copy to a temporary name next to the destination, then rename: a reader
// (mediasoup, a concurrent run) never sees a half-written binary.
function installFile(src, dest) {
	fs.mkdirSync(path.dirname(dest), { recursive: true });
	const tmp = `${dest}.tmp-${process.pid}`;
	fs.copyFileSync(src, tmp);
	fs.chmodSync(tmp, 0o755);
	fs.renameSync(tmp, dest);
}

function run(cmd, args, opts = {}) {
	log(`$ ${[cmd, ...args].join(' ')}`);
	const res = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
	if (res.error) fail(`${cmd} could not be started: ${res.error.message}`);
	if (res.status !== 0) fail(`${cmd} failed (exit status ${res.status ?? `signal ${res.signal}`})`);
}

function onPath(tool) {
	return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
		try { fs.accessSync(path.join(dir, tool), fs.constants.X_OK); return true; } catch { return false; }
	});
}

// Mirrors getWorkerPrebuildTarName() and downloadPrebuiltWorker() in
// node_modules/mediasoup/npm-scripts.mjs, but with a timeout (a blocked
// network must not hang the install) and the system `tar` instead of the npm
// `tar` package.
async function tryPrebuilt(pkg, cacheBin) {
	if (process.env.MEDIASOUP_SKIP_WORKER_PREBUILT_DOWNLOAD) {
		log('MEDIASOUP_SKIP_WORKER_PREBUILT_DOWNLOAD is set: not trying the prebuilt download');
		return false;
	}
	let name = `mediasoup-worker-${pkg.version}-${os.platform()}-${os.arch()}`;
	if (os.platform() === 'linux') name += `-kernel${Number(os.release().split('.')[0])}`;
	const base = process.env.MEDIASOUP_WORKER_PREBUILT_DOWNLOAD_BASE_URL ||
		`${pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '')}/releases/download`;
	const url = `${base}/${pkg.version}/${name}.tgz`;
	log(`trying mediasoup's prebuilt worker: ${url}`);
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-worker-dl-'));
	try {
		// One signal for the request and the body: ~20 s in total.
		const res = await fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
		if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`);
		const tgz = path.join(tmp, `${name}.tgz`);
		fs.writeFileSync(tgz, Buffer.from(await res.arrayBuffer()));
		const tar = spawnSync('tar', ['-xzf', tgz, '-C', tmp], { stdio: 'inherit' });
		if (tar.status !== 0) throw new Error('tar could not extract the archive');
		const bin = path.join(tmp, 'mediasoup-worker');
		if (fs.existsSync(bin)) fs.chmodSync(bin, 0o755);
		const check = checkWorker(bin);
		if (!check.ok) throw new Error(`the downloaded worker ${check.why}`);
		installFile(bin, cacheBin);
		log(`prebuilt worker downloaded and stored in ${cacheBin}`);
		return true;
	} catch (err) {
		const why = err.name === 'TimeoutError' ? `timed out after ${DOWNLOAD_TIMEOUT_MS / 1000} s` : `${err.message}${err.cause ? ` (${err.cause.code ?? err.cause.message})` : ''}`;
		log(`prebuilt download failed: ${why}; building from sources instead`);
		return false;
	} finally {
		fs.rmSync(tmp, { recursive: true, force: true });
	}
}

function checkBuildPrerequisites(version) {
	if (os.platform() !== 'linux') fail(`building the worker from sources is only supported on Linux (Debian 12); this is ${os.platform()}`);
	const missing = new Set();
	const missingTools = Object.keys(TOOLS).filter((t) => !onPath(t));
	for (const t of missingTools) missing.add(TOOLS[t]);
	const missingModules = [];
	if (!missingTools.includes('pkg-config')) {
		for (const [mod, deb] of Object.entries(PKG_MODULES)) {
			if (spawnSync('pkg-config', ['--exists', mod]).status !== 0) { missingModules.push(mod); missing.add(deb); }
		}
	}
	if (missing.size) {
		const what = [...missingTools.map((t) => `tool '${t}'`), ...missingModules.map((m) => `pkg-config module '${m}'`)];
		fail(`cannot build mediasoup-worker ${version}: missing ${what.join(', ')}.\n` +
			`[worker] Install the Debian packages with:\n  apt-get install -y ${[...missing].join(' ')}`);
	}
	const patchFile = path.join(HERE, 'patches', `mediasoup-${version}.patch`);
	if (!fs.existsSync(patchFile)) {
		fail(`no patch for mediasoup ${version} (expected ${path.relative(REPO_ROOT, patchFile)}); ` +
			'the offline build is only known to work for the versions in scripts/worker/patches/. ' +
			'Port the patch to this version or install the mediasoup version it was made for.');
	}
	return patchFile;
}

function buildFromSources(version, patchFile, cacheBin) {
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-worker-build-'));
	const src = path.join(tmp, 'worker');
	const build = path.join(tmp, 'build');
	try {
		// Patch a copy: the installed package stays pristine, so `npm ci` and a
		// later patch version behave as usual.
		log(`copying node_modules/mediasoup/worker to ${src}`);
		const workerDir = path.join(MEDIASOUP_DIR, 'worker');
		fs.cpSync(workerDir, src, {
			recursive: true,
			filter: (p) => !['out', 'prebuild', 'pip_invoke'].includes(path.relative(workerDir, p)),
		});
		log(`applying ${path.relative(REPO_ROOT, patchFile)}`);
		run('patch', ['--batch', '--forward', '-p1', '-d', src, '-i', patchFile]);
		log('configuring (meson)');
		run('meson', ['setup', '--buildtype', 'release', '-Db_ndebug=true', '--wrap-mode=nodownload', build, src]);
		log('compiling (ninja; about 5 minutes on 2 cores)');
		const started = Date.now();
		run('ninja', ['-C', build, 'mediasoup-worker']);
		log(`compiled in ${Math.round((Date.now() - started) / 1000)} s`);
		const bin = path.join(build, 'mediasoup-worker');
		run('strip', [bin]);
		const check = checkWorker(bin);
		if (!check.ok) fail(`the freshly built worker ${check.why}`);
		installFile(bin, cacheBin);
		log(`built worker stored in ${cacheBin}`);
	} finally {
		log(`removing ${tmp}`);
		fs.rmSync(tmp, { recursive: true, force: true });
	}
}

async function main() {
	const pkgFile = path.join(MEDIASOUP_DIR, 'package.json');
	if (!fs.existsSync(pkgFile)) fail(`mediasoup is not installed (${pkgFile} is missing): run npm ci first`);
	const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
	const version = pkg.version;
	log(`mediasoup ${version} installed; worker target ${path.relative(REPO_ROOT, TARGET)}`);

	// 1. An explicitly given binary wins (same variable mediasoup reads).
	const given = process.env.MEDIASOUP_WORKER_BIN;
	if (given) {
		const check = checkWorker(given);
		if (check.ok) {
			installFile(given, TARGET);
			log(`using MEDIASOUP_WORKER_BIN=${given}: copied into place`);
			return;
		}
		// A dummy value is a known trick to skip mediasoup's postinstall: ignore it.
		log(`ignoring MEDIASOUP_WORKER_BIN=${given}: ${check.why}`);
	}

	// 2. Cache outside node_modules, so that `npm ci` (which wipes node_modules)
	// does not cost a rebuild. Keyed by version, platform and the patch's hash, so
	// a changed patch is rebuilt rather than an old build reused.
	const cacheRoot = process.env.HEARTH_CACHE_DIR ||
		path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'hearth');
	const patchPath = path.join(HERE, 'patches', `mediasoup-${version}.patch`);
	const patchHash = fs.existsSync(patchPath)
		? createHash('sha256').update(fs.readFileSync(patchPath)).digest('hex').slice(0, 12)
		: 'nopatch';
	const cacheBin = path.join(cacheRoot, 'mediasoup-worker', `${version}-${os.platform()}-${os.arch()}-${patchHash}`, 'mediasoup-worker');
	const cached = checkWorker(cacheBin);
	if (cached.ok) {
		installFile(cacheBin, TARGET);
		log(`reusing cached worker built for ${version} (${cacheBin})`);
		return;
	}
	log(`no usable cached worker (${cacheBin}: ${cached.why})`);

	// 3. Already in place (e.g. mediasoup's own postinstall downloaded it)?
	const inPlace = checkWorker(TARGET);
	if (inPlace.ok) { log('worker already in place and runs: nothing to do'); return; }
	log(`no usable worker in node_modules (${inPlace.why})`);

	// 4. mediasoup's own prebuilt binary (works wherever GitHub is reachable),
	// 5. else build from the npm package's sources.
	if (!(await tryPrebuilt(pkg, cacheBin))) {
		const patchFile = checkBuildPrerequisites(version);
		buildFromSources(version, patchFile, cacheBin);
	}
	installFile(cacheBin, TARGET);
	const final = checkWorker(TARGET);
	if (!final.ok) fail(`worker copied into place but ${final.why}`);
	log(`worker ready: ${path.relative(REPO_ROOT, TARGET)}`);
}

main().catch((err) => {
	console.error(`[worker] ERROR: ${err instanceof Failure ? err.message : err.stack}`);
	process.exit(1);
});
