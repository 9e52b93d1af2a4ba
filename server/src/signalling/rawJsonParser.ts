import * as parser from 'socket.io-parser';
import { rawJsonOf } from '../lib/rawJson.js';

type Packet = parser.Packet;

/**
 * Socket.IO's own parser, but an event whose payload brings its own JSON (lib/rawJson.ts) is
 * written with it: the session's snapshots are serialised once per shared part rather than
 * once per member, and skip the binary scan of the whole view (T2b). On the wire it is the
 * same text the stock encoder writes, so clients use the stock parser.
 */
class RawJsonEncoder extends parser.Encoder {
  override encode(packet: Packet): ReturnType<parser.Encoder['encode']> {
    const args: unknown[] | undefined = packet.type === parser.PacketType.EVENT && Array.isArray(packet.data) ? (packet.data as unknown[]) : undefined;
    const raw = args?.map(rawJsonOf);
    if (!args || !raw?.some((json) => json !== undefined)) return super.encode(packet);
    const data = args.map((arg, i) => raw[i] ?? JSON.stringify(arg) ?? 'null').join(',');
    // As encodeAsString: type, then a namespace other than '/' and a comma, then the ack id.
    const nsp = packet.nsp && packet.nsp !== '/' ? `${packet.nsp},` : '';
    return [`${packet.type}${nsp}${packet.id ?? ''}[${data}]`];
  }
}

export const rawJsonParser = { ...parser, Encoder: RawJsonEncoder };
