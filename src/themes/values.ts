/**
 * What a theme's own words may be. A theme's values end up inside CSS (font families, the theme's
 * name in its `@theme` comment), Marp's Markdown and HTML (the footer, the name) and PPTX XML
 * (font typefaces), so each is held to what every one of those places takes as plain data; a
 * value outside its rule is refused, not repaired, so the user sees what was wrong.
 */

/** The generic CSS font families: written as keywords, never quoted (a quoted one is a family name). */
const GENERIC_FAMILIES = new Set(['serif', 'sans-serif', 'monospace', 'cursive', 'fantasy', 'system-ui', 'ui-serif', 'ui-sans-serif', 'ui-monospace', 'ui-rounded', 'math', 'emoji', 'fangsong']);

/**
 * One family name: letters and digits of any script (with their combining marks), single spaces,
 * hyphens, underscores and periods — every family a font menu shows, and nothing that could end a
 * CSS string or property, an XML attribute, or a line.
 */
const FAMILY_NAME = /^[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}_.-]| (?! ))*$/u;

/** A list of family names is this long at most. */
const MAX_FAMILY_LIST = 200;

/** The rule of {@link parseFamilyList}, in the words of an error message. */
export const FAMILY_RULE = 'a family name has letters, digits, spaces, hyphens, underscores and periods, and a list separates names with commas';

/**
 * The family names of a `fonts:` value — one name, or a comma-separated list — or `undefined` when
 * the value breaks {@link FAMILY_NAME} anywhere.
 */
export function parseFamilyList(value: string): string[] | undefined {
  if (value.length > MAX_FAMILY_LIST) return undefined;
  const names = value.split(',').map((name) => name.replace(/^ +| +$/gu, ''));
  return names.every((name) => FAMILY_NAME.test(name)) ? names : undefined;
}

/** The names of a family list that {@link parseFamilyList} accepted (as tokens and styles hold it). */
export function familyNames(family: string): string[] {
  return family.split(',').map((name) => name.trim());
}

/**
 * `text` as a single-quoted CSS string: quotes and backslashes escaped, and every control or line
 * break character as a hex escape, so that no value can end the string, its declaration or its rule.
 */
export function cssString(text: string): string {
  // The space after a hex escape ends it, so that a following hex digit is not read into it.
  return `'${text.replace(/['\\]|[\p{Cc}\u2028\u2029]/gu, (char) => (char === "'" || char === '\\' ? `\\${char}` : `\\${char.codePointAt(0)!.toString(16)} `))}'`;
}

/** A family list for a CSS `font-family` value: each name a CSS string, a generic family a keyword. */
export function cssFamilyList(family: string): string {
  return familyNames(family)
    .map((name) => (GENERIC_FAMILIES.has(name.toLowerCase()) ? name.toLowerCase() : cssString(name)))
    .join(', ');
}

/** A theme's name: letters and digits of any script, hyphens and underscores. */
const THEME_NAME = /^[\p{L}\p{N}_-]+$/u;

/** The rule of {@link isThemeName}, in the words of an error message. */
export const THEME_NAME_RULE = 'a theme name has letters, digits, hyphens and underscores';

/**
 * Whether `name` can be a Marp theme's name: it goes into a CSS comment (`@theme`), the Markdown's
 * front matter and an HTML attribute, and must read the same in all three.
 */
export function isThemeName(name: string): boolean {
  return THEME_NAME.test(name);
}

/**
 * A theme name made from a file name (the theme YAML's, or the config file's for a theme inline
 * in it): every run of characters {@link isThemeName} does not allow becomes one hyphen.
 */
export function themeNameFrom(stem: string): string {
  const name = stem
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}_-]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
  return name || 'theme';
}

/**
 * Whether `text` is one line of printable text: no control characters (C0, DEL, C1), no line or
 * paragraph separators, no lone surrogates and no non-characters U+FFFE/U+FFFF.
 */
export function isPrintableLine(text: string): boolean {
  return !/[\p{Cc}\u2028\u2029\ud800-\udfff\ufffe\uffff]/u.test(text);
}

/** `text` with its control characters and line separators as `\uXXXX`, so that it prints on one line as it is. */
export function printable(text: string): string {
  return text.replace(/[\p{Cc}\u2028\u2029]/gu, (char) => `\\u${char.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}

/** A user's value as an error message shows it: quoted, escaped onto one line, and clipped. */
export function shownValue(value: string): string {
  const clipped = [...value].length > 60 ? `${[...value].slice(0, 60).join('')}…` : value;
  // JSON escapes C0 controls; DEL, C1 controls and the Unicode line separators it leaves as they are.
  return printable(JSON.stringify(clipped));
}
