import type { Argv } from 'yargs';
import { ExitCode } from '../errors.js';
import { parseArticle } from '../parse/index.js';
import { readerMarkdown, readerViewOf } from '../reader.js';
import { langArg, readOneArticle } from './article-input.js';

/**
 * `ringkas read <input|-> [--json] [--lang auto|id|en]`: the article as ringkas understood it,
 * before anything is condensed — the reader view a user checks before blaming the condenser.
 * Markdown with front matter on stdout (warnings on stderr), or with `--json` one object that
 * holds the warnings too.
 */
export const readCommand = {
  command: 'read <input>',
  describe: 'print the article as ringkas reads it: front matter, headings and paragraphs (Markdown or --json)',
  builder: <T>(command: Argv<T>) =>
    command
      .positional('input', { type: 'string', describe: 'an article file, or - for stdin' })
      .option('lang', { type: 'string', describe: 'language of the article: auto, id or en [default: auto]' })
      .option('json', { type: 'boolean', describe: 'print JSON instead of Markdown' }),
};

/** Runs `ringkas read` on `input` (a path or `-`) with its parsed options. */
export async function runRead(input: string, args: Record<string, unknown>, io: { stdout: (text: string) => void; stderr: (text: string) => void }, cwd: string): Promise<number> {
  const lang = langArg(args);
  const source = await readOneArticle(input, cwd);
  const article = await parseArticle(source, lang ? { lang } : {});
  const view = readerViewOf(source.path, article);
  if (args['json']) {
    io.stdout(`${JSON.stringify(view, null, 2)}\n`);
  } else {
    for (const warning of view.warnings) io.stderr(`warning: ${warning}\n`);
    io.stdout(readerMarkdown(view));
  }
  return ExitCode.ok;
}
