import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_PATH } from '../chromium.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * A weak network on this machine only, made and removed by the test: a "phone" network
 * namespace whose Chromium reaches the host through a "link" namespace that shapes the traffic.
 *
 *   phone ns: hp<id> 10.213.7.2 ──veth── hla<id> | link ns: linkEmulator.py | hlb<id> ──veth── hh<id> 10.213.7.1 (host)
 *
 * The rate is the kernel's `tbf` on both egresses of the link namespace (each direction); the
 * delay and the loss are linkEmulator.py's, because this kernel has no netem (see its header).
 * 10.213.7.0/24 is used by nothing else here; no route leads off the machine.
 */
export type LinkShape = { oneWayDelayMs: number; lossPercent: number; rateKbit: number };
export type ShapedLink = {
  /** The host's address on the link: the server listens here, so every browser uses it. */
  hostAddress: string;
  /** An executable that runs Debian's Chromium inside the phone namespace (for Playwright's executablePath). */
  chromiumInPhone: string;
  /** Removes namespaces, interfaces and the emulator; the emulator's counts. Idempotent. */
  close(): Promise<EmulatorCounts | undefined>;
};
/** sendErrors: frames the shaper's full queue refused, both ways; sendErrorsToA: of them, those towards the phone. */
export type EmulatorCounts = { forwarded: number; lost: number; overflow: number; sendErrors: number; sendErrorsToA: number };

const PREFIX = 'hearth-net-';
const HOST_ADDRESS = '10.213.7.1';
const PHONE_ADDRESS = '10.213.7.2';

const ip = (...args: string[]) => execFileSync('ip', args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
const inNs = (ns: string, ...args: string[]) => ip('netns', 'exec', ns, ...args);

/** Namespaces of an earlier run that crashed before its teardown (their interfaces go with them). */
export function removeStaleNamespaces(): void {
  for (const line of ip('netns', 'list').split('\n')) {
    const name = line.split(' ')[0] ?? '';
    if (name.startsWith(PREFIX)) ip('netns', 'del', name);
  }
}

export async function openShapedLink(shape: LinkShape, lifetimeSeconds = 600): Promise<ShapedLink> {
  removeStaleNamespaces();
  const id = String(process.pid % 100_000);
  const phone = `${PREFIX}phone-${id}`;
  const link = `${PREFIX}link-${id}`;
  const [phoneIf, linkA, linkB, hostIf] = [`hp${id}`, `hla${id}`, `hlb${id}`, `hh${id}`];
  const dir = mkdtempSync(path.join(tmpdir(), 'hearth-net-'));
  let emulator: ChildProcess | undefined;
  const lines: string[] = [];
  const teardown = async (): Promise<EmulatorCounts | undefined> => {
    let counts: EmulatorCounts | undefined;
    if (emulator && emulator.exitCode === null) {
      const ended = new Promise<void>((resolve) => emulator!.once('exit', () => resolve()));
      emulator.stdin!.end();
      // It ends within half a second of its input closing; if not, it is killed (counts lost).
      const killer = setTimeout(() => emulator!.kill('SIGKILL'), 5_000);
      await ended;
      clearTimeout(killer);
      counts = JSON.parse(lines.at(-1) ?? 'null') as EmulatorCounts | undefined;
    }
    for (const ns of [phone, link]) {
      try {
        ip('netns', 'del', ns);
      } catch {
        // already gone
      }
    }
    try {
      ip('link', 'del', hostIf);
    } catch {
      // went with its namespace's peer
    }
    rmSync(dir, { recursive: true, force: true });
    return counts ?? undefined;
  };
  try {
    ip('netns', 'add', phone);
    ip('netns', 'add', link);
    ip('link', 'add', phoneIf, 'netns', phone, 'type', 'veth', 'peer', 'name', linkA, 'netns', link);
    ip('link', 'add', hostIf, 'type', 'veth', 'peer', 'name', linkB, 'netns', link);
    // The link namespace only forwards frames: no addresses, no IPv6 chatter of its own.
    inNs(link, 'sysctl', '-qw', 'net.ipv6.conf.all.disable_ipv6=1');
    inNs(phone, 'sysctl', '-qw', 'net.ipv6.conf.all.disable_ipv6=1');
    for (const dev of [linkA, linkB]) inNs(link, 'ip', 'link', 'set', dev, 'promisc', 'on', 'up');
    // Each direction's rate at the link's egress; a queue of at most 300 ms, as a phone link's buffer.
    for (const dev of [linkA, linkB]) inNs(link, 'tc', 'qdisc', 'add', 'dev', dev, 'root', 'tbf', 'rate', `${shape.rateKbit}kbit`, 'burst', '3000', 'latency', '300ms');
    inNs(phone, 'ip', 'addr', 'add', `${PHONE_ADDRESS}/24`, 'dev', phoneIf);
    inNs(phone, 'ip', 'link', 'set', phoneIf, 'up');
    inNs(phone, 'ip', 'link', 'set', 'lo', 'up');
    ip('addr', 'add', `${HOST_ADDRESS}/24`, 'dev', hostIf);
    ip('link', 'set', hostIf, 'up');
    // veth leaves UDP checksums to "the hardware"; frames the emulator copies would arrive with none.
    inNs(phone, 'ethtool', '-K', phoneIf, 'tx', 'off');
    execFileSync('ethtool', ['-K', hostIf, 'tx', 'off'], { stdio: 'ignore' });
    emulator = spawn('ip', ['netns', 'exec', link, 'python3', path.join(here, 'linkEmulator.py'), linkA, linkB, String(shape.oneWayDelayMs), String(shape.lossPercent), String(lifetimeSeconds)], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const started = new Promise<void>((resolve, reject) => {
      emulator!.once('exit', (code) => reject(new Error(`link emulator ended at start (${code})`)));
      createInterface({ input: emulator!.stdout! }).on('line', (line) => {
        lines.push(line);
        if (line === 'ready') resolve();
      });
    });
    await started;
    const chromiumInPhone = path.join(dir, 'chromium-in-phone');
    writeFileSync(chromiumInPhone, `#!/bin/sh\nexec ip netns exec ${phone} ${CHROMIUM_PATH} "$@"\n`);
    chmodSync(chromiumInPhone, 0o755);
    return { hostAddress: HOST_ADDRESS, chromiumInPhone, close: teardown };
  } catch (err) {
    await teardown();
    throw err;
  }
}
