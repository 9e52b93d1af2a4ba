import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { sectionTextOf, TEMPLATE_SECTIONS, type NoteAnswer, type NoteFacts, type SignatureAnswer } from '@hearth/shared';
import { localDate, localTime } from './localClock.js';

/*
 * Group notes as PDF, made with pdf-lib (pure JavaScript, no native parts, widely used and
 * kept up): one note per page or more, US Letter, the standard Helvetica fonts so no font
 * file ships with Hearth. Plain layout: headings, wrapped paragraphs, a signature line.
 */

export type NotesDocument = {
  clinicName: string;
  sessionTitle: string;
  /** YYYY-MM-DD on the cohort's clock. */
  date: string;
  timeZone: string;
  notes: readonly NoteAnswer[];
};

const PAGE: [number, number] = [612, 792];
const MARGIN = 56;
const WIDTH = PAGE[0] - 2 * MARGIN;

export async function notesPdf(doc: NotesDocument): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Group notes — ${doc.sessionTitle} — ${doc.date}`);
  pdf.setProducer('Hearth');
  pdf.setCreator('Hearth');
  const writer = new PageWriter(pdf, await pdf.embedFont(StandardFonts.Helvetica), await pdf.embedFont(StandardFonts.HelveticaBold));
  for (const note of doc.notes) writeNote(writer, doc, note);
  if (doc.notes.length === 0) writer.paragraph('No notes.');
  return pdf.save();
}

function writeNote(w: PageWriter, doc: NotesDocument, note: NoteAnswer): void {
  w.newPage();
  w.line(`${doc.clinicName} — Group note (${note.individual.template})`, { bold: true, size: 14 });
  w.line(`Participant: ${note.pseudonym}    Session: ${doc.sessionTitle}    Date: ${doc.date}`);
  w.line(`Status: ${note.status}${note.contentHash ? `    SHA-256: ${note.contentHash}` : ''}`, { size: 8 });
  w.gap();
  w.heading('Group section');
  w.labelled('Topic', note.group?.topic ?? '');
  w.labelled('Interventions', note.group?.interventions ?? '');
  w.heading(`Individual section (${note.individual.template})`);
  for (const section of TEMPLATE_SECTIONS[note.individual.template]) w.labelled(section.label, sectionTextOf(note.individual, section.key));
  w.heading('Facts recorded by Hearth');
  for (const line of factLines(note.facts)) w.line(line, { size: 10 });
  w.gap();
  w.line(signatureLine('Signed', note.signature, doc.timeZone), { bold: true });
  if (note.coSignature) w.line(signatureLine('Co-signed', note.coSignature, doc.timeZone), { bold: true });
  if (note.addenda.length > 0) {
    w.heading('Addenda');
    for (const a of note.addenda) w.labelled(`Addendum, ${localStamp(a.at, doc.timeZone)} — ${a.authorName}`, a.text);
  }
}

/** "Signed: Dana Reyes, LCSW, 2026-12-01 19:04 (America/Chicago)", or an empty line to sign on paper. */
export function signatureLine(what: string, s: SignatureAnswer | null, timeZone: string): string {
  if (!s) return `${what}: ______________________________  (not signed)`;
  return `${what}: ${s.name}, ${s.credential}, ${localStamp(s.at, timeZone)}`;
}

const localStamp = (at: string, timeZone: string) => `${localDate(Date.parse(at), timeZone)} ${localTime(Date.parse(at), timeZone)} (${timeZone})`;

function factLines(f: NoteFacts): string[] {
  const pulse = f.pulseAnswers.map((p) => `${p.question} ${p.answer}`).join('; ');
  return [
    `Attendance: ${f.attendedMinutes} min in the room, ${f.treatmentMinutes} min treatment (breaks excluded)`,
    `Modality: ${f.modality.join(', ') || 'absent'}${f.modifier ? ` (modifier ${f.modifier})` : ''}    Place of service: ${f.placeOfService ?? 'not recorded'}`,
    `Turns taken: ${f.turnsTaken}, passed: ${f.turnsPassed}    Feedback given: ${f.feedbackGiven}, received: ${f.feedbackReceived}`,
    `Talk time: ${f.talkMinutes === null ? 'not recorded' : `${f.talkMinutes} min`}    Help requests: ${f.helpRequests}`,
    `Pulse answers: ${pulse || 'none'}`,
  ];
}

/** Writes top to bottom, wrapping words and starting a new page when the page is full. */
class PageWriter {
  #page: PDFPage | undefined;
  #y = 0;
  readonly #charset: Set<number>;

  constructor(
    private readonly pdf: PDFDocument,
    private readonly font: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.#charset = new Set(font.getCharacterSet());
  }

  newPage(): void {
    this.#page = this.pdf.addPage(PAGE);
    this.#y = PAGE[1] - MARGIN;
  }

  gap(): void {
    this.#y -= 8;
  }

  heading(text: string): void {
    this.gap();
    this.line(text, { bold: true, size: 12 });
  }

  labelled(label: string, text: string): void {
    this.line(label, { bold: true, size: 10 });
    this.paragraph(text || '—');
  }

  paragraph(text: string): void {
    for (const para of text.split(/\r?\n/)) this.line(para, { size: 10 });
  }

  /** One logical line, wrapped to the page's width. */
  line(text: string, { bold = false, size = 11 }: { bold?: boolean; size?: number } = {}): void {
    const font = bold ? this.bold : this.font;
    for (const row of wrap(this.#printable(text), (s) => font.widthOfTextAtSize(s, size), WIDTH)) {
      if (!this.#page || this.#y - size < MARGIN) this.newPage();
      this.#y -= size * 1.35;
      this.#page!.drawText(row, { x: MARGIN, y: this.#y, size, font, color: rgb(0.1, 0.1, 0.12) });
    }
  }

  /** The standard fonts cover Latin text (WinAnsi); anything else prints as "?" rather than failing the export. */
  #printable(text: string): string {
    return Array.from(text.replace(/\t/g, '    '), (ch) => (this.#charset.has(ch.codePointAt(0)!) ? ch : '?')).join('');
  }
}

/** Greedy word wrap; a word longer than the line is cut. */
export function wrap(text: string, width: (s: string) => number, max: number): string[] {
  const rows: string[] = [];
  let row = '';
  for (const word of text.split(' ')) {
    const candidate = row === '' ? word : `${row} ${word}`;
    if (width(candidate) <= max) {
      row = candidate;
      continue;
    }
    if (row !== '') rows.push(row);
    let rest = word;
    while (width(rest) > max) {
      let cut = rest.length - 1;
      while (cut > 1 && width(rest.slice(0, cut)) > max) cut--;
      rows.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    row = rest;
  }
  rows.push(row);
  return rows;
}
