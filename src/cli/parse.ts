import { resolve } from 'node:path';
import type { Argv } from 'yargs';
import { ExitCode } from '../errors.js';
import { readSource } from '../io/inputs.js';
import { parseArticle } from '../parse/index.js';
import { detectLanguage } from '../parse/language.js';
import { langArg, readOneArticle, withInputAndLang } from './article-input.js';

/**
 * `ringkas parse [input|-] [--lang id|en] [--tokenized]`: CoNLL-U on stdout. An article (a file
 * ringkas reads, or standard input) is cut into sentences as `build` cuts it, and each sentence is
 * tokenised, tagged and parsed; with `--tokenized`, each input line is one sentence whose tokens
 * are separated by spaces and taken exactly as given, so that output can be scored against a
 * treebank's gold tokens.
 */
export const parseCommand = {
  command: 'parse [input]',
  describe: 'print the syntax of every sentence of an article (or of pre-tokenised lines) as CoNLL-U',
  builder: <T>(command: Argv<T>) =>
    withInputAndLang(command, 'an article file, or - for stdin [default: -]').option('tokenized', {
      type: 'boolean',
      describe: 'one sentence per line, tokens separated by spaces, taken as given',
    }),
};

/** Runs `ringkas parse` on `input` (a path or `-`) with its parsed options; writes CoNLL-U through `stdout`. */
export async function runParse(input: string, args: Record<string, unknown>, stdout: (text: string) => void, cwd: string): Promise<number> {
  const lang = langArg(args);
  const syntax = await import('../syntax/index.js');
  const { writeConllu } = await import('../syntax/conllu.js');

  if (args['tokenized']) {
    // Any file will do here, whatever its extension: it is lines of tokens, not an article.
    const source = await readSource(input, input === '-' ? '-' : resolve(cwd, input));
    const lines = source.text.replace(/^\uFEFF/u, '').split(/\r?\n/u).filter((line) => line.trim() !== '');
    const detected = lang && lang !== 'auto' ? lang : detectLanguage(lines.join(' '));
    // A language without a model of its own is parsed with the English one, as its labels are English.
    const language = detected === 'unknown' ? 'en' : detected;
    const parser = await syntax.loadSyntax(language);
    lines.forEach((line, index) => {
      const tokens = tokensOfLine(line);
      const words = parser.parseTokens(tokens);
      stdout(writeConllu([syntax.toConllu(words, [`sent_id = ${index + 1}`, `text = ${line.trim()}`], line)]));
    });
    return ExitCode.ok;
  }

  const article = await parseArticle(await readOneArticle(input, cwd), lang ? { lang } : {});
  const parser = await syntax.loadSyntax(article.lang);
  let number = 0;
  for (const section of article.sections) {
    for (const paragraph of section.paragraphs) {
      for (const { text } of paragraph.sentences) {
        number += 1;
        const words = parser.parseSentence(text);
        stdout(writeConllu([syntax.toConllu(words, [`sent_id = ${number}`, `text = ${text}`], text)]));
      }
    }
  }
  return ExitCode.ok;
}

/** The space-separated tokens of a line, with their offsets in it. */
function tokensOfLine(line: string): { form: string; start: number; end: number; token: number }[] {
  return [...line.matchAll(/[^ \t]+/gu)].map((match, index) => ({ form: match[0], start: match.index, end: match.index + match[0].length, token: index }));
}
