import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVAL_DATA_DIR, type EvalItem, loadEvalSets } from '../../scripts/eval-data.mjs';
import { MAX_TREE_WORDS } from '../../src/condense/compress.js';
import { deckOf } from '../../src/condense/index.js';
import { MAX_HEADLINE_WORDS } from '../../src/condense/structure.js';
import { MAX_KEY_PHRASE_WORDS } from '../../src/condense/topics.js';
import { readSource } from '../../src/io/inputs.js';
import type { Article } from '../../src/model.js';
import { parseArticle } from '../../src/parse/index.js';
import { syntaxFor } from '../../src/pipeline.js';
import { ROOT, isDeletionOf, sentenceTexts } from '../helpers.js';

/**
 * Articles without headings, as build condenses them: topical sections headed by the author's own
 * phrases, no made-up "Pendahuluan", and a headline for a title that had to be guessed.
 */


/** Each heading is 2–6 words found word for word (but for its first letter) in its own section. */
function expectVerbatimHeadings(article: Article): void {
  for (const section of article.sections) {
    expect(section.heading).toBeDefined();
    const words = section.heading!.split(/\s+/u);
    expect(words.length).toBeGreaterThanOrEqual(2);
    expect(words.length).toBeLessThanOrEqual(MAX_KEY_PHRASE_WORDS);
    const text = section.paragraphs.flatMap((paragraph) => paragraph.sentences.map((sentence) => sentence.text)).join(' ');
    expect(text, section.heading).toContain(section.heading!.slice(1));
  }
}

describe('a short news item without headings', () => {
  it('is one section headed by a phrase of its own, with no agenda and no "Pendahuluan"', async () => {
    // A city news page from an Indonesian portal, without subheadings.
    const path = join(ROOT, 'test', 'fixtures', 'web-indonesian-portal', 'web-indonesian-portal.html');
    const parsed = await parseArticle(await readSource(path));
    expect(parsed.sections.every((section) => section.heading === undefined)).toBe(true);
    const { article, deck } = deckOf(parsed, await syntaxFor(parsed));
    expect(article.sections).toHaveLength(1);
    expectVerbatimHeadings(article);
    expect(deck.slides.some((slide) => slide.kind === 'agenda')).toBe(false);
    expect(deck.slides.map((slide) => slide.title)).not.toContain('Pendahuluan');
    // The lead is on the content slide.
    expect(deck.slides.find((slide) => slide.kind === 'content')!.notes).toContain(sentenceTexts(parsed)[0]);
  });
});

describe('a paper whose abstract comes before its Introduction', () => {
  it('heads the abstract "Overview", so that no two slides are called "Introduction"', async () => {
    const text = [
      '# Cheaper Parsing',
      'We show that a chart parser can be pruned by a classifier trained on gold trees. Parsing becomes twice as fast at no cost in accuracy.',
      '## Introduction',
      'Parsers spend most of their time on long sentences. Most of the chart they build is never used by the best tree.',
      '## Method',
      'A classifier decides which spans of the chart to keep. It is trained on the spans of gold trees.',
    ].join('\n\n');
    const parsed = await parseArticle({ path: 'paper.md', text, kind: 'markdown' });
    const { article, deck } = deckOf(parsed, await syntaxFor(parsed));
    expect(article.sections.map((section) => section.heading)).toEqual(['Overview', 'Introduction', 'Method']);
    expect(deck.slides.filter((slide) => slide.title === 'Introduction')).toHaveLength(1);
  });
});

const sets = existsSync(EVAL_DATA_DIR) ? loadEvalSets() : [];
const news = (name: string): EvalItem[] => sets.find((set) => set.name.startsWith(name))?.items ?? [];

describe.skipIf(sets.length === 0)('news without headings (eval data present)', () => {
  it('cuts 960 words of news into topical sections headed by their own phrases', async () => {
    // Three Indonesian news items run together as one text: a badminton final, a quiz about eating habits, a wedding.
    const items = news('IndoSum').slice(3, 6);
    const texts = await Promise.all(items.map(async (item) => sentenceTexts(await parseArticle(item.source)).join(' ')));
    const paragraphs = (await Promise.all(items.map(async (item) => (await parseArticle(item.source)).sections.flatMap((section) => section.paragraphs.map((paragraph) => paragraph.sentences.map((sentence) => sentence.text).join(' '))))))
      .flat();
    const parsed = await parseArticle({ path: 'berita.txt', text: paragraphs.join('\n\n'), kind: 'text' }, { lang: 'id' });
    expect(texts.join(' ').split(/\s+/u).length).toBeGreaterThan(800);
    const { article, deck } = deckOf(parsed, await syntaxFor(parsed));
    expect(article.sections.length).toBeGreaterThanOrEqual(2);
    expect(article.sections.length).toBeLessThanOrEqual(5);
    expectVerbatimHeadings(article);
    const contentTitles = deck.slides.filter((slide) => slide.kind === 'content').map((slide) => slide.title.replace(/ \(lanjutan\)$/u, ''));
    expect(new Set(contentTitles).size).toBeGreaterThanOrEqual(2);
    expect(contentTitles).not.toContain('Pendahuluan');
  });

  it('titles untitled news with a headline cut from its lead, of at most ten words', async () => {
    let headlines = 0;
    const items = [...news('IndoSum').slice(0, 10), ...news('CNN').slice(0, 10)];
    for (const item of items) {
      const parsed = await parseArticle(item.source, { lang: item.lang });
      if (!parsed.titleGuessed || parsed.sections.some((section) => section.heading !== undefined)) continue;
      const { deck } = deckOf(parsed, await syntaxFor(parsed));
      if (deck.title === parsed.title) continue;
      headlines += 1;
      expect(deck.title.split(/\s+/u).length, item.id).toBeLessThanOrEqual(MAX_HEADLINE_WORDS);
      expect(sentenceTexts(parsed).slice(0, 3).some((sentence) => isDeletionOf(deck.title, sentence)), `${item.id}: ${deck.title}`).toBe(true);
    }
    // Most news leads make one; the rest keep the key phrase.
    expect(headlines).toBeGreaterThanOrEqual(items.length * 0.6);
  });
});

describe('a run-on without a full stop', () => {
  it('hands the parser no sentence longer than a tree is built for, and still makes a deck', async () => {
    // 100,000 words without a sentence break: one "sentence" that parsing would take seconds over.
    const text = `Catatan rapat\n\n${'(a '.repeat(50_000)}dan seterusnya.\n\nRapat ditutup pukul lima sore oleh ketua panitia.\n`;
    const parsed = await parseArticle({ path: 'run-on.txt', text, kind: 'text' });
    const syntax = await syntaxFor(parsed);
    const longest: number[] = [];
    const counting = { parseTokens: (tokens: Parameters<typeof syntax.parseTokens>[0]) => (longest.push(tokens.length), syntax.parseTokens(tokens)) };
    const { deck } = deckOf(parsed, counting);
    expect(Math.max(0, ...longest)).toBeLessThanOrEqual(MAX_TREE_WORDS);
    expect(deck.slides.length).toBeGreaterThan(0);
    expect(deck.slides.flatMap((slide) => slide.bullets ?? []).join(' ')).not.toContain('(a (a');
  });
});
