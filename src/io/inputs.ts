import type { Buffer } from 'node:buffer';
import { stat } from 'node:fs/promises';
import { basename, extname, isAbsolute, relative, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import type { Readable } from 'node:stream';
import { ExitCode, fail } from '../errors.js';
import { type ReadRefusalReason, ReadRefusal, readBounded, readStreamBounded } from './read.js';
import { ARTICLE_EXTENSIONS, type Source, sniffKind, sourceKindOf } from '../parse/index.js';

/**
 * An article to build — `path` as shown to the user, `file` to read (absolute, or `-`), `name` for
 * its outputs — or the reason an input given by the user yields none.
 */
export type InputEntry = { path: string; file: string; name: string } | { path: string; error: string };

/**
 * Expands the inputs the user gave into article files: a file stands for itself, a folder for the
 * articles in it (recursively, in a stable order), `-` for standard input. A problem with one input
 * is reported for that input and does not stop the others.
 */
export async function expandInputs(inputs: readonly string[], cwd: string): Promise<InputEntry[]> {
  const entries: InputEntry[] = [];
  for (const input of inputs) {
    if (input === '-') {
      entries.push({ path: '-', file: '-', name: 'stdin' });
      continue;
    }
    const absolute = resolve(cwd, input);
    const info = await stat(absolute).catch(() => undefined);
    if (!info) {
      entries.push({ path: input, error: `${input}: no such file or folder; check the path` });
    } else if (info.isDirectory()) {
      const patterns = ARTICLE_EXTENSIONS.map((extension) => `**/*${extension}`);
      const files = (await glob(patterns, { cwd: absolute, absolute: true, caseSensitiveMatch: false })).sort();
      if (files.length === 0) {
        entries.push({ path: input, error: `${input}: no articles in this folder (${ARTICLE_EXTENSIONS.join(', ')})` });
      }
      for (const file of files) entries.push({ path: displayPath(file, cwd), file, name: stemOf(file) });
    } else if (!sourceKindOf(input)) {
      entries.push({
        path: input,
        error: `${input}: unsupported file type "${extname(input) || '(none)'}"; give ${ARTICLE_EXTENSIONS.join(', ')}`,
      });
    } else {
      entries.push({ path: input, file: absolute, name: stemOf(input) });
    }
  }
  return entries;
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
}

/**
 * Reads an article as UTF-8 text (or UTF-16 with a byte order mark). At most
 * {@link MAX_INPUT_BYTES} are read from any source — file, device, FIFO or standard input — and
 * a longer one is refused as soon as it passes the limit; files that are not text (NUL bytes,
 * invalid UTF-8) are refused with a message, rather than turned into a deck of replacement
 * characters or an out-of-memory crash.
 */
export async function readSource(path: string, file: string = path, options: ReadSourceOptions = {}): Promise<Source> {
  const { stdin = process.stdin, within, signal } = options;
  let bytes: Buffer;
  try {
    bytes = file === '-' ? await readStreamBounded(stdin, MAX_INPUT_BYTES, signal) : await readBounded(file, { maxBytes: MAX_INPUT_BYTES, ...(within ? { within } : {}), ...(signal ? { signal } : {}) });
  } catch (error) {
    if (!(error instanceof ReadRefusal)) throw error;
    if (error.reason === 'aborted') fail(`${path}: stopped while waiting for the article; nothing was written for it`, ExitCode.interrupted);
    fail(`${path}: ${READ_REFUSALS[error.reason]}`);
  }
  // A byte order mark says which Unicode encoding the file is in; without one, UTF-8 is required.
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  if (encoding === 'utf-8' && bytes.includes(0)) fail(`${path}: looks like a binary file, not an article; give a text, Markdown or HTML file`);
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    fail(`${path}: not valid ${encoding === 'utf-8' ? 'UTF-8' : 'UTF-16'} text; save the file as UTF-8 and try again`);
  }
  if (text.includes('\u0000')) fail(`${path}: looks like a binary file, not an article; give a text, Markdown or HTML file`);
  if (text.trim() === '') fail(`${path}: the file is empty; give an article with some text`);
  return { path, text, kind: file === '-' ? sniffKind(text) : sourceKindOf(file)! };
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

function stemOf(path: string): string {
  return basename(path, extname(path));
}

/** A path as short as it can be said: relative inside the working folder, absolute outside it. */
export function displayPath(path: string, cwd: string): string {
  const shown = relative(cwd, resolve(cwd, path));
  return shown && !shown.startsWith('..') && !isAbsolute(shown) ? shown : resolve(cwd, path);
}
