// A network that can be cut, for T7: a browser in a network namespace of its own, reaching
// this machine through a second namespace that routes (browser ⇄ router ⇄ host, two veth
// pairs). Cutting makes the router discard what it would forward: every interface stays up,
// as a phone's Wi-Fi does when the line behind it drops, and every packet both
// ways is silently lost (blackhole routes in the router: no ICMP tells anyone) until it comes
// back. Needs root (ip netns); tc netem is not in this kernel.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ip = (...args) => execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });

export function canCutNetwork() {
  if (process.getuid?.() !== 0) return false;
  try {
    ip('netns', 'list');
    return true;
  } catch {
    return false;
  }
}

/** Sets the namespaces up; `close()` removes them (and their veths with them). */
export function createDropNetwork(chromiumPath) {
  const tag = `h${process.pid % 100_000}`;
  const [browserNs, routerNs] = [`${tag}-b`, `${tag}-r`];
  // A /30 per link, from a block unlikely to be in use here; the pid keeps parallel runs apart.
  const net = 16 + (process.pid % 200);
  const hostIp = `10.${net}.1.1`;
  const browserIp = `10.${net}.2.2`;
  const close = () => {
    for (const ns of [browserNs, routerNs]) {
      try {
        ip('netns', 'del', ns);
      } catch {
        // Not made, or gone already.
      }
    }
  };
  try {
    ip('netns', 'add', browserNs);
    ip('netns', 'add', routerNs);
    ip('link', 'add', `${tag}h`, 'type', 'veth', 'peer', 'name', `${tag}rh`);
    ip('link', 'add', `${tag}rb`, 'type', 'veth', 'peer', 'name', `${tag}b`);
    ip('link', 'set', `${tag}rh`, 'netns', routerNs);
    ip('link', 'set', `${tag}rb`, 'netns', routerNs);
    ip('link', 'set', `${tag}b`, 'netns', browserNs);
    ip('addr', 'add', `${hostIp}/30`, 'dev', `${tag}h`);
    ip('link', 'set', `${tag}h`, 'up');
    ip('route', 'add', `10.${net}.2.0/30`, 'via', `10.${net}.1.2`);
    const inRouter = (...args) => ip('netns', 'exec', routerNs, 'ip', ...args);
    inRouter('addr', 'add', `10.${net}.1.2/30`, 'dev', `${tag}rh`);
    inRouter('addr', 'add', `10.${net}.2.1/30`, 'dev', `${tag}rb`);
    for (const dev of ['lo', `${tag}rh`, `${tag}rb`]) inRouter('link', 'set', dev, 'up');
    execFileSync('ip', ['netns', 'exec', routerNs, 'sysctl', '-qw', 'net.ipv4.ip_forward=1']);
    const inBrowser = (...args) => ip('netns', 'exec', browserNs, 'ip', ...args);
    inBrowser('addr', 'add', `${browserIp}/30`, 'dev', `${tag}b`);
    for (const dev of ['lo', `${tag}b`]) inBrowser('link', 'set', dev, 'up');
    inBrowser('route', 'add', 'default', 'via', `10.${net}.2.1`);
  } catch (err) {
    close();
    throw err;
  }
  // Playwright starts "the browser" by path: this one starts Chromium inside the namespace.
  const launcher = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-t7-')), 'chromium');
  fs.writeFileSync(launcher, `#!/bin/sh\nexec ip netns exec ${browserNs} ${chromiumPath} "$@"\n`, { mode: 0o755 });
  return {
    hostIp,
    launcher,
    /** Every packet between the browser and this machine is lost from now on. */
    cut: () => {
      for (const to of [hostIp, browserIp]) ip('netns', 'exec', routerNs, 'ip', 'route', 'add', 'blackhole', `${to}/32`);
    },
    restore: () => {
      for (const to of [hostIp, browserIp]) ip('netns', 'exec', routerNs, 'ip', 'route', 'del', 'blackhole', `${to}/32`);
    },
    close: () => {
      close();
      fs.rmSync(path.dirname(launcher), { recursive: true, force: true });
    },
  };
}
