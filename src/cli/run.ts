import yargs, { type Argv } from 'yargs';
import { type BuildOptions, FORMATS, type Format, build } from '../build.js';
import { MIN_MAX_WORDS } from '../condense/options.js';
import { type LoadedConfig, type RingkasConfig, loadConfig } from '../config.js';
import { ExitCode, RingkasError, firstLine } from '../errors.js';
import { displayPath, expandInputs, printable } from '../io/inputs.js';
import { outlineMarkdown, outlineOf } from '../outline.js';
import { type DeckOptions, deckFromFile } from '../pipeline.js';
import { DEFAULT_THEME } from '../themes/index.js';
import { compressCommand, runCompress } from './compress.js';
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

/** Defaults of the options a config file may also set. */
const DEFAULTS = { inputs: ['source'], out: 'out', format: 'html,pdf,pptx', theme: DEFAULT_THEME, lang: 'auto', maxBullets: 5, maxWords: 14, notes: true, agenda: true, glossary: true, sources: true, figures: 'some' } as const;

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

/** The inputs of `build` and `check`: those on the command line, else the config's, else the default. */
function inputsOf(args: Args, config: RingkasConfig): string[] {
  const given = inputArgs(args);
  return given.length > 0 ? given : [...(config.inputs ?? DEFAULTS.inputs)];
}

/** A mistake in the command line: exit code 2. */
class UsageError extends RingkasError {
  constructor(message: string) {
    super(message, ExitCode.usage);
  }
}

