// The bench server as a child process (server-child.mjs): the same server and demo cohort as
// startBenchServer, but its CPU time and memory are its own, not shared with the clients.
import { fork } from 'node:child_process';

export async function startBenchServerProcess({ limits = {} } = {}) {
  // BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it exits (where its time goes).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = fork(new URL('./server-child.mjs', import.meta.url), [JSON.stringify(limits)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: profile });
  const pending = new Map();
  let nextId = 0;
  const ready = new Promise((resolve, reject) => {
    child.on('message', (m) => {
      if (m.ready) return resolve(m);
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (m.ok) p?.resolve(m.data);
      else p?.reject(new Error(m.error));
    });
    child.once('exit', (code) => {
      const err = new Error(`the bench server exited (${code})`);
      reject(err);
      for (const p of pending.values()) p.reject(err);
    });
  });
  const request = (op, args = {}) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      child.send({ id, op, ...args });
    });
  const { url, cookie } = await ready;
  const sockets = [];
  return {
    url,
    cookie,
    sockets,
    pid: child.pid,
    prepareGroup: (participants) => request('prepare', { participants }),
    /** The server's CPU time (process.cpuUsage) and RSS, and each media worker's CPU seconds and RSS. */
    usage: () => request('usage'),
    close: async () => {
      for (const s of sockets) s.disconnect();
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await request('close').catch(() => undefined);
      await exited;
    },
  };
}
