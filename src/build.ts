import { readdir, realpath } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import pLimit from 'p-limit';
import { ExitCode, RingkasError, firstLine } from './errors.js';
import { type InputEntry, type ReadSourceOptions, expandInputs } from './io/inputs.js';
import { cleanTemporaryFiles, prepareOutputDir, writeOutput } from './io/output.js';
import type { Deck, Language } from './model.js';
import { FORMATS, FORMAT_SPECS, type Format, type RenderContext, loadRenderer, needsBrowser } from './formats.js';
import { figuresOf } from './outline.js';
import { type DeckOptions, formatNotice, inputDeck } from './pipeline.js';
import type { BrowserSession } from './render/browser/manager.js';
import { startModelReader } from './syntax/index.js';
import { type InlineTheme, type Theme, resolveTheme } from './themes/index.js';

export { FORMATS, type Format } from './formats.js';

/** The stages a deck goes through, for progress reports: reading, fitting in the browser, each format. */
export type Stage = 'reading' | 'fitting' | Format | 'done' | 'failed';

/** Where a run reports what it does; the CLI shows it on stderr. */
export interface BuildProgress {
  /** An input entered a stage. */
  stage?(input: string, stage: Stage): void;
  /** A deck is finished (built or failed). */
  finished?(report: DeckReport): void;
}

/** Everything `ringkas build` needs to know. */
export interface BuildOptions extends DeckOptions {
  inputs: string[];
  out: string;
  formats: Format[];
  theme?: string | InlineTheme;
  /** A folder of extra themes (`.css`, `.yml`) that `theme` can name, as marp-cli's `--theme-set`. */
  themeSet?: string;
  /** Condense an input that is already a Marp deck like any article, rather than render it as it is. */
  condense?: boolean;
  browserPath?: string;
  /** Milliseconds the browser may take to start, load or print a deck (default 60 000). */
  browserTimeout?: number;
  /** Speaker notes as PDF annotations. */
  pdfNotes?: boolean;
  /** Write the PPTX as editable text (from the Deck model) rather than pictures of the slides. */
  editablePptx?: boolean;
  /** Decks built at once (default: the number of cores). */
  concurrency?: number;
  /** Build only the inputs of shard `index` (1-based) of `count`. */
  shard?: { index: number; count: number };
  /**
   * Build only these articles (absolute paths) of the inputs, under the names they have among all
   * of them, and leave the index page as it is: `--watch` rebuilds what changed this way.
   */
  only?: readonly string[];
  /** Stops the run between steps: no new work starts, the browser closes, temporary files go. */
  signal?: AbortSignal;
  cwd?: string;
  progress?: BuildProgress;
}

/** What happened to one input; the `--json` report lists one per input. */
export interface DeckReport {
  input: string;
  /** Where its outputs go: `<out>/<name>.md`, `.html`…; relative to the output folder, `/`-separated (`2024/intro`). */
  name?: string;
  title?: string;
  /** Where the article came from: the address a URL input was fetched from (after redirects), else its metadata's address or credit, or `--source`. */
  source?: string;
  /** The figures the deck shows: the heading of the section each stands in, and its caption. */
  figures?: { section: string; caption: string }[];
  lang?: Language;
  slides?: number;
  /** Whether ringkas condensed the input; `false` for a Marp deck rendered as it is (see `--condense`). */
  condensed?: boolean;
  outputs: string[];
  warnings: string[];
  error?: string;
}

/** What happened in the run: one report per input, the index page, and the exit code. */
export interface BuildReport {
  decks: DeckReport[];
  /** `index.html`, written when the run had more than one input. */
  index?: string;
  /** A failure of the whole run (no browser), when there was one. */
  error?: string;
  exitCode: number;
}


/**
 * Builds a deck from every input: parse → condense → serialize → render, writing
 * `<out>/<name>.md` and each asked-for format. Decks are built concurrently, in a bounded pool, and
 * share one browser. One bad input is reported and the others are still built. With more than one
 * input, `<out>/index.html` lists every deck.
 */
