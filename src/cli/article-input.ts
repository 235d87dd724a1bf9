import type { Argv } from 'yargs';
import { ExitCode, RingkasError } from '../errors.js';
import { expandInputs, readSource } from '../io/inputs.js';
import type { Language } from '../model.js';
import { OPTIONS } from '../options.js';
import type { Source } from '../parse/index.js';

/**
 * The `--lang` of a command that reads one article: `auto`, `id`, `en` or not given. Checked here
 * rather than by yargs, whose message for a wrong choice takes several lines.
 */
export function langArg(args: Record<string, unknown>): Language | 'auto' | undefined {
  const lang = args['lang'] as Language | 'auto' | undefined;
  if (lang !== undefined && !(OPTIONS.lang.choices as readonly string[]).includes(lang)) throw new RingkasError(`--lang: expected ${OPTIONS.lang.expected}, got "${String(lang)}"`, ExitCode.usage);
  return lang;
}

/** The one article a command reads: a file ringkas reads (found as `build` finds it), or `-`. */
export async function readOneArticle(input: string, cwd: string): Promise<Source> {
  const [entry] = await expandInputs([input], cwd);
  if (!entry || 'error' in entry) throw new RingkasError(entry?.error ?? `${input}: nothing to read`, ExitCode.inputFailed);
  return readSource(entry.path, entry.file);
}

/** The input and `--lang` of the commands that read text for the syntax stage (`parse`, `compress`). */
export function withInputAndLang<T>(command: Argv<T>, input: string) {
  return command.positional('input', { type: 'string', describe: input }).option('lang', { type: 'string', describe: `language of the text: ${OPTIONS.lang.expected} [default: ${OPTIONS.lang.default}]` });
}
