// T9's attacker, in a worker thread of its own (so its sending does not share the event loop
// it is measured against): an admitted participant's invite over a raw websocket, speaking
// engine.io/Socket.IO by hand. Once told to go it sends raiseHand/lowerHand with acks at
// `rate` events/s for `seconds`, and never reads a byte of what the server sends back, as a
// client that stopped reading would. Closed by the server, it connects again and goes on.
import { parentPort, workerData } from 'node:worker_threads';
import WebSocket from 'ws';

const { url, token, consent, rate, seconds } = workerData;
const wsUrl = `${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`;
const counts = { sent: 0, connections: 0, refusedConnections: 0, closedByServer: 0 };

/** Connects, enters (already admitted: in place), then stops reading. Resolves with the open socket, or undefined if refused. */
function connectAndEnter() {
  return new Promise((resolve) => {
    const ws = new WebSocket(wsUrl);
    ws.on('error', () => resolve(undefined));
    ws.on('close', () => resolve(undefined));
    ws.on('message', (raw) => {
      const msg = raw.toString();
      if (msg.startsWith('0{')) ws.send(`40${JSON.stringify({ invite: token })}`);
      else if (msg === '2') ws.send('3');
      else if (msg.startsWith('44')) {
        counts.refusedConnections++;
        ws.terminate();
      } else if (msg.startsWith('40')) ws.send(`420${JSON.stringify(['session:enter', { consent }])}`);
      else if (msg.startsWith('430')) {
        counts.connections++;
        // From here on nothing is read: the kernel's buffers fill, then the server's.
        ws.removeAllListeners('message');
        ws._socket.pause();
        resolve(ws);
      }
    });
  });
}

async function flood(first) {
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  let ws = first;
  let id = 1;
  while (performance.now() < until) {
    if (!ws || ws.readyState !== WebSocket.OPEN) {
      if (ws) counts.closedByServer++;
      ws = await connectAndEnter();
      if (!ws) await new Promise((r) => setTimeout(r, 100));
      continue;
    }
    // As many as the rate says are due by now, in one go every few milliseconds.
    const due = Math.floor(((performance.now() - started) * rate) / 1000) - counts.sent;
    for (let i = 0; i < due; i++) {
      ws.send(`42${id}${JSON.stringify(['session:command', { type: id % 2 === 1 ? 'raiseHand' : 'lowerHand' }])}`);
      id++;
      counts.sent++;
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  ws?.terminate();
}

const first = await connectAndEnter();
parentPort.postMessage({ ready: Boolean(first) });
parentPort.once('message', async () => {
  await flood(first);
  parentPort.postMessage({ done: counts });
});