export async function build(options: BuildOptions): Promise<BuildReport> {
  // Every deck needs a syntax model; its reader thread starts while the inputs are found and read.
  startModelReader();
  const cwd = options.cwd ?? process.cwd();
  const theme = await resolveTheme(options.theme, cwd, options.themeSet);
  const outDir = resolve(cwd, options.out);
  await prepareOutputDir(outDir);
  const entries = onlyOf(shardOf(await expandInputs(options.inputs, cwd, { exclude: outDir }), options.shard), options.only);
  const guard = await outputGuard(outDir, entries);
  const formatOptions = { editablePptx: options.editablePptx ?? false, theme };
  const { BrowserSession } = needsBrowser(options.formats, formatOptions) ? await import('./render/browser/manager.js') : { BrowserSession: undefined };
  const session = BrowserSession ? new BrowserSession(browserSessionOptions(options)) : undefined;
  let runError: RingkasError | undefined;
  const limit = pLimit(Math.max(1, options.concurrency ?? availableParallelism()));
  const reports: DeckReport[] = entries.map((entry) => ({ input: entry.path, ...('name' in entry ? { name: entry.name } : {}), outputs: [], warnings: [] }));

  const buildOne = async (entry: InputEntry, report: DeckReport) => {
    try {
      if ('error' in entry) throw new RingkasError(entry.error);
      for (const format of options.formats) await guard.check(`${entry.name}.${format}`, entry.path);
      throwIfAborted(options.signal);
      options.progress?.stage?.(entry.path, 'reading');
      let deck = await planDeck(entry, options, theme, report);
      // A Marp deck given as input is the author's to fit: it is rendered as written.
      if (session && !runError && deck.marp === undefined) {
        options.progress?.stage?.(entry.path, 'fitting');
        try {
          const fitted = deck;
          const { fitDeck } = await import('./render/fit.js');
          deck = await retryingBrowser(report, session, () => fitDeck(session, fitted, theme), options.signal);
        } catch (error) {
          // Without a browser the deck keeps its planned budgets: Markdown and HTML are still written.
          if (!(error instanceof RingkasError && error.exitCode === ExitCode.noBrowser)) throw error;
          runError ??= error;
        }
      }
      report.slides = deck.slides.length;
      if (deck.marp !== undefined && options.editablePptx && options.formats.includes('pptx')) {
        // The pictures need the browser, which a run whose formats are all written without one did not start.
        const drawn = session ? '' : ', which the browser draws, and this run started none: no PPTX was written for it';
        report.warnings.push(`${entry.path}: a Marp deck's PPTX is pictures of its slides, not editable text${drawn}; add --condense for a deck ringkas writes as text`);
      }
      const withBrowser = session && !runError ? session : undefined;
      await writeFormats(entry.name, renderContext(deck, theme, withBrowser, options), outDir, options, report);
      options.progress?.stage?.(entry.path, 'done');
    } catch (error) {
      if (error instanceof RingkasError && error.exitCode === ExitCode.noBrowser) runError ??= error;
      else if (error instanceof RingkasError && error.exitCode === ExitCode.interrupted) throw error;
      else report.error = messageOf(error, entry.path);
      if (report.error) options.progress?.stage?.(entry.path, 'failed');
    }
    options.progress?.finished?.(report);
  };

  let index: string | undefined;
  let indexError: RingkasError | undefined;
  try {
    // Let every deck settle (a stopped run's pending decks end at once) before the browser closes
    // and the temporary files go, so that nothing writes after the clean-up.
    const settled = await Promise.allSettled(entries.map((entry, position) => limit(() => buildOne(entry, reports[position]!))));
    const stopped = settled.find((result) => result.status === 'rejected');
    if (stopped) throw stopped.reason;
    throwIfAborted(options.signal);
    if (entries.length > 1 && !options.only) {
      // The listing is index.html unless a deck owns that name: a deck's output is never replaced.
      const indexName = listingName(new Set(entries.flatMap((entry) => ('name' in entry ? [`${entry.name}.html`] : []))), guard);
      try {
        const { indexPage } = await import('./render/index-page.js');
        index = await writeOutput(outDir, indexName, indexPage(reports, outDir, await deckFolderFiles(outDir, entries), indexName));
      } catch (error) {
        indexError = error instanceof RingkasError ? error : new RingkasError(`${join(outDir, indexName)}: cannot write the index page (${firstLine(error)}); the decks were written`);
      }
    }
  } finally {
    await session?.close();
    await cleanTemporaryFiles(outDir);
  }

  const failed = reports.some((report) => report.error !== undefined) || indexError !== undefined;
  const result: BuildReport = { decks: reports, exitCode: runError ? runError.exitCode : failed ? ExitCode.inputFailed : ExitCode.ok };
  if (index) result.index = index;
  const runErrors = [runError, indexError].filter((error) => error !== undefined);
  if (runErrors.length > 0) result.error = runErrors.map((error) => error.message).join('; ');
  return result;
}

