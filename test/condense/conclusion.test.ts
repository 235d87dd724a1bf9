import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { EVAL_DATA_DIR, loadEvalSets } from '../../scripts/eval-data.mjs';
import { closingPart } from '../../src/condense/conclusion.js';
import { termsOf } from '../../src/condense/terms.js';
import { conclusionCues as english } from '../../src/lang/en.js';
import { conclusionCues as indonesian } from '../../src/lang/id.js';
import type { Article } from '../../src/model.js';
import { parseArticle } from '../../src/parse/index.js';
import { SAMPLE } from '../helpers.js';

const closing = (article: Article) => closingPart(article.sections, article.lang === 'id' ? indonesian : english, (text) => termsOf(text, article.lang));

describe('the article’s own conclusion', () => {
  it('is the sample’s closing section, which sums up without a "Kesimpulan" heading', async () => {
    const article = await parseArticle({ path: SAMPLE, text: await readFile(SAMPLE, 'utf8'), kind: 'text' });
    const part = closing(article);
    expect(part).toEqual({ section: article.sections.length - 1, kind: 'section' });
    expect(article.sections[part!.section]!.heading).toBe('Masa Depan Aliansi Keamanan Internasional');
  });

  it('is a section headed "Conclusions" even when acknowledgements follow it', async () => {
    const text = [
      '# Cheaper Parsing', '## Introduction', 'Parsers are slow on long sentences and this paper makes them faster.',
      '## Method', 'We prune the chart with a classifier trained on gold trees.', '## Conclusions',
      'Pruning halves parsing time at no cost in accuracy.', '## Acknowledgements', 'We thank the reviewers for their comments.',
    ].join('\n\n');
    const article = await parseArticle({ path: 'paper.md', text, kind: 'markdown' });
    const part = closing(article);
    expect(part && article.sections[part.section]!.heading).toBe('Conclusions');
  });

  it('is the last paragraph when it opens with a concluding phrase', async () => {
    const text = [
      'Harga beras di pasar tradisional naik tajam selama sepekan terakhir karena pasokan dari sentra produksi berkurang.',
      'Pedagang di Pasar Induk Cipinang mengatakan stok di gudang mereka tinggal separuh dari biasanya.',
      'Dengan demikian, pemerintah perlu segera membuka cadangan beras untuk menahan kenaikan harga.',
    ].join('\n\n');
    const article = await parseArticle({ path: 'beras.txt', text, kind: 'text' }, { lang: 'id' });
    expect(closing(article)).toEqual({ section: 0, kind: 'paragraph', paragraph: 2 });
  });

  it('is never a last topic of headings ringkas inferred: those are no author’s conclusion', () => {
    const paragraph = (text: string) => ({ sentences: [{ text }] });
    const section = (heading: string, ...texts: string[]) => ({ heading, depth: 1, paragraphs: texts.map(paragraph) });
    // The last section sums up the other two: with the author's headings it is the conclusion.
    const sections = [
      section('Harga beras', 'Harga beras di pasar naik tajam pekan ini.', 'Pedagang beras mengeluhkan pasokan yang berkurang.'),
      section('Pasokan gabah', 'Pasokan gabah dari petani turun karena musim kemarau.', 'Petani menahan gabah menunggu harga naik.'),
      section('Harga dan pasokan', 'Harga beras naik karena pasokan gabah dari petani turun.', 'Pasokan beras akan pulih setelah panen.'),
    ] as unknown as Article['sections'];
    const terms = (text: string) => termsOf(text, 'id');
    expect(closingPart(sections, indonesian, terms)).toEqual({ section: 2, kind: 'section' });
    expect(closingPart(sections, indonesian, terms, true)).toBeUndefined();
  });

  it.skipIf(!existsSync(EVAL_DATA_DIR))('is none for news without headings that ends on a detail', async () => {
    const news = loadEvalSets().find((set) => set.name.startsWith('IndoSum'))!.items.slice(0, 10);
    for (const item of news) {
      const article = await parseArticle(item.source);
      const part = closing(article);
      // News ends on a quote or a detail: a conclusion only where its last paragraph opens like one.
      if (part) expect(part.kind, item.id).toBe('paragraph');
    }
  });
});
