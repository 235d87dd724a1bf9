import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { condense } from '../../src/condense/index.js';
import { readSource } from '../../src/io/inputs.js';
import { parseArticle } from '../../src/parse/index.js';
import { renderMarp } from '../../src/render/marp.js';
import { serializeDeck } from '../../src/serialize/index.js';
import { resolveTheme } from '../../src/themes/index.js';
import { SAMPLE, runBin, tempDir } from '../helpers.js';

/** Writes `content` as `name` in a new folder and builds it to Markdown and HTML. */
async function buildOne(name: string, content: string | Uint8Array, extra: string[] = []) {
  const dir = await tempDir();
  const path = join(dir, name);
  await writeFile(path, content);
  const out = join(dir, 'out');
  const result = await runBin(['build', path, '--out', out, '--format', 'md,html', ...extra]);
  return { ...result, path, out, dir };
}

/** Asserts a one-line error naming the file, with the exit code. */
function expectOneLineError(result: { code: number; stderr: string }, code: number, path: string, pattern: RegExp) {
  expect(result.code).toBe(code);
  const lines = result.stderr.trim().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toContain(path);
  expect(lines[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /u);
}

/** A deck for `text` straight through the stages, and what Marp makes of its Markdown. */
async function stages(text: string, kind: 'text' | 'markdown' | 'html' = 'text') {
  const article = await parseArticle({ path: `input.${kind}`, text, kind });
  const deck = condense(article);
  const theme = await resolveTheme('ringkas');
  const markdown = serializeDeck(deck, { theme: theme.name });
  return { article, deck, markdown, rendered: renderMarp(markdown, theme) };
}

const paragraph = 'Sungai-sungai besar di Eropa mengalir pada tingkat terendah dalam beberapa dekade terakhir. Kapal kargo hanya membawa sepertiga muatan biasanya.';

describe('bad input gets a one-line error or a sensible deck', () => {
  it('a missing path: exit 1 naming it', async () => {
    const result = await runBin(['build', '/nowhere/article.txt', '--format', 'md']);
    expectOneLineError(result, 1, '/nowhere/article.txt', /no such file or folder; check the path$/u);
  });

  it('a folder with no articles: exit 1 naming it', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'notes.odt'), 'x');
    expectOneLineError(await runBin(['build', dir, '--out', join(dir, 'out'), '--format', 'md']), 1, dir, /no articles in this folder/u);
  });

  it('an empty or whitespace-only file: exit 1', async () => {
    for (const content of ['', ' \n\t\n  ']) {
      const result = await buildOne('empty.md', content);
      expectOneLineError(result, 1, result.path, /the file is empty/u);
    }
  });

  it('a binary file and invalid UTF-8: exit 1', async () => {
    const binary = await buildOne('image.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    expectOneLineError(binary, 1, binary.path, /looks like a binary file/u);
    const latin1 = await buildOne('latin1.txt', new Uint8Array([0x53, 0x61, 0x6c, 0xe9, 0x20, 0x74, 0x65, 0x78, 0x74, 0x2e]));
    expectOneLineError(latin1, 1, latin1.path, /not valid UTF-8 text/u);
  });

  it('UTF-16 with a byte order mark is decoded', async () => {
    const dir = await tempDir();
    for (const [name, encoded] of [
      ['le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(paragraph, 'utf16le')])],
      ['be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(paragraph, 'utf16le').swap16()])],
    ] as const) {
      await writeFile(join(dir, name), encoded);
      const source = await readSource(join(dir, name));
      expect(source.text).toBe(paragraph);
      expect((await parseArticle(source)).sections[0]!.paragraphs[0]!.sentences).toHaveLength(2);
    }
  });

  it('CRLF and CR line endings read like LF', async () => {
    const lf = `Judul Artikel\n\n${paragraph}\n\nBagian Kedua\n\n${paragraph}\n`;
    const base = await stages(lf);
    for (const eol of ['\r\n', '\r']) {
      const other = await stages(lf.replace(/\n/gu, eol));
      expect(other.markdown).toBe(base.markdown);
    }
    expect(base.article.sections.map((section) => section.heading)).toEqual([undefined, 'Bagian Kedua']);
  });

  it('a 10 MB article builds (Markdown)', async () => {
    const sample = (await readFile(SAMPLE, 'utf8')).slice(0, 3800);
    const text = Array.from({ length: 2700 }, (_, index) => `Bagian ${index + 1}\n\n${sample}\n`).join('\n');
    expect(text.length).toBeGreaterThan(10_000_000);
    const result = await buildOne('big.txt', text, ['--format', 'md']);
    expect(result.code, result.stderr).toBe(0);
    const markdown = await readFile(join(result.out, 'big.md'), 'utf8');
    expect(markdown.length).toBeGreaterThan(100_000);
  }, 180_000);

  it('beyond the documented 20 MB limit: a clear error, not an out-of-memory crash', async () => {
    const result = await buildOne('huge.txt', 'a'.repeat(21 * 1024 * 1024));
    expectOneLineError(result, 1, result.path, /is more than the 20\.0 MB an article may have; split it into several files$/u);
  });

  it('a 5,000-word paragraph without punctuation gives a deck within budget', async () => {
    const words = Array.from({ length: 5000 }, (_, index) => ['aliansi', 'keamanan', 'dunia', 'kerja', 'sama', 'negara'][index % 6]).join(' ');
    const { deck, rendered } = await stages(words);
    expect(rendered.slideCount).toBe(deck.slides.length);
    for (const slide of deck.slides) for (const bullet of slide.bullets) expect(bullet.replace(/…$/u, '').split(/\s+/u).length).toBeLessThanOrEqual(14);
  });

  it('an article of only headings: exit 1, no text found', async () => {
    const result = await buildOne('headings.md', '# One\n\n## Two\n\n## Three\n');
    expectOneLineError(result, 1, result.path, /no article text found/u);
  });

  it('500 headings: every section gets a slide, the agenda stays at two slides', async () => {
    const text = Array.from({ length: 500 }, (_, index) => `## Bagian Nomor ${index + 1}\n\nBagian ini membahas topik nomor ${index + 1} secara ringkas dan jelas.\n`).join('\n');
    const { deck, rendered } = await stages(text, 'markdown');
    expect(rendered.slideCount).toBe(deck.slides.length);
    expect(new Set(deck.slides.filter((slide) => slide.kind === 'content').map((slide) => slide.section)).size).toBe(500);
    const agenda = deck.slides.filter((slide) => slide.kind === 'agenda');
    expect(agenda).toHaveLength(2);
    expect(agenda[1]!.bullets.at(-1)).toBe('… dan 491 bagian lainnya');
  });

  it('emoji, CJK and right-to-left text come through whole and fit their slides', async () => {
    const text = [
      'Festival Budaya 🎉🇮🇩 menarik ribuan pengunjung dari berbagai negara tahun ini. Panitia menyiapkan 50 panggung 🎶 di seluruh kota.',
      '',
      '東京の気候変動対策は新しい段階に入った。市は二〇三〇年までに排出量を半減させる計画を発表した。',
      '',
      'تعمل المدن الكبرى على خفض الانبعاثات بسرعة كبيرة هذا العام. ويقول الخبراء إن الخطة طموحة.',
    ].join('\n');
    const result = await buildOne('unicode.txt', text);
    expect(result.code, result.stderr).toBe(0);
    const html = await readFile(join(result.out, 'unicode.html'), 'utf8');
    for (const piece of ['🎉🇮🇩', '東京の気候変動対策', 'تعمل المدن الكبرى']) expect(html).toContain(piece);
    const check = await runBin(['check', result.path]);
    expect(check.code, check.stderr).toBe(0);
  });

  it('300-character words and URLs wrap instead of overflowing', async () => {
    const long = `${'Panjang'.repeat(43)}x`;
    const url = `https://example.org/${'jalur/'.repeat(50)}akhir`;
    const text = `Istilah ${long} muncul dalam laporan ini berkali-kali. Rujukan lengkap ada di ${url} untuk pembaca. Catatan ketiga menjelaskan hal lain secara rinci.`;
    const result = await buildOne('long-words.txt', text);
    expect(result.code, result.stderr).toBe(0);
    const check = await runBin(['check', result.path, '--json']);
    expect(check.code, check.stdout).toBe(0);
  });

  it('Markdown with tables, code, images and raw HTML: only the prose reaches the deck', async () => {
    const markdown = [
      '# Laporan',
      '',
      'Paragraf pertama menjelaskan tujuan laporan ini dengan jelas.',
      '',
      '| kolom | nilai |',
      '|---|---|',
      '| rahasia-tabel | 1 |',
      '',
      '```js',
      'const rahasiaKode = 1;',
      '```',
      '',
      '![gambar rahasia](foto.png)',
      '',
      '<div class="x">rahasia-html</div>',
      '',
      'Paragraf kedua menutup laporan ini dengan ringkasan singkat.',
    ].join('\n');
    const { markdown: deck } = await stages(markdown, 'markdown');
    expect(deck).toContain('Paragraf pertama menjelaskan tujuan laporan ini dengan jelas');
    expect(deck).not.toMatch(/rahasia/u);
  });

  it('invalid front matter YAML: exit 1 naming the file', async () => {
    const result = await buildOne('bad-front.md', '---\ntitle: [unclosed\n---\n\nSome text here for the deck.\n');
    expectOneLineError(result, 1, result.path, /invalid YAML front matter .*; fix or remove the block between the --- lines$/u);
  });

  it('an invalid config file: exit 2 naming the file', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'ringkas.config.json'), '{ "out": "x", ');
    const result = await runBin(['build', SAMPLE, '--format', 'md'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/ringkas\.config\.json|config file/u);
  });

  it('an unknown theme: exit 4', async () => {
    const result = await buildOne('ok.txt', paragraph, ['--theme', 'neon']);
    expect(result.code).toBe(4);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('an output folder that cannot be written', () => {
  it('fails with exit 1 naming it, before any work', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'a-file'), 'not a folder');
    const out = join(dir, 'a-file', 'decks');
    const result = await runBin(['build', SAMPLE, '--out', out, '--format', 'md']);
    expectOneLineError(result, 1, out, /cannot write to the output folder; choose another with --out/u);
    expect(await readdir(dir)).toEqual(['a-file']);
  });
});

describe('a batch with one bad input', () => {
  it('builds the good decks, names the bad one in the report, exits 1', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'articles'));
    await writeFile(join(dir, 'articles', 'good.txt'), paragraph);
    await writeFile(join(dir, 'articles', 'bad.txt'), new Uint8Array([0, 1, 2, 3]));
    await writeFile(join(dir, 'articles', 'also-good.md'), `# Dua\n\n${paragraph}\n`);
    const result = await runBin(['build', join(dir, 'articles'), '--out', join(dir, 'out'), '--format', 'md,html', '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    const byName = Object.fromEntries(report.decks.map((deck: { input: string }) => [deck.input.split('/').at(-1), deck]));
    expect(byName['bad.txt'].error).toMatch(/bad\.txt: looks like a binary file/u);
    expect(byName['good.txt'].error).toBeUndefined();
    expect(byName['also-good.md'].error).toBeUndefined();
    expect((await readdir(join(dir, 'out'))).sort()).toEqual(['also-good.html', 'also-good.md', 'good.html', 'good.md', 'index.html']);
  });
});
