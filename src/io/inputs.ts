import type { Buffer } from 'node:buffer';
import { realpath, stat } from 'node:fs/promises';
import { basename, extname, relative, resolve, sep } from 'node:path';
import { glob } from 'tinyglobby';
import type { Readable } from 'node:stream';
import { ExitCode, fail } from '../errors.js';
import { decodeArticle } from './charset.js';
import { ARTICLE_EXTENSIONS, BINARY_KINDS, type Source, sniffBinaryKind, sniffKind, sourceKindOf } from '../parse/index.js';
import { isWebAddress } from './fetch.js';
import { outputNames } from './names.js';
import { type ReadRefusalReason, ReadRefusal, isInside, readBounded, readStreamBounded } from './read.js';

/**
 * An article to build — `path` as shown to the user, `file` to read (absolute, or `-`), `name` for
 * its outputs (relative to the output folder, `/`-separated, without extension: see
 * {@link outputNames}), `within` the input folder it was found in — or the reason an input given by
 * the user yields none.
 */
export type InputEntry = { path: string; file: string; name: string; within?: string } | { path: string; error: string };

/** What {@link expandInputs} leaves out of the folders it expands. */
export interface ExpandOptions {
  /**
   * The output folder: never read back as articles (a second `build .` would otherwise build the
   * first run's decks and index page), and never the same folder as an input folder.
   */
  exclude?: string;
}

/** Folders of tools, never of articles: `build .` in a project must not read its dependencies. */
const IGNORED_FOLDERS = ['**/node_modules/**'];

/**
 * Expands the inputs the user gave into article files: a file stands for itself, a folder for the
 * articles in it (recursively, in a stable order, without hidden folders, `node_modules` and the
 * output folder), `-` for standard input. The same file given twice is built once. A problem with
 * one input is reported for that input and does not stop the others.
 */
export async function expandInputs(inputs: readonly string[], cwd: string, options: ExpandOptions = {}): Promise<InputEntry[]> {
  const entries: InputEntry[] = [];
  const seen = new Set<string>();
  const add = (entry: InputEntry) => {
    if ('file' in entry) {
      if (seen.has(entry.file)) return;
      seen.add(entry.file);
    }
    entries.push(entry);
  };
  const exclude = options.exclude === undefined ? undefined : resolve(cwd, options.exclude);
  for (const input of inputs) {
    const shown = displayPath(input, cwd);
    if (input === '-') {
      add({ path: '-', file: '-', name: 'stdin' });
      continue;
    }
    if (isWebAddress(input)) {
      add({ path: printable(input), file: input, name: nameOfAddress(input) });
      continue;
    }
    const absolute = resolve(cwd, input);
    const info = await stat(absolute).catch(() => undefined);
    if (!info) {
      add({ path: shown, error: `${shown}: no such file or folder; check the path` });
    } else if (info.isDirectory()) {
      if (exclude !== undefined && (await sameFolder(absolute, exclude))) {
        add({ path: shown, error: `${shown}: is also the output folder, so decks would be written over and among the articles; choose another --out` });
        continue;
      }
      const ignore = [...IGNORED_FOLDERS];
      if (exclude !== undefined && isInside(exclude, absolute)) ignore.push(`${globEscape(relative(absolute, exclude).split(sep).join('/'))}/**`);
      const patterns = ARTICLE_EXTENSIONS.map((extension) => `**/*${extension}`);
      const files = (await glob(patterns, { cwd: absolute, absolute: true, caseSensitiveMatch: false, ignore, followSymbolicLinks: false })).sort();
      if (files.length === 0) {
        add({ path: shown, error: `${shown}: no articles in this folder (${ARTICLE_EXTENSIONS.join(', ')})` });
      }
      // A file found in a folder keeps its place under that folder: articles/2024/intro.txt → 2024/intro.
      for (const file of files) add({ path: displayPath(file, cwd), file, name: stemOf(relative(absolute, file).split(sep).join('/')), within: absolute });
    } else if (!sourceKindOf(input)) {
      add({ path: shown, error: `${shown}: unsupported file type "${printable(extname(input)) || '(none)'}"; give ${ARTICLE_EXTENSIONS.join(', ')}` });
    } else {
      add({ path: shown, file: absolute, name: stemOf(basename(input)) });
    }
  }
  const articles = entries.filter((entry): entry is Extract<InputEntry, { file: string }> => 'file' in entry);
  outputNames(articles).forEach((name, index) => {
    articles[index]!.name = name;
  });
  return entries;
}

/** Whether two paths name the same folder, links resolved. */
async function sameFolder(a: string, b: string): Promise<boolean> {
  const [realA, realB] = await Promise.all([realpath(a).catch(() => a), realpath(b).catch(() => b)]);
  return realA === realB;
}

/** A literal path for a glob pattern: the pattern characters escaped. */
function globEscape(path: string): string {
  return path.replace(/[*?[\]{}()!@+]/gu, '\\$&');
}

/** The largest article ringkas reads: ten times a long report, still built in well under a minute. */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** How an article is read: where its bytes come from, and when to stop waiting for them. */
export interface ReadSourceOptions {
  /** Standard input, for `-`; tests pass their own stream. */
  stdin?: Readable;
  /** The folder the article must lie in (a file found by expanding a folder input). */
  within?: string;
  /** Abandons a read that waits (a FIFO, a pipe that never closes) when the run is stopped. */
  signal?: AbortSignal;
  /** Milliseconds a web address may take to fetch (default 30 000). */
  fetchTimeout?: number;
}

