import yargs from 'yargs';
import { type BuildOptions, FORMATS, type Format, build } from '../build.js';
import { type LoadedConfig, loadConfig } from '../config.js';
import { ExitCode, RingkasError, firstLine } from '../errors.js';
import { displayPath, expandInputs, printable } from '../io/inputs.js';
import { OPTIONS } from '../options.js';
import { outlineMarkdown, outlineOf } from '../outline.js';
import { type DeckOptions, deckFromFile } from '../pipeline.js';
import { compressCommand, runCompress } from './compress.js';
import { type Args, OptionValues, UsageError, withOptions } from './options.js';
import { parseCommand, runParse } from './parse.js';
import { createProgress } from './progress.js';
import { readCommand, runRead } from './read.js';

/** Where the CLI writes, and what it knows of its surroundings; tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal that can show live progress. */
  interactive?: boolean;
  cwd?: string;
}

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  // A terminal that reports no size (some pseudo-terminals) cannot hold a live block.
  interactive: Boolean(process.stderr.isTTY) && !process.env['CI'] && (process.stderr.rows ?? 0) > 0,
};

/**
 * `io` whose stderr shows every line as one printable line: a newline or terminal escape that
 * comes from a file name, an article or a theme is written escaped, so no input can forge a line
 * of output or drive the terminal. Each write is one or more whole lines.
 */
function withPrintableStderr(io: CliIo): CliIo {
  return { ...io, stderr: (text) => io.stderr(text.endsWith('\n') ? `${printable(text.slice(0, -1))}\n` : printable(text)) };
}

/** Stands for "-" while yargs parses the command line. */
const STDIN_ARG = '\u0000stdin';

/** A positional argument as the user gave it. */
function inputArg(value: unknown): string {
  return value === STDIN_ARG ? '-' : String(value);
}

/** The inputs of `build` and `check`, with those after "--" (a file named like an option, "-rf.txt"), which yargs lists as commands. */
function inputArgs(args: Args): string[] {
  return [...((args['inputs'] as unknown[] | undefined) ?? []), ...(args['_'] as unknown[]).slice(1)].map(inputArg);
}

/** The inputs of `build`, `check` and `preview`: those on the command line, else the config's, else the default. */
function inputsOf(args: Args, loaded: LoadedConfig | undefined): string[] {
  const given = inputArgs(args);
  return given.length > 0 ? given : [...(loaded?.config.inputs ?? OPTIONS.inputs.default)];
}

/** The part of yargs' internals that {@link run} turns off. */
interface YargsInternals {
  getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } };
}

/**
 * Runs the `ringkas` command line and resolves to its exit code. It never sets `process.exitCode`
 * and never throws for the user's mistakes: those are one line on stderr.
 */
