import { readFile, stat } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ExitCode, RingkasError, firstLine } from '../errors.js';
import { BUNDLED_THEMES, DEFAULT_THEME } from './bundled.js';
import { CONTRAST_RULES, type FontToken, type LogoToken, type ThemeColors, type ThemeTokens, contrastRatio } from './tokens.js';

const COLOR = z.string().regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/u);
const COLOR_KEYS = ['primary', 'accent', 'background', 'text', 'muted'] as const;

/** The institution theme file: every key optional, nothing else allowed. */
const THEME_SCHEMA = z.strictObject({
  extends: z.enum(Object.keys(BUNDLED_THEMES) as [string, ...string[]]).optional(),
  colors: z.strictObject(Object.fromEntries(COLOR_KEYS.map((key) => [key, COLOR.optional()])) as Record<(typeof COLOR_KEYS)[number], z.ZodOptional<typeof COLOR>>).optional(),
  fonts: z.strictObject({ heading: z.string().min(1).optional(), body: z.string().min(1).optional() }).optional(),
  logo: z.string().min(1).optional(),
  footer: z.string().max(160).optional(),
  pagination: z.boolean().optional(),
});

/** The keys a theme file may have, for messages and the starter file. */
export const THEME_KEYS = Object.keys(THEME_SCHEMA.shape);

const FONT_FORMATS: Record<string, NonNullable<FontToken['file']>['format']> = { '.ttf': 'truetype', '.otf': 'opentype', '.woff': 'woff', '.woff2': 'woff2' };
const LOGO_TYPES: Record<string, LogoToken['mime']> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.svg': 'image/svg+xml' };
/** Embedded files travel in every HTML, PDF and PPTX: keep them small. */
const MAX_EMBEDDED_BYTES = 5 * 1024 * 1024;

/** An error in a theme file: exit code 4, naming the file and the key. */
function themeError(file: string, message: string): RingkasError {
  return new RingkasError(`${file}: ${message}`, ExitCode.invalidTheme);
}

/** Reads and checks a theme YAML file (`themes/<name>.yml`); the theme is named after the file. */
export async function loadThemeFile(path: string, shownAs: string = path): Promise<ThemeTokens> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw themeError(shownAs, 'theme file not found or unreadable; check the path');
  }
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
 * pagination replaced. Paths are relative to `baseDir`. Throws exit code 4 naming the key and file
 * for an unknown key, a malformed colour, a missing or unsupported file, or text/background
 * contrast below WCAG AA.
 */
export async function themeFromDefinition(data: unknown, name: string, baseDir: string, shownAs: string): Promise<ThemeTokens> {
  const parsed = THEME_SCHEMA.safeParse(data);
  if (!parsed.success) throw themeError(shownAs, describeIssue(parsed.error.issues[0]!, data));
  const definition = parsed.data;
  const base = BUNDLED_THEMES[definition.extends ?? DEFAULT_THEME]!;
  const colors: ThemeColors = { ...base.colors };
  for (const key of COLOR_KEYS) {
    const value = definition.colors?.[key];
    if (value) colors[key] = expandHex(value);
  }
  const tokens: ThemeTokens = {
    name,
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
    return `unknown key "${where}${issue.keys[0]}"; use ${allowed.join(', ')}`;
  }
  if (issue.path.length === 0) return 'a theme file must be a mapping of keys such as colors, fonts and logo';
  const value = issue.path.reduce<unknown>((node, part) => (node as Record<string | number, unknown> | undefined)?.[part as string], data);
  if (issue.path[0] === 'colors') return `${key}: ${JSON.stringify(value)} is not a colour; write it as #rrggbb`;
  if (key === 'extends') return `extends: "${String(value)}" is not a bundled theme; use ${Object.keys(BUNDLED_THEMES).join(', ')}`;
  if (key === 'pagination') return 'pagination: must be true or false';
  return `${key}: ${issue.message.toLowerCase()}`;
}

function expandHex(color: string): string {
  const hex = color.slice(1).toLowerCase();
  return `#${hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex}`;
}

async function embeddedFile(value: string, baseDir: string, shownAs: string, key: string): Promise<Buffer> {
  const path = resolve(baseDir, value);
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) throw themeError(shownAs, `${key}: file "${value}" not found; paths are relative to the theme file`);
  if (info.size > MAX_EMBEDDED_BYTES) throw themeError(shownAs, `${key}: file "${value}" is larger than 5 MB; use a smaller file`);
  return readFile(path);
}

/** A family name, or a local font file (embedded) whose name becomes the family. */
async function fontToken(value: string, baseDir: string, shownAs: string, key: string): Promise<FontToken> {
  const format = FONT_FORMATS[extname(value).toLowerCase()];
  if (!format) {
    if (/[\\/]/u.test(value) || /\.\w{2,5}$/u.test(value)) throw themeError(shownAs, `${key}: "${value}" is not a font file (.ttf, .otf, .woff, .woff2) nor a family name`);
    return { family: value };
  }
  const bytes = await embeddedFile(value, baseDir, shownAs, key);
  return { family: basename(value, extname(value)).replace(/[-_](regular|bold|italic|medium|light|semibold|variable.*)$/iu, '').replace(/[-_]+/gu, ' '), file: { format, base64: bytes.toString('base64') } };
}

async function logoToken(value: string, baseDir: string, shownAs: string): Promise<LogoToken> {
  const mime = LOGO_TYPES[extname(value).toLowerCase()];
  if (!mime) throw themeError(shownAs, `logo: "${value}" must be a PNG, JPEG or SVG file`);
  return { mime, base64: (await embeddedFile(value, baseDir, shownAs, 'logo')).toString('base64') };
}
