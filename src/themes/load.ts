import { basename, extname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import * as z from '../zod.js';
import { firstLine } from '../errors.js';
import { BUNDLED_THEMES, DEFAULT_THEME } from './bundled.js';
import { readEmbedded, readThemeFile, themeError } from './files.js';
import { CONTRAST_RULES, type FontToken, type LogoToken, type ThemeColors, type ThemeTokens, contrastRatio } from './tokens.js';
import { FAMILY_RULE, isPrintableLine, parseFamilyList, shownValue, themeNameFrom } from './values.js';

const COLOR = z.string().check(z.regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/u));
const COLOR_KEYS = ['primary', 'accent', 'background', 'text', 'muted'] as const;

/** The institution theme file: every key optional, nothing else allowed. */
const THEME_SCHEMA = z.strictObject({
  extends: z.optional(z.enum(Object.keys(BUNDLED_THEMES) as [string, ...string[]])),
  colors: z.optional(z.strictObject(Object.fromEntries(COLOR_KEYS.map((key) => [key, z.optional(COLOR)])) as Record<(typeof COLOR_KEYS)[number], z.ZodMiniOptional<typeof COLOR>>)),
  fonts: z.optional(z.strictObject({ heading: z.optional(z.string().check(z.minLength(1))), body: z.optional(z.string().check(z.minLength(1))) })),
  logo: z.optional(z.string().check(z.minLength(1))),
  footer: z.optional(z.string().check(z.maxLength(160))),
  pagination: z.optional(z.boolean()),
});

/** zod/mini sets no locale: its issues get the messages of English, as full zod's do. */
const MESSAGES = { error: z.en().localeError };

/** A theme definition as a theme YAML file or a config's `theme:` mapping gives it. */
export type ThemeDefinition = z.input<typeof THEME_SCHEMA>;

/** The keys a theme file may have, for messages and the starter file. */
export const THEME_KEYS = Object.keys(THEME_SCHEMA.shape);

const FONT_FORMATS: Record<string, NonNullable<FontToken['file']>['format']> = { '.ttf': 'truetype', '.otf': 'opentype', '.woff': 'woff', '.woff2': 'woff2' };
const LOGO_TYPES: Record<string, LogoToken['mime']> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.svg': 'image/svg+xml' };

/**
 * Reads and checks a theme YAML file (`themes/<name>.yml`); the theme is named after the file, and
 * the files it embeds are read from the file's folder. `within`: the folder the file must lie in.
 */
export async function loadThemeFile(path: string, shownAs: string = path, within?: string): Promise<ThemeTokens> {
  const text = await readThemeFile(path, shownAs, within);
  let data: unknown;
  try {
    data = parseYaml(text) ?? {};
  } catch (error) {
    throw themeError(shownAs, `not valid YAML (${firstLine(error)})`);
  }
  return themeFromDefinition(data, basename(path, extname(path)), resolve(path, '..'), shownAs);
}

/**
 * Turns a theme definition (from a YAML file, or `theme:` in the config) into tokens: the bundled
 * theme it extends (the light default where absent) with its colours, fonts, logo, footer and
 * pagination replaced. `name` is made a safe theme name ({@link themeNameFrom}). Paths are relative
 * to `baseDir`, the theme's folder, and may not leave it. Throws exit code 4 naming the key and file
 * for an unknown key, a malformed colour, a family name or footer outside its rule, a missing,
 * unsupported or out-of-folder file, or text/background contrast below WCAG AA.
 */
export async function themeFromDefinition(data: unknown, name: string, baseDir: string, shownAs: string): Promise<ThemeTokens> {
  const parsed = THEME_SCHEMA.safeParse(data, MESSAGES);
  if (!parsed.success) throw themeError(shownAs, describeIssue(parsed.error.issues[0]!, data));
  const definition = parsed.data;
  const base = BUNDLED_THEMES[definition.extends ?? DEFAULT_THEME]!;
  const colors: ThemeColors = { ...base.colors };
  for (const key of COLOR_KEYS) {
    const value = definition.colors?.[key];
    if (value) colors[key] = expandHex(value);
  }
  const tokens: ThemeTokens = {
    name: themeNameFrom(name),
    layout: base.layout,
    colors,
    fonts: {
      heading: definition.fonts?.heading ? await fontToken(definition.fonts.heading, baseDir, shownAs, 'fonts.heading') : base.fonts.heading,
      body: definition.fonts?.body ? await fontToken(definition.fonts.body, baseDir, shownAs, 'fonts.body') : base.fonts.body,
    },
    pagination: definition.pagination ?? base.pagination,
  };
  if (definition.logo) tokens.logo = await logoToken(definition.logo, baseDir, shownAs);
  else if (base.logo) tokens.logo = base.logo;
  const footer = definition.footer ?? base.footer;
  // The footer is Markdown text on every slide: one line, no control characters.
  if (footer && !isPrintableLine(footer)) throw themeError(shownAs, `footer: ${shownValue(footer)} must be one line of printable text, without control characters`);
  if (footer) tokens.footer = footer;
  checkContrast(tokens, shownAs);
  return tokens;
}

