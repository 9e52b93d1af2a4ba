import type { CohortFacilitator } from '../../api/types';

/** Names in a sentence: `Fran`, `Fran and Sam`, `Fran, Sam and Ana`. */
function listed(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** Who leads the cohort, in one sentence for the page and for the status after saving. */
export function leadsSentence(facilitators: CohortFacilitator[]): string {
  const names = facilitators.filter((f) => f.assigned).map((f) => f.displayName);
  if (names.length === 0) return 'No facilitator is assigned yet: only clinic admins can open this cohort.';
  return `${listed(names)} ${names.length === 1 ? 'leads' : 'lead'} this cohort.`;
}

/** The ids ticked in the picker, in the list's order (the order the server answers in). */
export function chosenIds(facilitators: CohortFacilitator[], chosen: ReadonlySet<string>): string[] {
  return facilitators.filter((f) => chosen.has(f.id)).map((f) => f.id);
}