export async function run(argv: readonly string[], given: CliIo = processIo): Promise<number> {
  const io = withPrintableStderr(given);
  // yargs drops a lone "-" (standard input) from positionals: carry it through under another name.
  const parser = yargs(argv.map((arg) => (arg === '-' ? STDIN_ARG : arg)))
    .scriptName('ringkas')
    .usage('$0 <command> [options]\n\nTurn an article into a presentation deck.')
    .command('build [inputs..]', 'build decks from articles (files, folders, or - for stdin)', (command) => withOptions(command, 'build'))
    .command('outline <input>', 'print the title, sections, key points and glossary ringkas finds in an article', (command) =>
      withOptions(command, 'outline').positional('input', { type: 'string', describe: 'an article file, or - for stdin' }),
    )
    .command('check [inputs..]', 'render decks in the browser and list every slide whose content overflows', (command) => withOptions(command, 'check'))
    .command('preview [inputs..]', "serve one article's deck on 127.0.0.1, rebuilt and reloaded when the article, the config or the theme changes", (command) =>
      withOptions(command, 'preview'),
    )
    .command('themes [action] [name]', 'list themes; "themes new <name>" writes a starter theme; "themes preview" renders every theme', (command) =>
      withOptions(command, 'themes')
        .positional('action', { type: 'string', choices: ['list', 'new', 'preview'], describe: 'what to do [default: list]' })
        .positional('name', { type: 'string', describe: 'the new theme’s name (themes new)' })
        .option('extends', { type: 'string', describe: 'bundled theme the new theme starts from [default: ringkas]' })
        .option('primary', { type: 'string', describe: 'the new theme’s primary colour, #rrggbb' })
        .option('logo', { type: 'string', describe: 'the new theme’s logo (PNG, JPEG or SVG)' })
        .option('force', { type: 'boolean', describe: 'replace an existing theme file' })
        .option('out', { alias: 'o', type: 'string', describe: 'preview: output folder; pictures go to <out>/themes [default: out]' })
        .option('browser-path', { type: 'string', describe: 'Chrome/Chromium/Edge executable for the preview' }),
    )
    .command(readCommand.command, readCommand.describe, readCommand.builder)
    .command(parseCommand.command, parseCommand.describe, parseCommand.builder)
    .command(compressCommand.command, compressCommand.describe, compressCommand.builder)
    .option('config', { alias: ['c', 'config-file'], type: 'string', describe: 'config file (marp-cli: -c, --config-file) [default: ringkas.config.{json,yaml,yml,mjs} or package.json#ringkas]' })
    .demandCommand(1, 'give a command, e.g. "ringkas build"')
    .completion('completion', 'print a shell completion script (bash, zsh): ringkas completion >> ~/.bashrc')
    .recommendCommands()
    .strict()
    .help()
    .version()
    .exitProcess(false)
    .showHelpOnFail(false)
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .fail((message, error) => {
      throw error instanceof Error && !message ? error : new UsageError(message ?? 'invalid command line');
    });

  // yargs renders the whole help text after running any command, to keep it for a failure that
  // might come later: a tenth of a second of measuring strings on every run. ringkas reports its own
  // failures and never shows help with them (showHelpOnFail(false)), so help is rendered only when
  // asked for. (An internal of yargs 17 and 18; without it, only that time is lost.)
  const usage = (parser as unknown as YargsInternals).getInternalMethods?.().getUsageInstance?.();
  if (usage && typeof usage.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => undefined;

  try {
    const args = lastValues((await parser.parseAsync()) as Args);
    const command = (args['_'] as unknown[])[0];
    // yargs has printed what was asked: help, the version or the completion script.
    if (args['help'] || args['version'] || command === 'completion') return ExitCode.ok;
    const cwd = io.cwd ?? process.cwd();
    // Commands that take no option from a config file do not read one (nor fail on one they do not use).
    if (command === 'themes') return await themesCommand(args, io, cwd);
    if (command === 'parse') return await runParse(inputArg(args['input'] ?? '-'), args, io.stdout, cwd);
    if (command === 'compress') return await runCompress(inputArg(args['input'] ?? '-'), args, io.stdout, cwd);
    if (command === 'read') return await runRead(inputArg(args['input']), args, io, cwd);
    const loaded = await loadConfig(cwd, args['config'] as string | undefined);
    if (command === 'outline') return await outlineCommand(args, io, loaded);
    if (command === 'check') return await checkCommand(args, io, loaded, cwd);
    if (command === 'preview') return await previewCommand(args, io, loaded, cwd);
    return await buildCommand(args, io, loaded, cwd);
  } catch (error) {
    if (error instanceof RingkasError) {
      // yargs words some messages over several indented lines: one line, as every error here.
      const message = error.exitCode === ExitCode.usage ? `${error.message.replace(/\n\s*/gu, ' ')} (see ringkas --help)` : error.message;
      io.stderr(`error: ${message}\n`);
      return error.exitCode;
    }
    // Not a user mistake but a bug: still one line, with where to report it.
    io.stderr(`error: unexpected failure: ${firstLine(error)} (please report this with the input that caused it)\n`);
    return ExitCode.inputFailed;
  }
}

/** A flag given twice takes its last value, as in most command lines, rather than a list. */
function lastValues(args: Args): Args {
  const positional = new Set(['_', 'inputs']);
  return Object.fromEntries(Object.entries(args).map(([key, value]) => [key, Array.isArray(value) && !positional.has(key) ? value.at(-1) : value]));
}

/** The options of the parse and condense stages, from {@link OptionValues}. */
function deckOptions(values: OptionValues): DeckOptions {
  const options: DeckOptions = {
    lang: values.value('lang'),
    maxBullets: values.value('maxBullets'),
    maxWords: values.value('maxWords'),
    notes: values.value('notes'),
    agenda: values.value('agenda'),
    glossary: values.value('glossary'),
    sources: values.value('sources'),
    figures: values.value('figures'),
  };
  const slides = values.get('slides');
  if (slides !== undefined) options.slides = slides;
  for (const key of ['title', 'subtitle', 'author', 'institution', 'date', 'source'] as const) {
    const value = values.get(key);
    if (value) options[key] = value;
  }
  return options;
}

/** The theme options of every command that renders a deck. */
function themeOptions(values: OptionValues): Pick<BuildOptions, 'theme' | 'themeSet' | 'condense'> {
  const options: Pick<BuildOptions, 'theme' | 'themeSet' | 'condense'> = { theme: values.value('theme'), condense: values.value('condense') };
  const themeSet = values.get('themeSet');
  if (themeSet) options.themeSet = themeSet;
  return options;
}

/** The render options shared by `build` and `check`. */
function renderOptions(values: OptionValues): Pick<BuildOptions, 'theme' | 'themeSet' | 'condense' | 'browserPath' | 'browserTimeout' | 'concurrency'> {
  const options: ReturnType<typeof renderOptions> = themeOptions(values);
  const browserPath = values.get('browserPath');
  const browserTimeout = values.get('browserTimeout');
  const concurrency = values.get('concurrency');
  if (browserPath) options.browserPath = browserPath;
  if (browserTimeout !== undefined) options.browserTimeout = browserTimeout;
  if (concurrency !== undefined) options.concurrency = concurrency;
  return options;
}

/** The options of `build`: flags, then the config, then the defaults. */
async function buildOptions(args: Args, loaded: LoadedConfig | undefined, cwd: string): Promise<BuildOptions> {
  const values = await OptionValues.of(args, loaded);
  const options: BuildOptions = {
    ...deckOptions(values),
    ...renderOptions(values),
    inputs: inputsOf(args, loaded),
    out: values.value('out'),
    formats: parseFormats(values.value('format'), values.name('format')),
    pdfNotes: values.value('pdfNotes'),
    editablePptx: values.value('editablePptx'),
    cwd,
  };
  const shard = values.get('shard');
  if (shard !== undefined) options.shard = parseShard(shard);
  return options;
}

/** Runs `work` with a signal that Ctrl-C (SIGINT) or SIGTERM aborts. */
async function untilStopped<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    return await work(controller.signal);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

/** The config file as it is now, for the commands that watch it. */
function reloadConfig(args: Args, cwd: string): Promise<LoadedConfig | undefined> {
  return loadConfig(cwd, args['config'] as string | undefined);
}

async function buildCommand(args: Args, io: CliIo, loaded: LoadedConfig | undefined, cwd: string): Promise<number> {
  const options = await buildOptions(args, loaded, cwd);
  const progress = await createProgress({ quiet: Boolean(args['quiet']), live: Boolean(io.interactive), cwd, write: io.stderr });
  options.progress = progress;
  try {
    return await untilStopped(async (signal) => {
      if (args['watch']) {
        const { watchBuild } = await import('./watch.js');
        const reload = async () => ({ ...(await buildOptions(args, await reloadConfig(args, cwd), cwd)), progress });
        return await watchBuild(options, progress, { configPath: loaded?.filepath, reload, signal });
      }
      options.signal = signal;
      const report = await build(options);
      if (report.index) progress.line(`index → ${displayPath(report.index, cwd)}`);
      if (report.error) progress.line(`error: ${report.error}`);
      if (args['json']) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
      return report.exitCode;
    });
  } finally {
    progress.close();
  }
}

/** The options of `preview`: one article's deck, as `build --format html` makes it. */
async function previewOptions(args: Args, loaded: LoadedConfig | undefined, cwd: string): Promise<BuildOptions> {
  const inputs = inputsOf(args, loaded);
  if (inputs.length !== 1) throw new UsageError(`preview: give one article, not ${inputs.length} (${inputs.map((input) => displayPath(input, cwd)).join(', ')})`);
  const { checkPreviewInput } = await import('./preview.js');
  await checkPreviewInput(inputs[0]!, cwd);
  const values = await OptionValues.of(args, loaded);
  return { ...deckOptions(values), ...themeOptions(values), inputs, out: OPTIONS.out.default, formats: ['html'], cwd };
}

async function previewCommand(args: Args, io: CliIo, loaded: LoadedConfig | undefined, cwd: string): Promise<number> {
  const port = (await OptionValues.of(args, loaded)).value('port');
  const options = await previewOptions(args, loaded, cwd);
  const { preview } = await import('./preview.js');
  return untilStopped(async (signal) => {
    options.signal = signal;
    const reload = async () => ({ ...(await previewOptions(args, await reloadConfig(args, cwd), cwd)), signal });
    return preview(options, port, io, { configPath: loaded?.filepath, reload, signal });
  });
}

async function outlineCommand(args: Args, io: CliIo, loaded: LoadedConfig | undefined): Promise<number> {
  const path = inputArg(args['input']);
  const [entry] = await expandInputs([path], io.cwd ?? process.cwd());
  if (!entry || 'error' in entry) throw new RingkasError(entry?.error ?? `${path}: nothing to read`, ExitCode.inputFailed);
  const { article, deck } = await deckFromFile(entry.path, deckOptions(await OptionValues.of(args, loaded)), entry.file);
  const outline = outlineOf(entry.path, article, deck);
  for (const warning of outline.warnings) io.stderr(`warning: ${warning}\n`);
  io.stdout(args['json'] ? `${JSON.stringify(outline, null, 2)}\n` : outlineMarkdown(outline));
  return ExitCode.ok;
}

async function checkCommand(args: Args, io: CliIo, loaded: LoadedConfig | undefined, cwd: string): Promise<number> {
  const values = await OptionValues.of(args, loaded);
  const { check } = await import('../check.js');
  const report = await check({
    ...deckOptions(values),
    ...renderOptions(values),
    inputs: inputsOf(args, loaded),
    cwd,
  });
  if (args['json']) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  for (const deck of report.decks) {
    if (deck.error) io.stderr(`error: ${deck.error}\n`);
    for (const overflow of deck.overflows) {
      const where = [overflow.top > 1 ? `${overflow.top}px above` : '', overflow.bottom > 1 ? `${overflow.bottom}px below` : '', overflow.right > 1 ? `${overflow.right}px to the right` : ''].filter(Boolean).join(' and ');
      io.stderr(`overflow: ${displayPath(deck.input, cwd)}: slide ${overflow.slide} "${overflow.title}": content runs ${where} its box\n`);
    }
    if (!deck.error && deck.overflows.length === 0) io.stderr(`ok: ${displayPath(deck.input, cwd)}: ${deck.slides} slides fit\n`);
  }
  if (report.error) io.stderr(`error: ${report.error}\n`);
  return report.exitCode;
}

async function themesCommand(args: Args, io: CliIo, cwd: string): Promise<number> {
  const themes = await import('./themes.js');
  const action = (args['action'] as string | undefined) ?? 'list';
  // themes reads no config file (it uses none of its keys): the theme set is the flag's alone.
  if (action === 'list') return themes.listThemesCommand(cwd, io.stdout, args['themeSet'] as string | undefined);
  if (action === 'preview') return themes.previewThemesCommand(String(args['out'] ?? OPTIONS.out.default), cwd, args['browserPath'] as string | undefined, io.stdout);
  const name = args['name'];
  if (typeof name !== 'string' || name === '') throw new UsageError('themes new: give the theme a name, e.g. "ringkas themes new my-university"');
  const options: Parameters<typeof themes.newThemeCommand>[1] = { force: Boolean(args['force']) };
  for (const key of ['extends', 'primary', 'logo'] as const) if (typeof args[key] === 'string') options[key] = args[key] as string;
  return themes.newThemeCommand(name, options, cwd, io.stdout);
}

/** The formats of a comma list (`name` is the option as the user set it), with md added: md is always written. */
function parseFormats(value: string, name: string): Format[] {
  const formats = value.split(',').map((format) => format.trim().toLowerCase()).filter(Boolean);
  for (const format of formats) {
    if (!(FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`${name}: unknown format "${format}"; use a comma list of ${FORMATS.join(',')}`);
    }
  }
  return [...new Set(['md', ...formats])] as Format[];
}

function parseShard(value: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/u.exec(value.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) throw new UsageError(`--shard: expected i/n with 1 ≤ i ≤ n, e.g. 2/4, got "${value}"`);
  return { index, count };
}
