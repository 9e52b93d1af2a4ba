import { expect } from 'vitest';
import { SYSTEM, type Actor } from '@hearth/shared';
import { ModeratedSession } from '../ModeratedSession';
import { DEFAULT_CAPTURE } from '../localMedia';
import { SessionConnection } from '../SessionConnection';
import { fakeDevice, micOnlyStream } from './fakeMedia';
import { FakeSessionServer, type FakeMember } from './FakeSessionServer';

/** The facilitator, played by the fake server; the participant, played by the client under test. */
export const FACILITATOR: FakeMember = { id: 'F', displayName: 'Fran', role: 'facilitator' };
export const PARTICIPANT: FakeMember = { id: 'P', displayName: 'Pat', role: 'participant' };
export const byFacilitator: Actor = { kind: 'member', memberId: FACILITATOR.id };
export const consent = { agreed: true as const, location: 'Home, Springfield', callbackNumber: '+1 555 0100' };

/** A page for the participant on the fake server: the owner, its media child and the session on top. */
export function participantPage(server: FakeSessionServer) {
  const connection = new SessionConnection({ openSocket: server.socketFor(PARTICIPANT), createDevice: fakeDevice, resumable: true }, DEFAULT_CAPTURE);
  const session = new ModeratedSession(connection, DEFAULT_CAPTURE);
  const statuses: string[] = [];
  connection.subscribe(() => statuses.push(connection.status));
  return { connection, session, media: connection.media, statuses };
}

/**
 * The participant through the whole way in: the link, the pre-join (a microphone, no camera),
 * consent, the waiting room, admitted by the facilitator, and the call's media joined.
 */
export async function participantInRoom(server = new FakeSessionServer()) {
  server.run({ type: 'enter', member: FACILITATOR, consent: null }, SYSTEM);
  const page = participantPage(server);
  await page.session.start();
  await page.session.choseMedia(micOnlyStream());
  await page.session.enter(consent);
  server.run({ type: 'admit', memberId: PARTICIPANT.id }, byFacilitator);
  await expect.poll(() => page.media.getState().status).toBe('joined');
  return { server, ...page };
}
