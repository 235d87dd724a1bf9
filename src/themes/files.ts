import type { Buffer } from 'node:buffer';
import { access, mkdir, realpath, writeFile } from 'node:fs/promises';
import { basename, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { ExitCode, RingkasError } from '../errors.js';
import { ReadRefusal, type ReadRefusalReason, isInside, readBounded } from '../io/read.js';
import { printable, shownValue } from './values.js';

/** Embedded files travel in every HTML, PDF and PPTX: keep them small. */
const MAX_EMBEDDED_BYTES = 5 * 1024 * 1024;

/** A theme file itself: YAML tokens, or a CSS theme that may carry fonts and pictures as data: URLs. */
const MAX_THEME_FILE_BYTES = 10 * 1024 * 1024;

/** An error in a theme: exit code 4, one line naming the file (control characters escaped) and the key. */
export function themeError(file: string, message: string): RingkasError {
  return new RingkasError(`${printable(file)}: ${message}`, ExitCode.invalidTheme);
}

const megabytes = (bytes: number) => `${bytes / (1024 * 1024)} MB`;

/**
 * Reads a theme YAML or CSS file: a regular file of at most 10 MB, as UTF-8 text; with `within`
 * (a theme set's folder), one that lies in that folder once every symlink is followed.
 */
export async function readThemeFile(path: string, shownAs: string, within?: string): Promise<string> {
  try {
    return (await readBounded(path, { maxBytes: MAX_THEME_FILE_BYTES, regularOnly: true, ...(within === undefined ? {} : { within }) })).toString('utf8');
  } catch (error) {
    if (!(error instanceof ReadRefusal)) throw error;
    const problems: Partial<Record<ReadRefusalReason, string>> = {
      directory: 'is a folder; give the path to a theme file',
      'not-regular': 'is not a regular file (a device, pipe or system file); give the path to a theme file',
      'too-large': `is larger than ${megabytes(MAX_THEME_FILE_BYTES)}; a theme file is much smaller`,
      outside: `lies outside the theme set's folder ${shownValue(within ?? '')} once links are followed; copy the theme into that folder`,
    };
    throw themeError(shownAs, problems[error.reason] ?? 'theme file not found or unreadable; check the path');
  }
}

/**
 * Reads a file a theme embeds (`logo`, a font file) for the theme's `key`. `value` is the path the
 * theme gives, relative to `folder` — the theme file's folder, or the config file's for a theme
 * inline in the config — and the file must lie in that folder once every symlink is followed, be a
 * regular file (no device, pipe or `/proc` file, whatever size it claims) and hold at most 5 MB:
 * a theme can carry its own logo and fonts, never another file of the machine it is built on.
 */
export async function readEmbedded(value: string, folder: string, shownAs: string, key: string): Promise<Buffer> {
  const shown = shownValue(value);
  if (isAbsolute(value)) throw themeError(shownAs, `${key}: ${shown} is an absolute path; give a path relative to the theme file, inside its folder`);
  try {
    return await readBounded(resolve(folder, value), { maxBytes: MAX_EMBEDDED_BYTES, within: folder, regularOnly: true });
  } catch (error) {
    if (!(error instanceof ReadRefusal)) throw error;
    const hint = error.reason === 'missing' ? '; paths are relative to the theme file' : '';
    throw themeError(shownAs, `${key}: ${refusal(error.reason, shown, folder)}${hint}`);
  }
}

/** Why an embedded file was not read, in the words of an error message. */
function refusal(reason: ReadRefusalReason, shown: string, folder: string): string {
  const problems: Record<ReadRefusalReason, string> = {
    missing: `file ${shown} not found`,
    directory: `${shown} is a folder; give a file`,
    outside: `${shown} lies outside the theme's folder ${shownValue(folder)} once links are followed; copy the file into that folder`,
    'not-regular': `${shown} is not a regular file (a device, pipe or system file); use a real file in the theme's folder`,
    'too-large': `file ${shown} is larger than ${megabytes(MAX_EMBEDDED_BYTES)}; use a smaller file`,
    unreadable: `file ${shown} cannot be read; check its permissions`,
    aborted: `file ${shown} was not read: the run was stopped`,
  };
  return problems[reason];
}

/**
 * The logo a new theme is given (`ringkas themes new --logo`), as the theme file refers to it. A
 * theme embeds files from its own folder only, so a logo elsewhere is copied into that folder as
 * `<theme>-logo.<ext>` (never over an existing file unless `force`); one already inside stays where
 * it is. Returns the path relative to the folder, and the copy made, which the caller removes if
 * the theme is not kept.
 */
export async function logoForNewTheme(source: string, folder: string, theme: string, force = false): Promise<{ path: string; copy?: string }> {
  const shown = shownValue(source);
  const real = await realpath(source).catch(() => undefined);
  const realFolder = await realpath(folder).catch(() => folder);
  if (real && isInside(real, realFolder)) return { path: relative(realFolder, real) };
  let bytes: Buffer;
  try {
    bytes = await readBounded(source, { maxBytes: MAX_EMBEDDED_BYTES, regularOnly: true });
  } catch (error) {
    if (!(error instanceof ReadRefusal)) throw error;
    throw themeError('--logo', refusal(error.reason, shown, folder));
  }
  const name = `${theme}-logo${extname(basename(source)).toLowerCase()}`;
  const copy = join(folder, name);
  const taken = await access(copy).then(
    () => true,
    () => false,
  );
  if (taken && !force) throw themeError('--logo', `${shownValue(name)} already exists in the theme's folder; pass --force to replace it`);
  await mkdir(folder, { recursive: true });
  await writeFile(copy, bytes);
  return { path: name, copy };
}
