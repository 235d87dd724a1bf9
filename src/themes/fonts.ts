/**
 * The typefaces that come with ringkas: the bundled themes' families, as open-licensed WOFF2 files
 * of the @fontsource packages (SIL Open Font License 1.1, see each package's LICENSE). A deck's HTML
 * carries the ones its theme names as `data:` URLs, so that the HTML, and the PDF printed from it,
 * look the same on every machine, whether or not the family is installed there.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ThemeTokens } from './tokens.js';
import { familyNames } from './values.js';

/** A family ringkas ships: its @fontsource package (files `<stem>-<subset>-<weight>-normal.woff2`). */
interface BundledFamily {
  package: string;
  stem: string;
  /** Generic family to fall back on where the family is missing (the editable PPTX). */
  generic: 'sans-serif' | 'serif';
}

const BUNDLED_FAMILIES: Record<string, BundledFamily> = {
  'Source Sans 3': { package: '@fontsource/source-sans-3', stem: 'source-sans-3', generic: 'sans-serif' },
  'Noto Sans': { package: '@fontsource/noto-sans', stem: 'noto-sans', generic: 'sans-serif' },
  'Noto Serif': { package: '@fontsource/noto-serif', stem: 'noto-serif', generic: 'serif' },
};

/**
 * The character subsets the files are cut into, with their Unicode ranges (from @fontsource's
 * unicode.json, the same for the three families). `latin` is always embedded — digits, page
 * numbers and punctuation — and each other subset only when the deck's text uses one of its
 * characters, so that an Indonesian or English deck carries about 15 KB per weight.
 */
const SUBSETS: Record<string, string> = {
  latin: 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
  'latin-ext':
    'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C4,U+2113,U+2C60-2C7F,U+A720-A7FF',
  vietnamese: 'U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB',
  greek: 'U+0370-0377,U+037A-037F,U+0384-038A,U+038C,U+038E-03A1,U+03A3-03FF',
  cyrillic: 'U+0301,U+0400-045F,U+0490-0491,U+04B0-04B1,U+2116',
};

/** The weights the layouts use: headings are bold; body text regular, semibold (takeaways) and bold (terms). */
const ROLE_WEIGHTS = { heading: [700], body: [400, 600, 700] } as const;

const require = createRequire(import.meta.url);
const fileCache = new Map<string, string>();

/** A font file of a bundled family as base64 (read once per run). */
function fontBase64(family: BundledFamily, subset: string, weight: number): string {
  const name = `${family.package}/files/${family.stem}-${subset}-${weight}-normal.woff2`;
  let base64 = fileCache.get(name);
  if (base64 === undefined) {
    base64 = readFileSync(require.resolve(name)).toString('base64');
    fileCache.set(name, base64);
  }
  return base64;
}

/** The `[from, to]` code point ranges of a `U+XXXX-YYYY,…` list. */
function ranges(list: string): [number, number][] {
  return list.split(',').map((range) => {
    const [from = '', to = from] = range.slice(2).split('-');
    return [Number.parseInt(from, 16), Number.parseInt(to, 16)];
  });
}

/** The subsets whose characters `text` uses, `latin` always first. */
function subsetsFor(text: string): string[] {
  const points = new Set<number>();
  for (const char of text) points.add(char.codePointAt(0)!);
  return Object.keys(SUBSETS).filter((subset) => subset === 'latin' || ranges(SUBSETS[subset]!).some(([from, to]) => [...points].some((point) => point >= from && point <= to)));
}

/** The bundled family a theme's font names first, if ringkas ships it. */
export function bundledFamily(family: string): { name: string; generic: 'sans-serif' | 'serif' } | undefined {
  const name = familyNames(family)[0]!;
  const found = BUNDLED_FAMILIES[name];
  return found ? { name, generic: found.generic } : undefined;
}

/**
 * `@font-face` rules embedding the bundled families a theme names (heading and body; a theme's own
 * font file is embedded by its CSS already), each weight its layout uses, in the subsets `text`
 * needs, as `data:` URLs. Empty for a theme without tokens or whose families ringkas does not ship.
 * Deterministic: the same theme and text give the same rules, in the same order.
 */
export function embeddedFontCss(tokens: ThemeTokens | undefined, text: string): string {
  if (!tokens) return '';
  const weights = new Map<string, Set<number>>();
  for (const role of ['heading', 'body'] as const) {
    const font = tokens.fonts[role];
    if (font.file) continue;
    const name = familyNames(font.family)[0]!;
    if (!(name in BUNDLED_FAMILIES)) continue;
    const set = weights.get(name) ?? new Set<number>();
    for (const weight of ROLE_WEIGHTS[role]) set.add(weight);
    weights.set(name, set);
  }
  const subsets = subsetsFor(text);
  const rules: string[] = [];
  for (const [name, set] of weights) {
    const family = BUNDLED_FAMILIES[name]!;
    for (const weight of [...set].sort()) {
      for (const subset of subsets) {
        rules.push(
          `@font-face{font-family:'${name}';font-style:normal;font-weight:${weight};font-display:block;src:url(data:font/woff2;base64,${fontBase64(family, subset, weight)}) format('woff2');unicode-range:${SUBSETS[subset]}}`,
        );
      }
    }
  }
  return rules.join('\n');
}
