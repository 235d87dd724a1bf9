/** Types of scripts/eval-data.mjs, for the TypeScript tests that read the evaluation sets. */
export interface EvalItem {
  id: string;
  lang: 'id' | 'en';
  source: { path: string; kind: 'text' | 'markdown'; text: string };
  reference: string;
}
export interface EvalSet {
  name: string;
  kind: 'news' | 'slides';
  items: EvalItem[];
}
export const EVAL_DATA_DIR: string;
export function detokenize(tokens: string[]): string;
export function asSummary(lines: string[]): string;
export function loadEvalSets(dir?: string): EvalSet[];
