import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_THEMES } from '../../src/themes/bundled.js';
import { embeddedFontCss } from '../../src/themes/fonts.js';
import { SAMPLE, runBin, tempDir } from '../helpers.js';

/** Whether a command-line tool is on the PATH. */
function has(tool: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The fonts of a PDF as pdffonts lists them: PostScript name (subset prefix dropped) and whether embedded. */
function pdfFonts(path: string): { name: string; embedded: boolean }[] {
  const lines = execFileSync('pdffonts', [path], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return lines.map((line) => {
    const columns = line.trim().split(/\s+/u);
    // name … emb sub uni object-number generation: "emb" is the fifth column from the end.
    return { name: columns[0]!.replace(/^[A-Z]{6}\+/u, ''), embedded: columns.at(-5) === 'yes' };
  });
}

/** The PostScript name prefix of each bundled family. */
const POSTSCRIPT: Record<string, string> = { 'Source Sans 3': 'SourceSans3', 'Noto Sans': 'NotoSans-', 'Noto Serif': 'NotoSerif-' };

// pdffonts comes with poppler-utils, which .ci/run installs; on a machine without it, say so.
describe.skipIf(!has('pdffonts'))('the bundled fonts in the PDF (pdffonts from poppler-utils)', () => {
  it.each(Object.values(BUNDLED_THEMES))('$name: the theme’s families are embedded, and no other font is used', async (tokens) => {
    const out = await tempDir();
    const result = await runBin(['build', SAMPLE, '--out', out, '--format', 'pdf', '--theme', tokens.name]);
    expect(result.code, result.stderr).toBe(0);
    const fonts = pdfFonts(join(out, 'aliansi-keamanan-internasional.pdf'));
    const families = [...new Set([tokens.fonts.heading.family, tokens.fonts.body.family])].map((family) => POSTSCRIPT[family]!);
    for (const prefix of families) expect(fonts.some((font) => font.name.startsWith(prefix)), `${prefix} in ${JSON.stringify(fonts)}`).toBe(true);
    for (const font of fonts) {
      expect(font.embedded, font.name).toBe(true);
      expect(families.some((prefix) => font.name.startsWith(prefix)), `${font.name} is none of ${families.join(', ')}`).toBe(true);
    }
  });
});

describe('embedded font faces', () => {
  const faces = (css: string) => [...css.matchAll(/font-family:'([^']+)';font-style:normal;font-weight:(\d+);[^}]*unicode-range:([^}]+)\}/gu)].map((match) => `${match[1]} ${match[2]} ${match[3]!.startsWith('U+0000') ? 'latin' : 'other'}`);

  it('carries the weights the layout uses, in the latin subset only for latin text', () => {
    expect(faces(embeddedFontCss(BUNDLED_THEMES['briefing'], 'Aliansi keamanan 2024'))).toEqual([
      'Noto Serif 700 latin',
      'Noto Sans 400 latin',
      'Noto Sans 600 latin',
      'Noto Sans 700 latin',
    ]);
  });

  it('adds a subset only where the text uses its characters', () => {
    const css = embeddedFontCss(BUNDLED_THEMES['ringkas'], 'Łódź and Ελλάδα');
    expect(css.match(/@font-face/gu)).toHaveLength(3 * 3);
    expect(css).toContain('unicode-range:U+0100-02BA');
    expect(css).toContain('unicode-range:U+0370-0377');
    expect(css).not.toContain('unicode-range:U+0301,U+0400-045F');
  });

  it('embeds nothing for a family ringkas does not ship, nor for a theme without tokens', () => {
    const tokens = { ...BUNDLED_THEMES['ringkas']!, fonts: { heading: { family: 'Georgia' }, body: { family: 'Arial, sans-serif' } } };
    expect(embeddedFontCss(tokens, 'teks')).toBe('');
    expect(embeddedFontCss(undefined, 'teks')).toBe('');
  });
});