/**
 * The presentable HTML of the one article `options.inputs` names, in memory: the document
 * `build --format html` writes for it, for `ringkas preview`. Throws a {@link RingkasError} whose
 * message names the input when the deck cannot be made.
 */
export async function presentableDeck(options: BuildOptions): Promise<{ html: string; report: DeckReport }> {
  startModelReader();
  const cwd = options.cwd ?? process.cwd();
  const theme = await resolveTheme(options.theme, cwd, options.themeSet);
  const [entry] = await expandInputs(options.inputs, cwd);
  if (!entry || 'error' in entry) throw new RingkasError(entry?.error ?? `${options.inputs.join(', ')}: nothing to read`);
  const report: DeckReport = { input: entry.path, outputs: [], warnings: [] };
  try {
    const deck = await planDeck(entry, { ...options, formats: ['html'] }, theme, report);
    report.slides = deck.slides.length;
    const [file] = await FORMAT_SPECS.html.render(renderContext(deck, theme, undefined, options));
    return { html: String(file!.content), report };
  } catch (error) {
    throw error instanceof RingkasError ? error : new RingkasError(messageOf(error, entry.path));
  }
}

/**
 * Reads, parses and condenses one input into its planned deck, or takes a Marp deck as it is
 * ({@link inputDeck}), noting what the report tells.
 */
async function planDeck(entry: ArticleEntry, options: BuildOptions, theme: Theme, report: DeckReport): Promise<Deck> {
  const { path, file, within } = entry;
  const read: ReadSourceOptions = {};
  if (within !== undefined) read.within = within;
  if (options.signal) read.signal = options.signal;
  const { article, deck } = await inputDeck(path, options, theme, file, read, () => loadRenderer(options.formats, theme));
  report.condensed = article !== undefined;
  if (!article) {
    report.title = deck.title;
    report.lang = deck.lang;
    return deck;
  }
  report.title = article.title;
  if (article.source) report.source = article.source;
  if (article.figures) report.figures = figuresOf(article);
  report.lang = article.lang;
  report.warnings.push(...article.warnings.map((notice) => formatNotice(path, notice)));
  return deck;
}

/** What every format's renderer is given for one deck; the print document is made once, when first asked for. */
function renderContext(deck: Deck, theme: Theme, session: BrowserSession | undefined, options: BuildOptions): RenderContext {
  let printDocument: Promise<string> | undefined;
  const context: RenderContext = {
    deck,
    theme,
    pdfNotes: options.pdfNotes ?? false,
    // A Marp deck has no bullets of ringkas's to write as text: its PPTX is pictures of its slides.
    editablePptx: (options.editablePptx ?? false) && deck.marp === undefined,
    printDocument: () => (printDocument ??= import('./render/marp.js').then(({ deckDocument }) => deckDocument(deck, theme, 'print'))),
  };
  if (session) context.session = session;
  return context;
}

/**
 * Writes every asked-for format of one deck: first those that need no browser, then, when the
 * run has one, those the browser draws (retried once in a new browser when it fails under them).
 * A browser format without a browser is left out; the run reports the missing browser.
 */
async function writeFormats(name: string, context: RenderContext, outDir: string, options: BuildOptions, report: DeckReport): Promise<void> {
  const formatOptions = { editablePptx: context.editablePptx, theme: context.theme };
  const asked = FORMATS.filter((format) => options.formats.includes(format));
  const write = async (format: Format) => {
    throwIfAborted(options.signal);
    options.progress?.stage?.(report.input, format);
    for (const file of await FORMAT_SPECS[format].render(context)) report.outputs.push(await writeOutput(outDir, `${name}${file.suffix}`, file.content));
  };
  for (const format of asked.filter((each) => !FORMAT_SPECS[each].needsBrowser(formatOptions))) await write(format);
  const drawn = asked.filter((each) => FORMAT_SPECS[each].needsBrowser(formatOptions));
  const { session } = context;
  if (drawn.length === 0 || !session) return;
  try {
    await retryingBrowser(report, session, async () => {
      for (const format of drawn) await write(format);
    }, options.signal);
  } finally {
    report.outputs = [...new Set(report.outputs)];
  }
}

/**
 * `work` in the run's shared browser, once more in a new browser when the browser failed under it
 * (crashed, was killed, or stopped answering within the timeout): one fault costs no deck. A
 * second fault is reported for that deck, and the browser is replaced again for the decks after it.
 */
