import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourcesSlide } from '../../src/condense/sources.js';
import { readSource } from '../../src/io/inputs.js';
import { LANGUAGES } from '../../src/lang/index.js';
import { parseArticle } from '../../src/parse/index.js';
import { EVAL_DATA_DIR } from '../../scripts/eval-data.mjs';
import { ROOT, SAMPLE } from '../helpers.js';

const fixture = (name: string, file: string) => join(ROOT, 'test', 'fixtures', name, file);
const { en, id } = { en: LANGUAGES.en.labels, id: LANGUAGES.id.labels };

async function articleOf(path: string, options: Parameters<typeof parseArticle>[1] = {}) {
  return parseArticle(await readSource(path), options);
}

describe('sourcesSlide', () => {
  it("credits a saved web page with what its metadata holds: title, author, publication, date and address", async () => {
    const article = await articleOf(fixture('web-wordpress-tag-classes', 'web-wordpress-tag-classes.html'));
    expect(sourcesSlide(article, en)).toEqual({
      kind: 'sources',
      title: 'Source',
      bullets: [
        'Title: Community Gardens Cut Grocery Bills in Leeds',
        'Author: Priya Natarajan',
        'Publication: The Allotment Post',
        'Date: 2023-05-12',
        'URL: https://allotmentpost.example/2023/05/community-gardens-leeds/',
      ],
      notes: [],
    });
  });

  it('credits a Markdown article by its front matter, with the labels of its language', async () => {
    const article = await articleOf(fixture('markdown-front-matter', 'markdown-front-matter.md'));
    expect(sourcesSlide(article, id)).toMatchObject({
      kind: 'sources',
      title: 'Sumber',
      bullets: ['Judul: Transisi Energi di Asia Tenggara', 'Penulis: Dr. Ratna Wulandari', 'Tanggal: 2025-03-10'],
    });
  });

  it('shows a credit in words as it is, and an address given with --source as an address', async () => {
    const credit = await articleOf(fixture('markdown-front-matter', 'markdown-front-matter.md'), { source: 'Kompas, 12 Mei 2024, hlm. 3' });
    expect(sourcesSlide(credit, id)!.bullets.at(-1)).toBe('Kompas, 12 Mei 2024, hlm. 3');
    const address = await articleOf(SAMPLE, { source: 'https://example.org/aliansi' });
    expect(sourcesSlide(address, id)!.bullets).toEqual(['Judul: Aliansi Keamanan Internasional', 'Tautan: https://example.org/aliansi']);
  });

  it('gives no slide when nothing beyond the title is known', async () => {
    const article = await articleOf(SAMPLE);
    expect(article.author ?? article.publication ?? article.date ?? article.source).toBeUndefined();
    expect(sourcesSlide(article, id)).toBeUndefined();
  });

  it('names the same credit once, and cuts a credit too long for the slide', async () => {
    const article = await articleOf(fixture('web-wordpress-tag-classes', 'web-wordpress-tag-classes.html'));
    const named = sourcesSlide({ ...article, author: 'The Allotment Post', source: 'the allotment post' }, en)!;
    expect(named.bullets).toEqual(['Title: Community Gardens Cut Grocery Bills in Leeds', 'Author: The Allotment Post', 'Date: 2023-05-12']);
    const long = sourcesSlide({ ...article, author: Array.from({ length: 100 }, (_, index) => `Author Number${index}`).join(', ') }, en)!;
    const line = long.bullets[1]!;
    expect(line).toMatch(/^Author: Author Number0, .*…$/u);
    expect([...line].length).toBeLessThanOrEqual(200 + 'Author: '.length);
  });

  const PAGES = join(EVAL_DATA_DIR, 'web-pages');
  it.skipIf(!existsSync(join(PAGES, 'aclu')))("credits a real news page from its JSON-LD and meta tags (Readability's test pages)", async () => {
    const article = await parseArticle(await readSource('aclu.html', join(PAGES, 'aclu', 'source.html')));
    expect(sourcesSlide(article, en)!.bullets).toEqual([
      'Title: Facebook Is Tracking Me Even Though I’m Not on Facebook',
      'Author: Daniel Kahn Gillmor',
      'Publication: American Civil Liberties Union',
      'Date: 2018-04-05',
      'URL: https://www.aclu.org/blog/privacy-technology/internet-privacy/facebook-tracking-me-even-though-im-not-facebook',
    ]);
  });
});
