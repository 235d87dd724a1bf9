/**
 * Readers for the human references in ../shared/eval-data (see its README for sources, formats and
 * licences). The data is read where it lies and never copied into the project. Shared by
 * `npm run eval` and the condenser's property tests.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the data is expected: `RINGKAS_EVAL_DATA`, else `../shared/eval-data` beside the project. */
export const EVAL_DATA_DIR = process.env.RINGKAS_EVAL_DATA ?? resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'eval-data');

const jsonLines = (path) => readFileSync(path, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));

/** Tokenised text ("kata , lalu ( ini )") back to ordinary spacing. */
export const detokenize = (tokens) =>
  tokens
    .join(' ')
    .replace(/\s+([.,!?;:%)\]}])/gu, '$1')
    .replace(/([([{])\s+/gu, '$1')
    .replace(/``\s*|\s*''/gu, '"')
    .replace(/\s+'s\b/gu, "'s")
    .replace(/\s+n't\b/gu, "n't");

/** Lines as one summary, one sentence per line, for ROUGE-L's summary-level LCS. */
export const asSummary = (lines) => lines.map((line) => (/[.!?]$/u.test(line.trim()) ? line.trim() : `${line.trim()}.`)).join('\n');

/**
 * The evaluation sets found under `dir`: for each, its name, kind (`news` or `slides`) and items of
 * `{ id, lang, source: { path, kind, text }, reference }`. Sets whose files are missing are left out.
 */
export function loadEvalSets(dir = EVAL_DATA_DIR) {
  const sets = [];
  const indosum = join(dir, 'indosum', 'dev01.sample40.jsonl');
  if (existsSync(indosum)) {
    sets.push({
      name: 'IndoSum (id)',
      kind: 'news',
      items: jsonLines(indosum).map((record) => ({
        id: `indosum-${record.id}`,
        lang: 'id',
        source: { path: `indosum-${record.id}.txt`, kind: 'text', text: record.paragraphs.map((paragraph) => paragraph.map(detokenize).join(' ')).join('\n\n') },
        reference: asSummary(record.summary.map(detokenize)),
      })),
    });
  }
  const cnndm = join(dir, 'cnndm', 'cnndm_test.sample20.jsonl');
  if (existsSync(cnndm)) {
    sets.push({
      name: 'CNN/DM (en)',
      kind: 'news',
      items: jsonLines(cnndm).map((record) => ({
        id: record.id,
        lang: 'en',
        source: { path: `${record.id}.txt`, kind: 'text', text: record.article_lines.join('\n\n') },
        reference: asSummary(record.reference.split(/\s+\.\s+/u).map((line) => line.replace(/\s+\.$/u, ''))),
      })),
    });
  }
  const sciduet = join(dir, 'sciduet-acl');
  if (existsSync(join(sciduet, 'slides_test30.json'))) {
    const slides = JSON.parse(readFileSync(join(sciduet, 'slides_test30.json'), 'utf8'));
    sets.push({
      name: 'SciDuet-ACL (en)',
      kind: 'slides',
      items: Object.entries(slides).map(([id, deck]) => {
        const paper = JSON.parse(readFileSync(join(sciduet, 'paper_jsons', `${id}.json`), 'utf8'));
        const markdown = [
          `# ${paper.title}`,
          '',
          paper.abstract ?? '',
          ...paper.headers.flatMap((header) => ['', `## ${header.section}`, '', paper.text.slice(header.start, header.end + 1).map((entry) => entry.string).join(' ')]),
        ].join('\n');
        const reference = asSummary(Object.values(deck.slides).flatMap((slide) => [slide.title, ...slide.text]).filter((line) => line.trim() !== ''));
        return { id: `sciduet-${id}`, lang: 'en', source: { path: `sciduet-${id}.md`, kind: 'markdown', text: markdown }, reference };
      }),
    });
  }
  return sets;
}
