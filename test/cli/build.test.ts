import { access, copyFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Marp } from '@marp-team/marp-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, SAMPLE, readPdf, readPptx, runBin, tempDir, watchBin } from '../helpers.js';

const HEADINGS = [
  'Aliansi Keamanan dan Dinamika Politik Global',
  'Tantangan dan Masa Depan Aliansi Keamanan',
  'Masa Depan Aliansi Keamanan Internasional',
];
const NAME = 'aliansi-keamanan-internasional';

/** Slides in a Marp Markdown file, as Marp itself counts them. */
function marpSlideCount(markdown: string): number {
  return new Marp({ html: false }).render(markdown, { htmlAsArray: true }).html.length;
}

describe('ringkas build, black box, on the bundled sample', () => {
  let out: string;
  let result: CliResult;

  beforeAll(async () => {
    out = await tempDir();
    result = await runBin(['build', SAMPLE, '--out', out]);
  });

  it('exits 0 and writes md, html, pdf and pptx', async () => {
    expect(result.stderr).not.toMatch(/error/iu);
    expect(result.code).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['md', 'html', 'pdf', 'pptx'].map((ext) => `${NAME}.${ext}`).sort());
  });

  it('writes a PDF with one page per Markdown slide, 16:9, with every heading in its text', async () => {
    const markdown = await readFile(join(out, `${NAME}.md`), 'utf8');
    const slides = marpSlideCount(markdown);
    expect(slides).toBeGreaterThanOrEqual(6);
    expect(slides).toBeLessThanOrEqual(14);
    const pdf = await readPdf(join(out, `${NAME}.pdf`));
    expect(pdf.pages).toHaveLength(slides);
    const text = pdf.pages.join('\n');
    // The closing section sums the article up: its slide is the conclusion.
    for (const heading of [...HEADINGS.slice(0, -1), 'Kesimpulan']) expect(text).toContain(heading);
    expect(text).toContain('Aliansi Keamanan Internasional');
    expect(text).not.toContain('BACA JUGA');
    expect(pdf.info['Title']).toBe('Aliansi Keamanan Internasional');
    for (const size of pdf.pageSizes) expect(size.width / size.height).toBeCloseTo(16 / 9, 2);
  });

  it('writes a PPTX with one slide per PDF page and the source sentences in the notes pages', async () => {
    const pptx = await readPptx(join(out, `${NAME}.pptx`));
    const pdf = await readPdf(join(out, `${NAME}.pdf`));
    expect(pptx.slides).toBe(pdf.pages.length);
    // Title, agenda and glossary have no notes; every content slide and the conclusion do.
    const kinds = [...(await readFile(join(out, `${NAME}.md`), 'utf8')).matchAll(/<!-- _class: (\w+)/gu)].map((match) => match[1]);
    expect(pptx.notes[0]).toBe('');
    expect(pptx.notes[1]).toBe('');
    const withNotes = pptx.notes.filter((notes) => notes !== '');
    expect(withNotes.length).toBe(kinds.filter((kind) => kind === 'content' || kind === 'conclusion').length);
    // Each line of the notes is a sentence of the article, word for word.
    const article = (await readFile(SAMPLE, 'utf8')).replace(/\s+/gu, ' ');
    for (const line of withNotes.flatMap((notes) => notes.split(/\r?\n/u))) {
      expect(line.length).toBeGreaterThan(20);
      expect(article).toContain(line);
    }
  });

  it('writes byte-identical Markdown and HTML on a second run, fitted in the browser alike', async () => {
    const again = await tempDir();
    const second = await runBin(['build', SAMPLE, '--out', again]);
    expect(second.code).toBe(0);
    for (const ext of ['md', 'html']) {
      expect(await readFile(join(again, `${NAME}.${ext}`), 'utf8')).toBe(await readFile(join(out, `${NAME}.${ext}`), 'utf8'));
    }
  });

  it('keeps the planned sizes when no browser runs (md and html only)', async () => {
    const plain = await tempDir();
    const result = await runBin(['build', SAMPLE, '--out', plain, '--format', 'md,html']);
    expect(result.code).toBe(0);
    const markdown = await readFile(join(plain, `${NAME}.md`), 'utf8');
    expect(markdown).not.toMatch(/ringkas-(fit|space)-/u);
    // With the browser, the same deck's mostly empty slides were given larger text.
    expect(await readFile(join(out, `${NAME}.md`), 'utf8')).toMatch(/<!-- _class: content ringkas-fit-\d+/u);
  });
});