/**
 * Reads an article as UTF-8 text (or UTF-16 with a byte order mark; a web page also in the charset
 * it declares, see {@link decodeArticle}), or a PDF or Word document as bytes (told by its
 * extension, or by its first bytes on standard input); a web address is fetched (see
 * {@link fetchSource}) under the same size limit. At most
 * {@link MAX_INPUT_BYTES} are read from any source — file, device, FIFO or standard input — and
 * a longer one is refused as soon as it passes the limit; files that are not text (NUL bytes,
 * invalid UTF-8) are refused with a message, rather than turned into a deck of replacement
 * characters or an out-of-memory crash.
 */
export async function readSource(path: string, file: string = path, options: ReadSourceOptions = {}): Promise<Source> {
  const { stdin = process.stdin, within, signal } = options;
  if (isWebAddress(file)) {
    const { fetchSource } = await import('./fetch.js');
    const source = await fetchSource(file, { maxBytes: MAX_INPUT_BYTES, ...(signal ? { signal } : {}), ...(options.fetchTimeout ? { timeout: options.fetchTimeout } : {}) });
    source.path = path;
    if (source.bytes) return source;
    source.text = withoutControlCharacters(source.text);
    if (source.text.trim() === '') fail(`${path}: the page is empty; check the address`);
    return source;
  }
  let bytes: Buffer;
  try {
    bytes = file === '-' ? await readStreamBounded(stdin, MAX_INPUT_BYTES, signal) : await readBounded(file, { maxBytes: MAX_INPUT_BYTES, ...(within ? { within } : {}), ...(signal ? { signal } : {}) });
  } catch (error) {
    if (!(error instanceof ReadRefusal)) throw error;
    if (error.reason === 'aborted') fail(`${path}: stopped while waiting for the article; nothing was written for it`, ExitCode.interrupted);
    fail(`${path}: ${READ_REFUSALS[error.reason]}`);
  }
  const binaryKind = file === '-' ? sniffBinaryKind(bytes) : sourceKindOf(file);
  if (binaryKind && BINARY_KINDS.has(binaryKind)) {
    if (bytes.length === 0) fail(`${path}: the file is empty; give an article with some text`);
    return { path, text: '', kind: binaryKind, bytes };
  }
  // Without a byte order mark, a NUL byte means a binary file (UTF-16 text without a mark is not read).
  const marked = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!marked && bytes.includes(0)) fail(`${path}: looks like a binary file, not an article; give a text, Markdown or HTML file`);
  // Standard input is told HTML by its first tag, which any encoding a page declares writes in ASCII.
  const html = file === '-' ? sniffKind(bytes.subarray(0, 1024).toString('latin1')) === 'html' : sourceKindOf(file) === 'html';
  const decoded = decodeArticle(bytes, html);
  if ('problem' in decoded) fail(`${path}: ${decoded.problem}`);
  let text = decoded.text;
  if (text.includes('\u0000')) fail(`${path}: looks like a binary file, not an article; give a text, Markdown or HTML file`);
  text = withoutControlCharacters(text);
  if (text.trim() === '') fail(`${path}: the file is empty; give an article with some text`);
  return { path, text, kind: file === '-' ? sniffKind(text) : sourceKindOf(file)! };
}

/**
 * The article's text without the control characters that mean nothing in prose and that no
 * output format may carry (XML forbids them; a terminal obeys them): a form feed, which separates
 * pages in some text files, becomes a line break; tabs and line breaks stay.
 */
function withoutControlCharacters(text: string): string {
  return text.replace(/\f/gu, '\n').replace(/[\u0001-\u0008\u000b\u000e-\u001f\u007f-\u009f]/gu, '');
}

/** Each reason an article was not read, said to the user with the fix. */
const READ_REFUSALS: Record<Exclude<ReadRefusalReason, 'aborted'>, string> = {
  missing: 'no such file; check the path',
  directory: 'is a folder; give the folder itself as an input, not as a file',
  'not-regular': 'not a regular file; save the article to a file and give that',
  outside: 'is a link to a file outside its folder; copy the article into the folder instead',
  'too-large': `is more than the ${megabytes(MAX_INPUT_BYTES)} an article may have; split it into several files`,
  unreadable: 'cannot read the file; check its permissions',
};

/**
 * The output name of a web address: its last path segment without an extension
 * (".../2024/05/judul-berita.html" → "judul-berita"), else its host, made safe as a file name.
 */
export function nameOfAddress(address: string): string {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return 'page';
  }
  const segment = url.pathname.split('/').filter(Boolean).at(-1) ?? '';
  let stem = segment;
  try {
    stem = decodeURIComponent(segment);
  } catch {
    // A malformed escape stays as it is written.
  }
  const safe = (text: string) => text.replace(/\.[\w]{1,5}$/u, '').replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[-.]+|[-.]+$/gu, '').slice(0, 100);
  return safe(stem) || safe(url.hostname.replace(/\./gu, '-')) || 'page';
}

/** A path without its extension (`2024/intro.txt` → `2024/intro`). */
function stemOf(path: string): string {
  return path.slice(0, path.length - extname(path).length);
}

/**
 * A path as short as it can be said — relative inside the working folder, absolute outside it —
 * and printable: a file name's control characters (newlines, terminal escapes) are shown escaped,
 * so that a name can neither forge a line of output nor drive the terminal.
 */
export function displayPath(path: string, cwd: string): string {
  if (path === '-') return path;
  const absolute = resolve(cwd, path);
  const shown = relative(cwd, absolute);
  return printable(shown && isInside(absolute, cwd) ? shown : absolute);
}

/** `text` with its control characters written as escapes (`\n`, `\u001b`). */
export function printable(text: string): string {
  return text.replace(/[\p{Cc}\u2028\u2029]/gu, (character) => JSON.stringify(character).slice(1, -1));
}
