import { describe, expect, it } from 'vitest';
import { chooseMain, fitGrid, galleryLayout, isSmallStage, leadingOrder, paginate, speakerLayout, TILE_ASPECT, TILE_GAP, type Box } from './stageLayout';

/** The stage left for tiles on a 1280×800 laptop beside the console, and on a 390×844 phone. */
const LAPTOP_STAGE: Box = { width: 846, height: 660 };
const LAPTOP_FULL: Box = { width: 1264, height: 660 };
const PHONE_STAGE: Box = { width: 374, height: 640 };

describe('fitGrid', () => {
  for (const [label, box] of [
    ['a laptop beside the console', LAPTOP_STAGE],
    ['a laptop without a side column', LAPTOP_FULL],
    ['a phone', PHONE_STAGE],
    ['a phone on its side', { width: 820, height: 300 }],
  ] as const) {
    it(`places 2 to 17 people inside ${label}, tiles keeping their shape`, () => {
      for (let count = 2; count <= 17; count++) {
        const fit = fitGrid(count, box);
        expect(fit.columns * fit.rows).toBeGreaterThanOrEqual(count);
        // No more rows than needed: the last row is not empty.
        expect(fit.columns * (fit.rows - 1)).toBeLessThan(count);
        expect(fit.columns * fit.tileWidth + (fit.columns - 1) * TILE_GAP).toBeLessThanOrEqual(box.width);
        expect(fit.rows * fit.tileHeight + (fit.rows - 1) * TILE_GAP).toBeLessThanOrEqual(box.height);
        expect(Math.abs(fit.tileWidth / fit.tileHeight - TILE_ASPECT)).toBeLessThan(0.02);
      }
    });

    it(`leaves no larger tile on the table inside ${label}`, () => {
      for (let count = 2; count <= 17; count++) {
        const fit = fitGrid(count, box);
        for (let columns = 1; columns <= count; columns++) {
          const rows = Math.ceil(count / columns);
          const width = Math.min((box.width - TILE_GAP * (columns - 1)) / columns, ((box.height - TILE_GAP * (rows - 1)) / rows) * TILE_ASPECT);
          expect(fit.tileWidth, `${count} people, ${columns} columns`).toBeGreaterThanOrEqual(Math.floor(width));
        }
      }
    });
  }

  it('fills a wide stage the way a person would lay it out', () => {
    expect(fitGrid(4, { width: 1200, height: 675 })).toMatchObject({ columns: 2, rows: 2 });
    expect(fitGrid(9, { width: 1200, height: 675 })).toMatchObject({ columns: 3, rows: 3 });
    expect(fitGrid(6, { width: 1200, height: 675 })).toMatchObject({ columns: 3, rows: 2 });
    expect(fitGrid(17, LAPTOP_FULL)).toMatchObject({ columns: 5, rows: 4 });
  });

  it('stacks a phone page in one column, where tiles are largest', () => {
    const fit = fitGrid(4, PHONE_STAGE);
    expect(fit).toMatchObject({ columns: 1, rows: 4 });
    expect(fit.tileWidth).toBeGreaterThan(200);
  });

  it('tiles grow when the stage grows', () => {
    expect(fitGrid(6, LAPTOP_FULL).tileWidth).toBeGreaterThan(fitGrid(6, LAPTOP_STAGE).tileWidth);
  });

  it('has nothing to place in an unmeasured stage', () => {
    expect(fitGrid(3, { width: 0, height: 0 }).tileWidth).toBe(0);
    expect(fitGrid(0, LAPTOP_STAGE).tileWidth).toBe(0);
  });
});

describe('paginate', () => {
  const items = [1, 2, 3, 4, 5, 6, 7, 8, 9];
  it('cuts pages and clamps the page to those that exist', () => {
    expect(paginate(items, 4, 0)).toEqual({ items: [1, 2, 3, 4], page: 0, pageCount: 3 });
    expect(paginate(items, 4, 2)).toEqual({ items: [9], page: 2, pageCount: 3 });
    expect(paginate(items, 4, 7)).toEqual({ items: [9], page: 2, pageCount: 3 });
    expect(paginate([], 4, 1)).toEqual({ items: [], page: 0, pageCount: 1 });
  });
});

