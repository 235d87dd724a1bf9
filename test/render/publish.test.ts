import { spawn, spawnSync } from 'node:child_process';
import { copyFile, mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { browserLaunchCount } from '../../src/render/browser/manager.js';
import { BIN, SAMPLE, countMarkdownSlides, pngSize, pptxSlideXml, readPdf, readPdfExtras, readPptx, runBin, tempDir, watchBin } from '../helpers.js';

const NAME = 'aliansi-keamanan-internasional';

/** Slide titles and bullets as the Markdown states them. */
function markdownSlides(markdown: string): { title: string; bullets: string[] }[] {
  // Drop the bold markers the serializer puts around glossary terms, then the escapes.
  const unescape = (text: string) => text.replace(/(?<!\\)\*\*/gu, '').replace(/\\(.)/gu, '$1');
  return markdown
    .replace(/^---\n[\s\S]*?\n---\n/u, '')
    .split(/^---$/mu)
    .map((slide) => ({
      title: unescape(/^#{1,2} (.*)$/mu.exec(slide)?.[1] ?? ''),
      bullets: [...slide.replace(/<!--[\s\S]*?-->/gu, '').matchAll(/^- (.*)$/gmu)].map((match) => unescape(match[1]!)),
    }));
}

describe('every format of the sample, read back', () => {
  let out: string;
  let slides: { title: string; bullets: string[] }[];

  beforeAll(async () => {
    out = await tempDir();
    const result = await runBin(['build', SAMPLE, '--out', out, '--format', 'md,html,pdf,pptx,png', '--pdf-notes', '--author', 'Dr. Sari']);
    expect(result.code, result.stderr).toBe(0);
    slides = markdownSlides(await readFile(join(out, `${NAME}.md`), 'utf8'));
  });

  it('writes a PDF with an outline entry per slide title and its metadata', async () => {
    const pdf = await readPdf(join(out, `${NAME}.pdf`));
    expect(pdf.pages).toHaveLength(slides.length);
    const { outline } = await readPdfExtras(join(out, `${NAME}.pdf`));
    expect(outline).toEqual(slides.map((slide) => slide.title));
    expect(pdf.info).toMatchObject({ Title: 'Aliansi Keamanan Internasional', Author: 'Dr. Sari', Language: 'id' });
    expect(String(pdf.info['Keywords'])).toMatch(/keamanan/u);
  });

  it('puts the speaker notes into the PDF as annotations with --pdf-notes', async () => {
    const { annotations } = await readPdfExtras(join(out, `${NAME}.pdf`));
    expect(annotations[0]).toEqual([]);
    const article = (await readFile(SAMPLE, 'utf8')).replace(/\s+/gu, ' ');
    const noted = annotations.filter((page) => page.length > 0);
    expect(noted.length).toBeGreaterThanOrEqual(slides.length - 3);
    for (const line of noted.flatMap((page) => page[0]!.split('\n'))) expect(article).toContain(line);
  });

  it('writes one PNG per slide at the slide size', async () => {
    const pngs = (await readdir(out)).filter((file) => /\.\d{3}\.png$/u.test(file)).sort();
    expect(pngs).toEqual(slides.map((_, index) => `${NAME}.${String(index + 1).padStart(3, '0')}.png`));
    for (const png of pngs) expect(await pngSize(join(out, png))).toEqual({ width: 1280, height: 720 });
  });

  it('writes a picture PPTX with one slide per page and the notes', async () => {
    const pptx = await readPptx(join(out, `${NAME}.pptx`));
    expect(pptx.slides).toBe(slides.length);
    expect(pptx.notes.filter(Boolean).length).toBeGreaterThanOrEqual(slides.length - 3);
    // Each source sentence is a paragraph of its own in the notes, tagged with the deck's language.
    const zip = await JSZip.loadAsync(await readFile(join(out, `${NAME}.pptx`)));
    // The first content slide with two bullets or more: its notes have a paragraph per source sentence.
    let body = '';
    let paragraphs: string[] = [];
    for (let slide = 3; slide <= slides.length && paragraphs.length < 2; slide += 1) {
      const notesXml = await zip.file(`ppt/notesSlides/notesSlide${slide}.xml`)?.async('string');
      body = notesXml?.split('<p:sp>').find((shape) => shape.includes('<p:ph type="body"')) ?? '';
      paragraphs = [...body.matchAll(/<a:p>(.*?)<\/a:p>/gu)].map((match) => [...match[1]!.matchAll(/<a:t>([^<]*)<\/a:t>/gu)].map((t) => t[1]).join(''));
    }
    expect(paragraphs.length).toBeGreaterThanOrEqual(2);
    for (const paragraph of paragraphs) expect(paragraph).toMatch(/^\S.*[.!?]["”’)]?$/u);
    expect(body).toContain('lang="id-ID"');
  });
});

describe('--editable-pptx', () => {
  let out: string;
  beforeAll(async () => {
    out = await tempDir();
    const result = await runBin(['build', SAMPLE, '--out', out, '--format', 'pptx', '--editable-pptx']);
    expect(result.code, result.stderr).toBe(0);
  });

  it('has title placeholders and the bullets as text runs in the slide XML, with the theme’s colours and fonts', async () => {
    const slides = markdownSlides(await readFile(join(out, `${NAME}.md`), 'utf8'));
    const xml = await pptxSlideXml(join(out, `${NAME}.pptx`));
    expect(xml).toHaveLength(slides.length);
    xml.forEach((part, index) => {
      expect(part).toMatch(/<p:ph\s[^>]*type="title"/u);
      // The text of each paragraph (a glossary term is a bold run of its own).
      const runs = [...part.matchAll(/<a:p>([\s\S]*?)<\/a:p>/gu)].map((paragraph) =>
        [...paragraph[1]!.matchAll(/<a:t>([^<]*)<\/a:t>/gu)].map((match) => match[1]!.replace(/&amp;/gu, '&').replace(/&apos;|&#39;/gu, "'")).join(''),
      );
      expect(runs).toContain(slides[index]!.title);
      for (const bullet of slides[index]!.bullets) expect(runs).toContain(bullet);
    });
    expect(xml[2]).toMatch(/<a:buChar /u);
    expect(xml.join('')).toContain('val="14305A"');
    expect(xml.join('')).toContain('typeface="Source Sans 3"');
    const zip = await JSZip.loadAsync(await readFile(join(out, `${NAME}.pptx`)));
    const media = Object.values(zip.files).filter((entry) => !entry.dir && entry.name.startsWith('ppt/media/'));
    expect(media).toEqual([]);
    expect((await readPptx(join(out, `${NAME}.pptx`))).notes.filter(Boolean).length).toBeGreaterThanOrEqual(slides.length - 3);
  });

  it.runIf(spawnSync('soffice', ['--version']).status === 0)('opens in LibreOffice with one page per slide', async () => {
    const slides = markdownSlides(await readFile(join(out, `${NAME}.md`), 'utf8'));
    const converted = join(out, 'libreoffice');
    const result = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${join(out, 'lo-profile')}`, '--convert-to', 'pdf', '--outdir', converted, join(out, `${NAME}.pptx`)], {
      timeout: 120_000,
    });
    expect(result.status, String(result.stderr)).toBe(0);
    expect((await readPdf(join(converted, `${NAME}.pdf`))).pages).toHaveLength(slides.length);
  });
});

describe('a run of many decks', () => {
  it('starts the browser once for 10 decks, all formats, and lists them in index.html', async () => {
    const dir = await tempDir();
    const inputs = join(dir, 'articles');
    await mkdir(inputs);
    for (let copy = 1; copy <= 10; copy += 1) await copyFile(SAMPLE, join(inputs, `copy-${String(copy).padStart(2, '0')}.txt`));
    const before = browserLaunchCount();
    const report = await build({ inputs: [inputs], out: join(dir, 'out'), formats: ['md', 'html', 'pdf', 'pptx', 'png'], concurrency: 4, cwd: dir });
    expect(report.exitCode).toBe(0);
    expect(browserLaunchCount() - before).toBe(1);
    expect(report.decks).toHaveLength(10);
    for (const deck of report.decks) expect(deck.outputs.filter((path) => path.endsWith('.pdf'))).toHaveLength(1);
    const index = await readFile(join(dir, 'out', 'index.html'), 'utf8');
    expect(index.match(/<li class="deck">/gu)).toHaveLength(10);
    expect(index).toContain('<a href="copy-07.pdf">PDF</a>');
    expect(index).toContain('<img src="copy-07.001.png"');
    expect(index).not.toMatch(/<script|https?:\/\//u);
  }, 300_000);

  it('builds only every n-th input with --shard', async () => {
    const dir = await tempDir();
    for (const name of ['a', 'b', 'c', 'd', 'e']) await copyFile(SAMPLE, join(dir, `${name}.txt`));
    const out = join(dir, 'out');
    const result = await runBin(['build', dir, '--out', out, '--format', 'md', '--shard', '2/2']);
    expect(result.code, result.stderr).toBe(0);
    expect((await readdir(out)).filter((file) => file.endsWith('.md')).sort()).toEqual(['b.md', 'd.md']);
    expect((await runBin(['build', dir, '--shard', '3/2'])).code).toBe(2);
  });

  it('keeps the previous good output when a later run fails, and leaves no temporary files', async () => {
    const out = await tempDir();
    expect((await runBin(['build', SAMPLE, '--out', out, '--format', 'pdf'])).code).toBe(0);
    const before = await readFile(join(out, `${NAME}.pdf`));
    const failed = await runBin(['build', SAMPLE, '--out', out, '--format', 'pdf'], { env: { CHROME_PATH: '/nonexistent/chrome' } });
    expect(failed.code).toBe(3);
    expect(await readFile(join(out, `${NAME}.pdf`))).toEqual(before);
    expect((await readdir(out)).sort()).toEqual([`${NAME}.md`, `${NAME}.pdf`]);
  });
});

describe('a run that is killed half-way', () => {
  /** Starts a build of 8 decks and kills it with `signal` once the first PDF is in place. */
  async function killMidway(signal: NodeJS.Signals) {
    const dir = await tempDir();
    for (let copy = 1; copy <= 8; copy += 1) await copyFile(SAMPLE, join(dir, `deck-${copy}.txt`));
    const out = join(dir, 'out');
    const child = spawn(process.execPath, [BIN, 'build', dir, '--out', out, '--format', 'pdf,pptx', '--concurrency', '2'], { stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    for (let waited = 0; waited < 60_000; waited += 50) {
      const files = await readdir(out).catch(() => [] as string[]);
      if (files.some((file) => file.endsWith('.pdf'))) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    child.kill(signal);
    return { code: await exited, out, dir };
  }

  /** Every visible output is complete: PDFs parse, PPTX zips open. */
  async function expectOnlyCompleteOutputs(out: string) {
    const files = (await readdir(out)).filter((file) => !file.startsWith('.'));
    expect(files.length).toBeGreaterThan(0);
    expect(files.length).toBeLessThan(8 * 3);
    for (const file of files) {
      expect(file).toMatch(/^deck-\d\.(md|pdf|pptx)$/u);
      if (file.endsWith('.pdf')) expect((await readPdf(join(out, file))).pages.length).toBeGreaterThan(0);
      if (file.endsWith('.pptx')) expect((await readPptx(join(out, file))).slides).toBeGreaterThan(0);
      if (file.endsWith('.md')) expect((await stat(join(out, file))).size).toBeGreaterThan(100);
    }
  }

  // Both signals go to ringkas alone: the browser's own signal handling must not cut in (puppeteer's
  // would kill the browser under the decks on SIGTERM, or exit before the clean-up on SIGINT).
  it.each(['SIGTERM', 'SIGINT'] as const)('on %s: stops with exit code 130, closes the browser and removes its temporary files', async (signal) => {
    const { code, out } = await killMidway(signal);
    expect(code).toBe(130);
    await expectOnlyCompleteOutputs(out);
    expect((await readdir(out)).filter((file) => file.startsWith('.'))).toEqual([]);
  });

  it('on SIGKILL: leaves no partial output, and the next run clears what it left', async () => {
    const { out, dir } = await killMidway('SIGKILL');
    await expectOnlyCompleteOutputs(out);
    const next = await runBin(['build', join(dir, 'deck-1.txt'), '--out', out, '--format', 'md']);
    expect(next.code).toBe(0);
    expect((await readdir(out)).filter((file) => file.startsWith('.'))).toEqual([]);
  });
});

describe('ringkas check', () => {
  it('passes on the sample', async () => {
    const result = await runBin(['check', SAMPLE]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^ok: .*aliansi-keamanan-internasional\.txt: \d+ slides fit\n$/u);
  });

  it('fits an overfull deck: its slides split and shrink until none overflows', async () => {
    // Large text and long bullets: planned slides that no smaller size can save.
    const dir = await tempDir();
    await writeFile(join(dir, 'large.css'), "/* @theme large */\n@import 'default';\nsection { font-size: 44px; }\n");
    const options = ['--theme', join(dir, 'large.css'), '--max-bullets', '8', '--max-words', '40'];
    const result = await runBin(['check', SAMPLE, ...options, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const [deck] = JSON.parse(result.stdout).decks;
    expect(deck.overflows).toEqual([]);
    // The deck got continuation slides it had not planned.
    const out = await tempDir();
    expect((await runBin(['build', SAMPLE, '--out', out, '--format', 'md', ...options])).code).toBe(0);
    const planned = countMarkdownSlides(await readFile(join(out, 'aliansi-keamanan-internasional.md'), 'utf8'));
    expect(deck.slides).toBeGreaterThan(planned);
  });

  it('finds the overflow that no fitting can mend: slide, title and pixels', async () => {
    // A theme whose text is so large that one bullet alone overflows at the smallest size.
    const dir = await tempDir();
    await writeFile(join(dir, 'huge.css'), "/* @theme huge */\n@import 'default';\nsection { font-size: 150px; }\n");
    const result = await runBin(['check', SAMPLE, '--theme', join(dir, 'huge.css'), '--max-words', '40', '--json']);
    expect(result.code).toBe(1);
    const overflows = JSON.parse(result.stdout).decks[0].overflows;
    expect(overflows.length).toBeGreaterThan(0);
    for (const overflow of overflows) {
      expect(overflow.title).not.toBe('');
      expect(overflow.bottom + overflow.top).toBeGreaterThan(1);
    }
    expect(result.stderr).toMatch(/overflow: .*: slide \d+ ".+": content runs \d+px (above|below) its box/u);
  });
});

describe('config file and --watch', () => {
  it('reads ringkas.config.json: flags beat the config, the config beats the defaults', async () => {
    const dir = await tempDir();
    await copyFile(SAMPLE, join(dir, 'article.txt'));
    await writeFile(join(dir, 'ringkas.config.json'), JSON.stringify({ inputs: ['article.txt'], out: 'decks', format: 'md', maxBullets: 2 }));
    const first = await runBin(['build'], { cwd: dir });
    expect(first.code, first.stderr).toBe(0);
    const markdown = await readFile(join(dir, 'decks', 'article.md'), 'utf8');
    expect(markdownSlides(markdown).every((slide) => slide.bullets.length <= 2)).toBe(true);
    const second = await runBin(['build', '--max-bullets', '5', '--out', 'other'], { cwd: dir });
    expect(second.code).toBe(0);
    expect(markdownSlides(await readFile(join(dir, 'other', 'article.md'), 'utf8')).some((slide) => slide.bullets.length > 2)).toBe(true);
  });

  it('rejects an unknown key or a wrong type with exit code 2 naming file and key', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'ringkas.config.json'), JSON.stringify({ formats: 'pdf' }));
    const unknown = await runBin(['build'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^error: .*ringkas\.config\.json: unknown key "formats"; use inputs, out, format/u);
    await writeFile(join(dir, 'ringkas.config.json'), JSON.stringify({ maxWords: 'many' }));
    const wrong = await runBin(['build'], { cwd: dir });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/ringkas\.config\.json: "maxWords" must be a number/u);
  });

  it('rebuilds a deck when its article changes', async () => {
    const dir = await tempDir();
    const article = join(dir, 'notes.txt');
    await writeFile(article, 'Rivers are running low this summer. Ships carry less cargo than usual.\n');
    const out = join(dir, 'out');
    const watching = await watchBin(['build', article, '--out', out, '--format', 'md']);
    await writeFile(article, 'Glaciers are melting faster than expected. Sea levels rise as a result.\n');
    await watching.until(async () => (await readFile(join(out, 'notes.md'), 'utf8').catch(() => '')).includes('Glaciers'));
    expect(await watching.stop()).toBe(0);
  });
});

describe('progress', () => {
  it('prints one line per finished deck in CI, and nothing but errors with --quiet', async () => {
    const out = await tempDir();
    const plain = await runBin(['build', SAMPLE, '--out', out, '--format', 'md'], { env: { CI: 'true' } });
    expect(plain.stderr.trim().split('\n').filter((line) => line.startsWith('built '))).toHaveLength(1);
    const quiet = await runBin(['build', SAMPLE, '--out', out, '--format', 'md', '--quiet'], { env: { CI: 'true' } });
    expect(quiet.stderr).toBe('');
    const failing = await runBin(['build', 'missing.txt', '--out', out, '--quiet']);
    expect(failing.stderr).toBe('error: missing.txt: no such file or folder; check the path\n');
  });
});
