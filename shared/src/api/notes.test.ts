import { describe, expect, it } from 'vitest';
import { DisclosureRequest } from './disclosures.js';
import { AddendumRequest, emptyIndividual, GroupSection, IndividualSection, NOTE_SECTION_MAX, NoteDraft, NotesSettings, SignRequest, TEMPLATE_SECTIONS } from './notes.js';

describe('note templates', () => {
  it('has the published sections of DAP, SOAP and BIRP, in order', () => {
    expect(TEMPLATE_SECTIONS.DAP.map((s) => s.label)).toEqual(['Data', 'Assessment', 'Plan']);
    expect(TEMPLATE_SECTIONS.SOAP.map((s) => s.label)).toEqual(['Subjective', 'Objective', 'Assessment', 'Plan']);
    expect(TEMPLATE_SECTIONS.BIRP.map((s) => s.label)).toEqual(['Behavior', 'Intervention', 'Response', 'Plan']);
  });

  it('makes every section of a template, empty, for a new draft', () => {
    expect(emptyIndividual('SOAP')).toEqual({ template: 'SOAP', subjective: '', objective: '', assessment: '', plan: '' });
    for (const [template, sections] of Object.entries(TEMPLATE_SECTIONS)) {
      expect(Object.keys(emptyIndividual(template as 'DAP')).sort()).toEqual(['template', ...sections.map((s) => s.key)].sort());
    }
  });
});

describe('IndividualSection and NoteDraft', () => {
  it('takes a draft with sections left empty, trimmed', () => {
    expect(NoteDraft.parse({ individual: { template: 'DAP', data: '  came on time  ' } })).toEqual({ individual: { template: 'DAP', data: 'came on time', assessment: '', plan: '' } });
  });

  it("refuses another template's sections, an unknown template and an oversized section", () => {
    expect(IndividualSection.safeParse({ template: 'DAP', subjective: 'x' }).success).toBe(false);
    expect(IndividualSection.safeParse({ template: 'GIRP' }).success).toBe(false);
    expect(IndividualSection.safeParse({ template: 'BIRP', behavior: 'x'.repeat(NOTE_SECTION_MAX + 1) }).error?.issues[0]?.message).toContain('under 2000');
    expect(IndividualSection.safeParse({ template: 'BIRP', behavior: 'x'.repeat(NOTE_SECTION_MAX) }).success).toBe(true);
    expect(NoteDraft.safeParse({ individual: { template: 'DAP' }, signature: 'me' }).success).toBe(false);
  });
});

describe('GroupSection', () => {
  it('needs a topic; the interventions may wait', () => {
    expect(GroupSection.parse({ topic: ' Relapse prevention ' })).toEqual({ topic: 'Relapse prevention', interventions: '' });
    expect(GroupSection.safeParse({ topic: '   ', interventions: 'CBT' }).error?.issues[0]?.message).toBe('Enter the topic.');
    expect(GroupSection.safeParse({ topic: 'x'.repeat(201) }).success).toBe(false);
  });
});

describe('SignRequest', () => {
  it('needs both a name and a credential, and nothing the server stamps', () => {
    expect(SignRequest.parse({ name: ' Dana Reyes ', credential: 'LCSW' })).toEqual({ name: 'Dana Reyes', credential: 'LCSW' });
    expect(SignRequest.safeParse({ name: 'Dana Reyes' }).error?.issues[0]?.message).toBe('Enter your credential (e.g. LCSW).');
    expect(SignRequest.safeParse({ name: ' ', credential: 'LCSW' }).error?.issues[0]?.message).toBe('Enter your name as you sign.');
    expect(SignRequest.safeParse({ name: 'Dana', credential: 'x'.repeat(41) }).success).toBe(false);
    expect(SignRequest.safeParse({ name: 'Dana', credential: 'LCSW', at: '2020-01-01' }).success).toBe(false);
  });
});

describe('AddendumRequest, DisclosureRequest and NotesSettings', () => {
  it('needs addendum text within the limit', () => {
    expect(AddendumRequest.safeParse({ text: '' }).success).toBe(false);
    expect(AddendumRequest.safeParse({ text: 'x'.repeat(NOTE_SECTION_MAX + 1) }).success).toBe(false);
    expect(AddendumRequest.parse({ text: ' late entry ' })).toEqual({ text: 'late entry' });
  });

  it('needs a recipient and a purpose for every export', () => {
    expect(DisclosureRequest.parse({ recipient: 'Payer X', purpose: 'billing' })).toEqual({ recipient: 'Payer X', purpose: 'billing' });
    expect(DisclosureRequest.safeParse({ recipient: 'Payer X' }).error?.issues[0]?.message).toBe('Say why it is disclosed.');
    expect(DisclosureRequest.safeParse({ recipient: ' ', purpose: 'billing' }).success).toBe(false);
  });

  it('takes a template and whether notes are co-signed', () => {
    expect(NotesSettings.parse({ template: 'BIRP', coSign: true })).toEqual({ template: 'BIRP', coSign: true });
    expect(NotesSettings.safeParse({ template: 'BIRP' }).success).toBe(false);
    expect(NotesSettings.safeParse({ template: 'XYZ', coSign: false }).success).toBe(false);
  });
});
