import { resolve } from 'node:path';
import type { Argv } from 'yargs';
import { ExitCode } from '../errors.js';
import { readSource } from '../io/inputs.js';
import { splitDateline } from '../parse/boilerplate.js';
import { detectLanguage } from '../parse/language.js';
import { OPTIONS, checkOption, helpText, loadRules } from '../options.js';
import { loadSyntax } from '../syntax/index.js';
import { langArg, withInputAndLang } from './article-input.js';
import { UsageError } from './options.js';

/**
 * `ringkas compress [input|-] [--lang id|en] [--max-words N]`: one sentence per input line, one
 * bullet per output line, in order. Every line is answered: an empty line with an empty line,
 * any other with its best compression by deletion — over the budget when nothing shorter keeps
 * what must stay, the sentence whole when pruning leaves no statement (never a fragment), and
 * even for a sentence that `build` would not put on a slide (a question, a teaser, a quote without
 * its speaker), so that the compressor can be scored on its own.
 */
export const compressCommand = {
  command: 'compress [input]',
  describe: 'compress sentences into bullets: one sentence per line in (stdin by default), one bullet per line out',
  builder: <T>(command: Argv<T>) =>
    // The word budget is build's, with its rule and default.
    withInputAndLang(command, 'a file of sentences, one per line, or - for stdin [default: -]').option('max-words', { type: 'number', describe: helpText('maxWords', 'build') }),
};

/** Runs `ringkas compress` on `input` (a path or `-`) with its parsed options; writes bullets through `stdout`. */
export async function runCompress(input: string, args: Record<string, unknown>, stdout: (text: string) => void, cwd: string): Promise<number> {
  const lang = langArg(args);
  const maxWords = checkOption((await loadRules()).rules, 'maxWords', args['maxWords'] ?? OPTIONS.maxWords.default, '--max-words', (message) => {
    throw new UsageError(message);
  });
  // Any file will do, whatever its extension: it is lines of sentences, not an article.
  const source = await readSource(input, input === '-' ? '-' : resolve(cwd, input));
  const lines = source.text.replace(/^\uFEFF/u, '').replace(/\r?\n$/u, '').split(/\r?\n/u);
  const detected = lang && lang !== 'auto' ? lang : detectLanguage(lines.join(' '));
  // Sentences of a language ringkas does not know are read as English, as articles are.
  const language = detected === 'unknown' ? 'en' : detected;
  const [parser, { compressSentence, compressedOrWhole }] = await Promise.all([loadSyntax(language), import('../condense/index.js')]);
  const bullets = lines.map((line) => {
    if (line.trim() === '') return '';
    // A news dateline ("Jakarta, CNN Indonesia --") goes, as `build` takes it off an article's lead.
    const sentence = splitDateline(line)?.rest ?? line;
    return compressedOrWhole(sentence, compressSentence(sentence, parser, { lang: language, maxWords }));
  });
  stdout(`${bullets.join('\n')}\n`);
  return ExitCode.ok;
}
