import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { condense } from '../../src/condense/index.js';
import { syntaxFor } from '../../src/pipeline.js';
import { parseArticle, type SourceKind } from '../../src/parse/index.js';
import { BESPOKE_CSS } from '../../src/render/bespoke-template.js';
import { presentScripts, renderMarp } from '../../src/render/marp.js';
import { serializeDeck } from '../../src/serialize/index.js';
import { resolveTheme } from '../../src/themes/index.js';
import { isDeletionOf, readPdf, runBin, tempDir } from '../helpers.js';

const SECRET = 'RINGKAS-LOCAL-SECRET-7f3a';

/** The same hostile article in each input format. */
function hostileArticles(secretFile: string): Record<string, string> {
  const lines = [
    'Rapat keamanan berlangsung panjang hari ini di gedung pusat kota.',
    '<script>document.title = "pwned"</script> Skrip ini harus tampil sebagai teks biasa saja.',
    '<style>section { display: none }</style> Gaya ini juga harus tampil sebagai teks saja.',
    '<iframe src="https://evil.example/"></iframe> Bingkai ini tidak boleh dimuat sama sekali.',
    'Tautan [klik di sini](javascript:alert(1)) tidak boleh menjadi tautan yang bisa diklik.',
    '<!-- theme: gaia --> Direktif tema ini tidak boleh mengganti tema presentasi.',
    '<!-- _class: lead --> Direktif kelas ini tidak boleh mengubah kelas slide.',
    '<!-- backgroundImage: url(file:///etc/passwd) --> Latar ini tidak boleh dipakai.',
    `Gambar lokal ![rahasia](${secretFile}) dan berkas file://${secretFile} tidak boleh dibaca.`,
  ];
  const markdown = ['# Laporan Keamanan', '', ...lines.flatMap((line) => [line, '', '---', '', '***', '']), `<img src="file://${secretFile}">`, ''].join('\n');
  const text = ['Laporan Keamanan', '', ...lines.flatMap((line) => [line, '---', '***', '']), ''].join('\n');
  const html = `<!DOCTYPE html><html lang="id"><head><title>Laporan Keamanan</title><script>window.evil = 1</script><style>body{display:none}</style><link rel="stylesheet" href="file://${secretFile}"></head><body><article><h1>Laporan Keamanan</h1>${lines
    .map((line) => `<p>${line.replace(/</gu, '&lt;')}</p>`)
    .join('')}<p><img src="file://${secretFile}"> <a href="javascript:alert(1)">tautan</a></p><iframe src="file://${secretFile}"></iframe><script>alert(1)</script></article></body></html>`;
  return { 'hostile.md': markdown, 'hostile.txt': text, 'hostile.html': html };
}