type Args = Record<string, unknown>;

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
    .command('build [inputs..]', 'build decks from articles (files, folders, or - for stdin)', (command) =>
      withRenderOptions(withDeckOptions(command))
        .positional('inputs', { type: 'string', array: true, describe: 'articles or folders of articles', defaultDescription: `${DEFAULTS.inputs.join(' ')}, or the config's inputs` })
        .option('out', { alias: 'o', type: 'string', describe: `output folder [default: ${DEFAULTS.out}]` })
        .option('format', { alias: 'f', type: 'string', describe: `comma list of ${FORMATS.join(',')}; md is always written [default: ${DEFAULTS.format}]` })
        .option('pdf-notes', { type: 'boolean', describe: 'speaker notes as PDF annotations' })
        .option('editable-pptx', { alias: 'pptx-editable', type: 'boolean', describe: 'PPTX with editable text, written from the deck, instead of slide pictures (marp-cli: --pptx-editable)' })
        .option('shard', { type: 'string', describe: 'build only shard i of n of the inputs, e.g. 2/4 (for CI matrices)' })
        .option('watch', { alias: 'w', type: 'boolean', describe: 'rebuild a deck when its article, the config or the theme changes' })
        .option('json', { type: 'boolean', describe: 'print a JSON report on stdout' })
        .option('quiet', { alias: 'q', type: 'boolean', describe: 'print errors only' }),
    )
    .command('outline <input>', 'print the title, sections, key points and glossary ringkas finds in an article', (command) =>
      withDeckOptions(command)
        .positional('input', { type: 'string', describe: 'an article file, or - for stdin' })
        .option('json', { type: 'boolean', describe: 'print JSON instead of Markdown' }),
    )
    .command('check [inputs..]', 'render decks in the browser and list every slide whose content overflows', (command) =>
      withRenderOptions(withDeckOptions(command))
        .positional('inputs', { type: 'string', array: true, describe: 'articles or folders of articles', defaultDescription: `${DEFAULTS.inputs.join(' ')}, or the config's inputs` })
        .option('json', { type: 'boolean', describe: 'print the findings as JSON on stdout' }),
    )
    .command('preview [inputs..]', 'serve one article\'s deck on 127.0.0.1, rebuilt and reloaded when the article, the config or the theme changes', (command) =>
      withThemeOption(withDeckOptions(command))
        .positional('inputs', { type: 'string', array: true, describe: 'one article (file, web address, or - for stdin) [default: as for build]' })
        .option('port', { type: 'number', describe: `port on 127.0.0.1; 0 picks a free one [default: ${PREVIEW_PORT}]` }),
    )
    .command('themes [action] [name]', 'list themes; "themes new <name>" writes a starter theme; "themes preview" renders every theme', (command) =>
      command
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

/** Options of the parse and condense stages, shared by every command that reads an article. */
function withDeckOptions<T>(command: Argv<T>) {
  return command
    .option('lang', { type: 'string', choices: ['auto', 'id', 'en'], describe: `language of the article [default: ${DEFAULTS.lang}]` })
    .option('max-bullets', { type: 'number', describe: `bullets per slide at most [default: ${DEFAULTS.maxBullets}]` })
    .option('max-words', { type: 'number', describe: `words per bullet at most, ${MIN_MAX_WORDS} or more [default: ${DEFAULTS.maxWords}]` })
    .option('slides', { type: 'number', describe: 'aim for about this many slides [default: follows the article]' })
    .option('notes', { type: 'boolean', describe: 'source sentences as speaker notes; --no-notes leaves them out [default: true]' })
    .option('agenda', { type: 'boolean', describe: 'an agenda slide for three or more sections; --no-agenda leaves it out [default: true]' })
    .option('glossary', { type: 'boolean', describe: 'a glossary slide of the acronyms on the slides; --no-glossary leaves it out [default: true]' })
    .option('sources', { type: 'boolean', describe: 'a closing slide crediting the source where anything beyond the title is known; --no-sources leaves it out [default: true]' })
    .option('figures', { type: 'string', choices: ['none', 'some', 'all'], describe: `figure slides for the article's pictures: none, some (one per section at most) or all [default: ${DEFAULTS.figures}]` })
    .option('title', { type: 'string', describe: 'deck title [default: from the article]' })
    .option('subtitle', { type: 'string', describe: 'subtitle on the title slide' })
    .option('author', { type: 'string', describe: 'author on the title slide' })
    .option('institution', { type: 'string', describe: 'institution on the title slide' })
    .option('date', { type: 'string', describe: 'date on the title slide' })
    .option('source', { type: 'string', describe: 'where the article came from, an address or a credit, for the sources slide [default: from the article]' });
}

/** The theme option of every command that renders a deck. */
function withThemeOption<T>(command: Argv<T>) {
  return command.option('theme', { alias: 't', type: 'string', describe: `theme name or path to a Marp .css theme [default: ${DEFAULTS.theme}]` });
}

/** Options of the commands that render in a browser. */
function withRenderOptions<T>(command: Argv<T>) {
  return withThemeOption(command)
    .option('browser-path', { type: 'string', describe: 'Chrome/Chromium/Edge executable for PDF, PPTX, PNG and check' })
    .option('browser-timeout', { type: 'number', describe: 'seconds the browser may take to start or render a deck, as in marp-cli [default: 60]' })
    .option('concurrency', { alias: ['P', 'parallel'], type: 'number', describe: 'decks rendered at once (marp-cli: -P, --parallel) [default: number of cores]' });
}

/** A flag given twice takes its last value, as in most command lines, rather than a list. */
function lastValues(args: Args): Args {
  const positional = new Set(['_', 'inputs']);
  return Object.fromEntries(Object.entries(args).map(([key, value]) => [key, Array.isArray(value) && !positional.has(key) ? value.at(-1) : value]));
}

/** A flag's value, else the config's, else the default: flag beats config beats default. */
function pick<K extends keyof RingkasConfig>(args: Args, config: RingkasConfig, key: K): RingkasConfig[K] {
  return (args[key] as RingkasConfig[K] | undefined) ?? config[key];
}

/** The parsed values of {@link withDeckOptions}, merged with the config and checked. */
function deckOptions(args: Args, loaded: LoadedConfig | undefined): DeckOptions {
  const config = loaded?.config ?? {};
  const from = optionNamer(args, loaded);
  const slides = pick(args, config, 'slides');
  const options: DeckOptions = {
    lang: pick(args, config, 'lang') ?? DEFAULTS.lang,
    maxBullets: positiveInteger(pick(args, config, 'maxBullets') ?? DEFAULTS.maxBullets, from('maxBullets', '--max-bullets')),
    maxWords: positiveInteger(pick(args, config, 'maxWords') ?? DEFAULTS.maxWords, from('maxWords', '--max-words'), MIN_MAX_WORDS),
    notes: pick(args, config, 'notes') ?? DEFAULTS.notes,
    agenda: pick(args, config, 'agenda') ?? DEFAULTS.agenda,
    glossary: pick(args, config, 'glossary') ?? DEFAULTS.glossary,
    sources: pick(args, config, 'sources') ?? DEFAULTS.sources,
    figures: pick(args, config, 'figures') ?? DEFAULTS.figures,
  };
  if (!['auto', 'id', 'en'].includes(options.lang!)) throw new UsageError(`lang: expected auto, id or en, got "${options.lang}"`);
  if (!['none', 'some', 'all'].includes(options.figures!)) throw new UsageError(`${from('figures', '--figures')}: expected none, some or all, got "${options.figures}"`);
  if (slides !== undefined) options.slides = positiveInteger(slides, from('slides', '--slides'));
  for (const key of ['title', 'subtitle', 'author', 'institution', 'date', 'source'] as const) {
    const value = pick(args, config, key);
    if (value) options[key] = value;
  }
  return options;
}

/** The render options shared by `build` and `check`. */
function renderOptions(args: Args, loaded: LoadedConfig | undefined): Pick<BuildOptions, 'theme' | 'browserPath' | 'browserTimeout' | 'concurrency'> {
  const config = loaded?.config ?? {};
  const from = optionNamer(args, loaded);
  const options: Pick<BuildOptions, 'theme' | 'browserPath' | 'browserTimeout' | 'concurrency'> = { theme: pick(args, config, 'theme') ?? DEFAULTS.theme };
  const browserPath = pick(args, config, 'browserPath');
  const browserTimeout = pick(args, config, 'browserTimeout');
  const concurrency = pick(args, config, 'concurrency');
  if (browserPath) options.browserPath = browserPath;
  if (browserTimeout !== undefined) options.browserTimeout = secondsAsMs(browserTimeout, from('browserTimeout', '--browser-timeout'));
  if (concurrency !== undefined) options.concurrency = positiveInteger(concurrency, from('concurrency', '--concurrency'));
  return options;
}

/** The options of `build`: flags, then the config, then the defaults. */
async function buildOptions(args: Args, loaded: LoadedConfig | undefined, cwd: string): Promise<BuildOptions> {
  const config = loaded?.config ?? {};
  const options: BuildOptions = {
    ...deckOptions(args, loaded),
    ...renderOptions(args, loaded),
    inputs: inputsOf(args, config),
    out: pick(args, config, 'out') ?? DEFAULTS.out,
    formats: parseFormats(pick(args, config, 'format') ?? DEFAULTS.format),
    pdfNotes: pick(args, config, 'pdfNotes') ?? false,
    editablePptx: pick(args, config, 'editablePptx') ?? false,
    cwd,
  };
  if (args['shard'] !== undefined) options.shard = parseShard(String(args['shard']));
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

/** The port `preview` listens on when none is given. */
const PREVIEW_PORT = 8080;

/** The options of `preview`: one article's deck, as `build --format html` makes it. */
async function previewOptions(args: Args, loaded: LoadedConfig | undefined, cwd: string): Promise<BuildOptions> {
  const inputs = inputsOf(args, loaded?.config ?? {});
  if (inputs.length !== 1) throw new UsageError(`preview: give one article, not ${inputs.length} (${inputs.map((input) => displayPath(input, cwd)).join(', ')})`);
  const { checkPreviewInput } = await import('./preview.js');
  await checkPreviewInput(inputs[0]!, cwd);
  return { ...deckOptions(args, loaded), theme: renderOptions(args, loaded).theme, inputs, out: DEFAULTS.out, formats: ['html'], cwd };
}

async function previewCommand(args: Args, io: CliIo, loaded: LoadedConfig | undefined, cwd: string): Promise<number> {
  const port = positiveInteger(args['port'] ?? PREVIEW_PORT, '--port', 0, 65535);
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
  const { article, deck } = await deckFromFile(entry.path, deckOptions(args, loaded), entry.file);
  const outline = outlineOf(entry.path, article, deck);
  for (const warning of outline.warnings) io.stderr(`warning: ${warning}\n`);
  io.stdout(args['json'] ? `${JSON.stringify(outline, null, 2)}\n` : outlineMarkdown(outline));
  return ExitCode.ok;
}

async function checkCommand(args: Args, io: CliIo, loaded: LoadedConfig | undefined, cwd: string): Promise<number> {
  const config = loaded?.config ?? {};
  const { check } = await import('../check.js');
  const report = await check({
    ...deckOptions(args, loaded),
    ...renderOptions(args, loaded),
    inputs: inputsOf(args, config),
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
  if (action === 'list') return themes.listThemesCommand(cwd, io.stdout);
  if (action === 'preview') return themes.previewThemesCommand(String(args['out'] ?? DEFAULTS.out), cwd, args['browserPath'] as string | undefined, io.stdout);
  const name = args['name'];
  if (typeof name !== 'string' || name === '') throw new UsageError('themes new: give the theme a name, e.g. "ringkas themes new my-university"');
  const options: Parameters<typeof themes.newThemeCommand>[1] = { force: Boolean(args['force']) };
  for (const key of ['extends', 'primary', 'logo'] as const) if (typeof args[key] === 'string') options[key] = args[key] as string;
  return themes.newThemeCommand(name, options, cwd, io.stdout);
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

function parseShard(value: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/u.exec(value.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) throw new UsageError(`--shard: expected i/n with 1 ≤ i ≤ n, e.g. 2/4, got "${value}"`);
  return { index, count };
}

/** The longest delay a timer can wait (2³¹−1 ms, about 24.8 days); a longer one fires at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

function positiveInteger(value: unknown, name: string, min = 1, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`;
    // yargs reads "--slides abc" as NaN: say what was wrong rather than echo a NaN the user never wrote.
    const got = typeof value === 'number' && Number.isNaN(value) ? 'something that is not a number' : `"${String(value)}"`;
    throw new UsageError(`${name}: expected a whole number ${range}, got ${got}`);
  }
  return value;
}

/** The longest wait a timer allows, in seconds (2^31 - 1 ms, about 24.8 days). */
const MAX_TIMER_SECONDS = MAX_TIMER_MS / 1000;

/** A wait given in seconds, as marp-cli's options give it (fractions allowed), in whole milliseconds. */
function secondsAsMs(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0.001 || value > MAX_TIMER_SECONDS) {
    const got = typeof value === 'number' && Number.isNaN(value) ? 'something that is not a number' : `"${String(value)}"`;
    throw new UsageError(`${name}: expected seconds from 0.001 to ${MAX_TIMER_SECONDS}, got ${got}`);
  }
  return Math.round(value * 1000);
}

/**
 * Names an option in a message the way the user set it: the flag (`--concurrency`) when given on
 * the command line, else the config file and key (`ringkas.config.json: concurrency`).
 */
function optionNamer(args: Args, loaded: LoadedConfig | undefined): (key: keyof RingkasConfig, flag: string) => string {
  return (key, flag) => (args[key] !== undefined || loaded?.config[key] === undefined ? flag : `${loaded.filepath}: ${key}`);
}
