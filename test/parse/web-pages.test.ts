import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { condense } from '../../src/condense/index.js';
import { RingkasError } from '../../src/errors.js';
import { readSource } from '../../src/io/inputs.js';
import { parseArticle } from '../../src/parse/index.js';
import { syntaxFor } from '../../src/pipeline.js';
import { EVAL_DATA_DIR } from '../../scripts/eval-data.mjs';

/**
 * The saved web pages of ../shared/eval-data/web-pages (Readability.js's test pages, read where
 * they lie): no page ends in an unexpected failure, every page Readability finds readable gives a
 * deck, and no title keeps the site's name. `npm run eval:html` scores the text itself.
 */
const PAGES = join(EVAL_DATA_DIR, 'web-pages');
const pages = existsSync(PAGES) ? readdirSync(PAGES, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort() : [];

describe.skipIf(pages.length === 0)('saved web pages', () => {
  it("each gives a deck or a one-line refusal, a deck when Readability finds it readable, and a title without the site's name", async () => {
    const failures: string[] = [];
    const siteNames: string[] = [];
    for (const name of pages) {
      const meta = JSON.parse(readFileSync(join(PAGES, name, 'expected-metadata.json'), 'utf8')) as { readerable: boolean; siteName: string | null };
      try {
        const article = await parseArticle(await readSource(`${name}.html`, join(PAGES, name, 'source.html')));
        expect(condense(article, await syntaxFor(article)).slides.length).toBeGreaterThan(0);
        const suffixed = [' | ', ' - ', ' – ', ' — ', ' :: ', ' · '].some((separator) => article.title.endsWith(`${separator}${meta.siteName}`));
        if (meta.siteName && suffixed) siteNames.push(`${name}: ${article.title}`);
      } catch (error) {
        if (!(error instanceof RingkasError) || error.message.includes('\n')) throw error;
        if (meta.readerable) failures.push(`${name}: ${error.message}`);
      }
    }
    expect(failures).toEqual([]);
    expect(siteNames).toEqual([]);
  }, 300_000);
});