describe('hostile articles', () => {
  it.each(['hostile.md', 'hostile.txt', 'hostile.html'])('%s: no script, style, directive, slide break or local file gets into the deck', async (name) => {
    const dir = await tempDir();
    const secretFile = join(dir, 'secret.txt');
    await writeFile(secretFile, SECRET);
    await writeFile(join(dir, name), hostileArticles(secretFile)[name]!);
    const out = join(dir, 'out');
    const result = await runBin(['build', join(dir, name), '--out', out, '--format', 'md,html,pdf', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const stem = name.replace(/\.\w+$/u, '');
    const markdown = await readFile(join(out, `${stem}.md`), 'utf8');
    const presentable = await readFile(join(out, `${stem}.html`), 'utf8');
    // The presentable deck's own scripts and template styles are ringkas's: exactly those, no other.
    const scripts = [...presentable.matchAll(/<script>([\s\S]*?)<\/script>/gu)].map((match) => match[1]);
    expect(scripts).toEqual(presentScripts(renderMarp('', await resolveTheme('ringkas'))));
    const html = presentable.replace(/<script>[\s\S]*?<\/script>/gu, '').replace(`<style>${BESPOKE_CSS}</style>`, '');
    const pdfText = (await readPdf(join(out, `${stem}.pdf`))).pages.join('\n');

    // Exactly the slides the deck planned, with ringkas's theme and classes.
    const slides = JSON.parse(result.stdout).decks[0].slides as number;
    expect(html.match(/<svg data-marpit-svg=""/gu)).toHaveLength(slides);
    expect(html).toContain('data-theme="ringkas"');
    expect(html).not.toMatch(/class="lead"|data-theme="gaia"|background-image:url\(/u);
    // No markup from the article: ringkas's own <style> blocks (fonts, theme) and no other script.
    expect(html).not.toMatch(/<script|<iframe|<img|<a /iu);
    expect(html.match(/<style>/gu)).toHaveLength(2);
    // URLs in the text stay text: no attribute anywhere points at one.
    expect(html).not.toMatch(/<[^>]*\s(href|src)=/iu);
    // No local file read into any output.
    for (const output of [markdown, html, pdfText]) expect(output).not.toContain(SECRET);
    // Hostile text is shown as text wherever its sentence is shown (a bullet or the notes): in a
    // plain-text or HTML article the tag is words, and shows escaped before the sentence; a
    // Markdown article's raw HTML is no text, and is dropped (a line opened by <script> is, by
    // CommonMark, one HTML block to its closing tag's line, sentence and all).
    const shown = [...html.matchAll(/(.{0,40})Skrip ini harus tampil/gu)].map((match) => match[1]!);
    if (name !== 'hostile.md') expect(shown.length).toBeGreaterThan(0);
    for (const before of shown) {
      if (name === 'hostile.md') expect(before).not.toMatch(/script/u);
      else expect(before).toMatch(/(?:&#60;|&lt;)\/script(?:&#62;|&gt;) $/u);
    }
  });

  it('shows hostile text literally on the slide', async () => {
    const { rendered } = await deckOf('Teks &lt;b&gt; ini berisi <b>tebal</b> dan `kode` serta **bintang** yang harus tampil apa adanya.', 'text');
    const visible = rendered.html.replace(/<[^>]+>/gu, '');
    expect(visible).toContain('&lt;b&gt;tebal&lt;/b&gt; dan `kode` serta **bintang**');
    expect(rendered.html).not.toMatch(/<b>|<strong>|<code>/u);
  });
});

async function deckOf(text: string, kind: SourceKind) {
  const article = await parseArticle({ path: `arbitrary.${kind}`, text, kind });
  const deck = condense(article, await syntaxFor(article));
  const theme = await resolveTheme('ringkas');
  const markdown = serializeDeck(deck, { theme: theme.name });
  return { deck, markdown, rendered: renderMarp(markdown, theme) };
}

/** Runs the stages on arbitrary input; "no text" is the one acceptable refusal. */
async function checkStages(text: string, kind: SourceKind): Promise<void> {
  let result;
  try {
    result = await deckOf(text, kind);
  } catch (error) {
    expect((error as Error).message).toMatch(/no article text found/u);
    return;
  }
  const { deck, rendered } = result;
  expect(rendered.slideCount).toBe(deck.slides.length);
  for (const slide of deck.slides) {
    expect(slide.bullets.length).toBeLessThanOrEqual(5);
    slide.bullets.forEach((bullet, index) => {
      // Over the budget only as a whole compression of its sentence (never cut to fit), which the notes hold.
      if (bullet.replace(/…$/u, '').split(/\s+/u).length <= 14) return;
      expect(slide.kind === 'content' || slide.kind === 'conclusion', bullet).toBe(true);
      expect(isDeletionOf(bullet, slide.notes[index] ?? ''), bullet).toBe(true);
    });
  }
  expect(rendered.html).not.toMatch(/<script|<iframe|<img|<a /iu);
}

/** Markdown built from the pieces that break naive serializers. */
const markdownPiece = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.constantFrom('---', '***', '___', '# ', '## ', '- ', '1. ', '> ', '```', '~~~', '| a | b |', '<!-- theme: gaia -->', '<!-- _class: x -->', '<script>x</script>', '<style>*{}</style>', '![](/etc/passwd)', '[a](javascript:x)', '$x$', ':smile:', '\\', '`', '*', '_', '&amp;', '\u0000', '\u202e', '\r', '\t'),
  fc.lorem({ maxCount: 30, mode: 'sentences' }),
);

describe('property: arbitrary input never breaks the stages', () => {
  it('arbitrary Unicode text as plain text and as Markdown', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 600 }), fc.constantFrom<SourceKind>('text', 'markdown', 'html'), (text, kind) => checkStages(text, kind)),
      { numRuns: 150, seed: 7 },
    );
  });

  it('arbitrary Markdown made of hostile pieces', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(markdownPiece, { maxLength: 40 }), fc.constantFrom('\n', '\n\n', ' '), async (pieces, joiner) => checkStages(pieces.join(joiner), 'markdown')),
      { numRuns: 200, seed: 11 },
    );
  });

  it('arbitrary sentences with headings as plain text', async () => {
    const article = fc.array(fc.oneof(fc.lorem({ maxCount: 8, mode: 'sentences' }), fc.lorem({ maxCount: 4 }).map((words) => words.replace(/^\w/u, (c) => c.toUpperCase()))), { minLength: 1, maxLength: 30 });
    await fc.assert(fc.asyncProperty(article, async (blocks) => checkStages(blocks.join('\n\n'), 'text')), { numRuns: 100, seed: 13 });
  });
});
