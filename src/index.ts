/**
 * ringkas as a library: the stages the command line runs, for use from code.
 *
 * ```ts
 * import { build, outline } from 'ringkas';
 * const report = await build({ inputs: ['notes/reading.md'], out: 'out', formats: ['md', 'html', 'pdf'] });
 * const { title, sections } = await outline('notes/reading.md');
 * ```
 */
import { type Outline, outlineOf } from './outline.js';
import { type DeckOptions, deckFromFile } from './pipeline.js';

export { build, type BuildOptions, type BuildReport, type DeckReport, type BuildProgress, FORMATS, type Format } from './build.js';
export { defineConfig, type RingkasConfig } from './config.js';
export { condense, deckOf, type ArticleDeck, type CondenseOptions, type SentenceParser } from './condense/index.js';
export { parseArticle, type ParseOptions, type Source } from './parse/index.js';
export { deckFromFile, type DeckOptions } from './pipeline.js';
export { serializeDeck } from './serialize/index.js';
export { loadSyntax, parseSentence, type ParsedWord, type Syntax } from './syntax/index.js';
export type { Outline } from './outline.js';
export type * from './model.js';

/** The outline of an article as `ringkas outline --json` prints it: its title, sections, slides and takeaways. */
export async function outline(path: string, options: DeckOptions = {}): Promise<Outline> {
  const { article, deck } = await deckFromFile(path, options);
  return outlineOf(path, article, deck);
}
