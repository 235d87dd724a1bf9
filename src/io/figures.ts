import { Buffer } from 'node:buffer';
import { isAbsolute, resolve } from 'node:path';
import { ExitCode, RingkasError, fail, firstLine } from '../errors.js';
import type { Figure } from '../model.js';
import type { FigureRef } from '../parse/figures.js';
import { FETCH_TIMEOUT_MS, fetchBytes } from './fetch.js';
import { ReadRefusal, type ReadRefusalReason, readBounded } from './read.js';
import { svgPicture } from './svg.js';

/** The largest picture a figure may have: a photograph at full size, not a poster. */
export const MAX_FIGURE_BYTES = 5 * 1024 * 1024;

/** The most all of a deck's pictures may have together: as much as an article. */
export const MAX_FIGURES_BYTES = 20 * 1024 * 1024;

/** How long all the pictures of one web article may take to fetch, together. */
export const FIGURES_FETCH_BUDGET_MS = 60_000;

/** How many figures a deck gets, as `--figures` says. */
export type FiguresMode = 'none' | 'some' | 'all';

/** Where a figure's picture may be read from. */
export interface FigureReadOptions {
  /** The article's folder: pictures are read only from inside it. None for standard input or a web address. */
  folder?: string;
  /** Fetch pictures on the web (for an article that came from the web itself). */
  fetchWeb?: boolean;
  signal?: AbortSignal;
  fetchTimeout?: number;
}

/** The figures whose pictures could be read, and a line for each that could not. */
export interface FiguresRead {
  figures: Figure[];
  warnings: string[];
}

/** Picture formats every output can show, by their first bytes. */
const PICTURE_TYPES: { mime: string; test: (bytes: Uint8Array) => boolean }[] = [
  { mime: 'image/png', test: (bytes) => bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47 },
  { mime: 'image/jpeg', test: (bytes) => bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff },
  { mime: 'image/gif', test: (bytes) => Buffer.from(bytes.subarray(0, 4)).toString('latin1') === 'GIF8' },
  { mime: 'image/webp', test: (bytes) => Buffer.from(bytes.subarray(0, 4)).toString('latin1') === 'RIFF' && Buffer.from(bytes.subarray(8, 12)).toString('latin1') === 'WEBP' },
];

/**
 * Reads the pictures of the figures a deck shows: with `some`, one per section (the first with a
 * caption, else the first; the next is tried when one cannot be read), with `all` every one. A
 * file is read only from inside the article's folder, once links are resolved, and only a regular
 * file of at most {@link MAX_FIGURE_BYTES}; a picture on the web only for an article that came
 * from the web, under the same limits; one embedded in the document as it is. PNG, JPEG, GIF and
 * WebP are shown as they are; an SVG is drawn as PNG from only what draws ({@link svgPicture}: it
 * can carry scripts and links); each picture is embedded as a `data:` URI. A picture that cannot be read is left out with a warning that says why; nothing is thrown
 * but a stop.
 */
export async function readFigures(refs: readonly FigureRef[], mode: FiguresMode, options: FigureReadOptions): Promise<FiguresRead> {
  const result: FiguresRead = { figures: [], warnings: [] };
  if (mode === 'none') return result;
  // A page with many pictures that never arrive must not hold its deck for minutes.
  const fetchUntil = Date.now() + FIGURES_FETCH_BUDGET_MS;
  let total = 0;
  const bySection = new Map<number, FigureRef[]>();
  for (const ref of refs) {
    const list = bySection.get(ref.section) ?? [];
    list.push(ref);
    bySection.set(ref.section, list);
  }
  for (const [section, candidates] of [...bySection].sort((a, b) => a[0] - b[0])) {
    const ordered = mode === 'all' ? candidates : [...candidates.filter((ref) => ref.caption !== ''), ...candidates.filter((ref) => ref.caption === '')];
    for (const ref of ordered) {
      const read = await readPicture(ref, { ...options, fetchTimeout: Math.min(options.fetchTimeout ?? FETCH_TIMEOUT_MS, fetchUntil - Date.now()) });
      const refusal = typeof read === 'string' ? read : total + read.bytes.length > MAX_FIGURES_BYTES ? `the deck's pictures would have more than ${MAX_FIGURES_BYTES / 1024 / 1024} MB together` : undefined;
      if (typeof read === 'string' || refusal !== undefined) {
        result.warnings.push(`left out the picture ${ref.written}: ${refusal}`);
        continue;
      }
      total += read.bytes.length;
      result.figures.push({ src: `data:${read.mime};base64,${Buffer.from(read.bytes).toString('base64')}`, caption: ref.caption, section });
      if (mode === 'some') break;
    }
  }
  return result;
}

