import { describe, expect, it } from 'vitest';
import { chosenIds, leadsSentence } from './cohortFacilitators';

const f = (displayName: string, assigned: boolean) => ({ id: displayName.toLowerCase(), displayName, email: `${displayName}@clinic.test`, assigned });

describe('leadsSentence', () => {
  it('names the assigned facilitators only, in a sentence', () => {
    expect(leadsSentence([f('Fran', true), f('Uma', false)])).toBe('Fran leads this cohort.');
    expect(leadsSentence([f('Fran', true), f('Sam', true)])).toBe('Fran and Sam lead this cohort.');
    expect(leadsSentence([f('Fran', true), f('Sam', true), f('Ana', true)])).toBe('Fran, Sam and Ana lead this cohort.');
  });

  it('says that only admins reach a cohort nobody leads', () => {
    expect(leadsSentence([f('Uma', false)])).toBe('No facilitator is assigned yet: only clinic admins can open this cohort.');
    expect(leadsSentence([])).toBe('No facilitator is assigned yet: only clinic admins can open this cohort.');
  });
});

describe('chosenIds', () => {
  it('sends the ticked ids in the list’s order, and nothing unknown to the list', () => {
    expect(chosenIds([f('Ana', false), f('Fran', true), f('Sam', false)], new Set(['sam', 'ana', 'ghost']))).toEqual(['ana', 'sam']);
  });
});
