import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { RingkasError } from '../../src/errors.js';
import { readSource } from '../../src/io/inputs.js';
import type { Article } from '../../src/model.js';
import { parseArticle } from '../../src/parse/index.js';
import { extractPdf } from '../../src/parse/pdf.js';
import { type PdfPage, type TextRun, layoutPdf } from '../../src/parse/pdf-layout.js';
import { ROOT, solidPng } from '../helpers.js';

/** The real documents of ../shared/test-docs (see its README), read where they lie. */
const TEST_DOCS = join(ROOT, '..', 'shared', 'test-docs');
const hasTestDocs = existsSync(TEST_DOCS);
const SKIP_REASON = `${TEST_DOCS} is absent: the real PDFs are not copied into the repository`;

const paragraphs = (article: Article) => article.sections.flatMap((section) => section.paragraphs.map((paragraph) => paragraph.sentences.map((sentence) => sentence.text).join(' ')));
const allText = (article: Article) => JSON.stringify(article.sections);

async function readArticle(path: string): Promise<Article> {
  return parseArticle(await readSource(path));
}

async function failureOf(promise: Promise<unknown>): Promise<RingkasError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(RingkasError);
  return error as RingkasError;
}

/** The paragraphs of a fixture source (scripts/make-fixtures.mjs) up to its back matter, footnotes taken out. */
async function sourceParagraphs(name: string): Promise<string[]> {
  const source = await readFile(join(ROOT, 'test', 'fixture-sources', `${name}.txt`), 'utf8');
  const body = source.split(/^---$/mu)[1]!;
  const kept = body.split(/^# (?:Acknowledgements|References|Daftar Pustaka)$/mu)[0]!;
  return kept
    .split(/\n\s*\n/u)
    .map((block) => block.trim())
    .filter((block) => block !== '' && !block.startsWith('#'))
    .flatMap((block) => (block.startsWith('- ') ? block.split('\n').map((line) => line.slice(2)) : [block.replace(/\n/gu, ' ')]))
    .map((text) => text.replace(/\[\^[^\]]+\]/gu, ''));
}

describe.each(['pdf-two-column-brief', 'pdf-dua-kolom-bank-sampah'])('two-column PDF made with LibreOffice: %s', (name) => {
  it('gives back every paragraph of its source whole and in order, across column and page breaks, hyphens undone', async () => {
    const article = await readArticle(join(ROOT, 'test', 'fixtures', name, `${name}.pdf`));
    expect(paragraphs(article)).toEqual(await sourceParagraphs(name));
  });
});

describe('two-column brief', () => {
  const path = join(ROOT, 'test', 'fixtures', 'pdf-two-column-brief', 'pdf-two-column-brief.pdf');

  it('drops the running header, the page numbers and the footnote, and keeps no footnote mark on a word', async () => {
    const article = await readArticle(path);
    const text = allText(article);
    expect(text).not.toContain('Urban Water Brief');
    expect(text).not.toMatch(/"\d+"|tanks\.1/u);
    expect(text).toContain('once a third of the houses had tanks.');
    expect(text).not.toContain('cleaned their drains');
    expect(article.warnings.map((warning) => warning.message)).toContainEqual(expect.stringMatching(/running headers, footers and page numbers/u));
  });

  it('reads the bulleted list as list items', async () => {
    const article = await readArticle(path);
    const supply = article.sections.find((section) => section.heading === 'Supply')!;
    expect(supply.paragraphs.map((paragraph) => paragraph.sentences[0]!.text)).toEqual([
      'On the supply side, three weaknesses recur in the utility records we examined:',
      'Reservoirs upstream were designed for a much smaller city and fill only in the wettest months.',
      'Between a quarter and a half of the treated water is lost through leaks and illegal connections before it reaches a meter.',
      'Groundwater, the usual fallback, is pumped faster than it recharges, and in coastal districts the land itself is sinking as a result.',
      'None of these weaknesses can be fixed quickly.',
    ]);
  });
});

