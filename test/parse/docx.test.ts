import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { RingkasError } from '../../src/errors.js';
import { readSource } from '../../src/io/inputs.js';
import type { Article } from '../../src/model.js';
import { parseArticle } from '../../src/parse/index.js';
import { ROOT, tempDir } from '../helpers.js';

/** The Word edge cases of ../shared/test-docs (mammoth's own test documents), read where they lie. */
const TEST_DOCS = join(ROOT, '..', 'shared', 'test-docs');
const hasTestDocs = existsSync(TEST_DOCS);
const FIXTURE = join(ROOT, 'test', 'fixtures', 'docx-aliansi-keamanan', 'docx-aliansi-keamanan.docx');

const readArticle = async (path: string) => parseArticle(await readSource(path));
const paragraphs = (article: Article) => article.sections.flatMap((section) => section.paragraphs.map((paragraph) => paragraph.sentences.map((sentence) => sentence.text).join(' ')));
const warnings = (article: Article) => article.warnings.map((warning) => warning.message);

async function failureOf(promise: Promise<unknown>): Promise<RingkasError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(RingkasError);
  expect((error as Error).message).not.toContain('\n');
  return error as RingkasError;
}

describe('a Word document made with LibreOffice from the bundled sample article', () => {
  it('has the title from its Title paragraph, the author from its properties, headings from heading styles and the list as items', async () => {
    const article = await readArticle(FIXTURE);
    expect(article.title).toBe('Aliansi Keamanan Internasional');
    expect(article.author).toBe('Redaksi Ringkas');
    expect(article.sections.map((section) => section.heading ?? null)).toEqual([null, 'Aliansi Keamanan dan Dinamika Politik Global', 'Tantangan dan Masa Depan Aliansi Keamanan', 'Masa Depan Aliansi Keamanan Internasional']);
    expect(paragraphs(article).slice(1, 6)).toEqual([
      'Aliansi yang dibahas dalam tulisan ini:',
      'Perserikatan Bangsa-Bangsa (PBB)',
      'Pakta Pertahanan Atlantik Utara (NATO)',
      'ASEAN Defense Ministers’ Meeting (ADMM)',
      'Shanghai Cooperation Organization (SCO)',
    ]);
  });

  it('drops the footnote (and its mark), the caption and the soft hyphens, and says so of the footnote', async () => {
    const article = await readArticle(FIXTURE);
    const text = paragraphs(article).join('\n');
    expect(text).toContain('sebagai tanggapan terhadap ancaman dari Blok Timur selama Perang Dingin. Namun,');
    expect(text).not.toMatch(/1949|\[1\]|Jumlah negara anggota|\u00AD/u);
    // The HTML reader drops the caption ("Jumlah negara anggota", checked above) without a warning of its own.
    expect(warnings(article)).toContain('left out a footnote');
    expect(warnings(article)).not.toContainEqual(expect.stringMatching(/took the article body/u));
  });
});

describe.skipIf(!hasTestDocs)(`Word edge cases in ../shared/test-docs (skipped when ${TEST_DOCS} is absent: the documents are not copied into the repository)`, () => {
  it('footnotes.docx: the text without its footnotes or their marks', async () => {
    const article = await readArticle(join(TEST_DOCS, 'footnotes.docx'));
    expect(paragraphs(article)).toEqual(['Ouch.']);
    expect(warnings(article)).toContain('left out 2 footnotes and endnotes');
  });

  it('comments.docx: the text without the comments', async () => {
    const article = await readArticle(join(TEST_DOCS, 'comments.docx'));
    expect(paragraphs(article)).toEqual(['Ouch.']);
    expect(JSON.stringify(article)).not.toContain('tachyon');
    expect(article.author).toBe('Michael Williamson');
  });

  it('tables.docx: the paragraphs around the table, all of them, and the table left out with a warning', async () => {
    const article = await readArticle(join(TEST_DOCS, 'tables.docx'));
    expect(paragraphs(article)).toEqual(['Above', 'Below']);
    expect(warnings(article)).toContain('left out a table');
  });

  it('strict-format.docx, text-box.docx and utf8-bom.docx are read', async () => {
    expect(paragraphs(await readArticle(join(TEST_DOCS, 'strict-format.docx')))).toEqual(['Test']);
    expect(paragraphs(await readArticle(join(TEST_DOCS, 'text-box.docx')))).toEqual(['Datum plane']);
    expect(paragraphs(await readArticle(join(TEST_DOCS, 'utf8-bom.docx')))).toEqual(['This XML has a byte order mark.']);
  });

  it('tiny-picture.docx, a picture and no text, is refused in one line', async () => {
    const path = join(TEST_DOCS, 'tiny-picture.docx');
    expect((await failureOf(readArticle(path))).message).toBe(`${path}: no article text found; give a file with at least one paragraph of prose`);
  });
});

describe('Word documents that cannot be read', () => {
  const write = async (name: string, bytes: Uint8Array) => {
    const path = join(await tempDir('ringkas-docx-'), name);
    await writeFile(path, bytes);
    return path;
  };

  it('refuses a truncated .docx', async () => {
    const path = await write('cut.docx', (await readFile(FIXTURE)).subarray(0, 3000));
    expect((await failureOf(readArticle(path))).message).toMatch(/cut\.docx: is not a Word document that can be read \(.+\); check that the file is complete, or save it again as \.docx$/u);
  });

  it('refuses a zip that is not a Word document, and an old or password-protected one', async () => {
    const zip = new JSZip().file('hello.txt', 'hello');
    const path = await write('other.docx', await zip.generateAsync({ type: 'uint8array' }));
    expect((await failureOf(readArticle(path))).message).toBe(`${path}: is a zip file without a Word document in it (no word/document.xml); save the article as .docx`);
    const ole = await write('locked.docx', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(504).fill(0)]));
    expect((await failureOf(readArticle(ole))).message).toBe(`${ole}: is password-protected, or an old Word 97–2003 document; save it again as .docx without a password`);
  });

  it('refuses a .docx whose parts would unpack to more than 200 MB, before unpacking them', async () => {
    const bytes = new Uint8Array(await readFile(FIXTURE));
    // The central directory's uncompressed size of word/document.xml, set to 300 MB.
    const view = Buffer.from(bytes);
    let patched = false;
    for (let offset = view.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); offset >= 0; offset = view.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), offset + 4)) {
      const nameLength = view.readUInt16LE(offset + 28);
      if (view.toString('latin1', offset + 46, offset + 46 + nameLength) === 'word/document.xml') {
        view.writeUInt32LE(300 * 1024 * 1024, offset + 24);
        patched = true;
      }
    }
    expect(patched).toBe(true);
    const path = await write('bomb.docx', view);
    expect((await failureOf(readArticle(path))).message).toBe(`${path}: unpacks to 300 MB, more than the 200 MB a Word document may hold; split it or save it without its pictures`);
  });
});
