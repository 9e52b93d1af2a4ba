import { describe, expect, it } from 'vitest';
import { noteContentHash, type SignedContent } from './noteHash.js';

const facts: SignedContent['facts'] = {
  attendedMinutes: 170,
  treatmentMinutes: 150,
  modality: ['video'],
  modifier: '95',
  placeOfService: null,
  turnsTaken: 2,
  turnsPassed: 0,
  feedbackGiven: 3,
  feedbackReceived: 4,
  pulseAnswers: [{ question: 'Mood?', answer: 6 }],
  talkMinutes: 12.5,
  helpRequests: 0,
};
const content: SignedContent = {
  sessionId: 's1',
  memberId: 'm1',
  group: { topic: 'Coping skills', interventions: 'CBT' },
  individual: { template: 'DAP', data: 'Engaged.', assessment: 'Stable.', plan: 'Continue.' },
  facts,
  signature: { accountId: 'f1', name: 'Dana Reyes', credential: 'LCSW', at: 1_700_000_000_000 },
};

describe('noteContentHash', () => {
  it('[GNOTE1] is a SHA-256 that does not depend on the order fields were built in', () => {
    const reordered = { signature: content.signature, facts: { ...facts }, individual: { plan: 'Continue.', assessment: 'Stable.', data: 'Engaged.', template: 'DAP' as const }, group: content.group, memberId: 'm1', sessionId: 's1' };
    expect(noteContentHash(content)).toMatch(/^[0-9a-f]{64}$/);
    expect(noteContentHash(reordered)).toBe(noteContentHash(content));
  });

  it('[GNOTE1] changes with any word of the note, the facts or the signature', () => {
    const base = noteContentHash(content);
    expect(noteContentHash({ ...content, individual: { ...content.individual, plan: 'Continue!' } })).not.toBe(base);
    expect(noteContentHash({ ...content, group: null })).not.toBe(base);
    expect(noteContentHash({ ...content, facts: { ...facts, turnsTaken: 3 } })).not.toBe(base);
    expect(noteContentHash({ ...content, signature: { ...content.signature, credential: 'LPC' } })).not.toBe(base);
  });
});
