import { relative, resolve } from 'node:path';
import { ExitCode, RingkasError, firstLine } from './errors.js';
import { expandInputs } from './io/inputs.js';
import { prepareOutputDir, writeOutput } from './io/output.js';
import type { Deck, Language } from './model.js';
import { deckFromFile, formatNotice } from './pipeline.js';
import type { BrowserSession } from './render/browser/manager.js';
import { serializeDeck } from './serialize/index.js';
import { type Theme, resolveTheme } from './themes/index.js';

/** Output formats; `md` is always written. */
export const FORMATS = ['md', 'html', 'pdf', 'pptx', 'png'] as const;
export type Format = (typeof FORMATS)[number];

/** Formats that need a browser. */
const BROWSER_FORMATS: readonly Format[] = ['pdf', 'pptx', 'png'];

/** Everything `ringkas build` needs to know. */
export interface BuildOptions {
  inputs: string[];
  out: string;
  formats: Format[];
  theme?: string;
  lang?: Language | 'auto';
  maxBullets?: number;
  maxWords?: number;
  notes?: boolean;
  title?: string;
  subtitle?: string;
  author?: string;
  institution?: string;
  date?: string;
  browserPath?: string;
  cwd?: string;
  /** Progress and warnings, one line each (stderr in the CLI). */
  log?: (line: string) => void;
}

/** What happened to one input. */
export interface DeckReport {
  input: string;
  title?: string;
  lang?: Language;
  slides?: number;
  outputs: string[];
  warnings: string[];
  error?: string;
}

/** What happened in the run: one report per input, and the exit code it adds up to. */
export interface BuildReport {
  decks: DeckReport[];
  /** A failure of the whole run (no browser), when there was one. */
  error?: string;
  exitCode: number;
}

interface BuiltDeck {
  report: DeckReport;
  name: string;
  deck: Deck;
  document: string | undefined;
}

/**
 * Builds a deck from every input: parse → condense → serialize → render, writing
 * `<out>/<name>.md` and each asked-for format. One bad input is reported and the others are still
 * built; one browser serves every PDF, PPTX and PNG of the run.
 */
export async function build(options: BuildOptions): Promise<BuildReport> {
  const cwd = options.cwd ?? process.cwd();
  const log = options.log ?? (() => {});
  const theme = await resolveTheme(options.theme, cwd);
  const outDir = resolve(cwd, options.out);
  await prepareOutputDir(outDir);

  const reports: DeckReport[] = [];
  const built: BuiltDeck[] = [];
  const usedNames = new Map<string, string>();
  for (const entry of await expandInputs(options.inputs, cwd)) {
    const report: DeckReport = { input: entry.path, outputs: [], warnings: [] };
    reports.push(report);
    if ('error' in entry) {
      report.error = entry.error;
      continue;
    }
    const clash = usedNames.get(entry.name);
    if (clash !== undefined) {
      report.error = `${entry.path}: its output name "${entry.name}" is already used by ${clash}; rename one of them`;
      continue;
    }
    usedNames.set(entry.name, entry.path);
    try {
      built.push(await buildText(entry.path, entry.name, theme, outDir, options, report));
    } catch (error) {
      report.error = messageOf(error, entry.path);
    }
  }

  let runError: RingkasError | undefined;
  if (built.length > 0 && options.formats.some((format) => BROWSER_FORMATS.includes(format))) {
    runError = await renderWithBrowser(built, outDir, options);
  }
  for (const report of reports) {
    for (const warning of report.warnings) log(`warning: ${warning}`);
    if (report.error) log(`error: ${report.error}`);
    else log(`built ${report.input} → ${report.outputs.map((path) => displayPath(path, cwd)).join(', ')} (${report.slides} slides)`);
  }
  if (runError) log(`error: ${runError.message}`);

  const failed = reports.some((report) => report.error !== undefined);
  const result: BuildReport = {
    decks: reports,
    exitCode: runError ? runError.exitCode : failed ? ExitCode.inputFailed : ExitCode.ok,
  };
  if (runError) result.error = runError.message;
  return result;
}

/** The browser-free part of one deck: Markdown and HTML. */
async function buildText(path: string, name: string, theme: Theme, outDir: string, options: BuildOptions, report: DeckReport): Promise<BuiltDeck> {
  const { article, deck } = await deckFromFile(path, options);
  report.title = article.title;
  report.lang = article.lang;
  report.warnings.push(...article.warnings.map((notice) => formatNotice(path, notice)));
  const markdown = serializeDeck(deck, { theme: theme.name });
  report.slides = deck.slides.length;
  report.outputs.push(await writeOutput(outDir, `${name}.md`, markdown));

  let document: string | undefined;
  if (options.formats.some((format) => format !== 'md')) {
    const { renderMarp, htmlDocument } = await import('./render/marp.js');
    const rendered = renderMarp(markdown, theme);
    if (rendered.slideCount !== deck.slides.length) {
      throw new Error(`Marp rendered ${rendered.slideCount} slides for a deck of ${deck.slides.length}`);
    }
    document = htmlDocument(rendered, { title: deck.title, lang: deck.lang });
    if (options.formats.includes('html')) report.outputs.push(await writeOutput(outDir, `${name}.html`, document));
  }
  return { report, name, deck, document };
}

/**
 * Renders PDF, PPTX and PNG for every built deck in one browser. A browser that cannot be found or
 * started fails the run (exit 3) after the Markdown and HTML are written; a failure of one deck
 * fails that deck only.
 */
async function renderWithBrowser(built: BuiltDeck[], outDir: string, options: BuildOptions): Promise<RingkasError | undefined> {
  const [{ BrowserSession }, { renderPdf }, { renderSlideImages }, { renderPptx }] = await Promise.all([
    import('./render/browser/manager.js'),
    import('./render/pdf.js'),
    import('./render/images.js'),
    import('./render/pptx.js'),
  ]);
  const session: BrowserSession = new BrowserSession({ explicitPath: options.browserPath });
  try {
    for (const { report, name, deck, document } of built) {
      if (document === undefined) continue;
      try {
        if (options.formats.includes('pdf')) report.outputs.push(await writeOutput(outDir, `${name}.pdf`, await renderPdf(session, document)));
        if (options.formats.includes('pptx') || options.formats.includes('png')) {
          const images = await renderSlideImages(session, document);
          if (options.formats.includes('pptx')) report.outputs.push(await writeOutput(outDir, `${name}.pptx`, await renderPptx(deck, images)));
          if (options.formats.includes('png')) {
            for (const [index, png] of images.pngs.entries()) {
              report.outputs.push(await writeOutput(outDir, `${name}.${String(index + 1).padStart(3, '0')}.png`, png));
            }
          }
        }
      } catch (error) {
        if (error instanceof RingkasError && error.exitCode === ExitCode.noBrowser) return error;
        report.error = messageOf(error, report.input);
      }
    }
    return undefined;
  } catch (error) {
    if (error instanceof RingkasError) return error;
    throw error;
  } finally {
    await session.close();
  }
}

/** A path as short as it can be said: relative inside the working folder, absolute outside it. */
function displayPath(path: string, cwd: string): string {
  const shown = relative(cwd, path);
  return shown && !shown.startsWith('..') ? shown : path;
}

function messageOf(error: unknown, path: string): string {
  if (error instanceof RingkasError) return error.message;
  return `${path}: ${firstLine(error)}`;
}
