// A small hand-written SVG: worker CPU (% of one core) and loss (%) against consumers forwarded,
// one line per system. No library: a few lines of SVG are all a reader of docs/bench/ needs.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const W = 640;
const H = 360;
const M = { left: 56, right: 56, top: 36, bottom: 48 };
const COLOURS = ['#1f6feb', '#d4a72c', '#2da44e', '#cf222e'];

/** series: [{ name, points: [{ consumers, cpu (0..1+), loss (0..1) }] }] */
export function writeCapacityPlot(file, { title, series, note }) {
  const xs = series.flatMap((s) => s.points.map((p) => p.consumers));
  const xMax = Math.max(1, ...xs) * 1.05;
  const cpuMax = Math.max(1, ...series.flatMap((s) => s.points.map((p) => p.cpu))) * 1.05;
  const lossMax = Math.max(0.01, ...series.flatMap((s) => s.points.map((p) => p.loss))) * 1.1;
  const x = (v) => M.left + (v / xMax) * (W - M.left - M.right);
  const yCpu = (v) => H - M.bottom - (v / cpuMax) * (H - M.top - M.bottom);
  const yLoss = (v) => H - M.bottom - (v / lossMax) * (H - M.top - M.bottom);
  const line = (points, y) => points.map((p, i) => `${i ? 'L' : 'M'}${x(p.consumers).toFixed(1)},${y(p).toFixed(1)}`).join(' ');
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="11">`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<text x="${W / 2}" y="18" text-anchor="middle" font-size="13">${escape(title)}</text>`,
    `<line x1="${M.left}" y1="${H - M.bottom}" x2="${W - M.right}" y2="${H - M.bottom}" stroke="#333"/>`,
    `<line x1="${M.left}" y1="${M.top}" x2="${M.left}" y2="${H - M.bottom}" stroke="#333"/>`,
    `<line x1="${W - M.right}" y1="${M.top}" x2="${W - M.right}" y2="${H - M.bottom}" stroke="#333"/>`,
    `<line x1="${M.left}" y1="${yCpu(1)}" x2="${W - M.right}" y2="${yCpu(1)}" stroke="#999" stroke-dasharray="2 3"/>`,
    `<text x="${W - M.right - 4}" y="${yCpu(1) - 4}" text-anchor="end" fill="#666">one core</text>`,
    `<line x1="${M.left}" y1="${yLoss(0.005)}" x2="${W - M.right}" y2="${yLoss(0.005)}" stroke="#cf222e" stroke-opacity="0.4" stroke-dasharray="2 3"/>`,
    `<text x="${W - M.right - 4}" y="${yLoss(0.005) - 4}" text-anchor="end" fill="#cf222e">0.5 % loss</text>`,
    `<text x="${W / 2}" y="${H - 12}" text-anchor="middle">consumers forwarded</text>`,
    `<text transform="translate(14 ${H / 2}) rotate(-90)" text-anchor="middle">worker CPU, % of one core (solid)</text>`,
    `<text transform="translate(${W - 12} ${H / 2}) rotate(90)" text-anchor="middle">loss % (dashed)</text>`,
  ];
  for (let i = 0; i <= 4; i++) {
    const cx = (xMax / 4) * i;
    parts.push(`<text x="${x(cx)}" y="${H - M.bottom + 14}" text-anchor="middle">${Math.round(cx)}</text>`);
    parts.push(`<text x="${M.left - 4}" y="${yCpu((cpuMax / 4) * i) + 4}" text-anchor="end">${Math.round((cpuMax / 4) * i * 100)}</text>`);
    parts.push(`<text x="${W - M.right + 4}" y="${yLoss((lossMax / 4) * i) + 4}">${((lossMax / 4) * i * 100).toFixed(2)}</text>`);
  }
  series.forEach((s, i) => {
    const colour = COLOURS[i % COLOURS.length];
    parts.push(`<path d="${line(s.points, (p) => yCpu(p.cpu))}" fill="none" stroke="${colour}" stroke-width="2"/>`);
    parts.push(`<path d="${line(s.points, (p) => yLoss(p.loss))}" fill="none" stroke="${colour}" stroke-width="1.5" stroke-dasharray="5 4"/>`);
    for (const p of s.points) parts.push(`<circle cx="${x(p.consumers)}" cy="${yCpu(p.cpu)}" r="3" fill="${colour}"/>`);
    parts.push(`<rect x="${M.left + 10}" y="${M.top + 6 + i * 16}" width="10" height="10" fill="${colour}"/>`);
    parts.push(`<text x="${M.left + 26}" y="${M.top + 15 + i * 16}">${escape(s.name)}</text>`);
  });
  if (note) parts.push(`<text x="${W / 2}" y="${H - 1}" text-anchor="middle" fill="#666" font-size="9">${escape(note)}</text>`);
  parts.push('</svg>');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${parts.join('\n')}\n`);
}

function escape(text) {
  return String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}
