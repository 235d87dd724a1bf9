import { readFile, readdir } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExitCode, fail } from '../errors.js';

/** A Marp theme ready to hand to the renderer. */
export interface Theme {
  /** The name the Markdown refers to (`theme:` directive). */
  name: string;
  /** The theme's CSS; `undefined` for the themes built into Marp. */
  css: string | undefined;
}

/** The theme used when none is asked for. */
export const DEFAULT_THEME = 'ringkas';

/** Themes that ship with Marp itself. */
const MARP_THEMES = ['default', 'gaia', 'uncover'] as const;

/** The folder of themes bundled with ringkas. */
export const BUNDLED_THEMES_DIR = fileURLToPath(new URL('../../themes/', import.meta.url));

const THEME_NAME = /@theme\s+([^\s*]+)/u;

/** Names of the bundled themes (files in `themes/`) and Marp's own. */
export async function listThemes(): Promise<string[]> {
  const files = await readdir(BUNDLED_THEMES_DIR);
  const bundled = files.filter((file) => extname(file) === '.css').map((file) => basename(file, '.css'));
  return [...bundled.sort(), ...MARP_THEMES];
}

/**
 * Resolves `--theme`: a path to a Marp CSS theme, a bundled theme's name, or one of Marp's.
 * An unknown name or an unusable file is an error with exit code 4.
 */
export async function resolveTheme(spec: string = DEFAULT_THEME, cwd: string = process.cwd()): Promise<Theme> {
  if (spec.endsWith('.css') || spec.includes('/') || spec.includes('\\')) return readCssTheme(resolve(cwd, spec), spec);
  if ((MARP_THEMES as readonly string[]).includes(spec)) return { name: spec, css: undefined };
  const names = await listThemes();
  if (!names.includes(spec)) {
    fail(`unknown theme "${spec}": use one of ${names.join(', ')}, or a path to a Marp .css theme`, ExitCode.invalidTheme);
  }
  return readCssTheme(resolve(BUNDLED_THEMES_DIR, `${spec}.css`), spec);
}

async function readCssTheme(path: string, spec: string): Promise<Theme> {
  let css: string;
  try {
    css = await readFile(path, 'utf8');
  } catch {
    fail(`${spec}: theme file not found or unreadable; give the path to a Marp .css theme`, ExitCode.invalidTheme);
  }
  const name = THEME_NAME.exec(css)?.[1];
  if (!name) fail(`${spec}: not a Marp theme; add a "/* @theme <name> */" comment to the CSS`, ExitCode.invalidTheme);
  return { name, css };
}
