import { z } from 'zod';
import { commands, fail, ok, type Ack, type CommandName, type CommandResponse } from '@hearth/shared';
import type { Socket } from 'socket.io';
import { errors as mediasoupErrors } from 'mediasoup';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';

type Parsed<K extends CommandName> = z.output<(typeof commands)[K]['request']>;

/**
 * Registers one command. The payload is parsed with its schema before the handler sees
 * it; every outcome (bad payload, refused, failed, done) is answered through the Ack, and
 * nothing a handler throws escapes into Socket.IO. A call without an ack callback gets no
 * answer and does nothing, since nobody is listening for one.
 */
export function handle<K extends CommandName>(
  socket: Socket,
  name: K,
  log: Logger,
  handler: (request: Parsed<K>) => Promise<CommandResponse<K>>,
): void {
  const event: string = name;
  socket.on(event, async (...args: unknown[]) => {
    const ack = args.at(-1);
    if (typeof ack !== 'function') {
      log.debug({ event: name }, 'command without ack ignored');
      return;
    }
    const reply = (response: Ack<unknown>) => {
      try {
        ack(response);
      } catch {
        // The socket went away; nothing to answer.
      }
    };
    // A client's mistake: a warning naming the command, never the payload (it may hold
    // anything) and never a stack (nothing in the server went wrong).
    const mistake = (code: string, why: string) => log.warn({ event: name, code, why }, 'client request refused');
    if (args.length !== 2) {
      mistake('INVALID_PAYLOAD', 'wrong number of arguments');
      reply(fail('INVALID_PAYLOAD', `${name} takes one payload and an ack`));
      return;
    }
    const parsed = commands[name].request.safeParse(args[0]);
    if (!parsed.success) {
      mistake('INVALID_PAYLOAD', parsed.error.issues.slice(0, 3).map((i) => `${i.path.map(String).join('.') || '(payload)'}: ${i.code}`).join('; ').slice(0, 200));
      reply(fail('INVALID_PAYLOAD', z.prettifyError(parsed.error)));
      return;
    }
    try {
      reply(ok(await handler(parsed.data as Parsed<K>)));
    } catch (err) {
      if (err instanceof AppError) {
        reply(fail(err.code, err.message));
      } else if (err instanceof mediasoupErrors.NotFoundError) {
        // The object closed in the worker while the request was queued (its producer or peer
        // just went away): an ordinary race, not a fault.
        reply(fail('NOT_FOUND', 'that media is gone'));
      } else if (err instanceof TypeError || err instanceof mediasoupErrors.UnsupportedError) {
        // mediasoup refuses bad RTP/DTLS parameters with a TypeError, and codecs the router
        // does not offer with an UnsupportedError: the client's mistake, not the server's.
        mistake('MEDIA_ERROR', err.message);
        reply(fail('MEDIA_ERROR', err.message));
      } else {
        log.error({ err, event: name }, 'command failed');
        reply(fail('INTERNAL', 'the server could not do that'));
      }
    }
  });
}
