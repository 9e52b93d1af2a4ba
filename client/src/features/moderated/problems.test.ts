import { describe, expect, it } from 'vitest';
import { problemWordsFor } from './problems';

describe('a full server, in words for whoever met it', () => {
  it('tells a facilitator their group was not started and the running groups are unaffected', () => {
    const words = problemWordsFor('SERVER_FULL', 'facilitator');
    expect(words.title).toBe('Hearth cannot start this group right now');
    expect(words.text).toMatch(/groups in progress are not affected/);
    expect(words.next).toMatch(/administrator/);
  });
  it('tells a participant it is not their device, and to contact the clinic', () => {
    const words = problemWordsFor('SERVER_FULL', 'participant');
    expect(words.text).toMatch(/Nothing is wrong with your phone/);
    expect(words.next).toMatch(/contact your clinic/);
  });
});
