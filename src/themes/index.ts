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
  source: 'bundled' | 'local' | 'marp';
  /** The file of a local theme. */
  path?: string;
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

/** The bundled themes, the local ones (`themes/*.yml` and `themes/*.css` in `cwd`), and Marp's. */
export async function listThemes(cwd: string = process.cwd()): Promise<ThemeEntry[]> {
  const bundled = Object.keys(BUNDLED_THEMES).map((name): ThemeEntry => ({ name, source: 'bundled' }));
  const files = await readdir(resolve(cwd, LOCAL_THEMES_DIR)).catch(() => [] as string[]);
  const local = files
    .filter((file) => ['.yml', '.yaml', '.css'].includes(extname(file)))
    .sort()
    .map((file): ThemeEntry => ({ name: basename(file, extname(file)), source: 'local', path: join(LOCAL_THEMES_DIR, file) }))
    // This project's own themes/ holds the bundled themes' generated CSS: list each name once.
    .filter((entry, index, all) => !(entry.name in BUNDLED_THEMES) && all.findIndex((other) => other.name === entry.name) === index);
  return [...bundled, ...local, ...MARP_THEMES.map((name): ThemeEntry => ({ name, source: 'marp' }))];
}

/**
 * Resolves `--theme` (or `theme:` in the config): a path to a theme YAML or a Marp CSS theme, a
 * bundled theme's name, a local theme's name (`themes/<name>.yml|.css`), one of Marp's, or a theme
 * defined inline in the config. An unknown name or an invalid theme is an error with exit code 4.
 */
export async function resolveTheme(spec: string | InlineTheme = DEFAULT_THEME, cwd: string = process.cwd()): Promise<Theme> {
  // The YAML loader and its schema library load only for YAML themes.
  const load = () => import('./load.js');
  if (typeof spec !== 'string') {
    const { themeFromDefinition } = await load();
    return tokenTheme(await themeFromDefinition(spec.definition, `${basename(spec.file, extname(spec.file))}-theme`, dirname(spec.file), `${spec.file} (theme)`));
  }
  if (/\.ya?ml$/iu.test(spec)) return tokenTheme(await (await load()).loadThemeFile(resolve(cwd, spec), spec));
  if (spec.endsWith('.css') || spec.includes('/') || spec.includes('\\')) return readCssTheme(resolve(cwd, spec), spec);
  const bundled = BUNDLED_THEMES[spec];
  if (bundled) return tokenTheme(bundled);
  if ((MARP_THEMES as readonly string[]).includes(spec)) return { name: spec, css: undefined };
  const local = (await listThemes(cwd)).find((entry) => entry.source === 'local' && entry.name === spec);
  if (local?.path) return local.path.endsWith('.css') ? readCssTheme(resolve(cwd, local.path), local.path) : tokenTheme(await (await load()).loadThemeFile(resolve(cwd, local.path), local.path));
  const names = (await listThemes(cwd)).map((entry) => entry.name);
  fail(`unknown theme "${spec}": use one of ${names.join(', ')}, or a path to a theme .yml or Marp .css file`, ExitCode.invalidTheme);
}

/**
 * A user's Marp CSS theme: a regular file of at most 10 MB with a `@theme` name by
 * {@link isThemeName}, which pulls nothing in ({@link cssThemeProblem}). Exit code 4 otherwise.
 */
async function readCssTheme(path: string, spec: string): Promise<Theme> {
  const css = await readThemeFile(path, spec);
  const name = THEME_NAME.exec(css)?.[1];
  if (!name) throw themeError(spec, 'not a Marp theme; add a "/* @theme <name> */" comment to the CSS');
  if (!isThemeName(name)) throw themeError(spec, `@theme ${shownValue(name)}: ${THEME_NAME_RULE}`);
  const problem = cssThemeProblem(css);
  if (problem) throw themeError(spec, problem);
  return { name, css };
}
