import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { condense } from '../../src/condense/index.js';
import { syntaxFor } from '../../src/pipeline.js';
import { readSource } from '../../src/io/inputs.js';
import { parseArticle } from '../../src/parse/index.js';
import { serializeDeck } from '../../src/serialize/index.js';
import { ROOT, sentenceTexts } from '../helpers.js';

/** What a fixture's `expected.json` states about its article. */
interface Expected {
  title: string;
  subtitle?: string;
  author?: string;
  date?: string;
  dateline?: string;
  publication?: string;
  source?: string;
  lang: 'id' | 'en';
  headings: (string | null)[];
  depths?: number[];
  sentences: number;
  sentenceTexts?: string[];
  /** The article's first and last paragraph, whole: nothing of the page before or after them is read. */
  firstParagraph?: string;
  lastParagraph?: string;
  glossary?: { term: string; expansion: string }[];
  absent: string[];
}

const FIXTURES = join(ROOT, 'test', 'fixtures');
const cases = (await readdir(FIXTURES, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();

describe.each(cases)('fixture %s', (name) => {
  const load = async () => {
    const dir = join(FIXTURES, name);
    const input = (await readdir(dir)).find((file) => file !== 'expected.json')!;
    const expected = JSON.parse(await readFile(join(dir, 'expected.json'), 'utf8')) as Expected;
    const article = await parseArticle(await readSource(join(dir, input)));
    return { article, expected };
  };

  it('has the expected title, metadata, language and headings', async () => {
    const { article, expected } = await load();
    expect(article.title).toBe(expected.title);
    expect(article.lang).toBe(expected.lang);
    for (const key of ['subtitle', 'author', 'date', 'dateline', 'publication', 'source'] as const) {
      if (expected[key] !== undefined) expect(article[key]).toBe(expected[key]);
    }
    expect(article.sections.map((section) => section.heading ?? null)).toEqual(expected.headings);
    if (expected.depths) expect(article.sections.map((section) => section.depth)).toEqual(expected.depths);
  });

  it('splits the expected sentences', async () => {
    const { article, expected } = await load();
    const sentences = sentenceTexts(article);
    expect(sentences).toHaveLength(expected.sentences);
    if (expected.sentenceTexts) expect(sentences).toEqual(expected.sentenceTexts);
    const paragraphs = article.sections.flatMap((section) => section.paragraphs.map((paragraph) => paragraph.sentences.map((s) => s.text).join(' ')));
    if (expected.firstParagraph !== undefined) expect(paragraphs[0]).toBe(expected.firstParagraph);
    if (expected.lastParagraph !== undefined) expect(paragraphs.at(-1)).toBe(expected.lastParagraph);
  });

  it('collects the defined acronyms', async () => {
    const { article, expected } = await load();
    for (const entry of expected.glossary ?? []) expect(article.glossary).toContainEqual(entry);
  });

  it('lets no boilerplate through to the article or the deck, and reports what it dropped', async () => {
    const { article, expected } = await load();
    // Without the sources slide, whose labels ("Penulis: …") are ringkas's own words, not the page's byline.
    const markdown = serializeDeck(condense(article, await syntaxFor(article), { sources: false }), { theme: 'ringkas' });
    const sectionsText = JSON.stringify(article.sections);
    for (const text of expected.absent) {
      expect(sectionsText).not.toContain(text);
      expect(markdown).not.toContain(text);
    }
    if (expected.absent.length > 0) expect(article.warnings.length).toBeGreaterThan(0);
    for (const warning of article.warnings) expect(warning.line).toBeGreaterThan(0);
  });
});
