import { readdir } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { ExitCode, fail } from '../errors.js';
import { BUNDLED_THEMES, DEFAULT_THEME, MARP_THEMES } from './bundled.js';
import { cssThemeProblem } from './css-check.js';
import { readThemeFile, themeError } from './files.js';
import { themeCss } from './layouts.js';
import type { ThemeTokens } from './tokens.js';
import { THEME_NAME_RULE, isThemeName, shownValue } from './values.js';

export { DEFAULT_THEME } from './bundled.js';

/** A Marp theme ready to hand to the renderer. */
export interface Theme {
  /** The name the Markdown refers to (`theme:` directive). */
  name: string;
  /** The theme's CSS; `undefined` for the themes built into Marp. */
  css: string | undefined;
  /** The design tokens the CSS was made from; `undefined` for plain CSS themes. */
  tokens?: ThemeTokens;
}

/** A theme defined inline in a config file (`theme:` as a mapping). */
export interface InlineTheme {
  definition: unknown;
  /** The config file: paths in the definition are relative to it, and may not leave its folder. */
  file: string;
}

/** Where the user's own themes live: `themes/` in the working folder. */
const LOCAL_THEMES_DIR = 'themes';

const THEME_NAME = /@theme\s+([^\s*]+)/u;

/** A theme as `ringkas themes` lists it. */
export interface ThemeEntry {
  name: string;
  /** Where it comes from: ringkas, `themes/` of the working folder, `--theme-set`, or Marp. */
  source: 'bundled' | 'local' | 'set' | 'marp';
  /** The file of a local theme or a theme set's, relative to the working folder for a local one. */
  path?: string;
}

/** The theme files a folder may hold. */
const THEME_FILE = /\.(?:ya?ml|css)$/iu;

/**
 * The themes of a theme set (`--theme-set <dir>`, as marp-cli's): each `.css` file of the folder
 * under its `@theme` name (its file name where it has none: naming it then says what is wrong),
 * each `.yml`/`.yaml` under its file name. Only the folder's own files are read, each within the
 * folder once links are followed ({@link readThemeFile}); a missing folder is exit code 4.
 */
async function themeSetEntries(folder: string): Promise<ThemeEntry[]> {
  const files = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
    throw themeError(folder, error.code === 'ENOTDIR' ? 'the theme set is not a folder; give the folder of theme files' : 'theme set folder not found; check the path');
  });
  const entries = await Promise.all(
    files
      .filter((file) => THEME_FILE.test(file))
      .sort()
      .map(async (file): Promise<ThemeEntry> => {
        const path = join(folder, file);
        const stem = basename(file, extname(file));
        if (extname(file).toLowerCase() !== '.css') return { name: stem, source: 'set', path };
        return { name: THEME_NAME.exec(await readThemeFile(path, path, folder))?.[1] ?? stem, source: 'set', path };
      }),
  );
  return entries.filter((entry, index) => entries.findIndex((other) => other.name === entry.name) === index);
}

/** How a theme wants the Markdown set up: its name, page numbers, and footer text. */
export function markdownSettings(theme: Theme): { theme: string; paginate: boolean; footer?: string } {
  const settings: { theme: string; paginate: boolean; footer?: string } = { theme: theme.name, paginate: theme.tokens?.pagination ?? true };
  if (theme.tokens?.footer) settings.footer = theme.tokens.footer;
  return settings;
}

/** A theme built from tokens. */
export function tokenTheme(tokens: ThemeTokens): Theme {
  return { name: tokens.name, css: themeCss(tokens), tokens };
}

/**
 * The bundled themes, the local ones (`themes/*.yml` and `themes/*.css` in `cwd`), those of the
 * theme set `themeSet` (a folder, relative to `cwd`), and Marp's.
 */
