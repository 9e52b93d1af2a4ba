import { describe, expect, it } from 'vitest';
import { Decoder, Encoder, PacketType, type Packet } from 'socket.io-parser';
import { withJson } from '../lib/rawJson.js';
import { rawJsonParser } from './rawJsonParser.js';

const encoder = new rawJsonParser.Encoder();
const stock = new Encoder();

function decode(text: string): Packet {
  const decoder = new Decoder();
  let packet: Packet | undefined;
  decoder.on('decoded', (p: Packet) => (packet = p));
  decoder.add(text);
  return packet!;
}

describe('rawJsonParser', () => {
  it('writes a payload that brings its own JSON with that JSON, the same text as the stock encoder', () => {
    const payload = { view: { version: 3, members: [{ id: 'a', name: 'Ann' }] } };
    const tagged = withJson(structuredClone(payload), () => JSON.stringify(payload));
    for (const packet of [
      { type: PacketType.EVENT, nsp: '/', data: ['session:updated', tagged] },
      { type: PacketType.EVENT, nsp: '/admin', id: 7, data: ['session:updated', tagged] },
    ]) {
      const [text] = encoder.encode(packet);
      expect(text).toBe(stock.encode({ ...packet, data: ['session:updated', payload] })[0]);
      expect(decode(text as string).data).toEqual(['session:updated', payload]);
    }
  });

  it('uses the JSON it is given, not the object: the object is not serialised again', () => {
    const tagged = withJson({ view: { version: 1 } }, () => '{"view":{"version":2}}');
    const [text] = encoder.encode({ type: PacketType.EVENT, nsp: '/', data: ['session:updated', tagged] });
    expect(decode(text as string).data).toEqual(['session:updated', { view: { version: 2 } }]);
  });

  it('leaves every other packet to the stock encoder (binary included)', () => {
    const plain = { type: PacketType.EVENT, nsp: '/', data: ['chat:message', { text: 'hi' }] };
    expect(encoder.encode(plain)).toEqual(stock.encode(plain));
    const ack = { type: PacketType.ACK, nsp: '/', id: 4, data: [{ ok: true }] };
    expect(encoder.encode(ack)).toEqual(stock.encode(ack));
    const binary = { type: PacketType.EVENT, nsp: '/', data: ['blob', Buffer.from([1, 2])] };
    expect(encoder.encode(binary)).toEqual(stock.encode(binary));
  });
});
