/**
 * CoNLL-U (https://universaldependencies.org/format.html): the one reader and writer of the format
 * in ringkas, used for the treebanks in training and for `ringkas parse` output.
 */

/** One syntactic word: a line with an integer ID. Unused columns hold `_`. */
export interface ConlluWord {
  /** 1-based position in the sentence. */
  id: number;
  form: string;
  lemma: string;
  upos: string;
  xpos: string;
  feats: string;
  /** ID of the head word; 0 for the root. */
  head: number;
  deprel: string;
  deps: string;
  misc: string;
}

/** A multiword token such as `membelinya` = `membeli` + `nya`, or `don't` = `do` + `n't`. */
export interface ConlluMultiword {
  /** IDs of the first and the last syntactic word it stands for. */
  first: number;
  last: number;
  form: string;
  misc: string;
}

/** One sentence: its comment lines (without `#`), words and multiword tokens. */
export interface ConlluSentence {
  comments: string[];
  words: ConlluWord[];
  multiwords: ConlluMultiword[];
}

/** `_` stands for an empty field in CoNLL-U. */
const EMPTY = '_';

/**
 * Reads CoNLL-U text into sentences. Empty nodes (IDs like `8.1`, enhanced dependencies only) are
 * left out: the basic tree this reader serves does not contain them.
 */
export function readConllu(text: string): ConlluSentence[] {
  const sentences: ConlluSentence[] = [];
  let current: ConlluSentence = { comments: [], words: [], multiwords: [] };
  const finish = () => {
    if (current.words.length > 0) sentences.push(current);
    current = { comments: [], words: [], multiwords: [] };
  };
  const lines = text.split(/\r?\n/u);
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') {
      finish();
      continue;
    }
    if (line.startsWith('#')) {
      current.comments.push(line.slice(1).trim());
      continue;
    }
    const columns = line.split('\t');
    if (columns.length !== 10) throw new Error(`CoNLL-U line ${index + 1}: expected 10 tab-separated columns, found ${columns.length}`);
    const [id, form, lemma, upos, xpos, feats, head, deprel, deps, misc] = columns as [string, string, string, string, string, string, string, string, string, string];
    const range = /^(\d+)-(\d+)$/u.exec(id);
    if (range) {
      current.multiwords.push({ first: Number(range[1]), last: Number(range[2]), form, misc });
    } else if (/^\d+$/u.test(id)) {
      current.words.push({ id: Number(id), form, lemma, upos, xpos, feats, head: head === EMPTY ? -1 : Number(head), deprel, deps, misc });
    } else if (!/^\d+\.\d+$/u.test(id)) {
      throw new Error(`CoNLL-U line ${index + 1}: "${id}" is not a word ID`);
    }
  }
  finish();
  return sentences;
}

/** Writes sentences as CoNLL-U: comments, then each multiword token's line before its first word. */
export function writeConllu(sentences: readonly ConlluSentence[]): string {
  let text = '';
  for (const sentence of sentences) {
    for (const comment of sentence.comments) text += `# ${comment}\n`;
    const multiwordAt = new Map(sentence.multiwords.map((multiword) => [multiword.first, multiword]));
    for (const word of sentence.words) {
      const multiword = multiwordAt.get(word.id);
      if (multiword) text += `${multiword.first}-${multiword.last}\t${multiword.form}\t_\t_\t_\t_\t_\t_\t_\t${multiword.misc || EMPTY}\n`;
      const head = word.head < 0 ? EMPTY : String(word.head);
      text += `${word.id}\t${word.form}\t${word.lemma}\t${word.upos}\t${word.xpos}\t${word.feats}\t${head}\t${word.deprel}\t${word.deps}\t${word.misc}\n`;
    }
    text += '\n';
  }
  return text;
}

/** A word with only what the parser fills in; the other columns empty. */
export function plainWord(id: number, form: string): ConlluWord {
  return { id, form, lemma: EMPTY, upos: EMPTY, xpos: EMPTY, feats: EMPTY, head: -1, deprel: EMPTY, deps: EMPTY, misc: EMPTY };
}

/**
 * What keeps a sentence's heads from forming one tree: a head out of range, not exactly one root,
 * or a cycle. An empty list means a well-formed tree.
 */
export function treeProblems(heads: readonly number[]): string[] {
  const problems: string[] = [];
  const count = heads.length;
  const roots = heads.filter((head) => head === 0).length;
  if (roots !== 1) problems.push(`${roots} roots, expected 1`);
  heads.forEach((head, index) => {
    if (!Number.isInteger(head) || head < 0 || head > count) problems.push(`word ${index + 1}: head ${head} out of range`);
    if (head === index + 1) problems.push(`word ${index + 1}: its own head`);
  });
  if (problems.length > 0) return problems;
  for (let start = 1; start <= count; start += 1) {
    // Following heads from any word must reach the root within `count` steps.
    let word = start;
    for (let steps = 0; word !== 0; steps += 1) {
      if (steps > count) {
        problems.push(`word ${start}: its heads form a cycle`);
        break;
      }
      word = heads[word - 1]!;
    }
  }
  return problems;
}

/** The universal part of a relation: `nmod:poss` → `nmod` (what LAS compares, as in CoNLL 2018). */
export function universalRelation(deprel: string): string {
  const colon = deprel.indexOf(':');
  return colon < 0 ? deprel : deprel.slice(0, colon);
}
