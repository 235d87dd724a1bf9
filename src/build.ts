import { readdir, realpath } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import pLimit from 'p-limit';
import { ExitCode, RingkasError, firstLine } from './errors.js';
import { type InputEntry, type ReadSourceOptions, expandInputs } from './io/inputs.js';
import { cleanTemporaryFiles, prepareOutputDir, writeOutput } from './io/output.js';
import type { Deck, Language } from './model.js';
import { figuresOf } from './outline.js';
import { type DeckOptions, deckFromFile, formatNotice } from './pipeline.js';
import type { BrowserSession } from './render/browser/manager.js';
import { serializeDeck } from './serialize/index.js';
import { type InlineTheme, type Theme, markdownSettings, resolveTheme } from './themes/index.js';

/** Output formats; `md` is always written. */
export const FORMATS = ['md', 'html', 'pdf', 'pptx', 'png'] as const;
export type Format = (typeof FORMATS)[number];

/** The stages a deck goes through, for progress reports. */
export type Stage = 'reading' | 'html' | 'pdf' | 'pptx' | 'png' | 'done' | 'failed';

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
  /** Stops the run between steps: no new work starts, the browser closes, temporary files go. */
  signal?: AbortSignal;
  cwd?: string;
  progress?: BuildProgress;
}

/** What happened to one input; the `--json` report lists one per input. */
export interface DeckReport {
  input: string;
  title?: string;
  /** The web address the article was fetched from (after redirects), for a URL input. */
  source?: string;
  /** The figures the deck shows: the heading of the section each stands in, and its caption. */
  figures?: { section: string; caption: string }[];
  lang?: Language;
  slides?: number;
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

/** A deck between its browser-free and its browser stages. */
interface BuiltDeck {
  report: DeckReport;
  name: string;
  deck: Deck;
  document: string | undefined;
}

/**
 * Builds a deck from every input: parse → condense → serialize → render, writing
 * `<out>/<name>.md` and each asked-for format. Decks are built concurrently, in a bounded pool, and
 * share one browser. One bad input is reported and the others are still built. With more than one
 * input, `<out>/index.html` lists every deck.
 */
export async function build(options: BuildOptions): Promise<BuildReport> {
  const cwd = options.cwd ?? process.cwd();
  const theme = await resolveTheme(options.theme, cwd);
  const outDir = resolve(cwd, options.out);
  await prepareOutputDir(outDir);
  const entries = shardOf(await expandInputs(options.inputs, cwd, { exclude: outDir }), options.shard);
  const guard = await outputGuard(outDir, entries);
  const needsBrowser = options.formats.some((format) => format === 'pdf' || format === 'png' || (format === 'pptx' && !options.editablePptx));

  const { BrowserSession } = needsBrowser ? await import('./render/browser/manager.js') : { BrowserSession: undefined };
  const session = BrowserSession ? new BrowserSession(browserSessionOptions(options)) : undefined;
  let runError: RingkasError | undefined;
  const limit = pLimit(Math.max(1, options.concurrency ?? availableParallelism()));
  const usedNames = new Map<string, string>();
  const reports: DeckReport[] = entries.map((entry) => ({ input: entry.path, outputs: [], warnings: [] }));

  const buildOne = async (entry: InputEntry, report: DeckReport) => {
    try {
      if ('error' in entry) throw new RingkasError(entry.error);
      const clash = usedNames.get(entry.name);
      if (clash !== undefined) throw new RingkasError(`${entry.path}: its output name "${entry.name}" is already used by ${clash}; rename one of them`);
      usedNames.set(entry.name, entry.path);
      for (const format of options.formats) guard.check(`${entry.name}.${format}`, entry.path);
      throwIfAborted(options.signal);
      options.progress?.stage?.(entry.path, 'reading');
      const built = await buildText(entry, theme, outDir, options, report);
      if (session && !runError) await renderRetrying(built, session, theme, outDir, options);
      else if (options.editablePptx && options.formats.includes('pptx')) await renderWithBrowser(built, undefined, theme, outDir, options);
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
    if (entries.length > 1) {
      // The listing is index.html unless a deck owns that name: a deck's output is never replaced.
      const indexName = listingName(new Set(entries.flatMap((entry) => ('name' in entry ? [`${entry.name}.html`] : []))), guard);
      try {
        const { indexPage } = await import('./render/index-page.js');
        index = await writeOutput(outDir, indexName, indexPage(reports, outDir, await readdir(outDir), indexName));
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

/** The browser-free part of one deck: Markdown and HTML. */
async function buildText(entry: ArticleEntry, theme: Theme, outDir: string, options: BuildOptions, report: DeckReport): Promise<BuiltDeck> {
  const { path, file, name, within } = entry;
  const read: ReadSourceOptions = {};
  if (within !== undefined) read.within = within;
  if (options.signal) read.signal = options.signal;
  const { article, deck } = await deckFromFile(path, options, file, read);
  report.title = article.title;
  if (article.url) report.source = article.url;
  if (article.figures) report.figures = figuresOf(article);
  report.lang = article.lang;
  report.warnings.push(...article.warnings.map((notice) => formatNotice(path, notice)));
  const markdown = serializeDeck(deck, markdownSettings(theme));
  report.slides = deck.slides.length;
  report.outputs.push(await writeOutput(outDir, `${name}.md`, markdown));

  let document: string | undefined;
  if (options.formats.some((format) => format !== 'md')) {
    options.progress?.stage?.(path, 'html');
    const { deckDocument } = await import('./render/marp.js');
    document = deckDocument(markdown, theme, deck);
    if (options.formats.includes('html')) report.outputs.push(await writeOutput(outDir, `${name}.html`, document));
  }
  return { report, name, deck, document };
}

/**
 * PDF, PPTX and PNG of one deck, in the run's shared browser (the editable PPTX needs none).
 * A browser that cannot be found or started throws with exit code 3.
 */
async function renderWithBrowser(built: BuiltDeck, session: BrowserSession | undefined, theme: Theme, outDir: string, options: BuildOptions): Promise<void> {
  const { report, name, deck, document } = built;
  const { formats, progress, signal } = options;
  const step = (stage: Stage) => {
    throwIfAborted(signal);
    progress?.stage?.(report.input, stage);
  };
  if (document === undefined) return;
  // The editable PPTX needs no browser: write it first, so that it is there even when none starts.
  if (formats.includes('pptx') && options.editablePptx) {
    step('pptx');
    const [{ renderEditablePptx }, { themeStyle }] = await Promise.all([import('./render/pptx.js'), import('./themes/style.js')]);
    report.outputs.push(await writeOutput(outDir, `${name}.pptx`, await renderEditablePptx(deck, themeStyle(theme))));
  }
  if (formats.includes('pdf') && session) {
    step('pdf');
    const { renderPdf } = await import('./render/pdf.js');
    report.outputs.push(await writeOutput(outDir, `${name}.pdf`, await renderPdf(session, document, deck, { notes: options.pdfNotes ?? false })));
  }
  if (formats.includes('pptx') && !options.editablePptx && session) {
    step('pptx');
    const [{ renderPptx }, { renderSlideImages }] = await Promise.all([import('./render/pptx.js'), import('./render/images.js')]);
    report.outputs.push(await writeOutput(outDir, `${name}.pptx`, await renderPptx(deck, await renderSlideImages(session, document, 2))));
  }
  if (formats.includes('png') && session) {
    step('png');
    const { renderSlideImages } = await import('./render/images.js');
    const images = await renderSlideImages(session, document, 1);
    for (const [position, png] of images.pngs.entries()) {
      report.outputs.push(await writeOutput(outDir, `${name}.${String(position + 1).padStart(3, '0')}.png`, png));
    }
  }
}

/**
 * {@link renderWithBrowser}, once more in a new browser when the browser failed under it (crashed,
 * was killed, or stopped answering within the timeout): one fault costs no deck. A second fault is
 * reported for that deck, and the browser is replaced again for the decks after it.
 */
async function renderRetrying(built: BuiltDeck, session: BrowserSession, theme: Theme, outDir: string, options: BuildOptions): Promise<void> {
  const { isBrowserFault } = await import('./render/browser/manager.js');
  for (let attempt = 1; ; attempt += 1) {
    const generation = session.generation;
    try {
      await renderWithBrowser(built, session, theme, outDir, options);
      return;
    } catch (error) {
      if (error instanceof RingkasError || !isBrowserFault(error)) throw error;
      await session.recover(generation);
      if (attempt === 2) {
        throw new RingkasError(`${built.report.input}: the browser failed twice while rendering (${firstLine(error)}); run again, or use another browser with --browser-path`);
      }
    } finally {
      built.report.outputs = [...new Set(built.report.outputs)];
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
  /** Throws for the input `path` when `fileName` in the output folder is one of the run's articles. */
  check(fileName: string, path: string): void;
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
    check(fileName, path) {
      if (isInput(fileName)) throw new RingkasError(`${path}: its deck would be written over the article ${fileName} in ${outDir}; choose another --out`);
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