export async function listThemes(cwd: string = process.cwd(), themeSet?: string): Promise<ThemeEntry[]> {
  const bundled = Object.keys(BUNDLED_THEMES).map((name): ThemeEntry => ({ name, source: 'bundled' }));
  const files = await readdir(resolve(cwd, LOCAL_THEMES_DIR)).catch(() => [] as string[]);
  const local = files
    .filter((file) => ['.yml', '.yaml', '.css'].includes(extname(file)))
    .sort()
    .map((file): ThemeEntry => ({ name: basename(file, extname(file)), source: 'local', path: join(LOCAL_THEMES_DIR, file) }))
    // This project's own themes/ holds the bundled themes' generated CSS: list each name once.
    .filter((entry, index, all) => !(entry.name in BUNDLED_THEMES) && all.findIndex((other) => other.name === entry.name) === index);
  const set = themeSet === undefined ? [] : await themeSetEntries(resolve(cwd, themeSet));
  return [...bundled, ...local, ...set, ...MARP_THEMES.map((name): ThemeEntry => ({ name, source: 'marp' }))];
}

/**
 * Resolves `--theme` (or `theme:` in the config): a path to a theme YAML or a Marp CSS theme, a
 * theme of the theme set `themeSet` by name (which wins over the others, as the user gave it), a
 * bundled theme's name, a local theme's name (`themes/<name>.yml|.css`), one of Marp's, or a theme
 * defined inline in the config. An unknown name or an invalid theme is an error with exit code 4.
 */
export async function resolveTheme(spec: string | InlineTheme = DEFAULT_THEME, cwd: string = process.cwd(), themeSet?: string): Promise<Theme> {
  // The YAML loader and its schema library load only for YAML themes.
  const load = () => import('./load.js');
  if (typeof spec !== 'string') {
    const { themeFromDefinition } = await load();
    return tokenTheme(await themeFromDefinition(spec.definition, `${basename(spec.file, extname(spec.file))}-theme`, dirname(spec.file), `${spec.file} (theme)`));
  }
  if (/\.ya?ml$/iu.test(spec)) return tokenTheme(await (await load()).loadThemeFile(resolve(cwd, spec), spec));
  if (spec.endsWith('.css') || spec.includes('/') || spec.includes('\\')) return readCssTheme(resolve(cwd, spec), spec);
  if (themeSet !== undefined) {
    const folder = resolve(cwd, themeSet);
    const fromSet = (await themeSetEntries(folder)).find((entry) => entry.name === spec);
    if (fromSet?.path) return themeFromFile(fromSet.path, fromSet.path, folder);
  }
  const bundled = BUNDLED_THEMES[spec];
  if (bundled) return tokenTheme(bundled);
  if ((MARP_THEMES as readonly string[]).includes(spec)) return { name: spec, css: undefined };
  const local = (await listThemes(cwd)).find((entry) => entry.source === 'local' && entry.name === spec);
  if (local?.path) return themeFromFile(resolve(cwd, local.path), local.path);
  const names = [...new Set((await listThemes(cwd, themeSet)).map((entry) => entry.name))];
  fail(`unknown theme "${spec}": use one of ${names.join(', ')}, or a path to a theme .yml or Marp .css file`, ExitCode.invalidTheme);
}

/** The theme of a listed theme file, a Marp CSS theme or a theme YAML, read within `within` when given. */
async function themeFromFile(path: string, shownAs: string, within?: string): Promise<Theme> {
  if (extname(path).toLowerCase() === '.css') return readCssTheme(path, shownAs, within);
  // The YAML loader and its schema library load only for YAML themes.
  return tokenTheme(await (await import('./load.js')).loadThemeFile(path, shownAs, within));
}

/**
 * A user's Marp CSS theme: a regular file of at most 10 MB (inside `within`, when given) with a
 * `@theme` name by {@link isThemeName}, which pulls nothing in ({@link cssThemeProblem}). Exit code
 * 4 otherwise.
 */
async function readCssTheme(path: string, spec: string, within?: string): Promise<Theme> {
  const css = await readThemeFile(path, spec, within);
  const name = THEME_NAME.exec(css)?.[1];
  if (!name) throw themeError(spec, 'not a Marp theme; add a "/* @theme <name> */" comment to the CSS');
  if (!isThemeName(name)) throw themeError(spec, `@theme ${shownValue(name)}: ${THEME_NAME_RULE}`);
  const problem = cssThemeProblem(css);
  if (problem) throw themeError(spec, problem);
  return { name, css };
}