describe('ringkas build, errors', () => {
  it('exits 1 with a one-line message for a missing input file', async () => {
    const out = await tempDir();
    const result = await runBin(['build', 'no/such/article.txt', '--out', out, '--format', 'md']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('error: no/such/article.txt: no such file or folder; check the path\n');
  });

  it('still builds the good inputs of a batch with a bad one, and exits 1', async () => {
    const out = await tempDir();
    const result = await runBin(['build', 'missing.txt', SAMPLE, '--out', out, '--format', 'md']);
    expect(result.code).toBe(1);
    await access(join(out, `${NAME}.md`));
  });

  it('exits 2 with a one-line message for an unknown flag', async () => {
    const result = await runBin(['build', '--frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^error: Unknown argument: frobnicate/u)]);
  });

  it('exits 2 for an unknown format and a bad budget', async () => {
    for (const args of [['--format', 'docx'], ['--max-words', '0']]) {
      const result = await runBin(['build', SAMPLE, ...args]);
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('exits 4 for an unknown theme', async () => {
    const result = await runBin(['build', SAMPLE, '--theme', 'nope', '--format', 'md']);
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/^error: unknown theme "nope": use one of ringkas, briefing, institution, default, gaia, uncover, or a path to a theme \.yml or Marp \.css file\n$/u);
  });

  it('exits 3 when the browser given cannot be found, after writing Markdown and HTML', async () => {
    const out = await tempDir();
    const result = await runBin(['build', SAMPLE, '--out', out, '--format', 'html,pdf'], { env: { CHROME_PATH: '/nonexistent/chrome' } });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/error: CHROME_PATH: no executable browser at "\/nonexistent\/chrome"; install Chrome or Chromium, or point to one with --browser-path/u);
    expect((await readdir(out)).sort()).toEqual([`${NAME}.html`, `${NAME}.md`]);
  });

  it('prints a JSON report with --json', async () => {
    const out = await tempDir();
    const result = await runBin(['build', SAMPLE, '--out', out, '--format', 'md', '--json', '--quiet']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout);
    expect(report.decks).toEqual([
      expect.objectContaining({ title: 'Aliansi Keamanan Internasional', lang: 'id', slides: expect.any(Number), outputs: [join(out, `${NAME}.md`)] }),
    ]);
  });
});

/** A folder of articles: each relative path gets a copy of the sample, or the text given. */
async function articles(files: Record<string, string | undefined>): Promise<string> {
  const dir = await tempDir();
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    if (text === undefined) await copyFile(SAMPLE, join(dir, path));
    else await writeFile(join(dir, path), text);
  }
  return dir;
}

/** Every file under `dir`, relative and `/`-separated, sorted. */
async function filesUnder(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

const SHORT_MD = '# Kota Pelabuhan\n\nPelabuhan kota itu diperluas tahun ini. Kapal yang lebih besar kini dapat bersandar di dermaga baru.\n';

describe('ringkas build, output names', () => {
  it('keeps a folder input\'s subfolders under --out, tells a.md from a.txt, and says where each deck went', async () => {
    const dir = await articles({ 'articles/2024/intro.txt': undefined, 'articles/2025/intro.txt': undefined, 'articles/a.md': SHORT_MD, 'articles/a.txt': undefined });
    const result = await runBin(['build', 'articles', '--out', 'out', '--format', 'md,html', '--json'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const out = join(dir, 'out');
    expect(await filesUnder(out)).toEqual(['2024/intro.html', '2024/intro.md', '2025/intro.html', '2025/intro.md', 'a-md.html', 'a-md.md', 'a-txt.html', 'a-txt.md', 'index.html']);
    const report = JSON.parse(result.stdout);
    expect(report.decks.map((deck: { input: string; name: string; outputs: string[] }) => [deck.input, deck.name, deck.outputs])).toEqual([
      ['articles/2024/intro.txt', '2024/intro', [join(out, '2024/intro.md'), join(out, '2024/intro.html')]],
      ['articles/2025/intro.txt', '2025/intro', [join(out, '2025/intro.md'), join(out, '2025/intro.html')]],
      ['articles/a.md', 'a-md', [join(out, 'a-md.md'), join(out, 'a-md.html')]],
      ['articles/a.txt', 'a-txt', [join(out, 'a-txt.md'), join(out, 'a-txt.html')]],
    ]);
    expect(await readFile(join(out, 'a-md.md'), 'utf8')).toContain('Kota Pelabuhan');
    // Every link of the index page leads to a deck that is there.
    const listing = await readFile(join(out, 'index.html'), 'utf8');
    const targets = [...listing.matchAll(/href="([^"]+)"/gu)].map((match) => decodeURIComponent(new URL(match[1]!, 'file:///out/index.html').pathname).slice('/out/'.length));
    expect(targets.sort()).toEqual((await filesUnder(out)).filter((file) => file !== 'index.html'));
    // A second run writes the same files in the same places.
    const again = await runBin(['build', 'articles', '--out', 'out', '--format', 'md,html'], { cwd: dir });
    expect(again.code, again.stderr).toBe(0);
    expect(await filesUnder(out)).toHaveLength(9);
  });

  it('names files given directly after themselves, and namesakes after their folders, whatever their order', async () => {
    const dir = await articles({ '2024/intro.txt': undefined, '2025/intro.txt': undefined, 'notes.md': SHORT_MD });
    for (const inputs of [['2024/intro.txt', '2025/intro.txt', 'notes.md'], ['notes.md', '2025/intro.txt', '2024/intro.txt']]) {
      const out = `out-${inputs[0]!.slice(0, 4)}`;
      const result = await runBin(['build', ...inputs, '--out', out, '--format', 'md', '--json'], { cwd: dir });
      expect(result.code, result.stderr).toBe(0);
      const names = Object.fromEntries(JSON.parse(result.stdout).decks.map((deck: { input: string; name: string }) => [deck.input, deck.name]));
      expect(names).toEqual({ '2024/intro.txt': '2024-intro', '2025/intro.txt': '2025-intro', 'notes.md': 'notes' });
      expect(await filesUnder(join(dir, out))).toEqual(['2024-intro.md', '2025-intro.md', 'index.html', 'notes.md']);
    }
  });

  it('--watch rebuilds a changed article of a folder into its own subfolder', async () => {
    const dir = await articles({ 'notes/2024/river.txt': 'Rivers are running low this summer. Ships carry less cargo than usual.\n', 'notes/river.md': SHORT_MD });
    const watching = await watchBin(['build', 'notes', '--out', 'out', '--format', 'md'], { cwd: dir });
    await writeFile(join(dir, 'notes/2024/river.txt'), 'Glaciers are melting faster than expected. Sea levels rise as a result.\n');
    await watching.until(async () => (await readFile(join(dir, 'out/2024/river.md'), 'utf8').catch(() => '')).includes('Glaciers'));
    expect(await watching.stop()).toBe(0);
    expect(await filesUnder(join(dir, 'out'))).toEqual(['2024/river.md', 'index.html', 'river.md']);
  });
});