/** A picture's bytes and type, or why they could not be had. */
async function readPicture(ref: FigureRef, options: FigureReadOptions): Promise<{ bytes: Uint8Array; mime: string } | string> {
  let bytes: Uint8Array;
  const { source } = ref;
  if (source.kind === 'embedded') {
    bytes = await source.read().catch(() => new Uint8Array());
    if (bytes.length === 0) return 'the document does not hold it';
  } else if (source.kind === 'web') {
    if (!options.fetchWeb) return 'pictures on the web are not fetched for a saved page or a file; save the picture beside the article and point to it';
    if ((options.fetchTimeout ?? 1) <= 0) return `the article's pictures took more than ${FIGURES_FETCH_BUDGET_MS / 1000} s to fetch`;
    try {
      ({ bytes } = await fetchBytes(source.url, { maxBytes: MAX_FIGURE_BYTES, what: 'a picture', ...(options.signal ? { signal: options.signal } : {}), ...(options.fetchTimeout ? { timeout: options.fetchTimeout } : {}) }));
    } catch (error) {
      if (error instanceof RingkasError && error.exitCode !== 1) throw error;
      return firstLine(error).replace(`${source.url}: `, '');
    }
  } else {
    if (options.folder === undefined) return 'an article without a folder (standard input, a web address) has no files beside it';
    const path = isAbsolute(source.path) ? source.path : resolve(options.folder, source.path);
    try {
      bytes = await readBounded(path, { maxBytes: MAX_FIGURE_BYTES, within: options.folder, regularOnly: true, ...(options.signal ? { signal: options.signal } : {}) });
    } catch (error) {
      if (!(error instanceof ReadRefusal)) throw error;
      const { reason } = error;
      if (reason === 'aborted') return fail(`${path}: stopped while reading the article's pictures; nothing was written for it`, ExitCode.interrupted);
      return REFUSALS[reason];
    }
  }
  if (bytes.length > MAX_FIGURE_BYTES) return `is more than the ${MAX_FIGURE_BYTES / 1024 / 1024} MB a picture may have; make it smaller`;
  const type = PICTURE_TYPES.find(({ test }) => test(bytes));
  if (type) return { bytes, mime: type.mime };
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('utf8').trimStart().toLowerCase();
  if (/^(?:<\?xml|<!--|<!doctype svg|<svg)/u.test(head)) {
    // Only what draws is kept (no script, link, embedded document or outside reference), drawn as PNG.
    const drawn = await svgPicture(Buffer.from(bytes).toString('utf8'));
    return typeof drawn === 'string' ? drawn : { bytes: drawn, mime: 'image/png' };
  }
  return 'is not a PNG, JPEG, GIF, WebP or SVG picture';
}

/** Why a picture file was not read, in the words of a warning. */
const REFUSALS: Record<Exclude<ReadRefusalReason, 'aborted'>, string> = {
  missing: 'no such file beside the article',
  directory: 'is a folder, not a picture',
  'not-regular': 'is not a regular file',
  outside: "lies outside the article's folder; copy the picture next to the article",
  'too-large': `is more than the ${MAX_FIGURE_BYTES / 1024 / 1024} MB a picture may have; make it smaller`,
  unreadable: 'cannot be read; check its permissions',
};
