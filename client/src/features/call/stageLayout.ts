/*
 * Where the tiles of a call go, as pure arithmetic on the stage's measured size, so it can be
 * tested without a browser. The stage asks for a layout on every resize and every change of
 * who is shown; the tiles it leaves out are not received (see useHiddenVideo).
 */

export type Box = { width: number; height: number };
export type GridFit = { columns: number; rows: number; tileWidth: number; tileHeight: number };

/** Cameras send 4:3 (or are cropped to it): a tile keeps that shape whatever the stage's. */
export const TILE_ASPECT = 4 / 3;
export const TILE_GAP = 8;
/** On a phone-sized stage the gallery shows this many tiles a page: no phone decodes the whole group. */
export const SMALL_PAGE_SIZE = 4;
/** A laptop shows a full group (17 with two facilitators) on one page. */
export const LARGE_PAGE_SIZE = 20;
/** Thumbnails of the speaker view's strip on a larger stage. */
const STRIP_THUMB_WIDTH = 200;
const SMALL_STRIP_THUMBS = 3;

/** A phone (either way up) or a small window: the stage is too small to show everyone at once. */
export function isSmallStage(box: Box): boolean {
  return box.width < 600 || box.height < 420;
}

/**
 * The columns and rows that make `count` tiles of `aspect` (width / height) as large as they
 * can be inside `box`, with `gap` between them. Ties go to fewer columns (a fuller last row).
 */
export function fitGrid(count: number, box: Box, aspect = TILE_ASPECT, gap = TILE_GAP): GridFit {
  let best: GridFit = { columns: 1, rows: Math.max(1, count), tileWidth: 0, tileHeight: 0 };
  if (count <= 0 || box.width <= 0 || box.height <= 0) return best;
  for (let columns = 1; columns <= count; columns++) {
    const rows = Math.ceil(count / columns);
    const cellWidth = (box.width - gap * (columns - 1)) / columns;
    const cellHeight = (box.height - gap * (rows - 1)) / rows;
    if (cellWidth <= 0 || cellHeight <= 0) continue;
    const tileWidth = Math.floor(Math.min(cellWidth, cellHeight * aspect));
    if (tileWidth > best.tileWidth) best = { columns, rows, tileWidth, tileHeight: Math.floor(tileWidth / aspect) };
  }
  return best;
}

/** One page of `items`, the page number clamped to those that exist (people leave). */
export function paginate<T>(items: readonly T[], pageSize: number, page: number): { items: T[]; page: number; pageCount: number } {
  const pageCount = Math.max(1, Math.ceil(items.length / Math.max(1, pageSize)));
  const current = Math.min(Math.max(0, page), pageCount - 1);
  return { items: items.slice(current * pageSize, (current + 1) * pageSize), page: current, pageCount };
}

export type GalleryLayout<T> = { kind: 'gallery'; shown: T[]; fit: GridFit; page: number; pageCount: number };
export type SpeakerLayout<T> = {
  kind: 'speaker';
  main: T | undefined;
  mainFit: GridFit;
  strip: T[];
  stripFit: GridFit;
  page: number;
  pageCount: number;
};
export type StageLayout<T> = GalleryLayout<T> | SpeakerLayout<T>;

/**
 * The gallery: every tile equal, in pages on a small stage. `box` is the space for the tiles
 * (the page controls, when there are pages, take a row below it).
 */
export function galleryLayout<T>(tiles: readonly T[], box: Box, page: number): GalleryLayout<T> {
  const size = isSmallStage(box) ? SMALL_PAGE_SIZE : LARGE_PAGE_SIZE;
  const paged = paginate(tiles, size, page);
  return { kind: 'gallery', shown: paged.items, fit: fitGrid(paged.items.length, box), page: paged.page, pageCount: paged.pageCount };
}

/**
 * The speaker view: `main` large, the others in a strip of thumbnails below it, in pages when
 * they do not fit (on a phone three at a time).
 */
export function speakerLayout<T>(main: T | undefined, others: readonly T[], box: Box, page: number): SpeakerLayout<T> {
  const small = isSmallStage(box);
  if (others.length === 0) {
    return { kind: 'speaker', main, mainFit: fitGrid(main ? 1 : 0, box), strip: [], stripFit: fitGrid(0, box), page: 0, pageCount: 1 };
  }
  const thumbWidth = small ? Math.max(72, (box.width - TILE_GAP * (SMALL_STRIP_THUMBS - 1)) / SMALL_STRIP_THUMBS) : STRIP_THUMB_WIDTH;
  // The strip never takes more than a quarter of the stage's height.
  const stripHeight = Math.min(Math.floor(thumbWidth / TILE_ASPECT), Math.floor(box.height / 4));
  const perPage = Math.max(1, Math.floor((box.width + TILE_GAP) / (stripHeight * TILE_ASPECT + TILE_GAP)));
  const paged = paginate(others, small ? Math.min(perPage, SMALL_STRIP_THUMBS) : perPage, page);
  const mainBox = { width: box.width, height: box.height - stripHeight - TILE_GAP };
  return {
    kind: 'speaker',
    main,
    mainFit: fitGrid(main ? 1 : 0, mainBox),
    strip: paged.items,
    stripFit: fitGrid(paged.items.length, { width: box.width, height: stripHeight }),
    page: paged.page,
    pageCount: paged.pageCount,
  };
}

/**
 * The order tiles are laid out in: the spotlighted member leads, then the round's speaker,
 * then everyone else as they came (a stable order, so tiles do not jump about).
 */
export function leadingOrder<T extends { id: string }>(tiles: readonly T[], leads: (string | null | undefined)[]): T[] {
  const first: T[] = [];
  for (const id of leads) {
    const tile = id ? tiles.find((t) => t.id === id) : undefined;
    if (tile && !first.includes(tile)) first.push(tile);
  }
  return [...first, ...tiles.filter((t) => !first.includes(t))];
}

/**
 * Who the speaker view shows large: the first of `preferred` that is on the stage (the round's
 * speaker, the spotlight, the active speaker), else whoever was large before (no flicker when
 * the detector picks oneself), else the first tile.
 */
export function chooseMain<T extends { id: string }>(tiles: readonly T[], preferred: (string | null | undefined)[], previous: string | undefined): T | undefined {
  for (const id of [...preferred, previous]) {
    const tile = id ? tiles.find((t) => t.id === id) : undefined;
    if (tile) return tile;
  }
  return tiles[0];
}
