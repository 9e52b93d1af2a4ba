import type { NoteFacts, NoteStatus } from '@hearth/shared';

export const STATUS_LABEL: Record<NoteStatus, string> = { draft: 'Draft', signed: 'Signed', 'co-signed': 'Co-signed' };

/** The pre-filled facts as label and value, in the order the PDF prints them. */
export function factRows(f: NoteFacts): [string, string][] {
  return [
    ['Attendance', `${f.attendedMinutes} min in the room, ${f.treatmentMinutes} min treatment`],
    ['Modality', `${f.modality.join(', ') || 'absent'}${f.modifier ? ` (modifier ${f.modifier})` : ''}`],
    ['Place of service', f.placeOfService ?? 'not recorded'],
    ['Turns', `${f.turnsTaken} taken, ${f.turnsPassed} passed`],
    ['Feedback', `${f.feedbackGiven} given, ${f.feedbackReceived} received`],
    ['Pulse answers', f.pulseAnswers.map((p) => `${p.question} ${p.answer}`).join('; ') || 'none'],
    ['Talk time', f.talkMinutes === null ? 'not recorded' : `${f.talkMinutes} min`],
    ['Help requests', String(f.helpRequests)],
  ];
}
