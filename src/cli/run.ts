import yargs from 'yargs';
import { FORMATS, type Format, build } from '../build.js';
import { ExitCode, RingkasError, firstLine } from '../errors.js';
import { DEFAULT_THEME } from '../themes/index.js';

/** Where the CLI writes; tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** A mistake in the command line: exit code 2. */
class UsageError extends RingkasError {
  constructor(message: string) {
    super(message, ExitCode.usage);
  }
}

/**
 * Runs the `ringkas` command line and resolves to its exit code. It never sets `process.exitCode`
 * and never throws for the user's mistakes: those are one line on stderr.
 */
export async function run(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let helpShown = false;
  const parser = yargs([...argv])
    .scriptName('ringkas')
    .usage('$0 <command> [options]\n\nTurn an article into a presentation deck.')
    .command('build [inputs..]', 'build decks from articles (files, folders, or - for stdin)', (command) =>
      command
        .positional('inputs', { type: 'string', array: true, default: ['source'], describe: 'articles or folders of articles' })
        .option('out', { alias: 'o', type: 'string', default: 'out', describe: 'output folder' })
        .option('format', { alias: 'f', type: 'string', default: 'html,pdf,pptx', describe: `comma list of ${FORMATS.join(',')} (md is always written)` })
        .option('theme', { alias: 't', type: 'string', default: DEFAULT_THEME, describe: 'theme name or path to a Marp .css theme' })
        .option('lang', { type: 'string', choices: ['auto', 'id', 'en'], default: 'auto', describe: 'language of the article' })
        .option('max-bullets', { type: 'number', default: 5, describe: 'bullets per slide at most' })
        .option('max-words', { type: 'number', default: 14, describe: 'words per bullet at most' })
        .option('notes', { type: 'boolean', default: true, describe: 'source sentences as speaker notes (--no-notes to leave out)' })
        .option('title', { type: 'string', describe: 'deck title (default: from the article)' })
        .option('subtitle', { type: 'string', describe: 'subtitle on the title slide' })
        .option('author', { type: 'string', describe: 'author on the title slide' })
        .option('institution', { type: 'string', describe: 'institution on the title slide' })
        .option('date', { type: 'string', describe: 'date on the title slide' })
        .option('browser-path', { type: 'string', describe: 'Chrome/Chromium/Edge executable for PDF, PPTX and PNG' })
        .option('json', { type: 'boolean', default: false, describe: 'print a JSON report on stdout' })
        .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'print errors only' }),
    )
    .demandCommand(1, 'give a command, e.g. "ringkas build"')
    .strict()
    .help()
    .version()
    .exitProcess(false)
    .showHelpOnFail(false)
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .fail((message, error) => {
      throw error instanceof Error && !message ? error : new UsageError(message ?? 'invalid command line');
    });

  try {
    const args = await parser.parseAsync();
    if (args['help'] || args['version']) {
      helpShown = true;
      return ExitCode.ok;
    }
    const formats = parseFormats(String(args['format']));
    const maxBullets = positiveInteger(args['maxBullets'], '--max-bullets');
    const maxWords = positiveInteger(args['maxWords'], '--max-words');
    const quiet = Boolean(args['quiet']);
    const report = await build({
      inputs: (args['inputs'] as string[] | undefined) ?? ['source'],
      out: String(args['out']),
      formats,
      theme: String(args['theme']),
      lang: args['lang'] as 'auto' | 'id' | 'en',
      maxBullets,
      maxWords,
      notes: Boolean(args['notes']),
      ...optionalStrings(args, ['title', 'subtitle', 'author', 'institution', 'date', 'browserPath']),
      log: (line) => {
        if (!quiet || line.startsWith('error:')) io.stderr(`${line}\n`);
      },
    });
    if (args['json']) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    return report.exitCode;
  } catch (error) {
    if (helpShown) return ExitCode.ok;
    if (error instanceof RingkasError) {
      io.stderr(`error: ${error.message}${error.exitCode === ExitCode.usage ? ' (see ringkas --help)' : ''}\n`);
      return error.exitCode;
    }
    // Not a user mistake but a bug: still one line, with where to report it.
    io.stderr(`error: unexpected failure: ${firstLine(error)} (please report this with the input that caused it)\n`);
    return ExitCode.inputFailed;
  }
}

function parseFormats(value: string): Format[] {
  const formats = value.split(',').map((format) => format.trim().toLowerCase()).filter(Boolean);
  for (const format of formats) {
    if (!(FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`--format: unknown format "${format}"; use a comma list of ${FORMATS.join(',')}`);
    }
  }
  return [...new Set(['md', ...formats])] as Format[];
}

function positiveInteger(value: unknown, flag: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new UsageError(`${flag}: expected a whole number of at least 1, got "${String(value)}"`);
  }
  return value;
}

function optionalStrings<K extends string>(args: Record<string, unknown>, keys: readonly K[]): Partial<Record<K, string>> {
  const result: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const value = args[key];
    if (typeof value === 'string' && value !== '') result[key] = value;
  }
  return result;
}
