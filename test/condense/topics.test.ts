import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EVAL_DATA_DIR, type EvalItem, type EvalSet, loadEvalSets } from '../../scripts/eval-data.mjs';
import type { Article, Paragraph } from '../../src/model.js';
import { termsOf } from '../../src/condense/terms.js';
import { MAX_KEY_PHRASE_WORDS, type TermParagraph, keyPhrase, topicBoundaries } from '../../src/condense/topics.js';
import { parseArticle } from '../../src/parse/index.js';
import { loadSyntax } from '../../src/syntax/index.js';

/**
 * Topical sections for headingless articles. Real news joined end to end (three articles of the
 * eval sets, the classic test of text segmentation): the cuts must fall where one article ends.
 * The share of joins found over all such triples is in `npm run eval`.
 */

type Item = EvalItem;
const sets: EvalSet[] = existsSync(EVAL_DATA_DIR) ? loadEvalSets() : [];
const news = (name: string) => sets.find((set) => set.name.startsWith(name))?.items ?? [];

async function joined(items: Item[]): Promise<{ article: Article; paragraphs: Paragraph[]; joins: number[] }> {
  const paragraphs: Paragraph[] = [];
  const joins: number[] = [];
  let article: Article | undefined;
  for (const item of items) {
    article = await parseArticle(item.source);
    if (paragraphs.length > 0) joins.push(paragraphs.length);
    for (const section of article.sections) paragraphs.push(...section.paragraphs);
  }
  return { article: article!, paragraphs, joins };
}

const asTerms = (paragraphs: Paragraph[], lang: Article['lang']): TermParagraph[] =>
  paragraphs.map((paragraph) => ({
    sentences: paragraph.sentences.map((sentence) => termsOf(sentence.text, lang)),
    words: paragraph.sentences.reduce((sum, sentence) => sum + sentence.text.split(/\s+/u).length, 0),
  }));

describe.skipIf(sets.length === 0)('topic boundaries (eval data present)', () => {
  it('cuts three Indonesian news items joined together where each ends, and nowhere else', async () => {
    // A badminton final, a quiz about eating habits, a celebrity wedding: 964 words, 34 paragraphs.
    const { article, paragraphs, joins } = await joined(news('IndoSum').slice(3, 6));
    expect(topicBoundaries(asTerms(paragraphs, article.lang))).toEqual(joins);
  });

  it('cuts three English news items joined together where each ends', async () => {
    // Ebola, a border mission, abortion laws: 976 words.
    const { article, paragraphs, joins } = await joined(news('CNN').slice(3, 6));
    expect(topicBoundaries(asTerms(paragraphs, article.lang))).toEqual(joins);
  });

  it('leaves a single short news item whole', async () => {
    for (const item of news('IndoSum').slice(0, 10)) {
      const { article, paragraphs } = await joined([item]);
      const terms = asTerms(paragraphs, article.lang);
      if (terms.reduce((sum, paragraph) => sum + paragraph.words, 0) < 500) expect(topicBoundaries(terms), item.id).toEqual([]);
    }
  });

  it('heads each part with a noun phrase of 2 to 6 words taken verbatim from that part', async () => {
    const { article, paragraphs, joins } = await joined(news('IndoSum').slice(3, 6));
    const syntax = await loadSyntax(article.lang);
    const bounds = [0, ...joins, paragraphs.length];
    const heads: string[] = [];
    for (let part = 0; part + 1 < bounds.length; part += 1) {
      const sentences = paragraphs.slice(bounds[part], bounds[part + 1]).flatMap((paragraph) => paragraph.sentences);
      const frequency = new Map<string, number>();
      for (const sentence of sentences) for (const term of termsOf(sentence.text, article.lang)) frequency.set(term, (frequency.get(term) ?? 0) + 1);
      const head = keyPhrase(
        sentences.map((sentence) => ({ text: sentence.text, words: syntax.parseSentence(sentence.text) })),
        (text) => termsOf(text, article.lang),
        (term) => frequency.get(term) ?? 0,
      );
      expect(head, `part ${part}`).toBeDefined();
      const words = head!.split(/\s+/u);
      expect(words.length).toBeGreaterThanOrEqual(2);
      expect(words.length).toBeLessThanOrEqual(MAX_KEY_PHRASE_WORDS);
      // Verbatim but for its first letter.
      const body = head!.slice(1);
      expect(sentences.some((sentence) => sentence.text.includes(body))).toBe(true);
      heads.push(head!);
    }
    // Three different subjects, three different headings.
    expect(new Set(heads).size).toBe(3);
  });
});
