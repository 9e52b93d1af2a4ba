// Sign-in under a flood (issue 12): 200 wrong sign-ins at once for different emails, while the
// real staff member signs in from their own address. Before the hashing limit and throttle, the
// staff member waited 9.8 s. Real server, real scrypt; the flood's addresses are loopback
// addresses (127.0.0.2, or 127.0.1.1… for "many addresses"), as the server sees them.
import http from 'node:http';
import { loadConfig } from '../server/dist/config.js';
import { createLogger } from '../server/dist/logger.js';
import { startServer } from '../server/dist/startServer.js';
import { ms } from './stats.mjs';

const ADMIN = { email: 'admin@bench.example', password: 'bench admin password', displayName: 'Ada' };

function post(url, body, localAddress) {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, localAddress }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, ms: performance.now() - started }));
    });
    req.once('error', reject);
    req.end(JSON.stringify(body));
  });
}

const tally = (results) => Object.entries(results.reduce((t, r) => ({ ...t, [r.status]: (t[r.status] ?? 0) + 1 }), {})).map(([s, n]) => `${n}×${s}`).join(' ');

export async function runSignInFlood({ flood = 200, log = console.log } = {}) {
  const server = await startServer(
    loadConfig({ PORT: '0', HOST: '127.0.0.1', MEDIASOUP_WORKERS: '1', MEDIA_LISTEN_IP: '127.0.0.1', LOG_LEVEL: 'error' }),
    createLogger('error'),
    { announce: () => {} },
  );
  const login = `${server.url}/api/auth/login`;
  try {
    await post(`${server.url}/api/setup/admin`, ADMIN, '127.0.0.1');
    const staff = { email: ADMIN.email, password: ADMIN.password };
    const idle = await post(login, staff, '127.0.0.1');
    log(`sign-in flood: the staff member alone: ${ms(idle.ms)} (${idle.status})`);
    for (const [label, from] of [
      ['from one address', () => '127.0.0.2'],
      ['from many addresses', (i) => `127.0.${2 + Math.floor(i / 250)}.${1 + (i % 250)}`],
    ]) {
      const wrong = Array.from({ length: flood }, (_, i) => post(login, { email: `guess${i}@bench.example`, password: 'wrong password' }, from(i)));
      const mine = post(login, staff, '127.0.0.1');
      const [results, own] = await Promise.all([Promise.all(wrong), mine]);
      const slowest = Math.max(...results.map((r) => r.ms));
      log(`sign-in flood: ${flood} wrong sign-ins ${label}: the staff member's took ${ms(own.ms)} (${own.status}); the flood was answered ${tally(results)}, the slowest in ${ms(slowest)}`);
    }
  } finally {
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runSignInFlood();
  process.exit(0);
}
