import yargs, { type Argv } from 'yargs';
import { FORMATS, type Format, build } from '../build.js';
import { MIN_MAX_WORDS } from '../condense/index.js';
import { ExitCode, RingkasError, firstLine } from '../errors.js';
import { expandInputs } from '../io/inputs.js';
import { outlineMarkdown, outlineOf } from '../outline.js';
import { type DeckOptions, deckFromFile } from '../pipeline.js';
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

/** Stands for "-" while yargs parses the command line. */
const STDIN_ARG = '\u0000stdin';

/** A positional argument as the user gave it. */
function inputArg(value: unknown): string {
  return value === STDIN_ARG ? '-' : String(value);
}

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
  // yargs drops a lone "-" (standard input) from positionals: carry it through under another name.
  const parser = yargs(argv.map((arg) => (arg === '-' ? STDIN_ARG : arg)))
    .scriptName('ringkas')
    .usage('$0 <command> [options]\n\nTurn an article into a presentation deck.')
    .command('build [inputs..]', 'build decks from articles (files, folders, or - for stdin)', (command) =>
      withDeckOptions(command)
        .positional('inputs', { type: 'string', array: true, default: ['source'], describe: 'articles or folders of articles' })
        .option('out', { alias: 'o', type: 'string', default: 'out', describe: 'output folder' })
        .option('format', { alias: 'f', type: 'string', default: 'html,pdf,pptx', describe: `comma list of ${FORMATS.join(',')} (md is always written)` })
        .option('theme', { alias: 't', type: 'string', default: DEFAULT_THEME, describe: 'theme name or path to a Marp .css theme' })
        .option('browser-path', { type: 'string', describe: 'Chrome/Chromium/Edge executable for PDF, PPTX and PNG' })
        .option('json', { type: 'boolean', default: false, describe: 'print a JSON report on stdout' })
        .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'print errors only' }),
    )
    .command('outline <input>', 'print the title, sections, key points and glossary ringkas finds in an article', (command) =>
      withDeckOptions(command)
        .positional('input', { type: 'string', describe: 'an article file, or - for stdin' })
        .option('json', { type: 'boolean', default: false, describe: 'print JSON instead of Markdown' }),
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
    const args = (await parser.parseAsync()) as Record<string, unknown>;
    if (args['help'] || args['version']) return ExitCode.ok;
    const command = (args['_'] as unknown[])[0];
    return command === 'outline' ? await outlineCommand(args, io) : await buildCommand(args, io);
  } catch (error) {
    if (error instanceof RingkasError) {
      io.stderr(`error: ${error.message}${error.exitCode === ExitCode.usage ? ' (see ringkas --help)' : ''}\n`);
      return error.exitCode;
    }
    // Not a user mistake but a bug: still one line, with where to report it.
    io.stderr(`error: unexpected failure: ${firstLine(error)} (please report this with the input that caused it)\n`);
    return ExitCode.inputFailed;
  }
}

/** Options of the parse and condense stages, shared by every command that reads an article. */
function withDeckOptions<T>(command: Argv<T>) {
  return command
    .option('lang', { type: 'string', choices: ['auto', 'id', 'en'], default: 'auto', describe: 'language of the article' })
    .option('max-bullets', { type: 'number', default: 5, describe: 'bullets per slide at most' })
    .option('max-words', { type: 'number', default: 14, describe: `words per bullet at most (${MIN_MAX_WORDS} or more)` })
    .option('slides', { type: 'number', describe: 'aim for about this many slides (default: follows the article)' })
    .option('notes', { type: 'boolean', default: true, describe: 'source sentences as speaker notes (--no-notes to leave out)' })
    .option('title', { type: 'string', describe: 'deck title (default: from the article)' })
    .option('subtitle', { type: 'string', describe: 'subtitle on the title slide' })
    .option('author', { type: 'string', describe: 'author on the title slide' })
    .option('institution', { type: 'string', describe: 'institution on the title slide' })
    .option('date', { type: 'string', describe: 'date on the title slide' });
}

/** The parsed values of {@link withDeckOptions}, checked. */
function deckOptions(args: Record<string, unknown>): DeckOptions {
  return {
    lang: args['lang'] as 'auto' | 'id' | 'en',
    maxBullets: positiveInteger(args['maxBullets'], '--max-bullets'),
    maxWords: positiveInteger(args['maxWords'], '--max-words', MIN_MAX_WORDS),
    ...(args['slides'] === undefined ? {} : { slides: positiveInteger(args['slides'], '--slides') }),
    notes: Boolean(args['notes']),
    ...optionalStrings(args, ['title', 'subtitle', 'author', 'institution', 'date']),
  };
}

async function buildCommand(args: Record<string, unknown>, io: CliIo): Promise<number> {
  const formats = parseFormats(String(args['format']));
  const options = deckOptions(args);
  const quiet = Boolean(args['quiet']);
  const report = await build({
    ...options,
    inputs: ((args['inputs'] as unknown[] | undefined) ?? ['source']).map(inputArg),
    out: String(args['out']),
    formats,
    theme: String(args['theme']),
    ...optionalStrings(args, ['browserPath']),
    log: (line) => {
      if (!quiet || line.startsWith('error:')) io.stderr(`${line}\n`);
    },
  });
  if (args['json']) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  return report.exitCode;
}

async function outlineCommand(args: Record<string, unknown>, io: CliIo): Promise<number> {
  const path = inputArg(args['input']);
  if (path !== '-') {
    const [entry] = await expandInputs([path], process.cwd());
    if (entry && 'error' in entry) throw new RingkasError(entry.error, ExitCode.inputFailed);
  }
  const { article, deck } = await deckFromFile(path, deckOptions(args));
  const outline = outlineOf(path, article, deck);
  for (const warning of outline.warnings) io.stderr(`warning: ${warning}\n`);
  io.stdout(args['json'] ? `${JSON.stringify(outline, null, 2)}\n` : outlineMarkdown(outline));
  return ExitCode.ok;
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

function positiveInteger(value: unknown, flag: string, min = 1): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new UsageError(`${flag}: expected a whole number of at least ${min}, got "${String(value)}"`);
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