describe('galleryLayout', () => {
  const people = Array.from({ length: 16 }, (_, i) => `p${i}`);
  it('shows a phone four tiles a page, never the whole group', () => {
    expect(isSmallStage(PHONE_STAGE)).toBe(true);
    const first = galleryLayout(people, PHONE_STAGE, 0);
    expect(first.shown).toEqual(['p0', 'p1', 'p2', 'p3']);
    expect(first.pageCount).toBe(4);
    expect(galleryLayout(people, PHONE_STAGE, 1).shown).toEqual(['p4', 'p5', 'p6', 'p7']);
  });
  it('shows a laptop everyone at once', () => {
    expect(isSmallStage(LAPTOP_STAGE)).toBe(false);
    const all = galleryLayout(people, LAPTOP_STAGE, 0);
    expect(all.shown).toHaveLength(16);
    expect(all.pageCount).toBe(1);
  });
});

describe('speakerLayout', () => {
  const others = ['b', 'c', 'd', 'e', 'f'];
  it('gives the speaker most of a phone and three thumbnails a page below', () => {
    const layout = speakerLayout('a', others, PHONE_STAGE, 0);
    expect(layout.strip).toEqual(['b', 'c', 'd']);
    expect(layout.pageCount).toBe(2);
    expect(speakerLayout('a', others, PHONE_STAGE, 1).strip).toEqual(['e', 'f']);
    expect(layout.mainFit.tileWidth).toBeGreaterThan(layout.stripFit.tileWidth * 2);
    const stripHeight = layout.stripFit.rows * layout.stripFit.tileHeight;
    expect(layout.mainFit.tileHeight + TILE_GAP + stripHeight).toBeLessThanOrEqual(PHONE_STAGE.height);
  });
  it('fits the whole strip on a laptop when it can', () => {
    const layout = speakerLayout('a', ['b', 'c', 'd'], LAPTOP_FULL, 0);
    expect(layout.strip).toEqual(['b', 'c', 'd']);
    expect(layout.pageCount).toBe(1);
    expect(layout.stripFit.rows).toBe(1);
  });
  it('is the speaker alone when nobody else is there', () => {
    const layout = speakerLayout('a', [], PHONE_STAGE, 0);
    expect(layout.strip).toEqual([]);
    expect(layout.mainFit.tileWidth).toBe(fitGrid(1, PHONE_STAGE).tileWidth);
  });
});

describe('leadingOrder', () => {
  const tiles = ['a', 'b', 'c', 'd'].map((id) => ({ id }));
  it('puts the spotlight first, then the speaker, the rest in their own order', () => {
    expect(leadingOrder(tiles, ['c', 'b']).map((t) => t.id)).toEqual(['c', 'b', 'a', 'd']);
    expect(leadingOrder(tiles, [null, 'd']).map((t) => t.id)).toEqual(['d', 'a', 'b', 'c']);
    expect(leadingOrder(tiles, ['c', 'c', 'x']).map((t) => t.id)).toEqual(['c', 'a', 'b', 'd']);
  });
});

describe('chooseMain', () => {
  const tiles = ['a', 'b', 'c'].map((id) => ({ id }));
  it('takes the first preferred one on the stage, then the one shown before, then the first', () => {
    expect(chooseMain(tiles, ['x', 'c', 'b'], 'a')?.id).toBe('c');
    expect(chooseMain(tiles, [null, 'self'], 'b')?.id).toBe('b');
    expect(chooseMain(tiles, [], 'gone')?.id).toBe('a');
    expect(chooseMain([], ['a'], 'a')).toBeUndefined();
  });
});
