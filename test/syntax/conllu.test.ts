import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConllu, treeProblems, universalRelation, writeConllu } from '../../src/syntax/conllu.js';
import { ROOT } from '../helpers.js';

const TREEBANKS = join(ROOT, '..', 'shared', 'treebanks');

const SAMPLE = `# sent_id = 1
# text = Dia membelinya.
1\tDia\tdia\tPRON\tPS3\t_\t2\tnsubj\t_\t_
2-3\tmembelinya\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No
2\tmembeli\tbeli\tVERB\tVSA\tVoice=Act\t0\troot\t_\t_
3\tnya\tdia\tPRON\tPS3\t_\t2\tobj\t_\t_
4\t.\t.\tPUNCT\tZ--\t_\t2\tpunct\t_\t_

`;

describe('CoNLL-U', () => {
  it('reads words, multiword tokens and comments, and writes them back unchanged', () => {
    const [sentence] = readConllu(SAMPLE);
    expect(sentence!.comments).toEqual(['sent_id = 1', 'text = Dia membelinya.']);
    expect(sentence!.words.map((word) => [word.id, word.form, word.upos, word.head, word.deprel])).toEqual([
      [1, 'Dia', 'PRON', 2, 'nsubj'],
      [2, 'membeli', 'VERB', 0, 'root'],
      [3, 'nya', 'PRON', 2, 'obj'],
      [4, '.', 'PUNCT', 2, 'punct'],
    ]);
    expect(sentence!.multiwords).toEqual([{ first: 2, last: 3, form: 'membelinya', misc: 'SpaceAfter=No' }]);
    expect(writeConllu(readConllu(SAMPLE))).toBe(SAMPLE);
  });

  it('refuses a line without 10 columns, naming the line', () => {
    expect(() => readConllu('1\tDia\tdia\n')).toThrow(/line 1: expected 10 tab-separated columns, found 3/u);
  });

  it('finds what keeps heads from being one tree', () => {
    expect(treeProblems([2, 0, 2])).toEqual([]);
    expect(treeProblems([0, 0])).toEqual(['2 roots, expected 1']);
    expect(treeProblems([2, 1, 0])).toEqual(['word 1: its heads form a cycle', 'word 2: its heads form a cycle']);
    expect(treeProblems([0, 5])).toEqual(['word 2: head 5 out of range']);
  });

  it('compares relations by their universal part', () => {
    expect(universalRelation('nmod:poss')).toBe('nmod');
    expect(universalRelation('root')).toBe('root');
  });

  it.skipIf(!existsSync(TREEBANKS))('round-trips a whole treebank file, less its empty nodes', () => {
    const text = readFileSync(join(TREEBANKS, 'id_csui-ud-test.conllu'), 'utf8');
    const sentences = readConllu(text);
    expect(sentences).toHaveLength(374);
    expect(writeConllu(sentences)).toBe(text.replace(/\r\n/gu, '\n').replace(/\n*$/u, '\n\n'));
    for (const sentence of sentences) expect(treeProblems(sentence.words.map((word) => word.head))).toEqual([]);
  });
});
