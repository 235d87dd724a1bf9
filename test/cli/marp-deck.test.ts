import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { BUNDLED_THEMES } from '../../src/themes/bundled.js';
import { ROOT, captureIo, readPdf, runBin, tempDir } from '../helpers.js';

/** A lecturer's own Marp deck: front matter with marp: true, four slides, a directive, speaker notes in comments. */
const DECK = join(ROOT, 'test', 'fixtures', 'marp-deck', 'kuliah-iklim.md');

interface Report {
  decks: { title: string; lang: string; slides: number; condensed: boolean; warnings: string[] }[];
}

async function buildDeck(...flags: string[]): Promise<{ out: string; report: Report; io: ReturnType<typeof captureIo> }> {
  const out = await tempDir();
  const io = captureIo();
  expect(await run(['build', DECK, '--format', 'md,html', '--out', out, '--json', ...flags], io), io.err).toBe(0);
  return { out, report: JSON.parse(io.out) as Report, io };
}

/** The slides of an HTML deck, as Marp renders each: one SVG per slide. */
const htmlSlides = (html: string) => html.match(/<svg data-marpit-svg=""/gu)?.length ?? 0;

describe('an input that is already a Marp deck', () => {
  it('is rendered as it is, not condensed again: its own slides, directives and notes', async () => {
    const { out, report } = await buildDeck();
    expect(report.decks[0]).toMatchObject({ title: 'Perubahan Iklim dan Kota Pesisir', lang: 'id', slides: 4, condensed: false });
    // The Markdown is the author's, byte for byte.
    expect(await readFile(join(out, 'kuliah-iklim.md'), 'utf8')).toBe(await readFile(DECK, 'utf8'));
    const html = await readFile(join(out, 'kuliah-iklim.html'), 'utf8');
    expect(htmlSlides(html)).toBe(4);
    for (const heading of ['Perubahan Iklim dan Kota Pesisir', 'Mengapa kota pesisir rentan', 'Tiga pilihan adaptasi', 'Bacaan minggu depan']) expect(html).toContain(heading);
    expect(html).toContain('Banjir rob makin sering terjadi di Jakarta dan Semarang');
    // Its directives hold (a slide's background colour, page numbers, the footer) ...
    expect(html).toMatch(/background-color:\s*#eef6f3/u);
    expect(html).toContain('Kuliah Geografi Perkotaan · Minggu 5');
    // ... its comments are the presenter's notes, and the directive comment is not one of them.
    expect(html).toContain('<div class="bespoke-marp-note" data-index="2" tabindex="0"><p>Tekankan bahwa ketiganya sering dipakai bersamaan.</p></div>');
    expect(html).not.toMatch(/bespoke-marp-note[^>]*>[^<]*<p>_backgroundColor/u);
    // With the chosen theme (ringkas's by default) where the deck names none; under the same policy as ringkas's decks.
    expect(html).toContain(BUNDLED_THEMES['ringkas']!.colors.primary);
    expect(html).toContain("default-src 'none'");
  });

  it('prints one PDF page per slide of its own, bookmarked with its headings', async () => {
    const out = await tempDir();
    const result = await runBin(['build', DECK, '--format', 'pdf', '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    const pdf = await readPdf(join(out, 'kuliah-iklim.pdf'));
    expect(pdf.pages).toHaveLength(4);
    expect(pdf.pages[2]).toContain('Tiga pilihan adaptasi');
    expect(pdf.info['Title']).toBe('Perubahan Iklim dan Kota Pesisir');
  });

  it('keeps the theme it names itself', async () => {
    const dir = await tempDir();
    const deck = join(dir, 'own.md');
    await writeFile(deck, '---\nmarp: true\ntheme: uncover\n---\n\n# Satu\n\n---\n\n# Dua\n');
    const io = captureIo();
    expect(await run(['build', deck, '--format', 'html', '--out', join(dir, 'out'), '--theme', 'briefing', '--quiet'], io), io.err).toBe(0);
    const html = await readFile(join(dir, 'out', 'own.html'), 'utf8');
    expect(html).toContain('@theme uncover');
    expect(htmlSlides(html)).toBe(2);
  });

  it('is condensed like any article with --condense', async () => {
    const { out, report } = await buildDeck('--condense');
    expect(report.decks[0]).toMatchObject({ condensed: true });
    const markdown = await readFile(join(out, 'kuliah-iklim.md'), 'utf8');
    expect(markdown).not.toBe(await readFile(DECK, 'utf8'));
    // ringkas's own deck: its title slide and its classes, from the article it read.
    expect(markdown).toMatch(/<!-- _class: title/u);
    const html = await readFile(join(out, 'kuliah-iklim.html'), 'utf8');
    expect(htmlSlides(html)).toBe(report.decks[0]!.slides);
  });

  it('gets no more power than a ringkas deck: its own styles load nothing and cannot end the style element', async () => {
    const dir = await tempDir();
    const cases = [
      ['fetch.md', '---\nmarp: true\n---\n\n<style>\nsection { background: url(https://example.com/x.png); }\n</style>\n\n# A\n', /fetch\.md: a style of the Marp deck url\(\) of "https:\/\/example\.com\/x\.png": only data: URLs/u],
      ['escape.md', '---\nmarp: true\nstyle: "section { color: red } </style><meta http-equiv=refresh content=0>"\n---\n\n# A\n', /escape\.md: a style of the Marp deck contains "<\/style"/u],
    ] as const;
    for (const [name, text, message] of cases) {
      await writeFile(join(dir, name), text);
      const io = captureIo();
      expect(await run(['build', join(dir, name), '--format', 'html', '--out', join(dir, 'out')], io)).toBe(1);
      expect(io.err).toMatch(message);
    }
    // Raw HTML stays text, as in ringkas's decks (Marp's html option is off): no script but the deck's own two.
    await writeFile(join(dir, 'raw.md'), '---\nmarp: true\n---\n\n# A <script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n');
    expect(await run(['build', join(dir, 'raw.md'), '--format', 'html', '--out', join(dir, 'out'), '--quiet'], captureIo())).toBe(0);
    const html = await readFile(join(dir, 'out', 'raw.html'), 'utf8');
    expect(html.match(/<script>/gu)).toHaveLength(2);
    expect(html).not.toMatch(/<img src="?x/u);
  });

  it('outline still reads it as an article', async () => {
    const io = captureIo();
    expect(await run(['outline', DECK, '--json'], io), io.err).toBe(0);
    const outline = JSON.parse(io.out) as { title: string; sections: unknown[] };
    expect(outline.title).toBe('Perubahan Iklim dan Kota Pesisir');
    expect(outline.sections.length).toBeGreaterThan(0);
    // Its speaker notes and directives are comments, which an article's reading skips.
    expect(io.out).not.toMatch(/Sambut mahasiswa|_backgroundColor|marp: true/u);
  });
});
