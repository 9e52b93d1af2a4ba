import type { CrisisResource } from './clinic.js';

/**
 * Today's US numbers: what a clinic that has set nothing shows. A module without schemas, so
 * a participant's screen that shows them does not load zod.
 */
export const DEFAULT_CRISIS_RESOURCES: CrisisResource[] = [
  { label: '988 Suicide & Crisis Lifeline', kind: 'call', value: '988', detail: 'Call or text 988, any time' },
  { label: 'Crisis Text Line', kind: 'text', value: '741741', detail: 'Text HOME to 741741' },
  { label: 'Emergency services', kind: 'call', value: '911', detail: 'In an emergency, call 911 or your local emergency number' },
];