describe.skipIf(!hasTestDocs)(`real papers in ../shared/test-docs (skipped when ${SKIP_REASON})`, () => {
  it('reads tracemonkey.pdf (two columns, 14 pages): title, authors, abstract, numbered sections in order, no references', async () => {
    const article = await readArticle(join(TEST_DOCS, 'tracemonkey.pdf'));
    expect(article.title).toBe('Trace-based Just-in-Time Type Specialization for Dynamic Languages');
    expect(article.author).toBe('Andreas Gal et al.');
    expect(article.lang).toBe('en');
    const headings = article.sections.map((section) => section.heading);
    expect(headings[0]).toBe('Abstract');
    const top = article.sections.filter((section) => section.depth === 1).map((section) => section.heading);
    expect(top).toEqual(['Abstract', 'Introduction', 'Overview: Example Tracing Run', 'Trace Trees', 'Nested Trace Tree Formation', 'Trace Tree Optimization', 'Implementation', 'Evaluation', 'Related Work', 'Conclusions', 'Future Work']);
    expect(headings).toEqual(expect.arrayContaining(['Traces', 'Nesting Algorithm', 'Register Allocation', 'Benchmark results']));
    expect(article.sections.find((section) => section.heading === 'Traces')!.depth).toBe(2);
    expect(headings).not.toContain('References');
    expect(headings).not.toContain('Acknowledgments');

    const text = paragraphs(article).join('\n');
    // Line-end hyphens undone, first sentence of the abstract.
    expect(paragraphs(article)[0]).toMatch(/^Dynamic languages such as JavaScript are more difficult to compile than statically typed ones\. /u);
    // A sentence that runs from the foot of the left column into the right one, past the copyright block.
    expect(text).toContain('JavaScript, for example, is the de facto standard for client-side web programming and is used for the application logic of browser-based productivity applications such as Google Mail, Google Docs and Zimbra Collaboration Suite.');
    // A paragraph that runs from page 1 on to page 2.
    expect(text).toContain('or that the same types will occur in subsequent loop iterations. Hence, recording and compiling a trace speculates');
    // A word broken between pages of a compound: "Trace-" "Monkey" is the document's "TraceMonkey".
    expect(text).toContain('We call the resulting tracing VM TraceMonkey.');
    expect(text).toContain('In a naïve implementation');
    // The last words of the article are the future work, not the acknowledgements or references.
    expect(paragraphs(article).at(-1)).toMatch(/^We also plan on adding support for tracing across regular expression substitutions/u);
    for (const absent of ['Permission to make digital', 'PLDI', 'National Science Foundation', 'LuaJIT roadmap', 'webkit.org', 'Figure 1.', '@mozilla.com', 'for (var i']) {
      expect(text).not.toContain(absent);
    }
    expect(article.warnings.map((warning) => warning.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^left out "References" and everything after it/u), 'left out the section "Acknowledgments"']),
    );
  });

  it('refuses TAMReview.pdf in one line: the body fonts of pages 2–22 carry no Unicode mapping', async () => {
    const error = await failureOf(readArticle(join(TEST_DOCS, 'TAMReview.pdf')));
    expect(error.message).toMatch(/TAMReview\.pdf: the text of pages 2–22 cannot be read, as the fonts there do not say which characters they draw; export the PDF again/u);
    expect(error.message).not.toContain('\n');
  });

  it('lays out the readable first page of TAMReview.pdf: title, author, abstract, no running footer', async () => {
    const { pages, unreadable, info } = await extractPdf(new Uint8Array(await readFile(join(TEST_DOCS, 'TAMReview.pdf'))), 'TAMReview.pdf');
    expect(pages.map((page) => page.number)).toEqual([1, 23]);
    expect(unreadable).toEqual(Array.from({ length: 21 }, (_, index) => index + 2));
    const { meta, blocks } = layoutPdf(pages.slice(0, 1), info, new VFile());
    expect(meta.title).toBe('Overview of the Technology Acceptance Model: Origins, Developments and Future Directions');
    expect(meta.author).toBe('Mohammad Chuttur');
    expect(blocks[0]).toMatchObject({ kind: 'heading', text: 'Abstract' });
    expect(blocks[1]!.text).toMatch(/^User acceptance of technology has been an important field of study for over two decades now\. .* well established theory for the IS community\.$/u);
    expect(JSON.stringify(blocks)).not.toMatch(/Working Papers on Information Systems|Indiana University|Keywords|Permanent URL/u);
  });
});

describe('PDFs that cannot be read', () => {
  const vfileFor = (path: string) => new VFile({ path });

  it('refuses a scanned PDF (pictures, no text layer) with the fix', async () => {
    const pdf = await PDFDocument.create();
    const image = await pdf.embedPng(solidPng(200, 280, [240, 240, 230]));
    pdf.addPage([595, 842]).drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
    const path = join(await tempFolder(), 'scan.pdf');
    await writeBytes(path, await pdf.save());
    const error = await failureOf(readArticle(path));
    expect(error.message).toBe(`${path}: has no text layer (its pages are pictures, as a scanned document is); run OCR on it first (e.g. ocrmypdf) or give the article as .docx or text`);
  });

  it('refuses a password-protected PDF', async () => {
    const path = join(ROOT, 'test', 'inputs', 'password-protected.pdf');
    const error = await failureOf(readArticle(path));
    expect(error.message).toBe(`${path}: is protected with a password; save a copy without the password (or print it to PDF) and give that`);
  });

  it('refuses a damaged PDF in one line', async () => {
    const bytes = await readFile(join(ROOT, 'test', 'fixtures', 'pdf-two-column-brief', 'pdf-two-column-brief.pdf'));
    const path = join(await tempFolder(), 'cut.pdf');
    await writeBytes(path, bytes.subarray(0, 900));
    const error = await failureOf(readArticle(path));
    expect(error.message).toMatch(/cut\.pdf: (is not a PDF that can be read \(.+\); check that the file is complete, or export it again|has no text layer)/u);
    const notPdf = join(await tempFolder(), 'notes.pdf');
    await writeBytes(notPdf, new TextEncoder().encode('this is not a PDF at all'));
    expect((await failureOf(readArticle(notPdf))).message).toMatch(/notes\.pdf: is not a PDF that can be read \(.+\); check that the file is complete/u);
    expect(vfileFor(path).path).toBe(path);
  });
});