async function retryingBrowser<T>(report: DeckReport, session: BrowserSession, work: () => Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  const { isBrowserFault } = await import('./render/browser/manager.js');
  for (let attempt = 1; ; attempt += 1) {
    const generation = session.generation;
    try {
      return await work();
    } catch (error) {
      if (error instanceof RingkasError || !isBrowserFault(error)) throw error;
      // A stopped run starts no new browser: it only lets the decks settle.
      throwIfAborted(signal);
      await session.recover(generation);
      if (attempt === 2) {
        throw new RingkasError(`${report.input}: the browser failed twice while rendering (${firstLine(error)}); run again, or use another browser with --browser-path`);
      }
    }
  }
}

/** An input that names an article (not one that failed to expand). */
type ArticleEntry = Extract<InputEntry, { file: string }>;

/**
 * Knows the article files of a run, so that no output is ever written over one: `build notes -o
 * notes/..` or `build a.md -o .` would otherwise replace the article with its own deck.
 */
interface OutputGuard {
  /** Throws for the input `path` when `fileName` in the output folder (subfolders and links resolved) is one of the run's articles. */
  check(fileName: string, path: string): Promise<void>;
  /** Whether `fileName` in the output folder is one of the run's articles. */
  isInput(fileName: string): boolean;
}

async function outputGuard(outDir: string, entries: readonly InputEntry[]): Promise<OutputGuard> {
  const real = (path: string) => realpath(path).catch(() => path);
  const realOut = await real(outDir);
  const articles = new Set(await Promise.all(entries.flatMap((entry) => ('file' in entry && entry.file !== '-' ? [real(entry.file)] : []))));
  const isInput = (fileName: string) => articles.has(join(realOut, fileName));
  return {
    isInput,
    async check(fileName, path) {
      const folder = await real(join(outDir, dirname(fileName)));
      if (isInput(fileName) || articles.has(join(folder, basename(fileName)))) throw new RingkasError(`${path}: its deck would be written over the article ${fileName} in ${outDir}; choose another --out`);
    },
  };
}

/** The index page's name: `index.html`, or the first free `ringkas-index[-n].html` when a deck or an article has that name. */
function listingName(deckFiles: ReadonlySet<string>, guard: OutputGuard): string {
  const taken = (name: string) => deckFiles.has(name) || guard.isInput(name);
  if (!taken('index.html')) return 'index.html';
  for (let count = 1; ; count += 1) {
    const name = count === 1 ? 'ringkas-index.html' : `ringkas-index-${count}.html`;
    if (!taken(name)) return name;
  }
}

/** The inputs that are among the `only` articles, when the run is limited to them. */
function onlyOf(entries: InputEntry[], only: BuildOptions['only']): InputEntry[] {
  if (!only) return entries;
  const wanted = new Set(only);
  return entries.filter((entry) => 'file' in entry && wanted.has(entry.file));
}

/** The files in the folders the decks went to, relative to the output folder and `/`-separated (`2024/intro.html`). */
async function deckFolderFiles(outDir: string, entries: readonly InputEntry[]): Promise<string[]> {
  const folders = [...new Set(entries.flatMap((entry) => ('name' in entry ? [dirname(entry.name)] : [])))].sort();
  const listed = await Promise.all(folders.map(async (folder) => (await readdir(join(outDir, folder)).catch(() => [])).map((file) => (folder === '.' ? file : `${folder}/${file}`))));
  return listed.flat();
}

/** Every n-th input for `--shard i/n`, counted over the sorted inputs so that shards never overlap. */
function shardOf(entries: InputEntry[], shard: BuildOptions['shard']): InputEntry[] {
  if (!shard) return entries;
  return entries.filter((_, position) => position % shard.count === shard.index - 1);
}

/** The browser options of a run. */
export function browserSessionOptions(options: { browserPath?: string; browserTimeout?: number }): { explicitPath?: string; timeout?: number } {
  const session: { explicitPath?: string; timeout?: number } = {};
  if (options.browserPath) session.explicitPath = options.browserPath;
  if (options.browserTimeout !== undefined) session.timeout = options.browserTimeout;
  return session;
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new RingkasError('stopped before the run was complete; finished outputs were kept, nothing was half-written', ExitCode.interrupted);
}

function messageOf(error: unknown, path: string): string {
  if (error instanceof RingkasError) return error.message;
  return `${path}: ${firstLine(error)}`;
}