/** Checks the WCAG AA contrasts of {@link CONTRAST_RULES} against the background. */
export function checkContrast(tokens: ThemeTokens, shownAs: string): void {
  for (const { key, min, role } of CONTRAST_RULES) {
    const ratio = contrastRatio(tokens.colors[key], tokens.colors.background);
    if (ratio < min) {
      throw themeError(
        shownAs,
        `colors.${key}: ${tokens.colors[key]} on background ${tokens.colors.background} has a contrast of ${ratio.toFixed(2)}:1, below the ${min}:1 WCAG AA asks for ${role}; choose a darker or lighter colour`,
      );
    }
  }
}

function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const key = issue.path.join('.');
  if (issue.code === 'unrecognized_keys') {
    const where = issue.path.length > 0 ? `${key}.` : '';
    const allowed = issue.path.length === 0 ? THEME_KEYS : issue.path[0] === 'colors' ? COLOR_KEYS : ['heading', 'body'];
    return `unknown key ${shownValue(`${where}${issue.keys[0]}`)}; use ${allowed.join(', ')}`;
  }
  if (issue.path.length === 0) return 'a theme file must be a mapping of keys such as colors, fonts and logo';
  const value = issue.path.reduce<unknown>((node, part) => (node as Record<string | number, unknown> | undefined)?.[part as string], data);
  const shown = typeof value === 'string' ? shownValue(value) : String(JSON.stringify(value));
  if (issue.path[0] === 'colors') return `${key}: ${shown} is not a colour; write it as #rrggbb`;
  if (key === 'extends') return `extends: ${shown} is not a bundled theme; use ${Object.keys(BUNDLED_THEMES).join(', ')}`;
  if (key === 'pagination') return 'pagination: must be true or false';
  return `${key}: ${issue.message.toLowerCase()}`;
}

function expandHex(color: string): string {
  const hex = color.slice(1).toLowerCase();
  return `#${hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex}`;
}

/**
 * A font: a local font file (embedded, its name without weight or style suffix becomes the family)
 * or a family name, or a comma-separated list of them, by the rule of {@link parseFamilyList}.
 */
async function fontToken(value: string, baseDir: string, shownAs: string, key: string): Promise<FontToken> {
  const format = FONT_FORMATS[extname(value).toLowerCase()];
  if (!format) {
    if (/[\\/]/u.test(value) || /\.\w{2,5}$/u.test(value)) throw themeError(shownAs, `${key}: ${shownValue(value)} is not a font file (.ttf, .otf, .woff, .woff2) nor a family name`);
    const names = parseFamilyList(value);
    if (!names) throw themeError(shownAs, `${key}: ${shownValue(value)} is not a font family name: ${FAMILY_RULE}`);
    return { family: names.join(', ') };
  }
  const family = basename(value, extname(value))
    .replace(/[-_](regular|bold|italic|medium|light|semibold|variable.*)$/iu, '')
    .replace(/[-_]+/gu, ' ');
  // The family is named after the file, so the file's name keeps to the family rule too.
  if (parseFamilyList(family)?.length !== 1) throw themeError(shownAs, `${key}: the font file ${shownValue(value)} gives the family name ${shownValue(family)}, but ${FAMILY_RULE}; rename the file`);
  const bytes = await readEmbedded(value, baseDir, shownAs, key);
  return { family, file: { format, base64: bytes.toString('base64') } };
}

async function logoToken(value: string, baseDir: string, shownAs: string): Promise<LogoToken> {
  const mime = LOGO_TYPES[extname(value).toLowerCase()];
  if (!mime) throw themeError(shownAs, `logo: ${shownValue(value)} must be a PNG, JPEG or SVG file`);
  return { mime, base64: (await readEmbedded(value, baseDir, shownAs, 'logo')).toString('base64') };
}