describe('PDF layout rules, on made-up pages', () => {
  const run = (text: string, x: number, y: number, extra: Partial<TextRun> = {}): TextRun => ({ text, x, y, width: text.length * 5, size: 10, bold: false, mono: false, ...extra });
  /** A column of lines starting at `x`, one every 12 points from `y`. */
  const column = (lines: string[], x: number, y: number, extra: Partial<TextRun> = {}) => lines.map((line, index) => run(line, x, y + index * 12, extra));
  const page = (number: number, runs: TextRun[]): PdfPage => ({ number, width: 600, height: 800, runs });

  it('reads the left column before the right, and both under a title that spans them', () => {
    const runs = [
      run('A Study of Columns', 150, 100, { size: 20, width: 300 }),
      ...column(['The left column starts the', 'paragraph and carries it on', 'to the foot of the column,'], 50, 200),
      ...column(['where the right column ends', 'it with a full stop here.', 'Another sentence follows it.'], 320, 200),
    ];
    const { meta, blocks } = layoutPdf([page(1, runs)], {}, new VFile());
    expect(meta.title).toBe('A Study of Columns');
    expect(blocks.map((block) => block.text)).toEqual(['The left column starts the paragraph and carries it on to the foot of the column, where the right column ends it with a full stop here. Another sentence follows it.']);
  });

  it('drops a header and a page number that recur on every page, and keeps the body', () => {
    const pages = [1, 2, 3].map((number) =>
      page(number, [run('Journal of Examples', 400, 30, { size: 8 }), ...column([`Page ${number} has a sentence of its own, which is a`, 'little longer.'], 50, 200), run(String(number), 300, 780)]),
    );
    const file = new VFile();
    const { blocks } = layoutPdf(pages, {}, file);
    expect(blocks.map((block) => block.text)).toEqual([1, 2, 3].map((number) => `Page ${number} has a sentence of its own, which is a little longer.`));
    expect(file.messages.map((message) => message.reason)).toContain('left out 6 lines of running headers, footers and page numbers');
  });

  it('undoes line-end hyphens, keeping the ones the document spells with a hyphen', () => {
    const runs = column(['The com-', 'piler runs at run-', 'time, and run-time is how the author', 'writes it; IEEE-', '754 doubles stay.'], 50, 200);
    const { blocks } = layoutPdf([page(1, runs)], {}, new VFile());
    expect(blocks[0]!.text).toBe('The compiler runs at run-time, and run-time is how the author writes it; IEEE-754 doubles stay.');
  });

  it('takes numbered and bold headings, with depth from the numbering', () => {
    const runs = [
      run('2. Methods', 50, 100, { size: 13, bold: true }),
      ...column(['We measured everything twice.'], 50, 120),
      run('2.1 Sampling', 50, 150, { bold: true }),
      ...column(['Samples were taken at dawn.'], 50, 170),
      run('Limitations', 50, 200, { bold: true }),
      ...column(['Dawn is not every hour of the day.'], 50, 220),
    ];
    const { blocks } = layoutPdf([page(1, runs)], {}, new VFile());
    expect(blocks.filter((block) => block.kind === 'heading').map((block) => [block.text, block.depth])).toEqual([
      ['Methods', 1],
      ['Sampling', 2],
      ['Limitations', 2],
    ]);
  });

  it('leaves out code in a fixed-pitch font and footnotes in small type', () => {
    const runs = [...column(['Prose comes before the code.'], 50, 100), ...column(['for (let i = 0; i < n; i++) {}'], 50, 120, { mono: true }), ...column(['1 A footnote in small type.'], 50, 700, { size: 7 })];
    const { blocks } = layoutPdf([page(1, runs)], {}, new VFile());
    expect(blocks.map((block) => block.text)).toEqual(['Prose comes before the code.']);
  });
});

async function tempFolder(): Promise<string> {
  const { tempDir } = await import('../helpers.js');
  return tempDir('ringkas-pdf-');
}

async function writeBytes(path: string, bytes: Uint8Array): Promise<void> {
  const { writeFile } = await import('node:fs/promises');
  await writeFile(path, bytes);
}
