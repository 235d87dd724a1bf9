import { availableParallelism } from 'node:os';
import pLimit from 'p-limit';
import { browserSessionOptions } from './build.js';
import { ExitCode, RingkasError, firstLine } from './errors.js';
import { expandInputs } from './io/inputs.js';
import { type DeckOptions, inputDeck } from './pipeline.js';
import type { SlideMeasure } from './render/fit.js';
import { type InlineTheme, resolveTheme } from './themes/index.js';

/** Everything `ringkas check` needs to know. */
export interface CheckOptions extends DeckOptions {
  inputs: string[];
  theme?: string | InlineTheme;
  /** A folder of extra themes that `theme` can name, as in {@link BuildOptions}. */
  themeSet?: string;
  /** Condense an input that is already a Marp deck, as in {@link BuildOptions}. */
  condense?: boolean;
  browserPath?: string;
  browserTimeout?: number;
  concurrency?: number;
  cwd?: string;
}

/** What `check` found for one input. */
export interface CheckedDeck {
  input: string;
  slides?: number;
  /** The slides whose content runs past their box. */
  overflows: SlideMeasure[];
  /** How much of its content box's height each slide's content spans (0–1), in slide order. */
  fill?: number[];
  error?: string;
}

/** What `check` found, and its exit code: 1 when any slide overflows or any input failed. */
export interface CheckReport {
  decks: CheckedDeck[];
  error?: string;
  exitCode: number;
}

/**
 * Builds each input's deck in memory as `build` does when it runs a browser (fitted to the theme),
 * lays it out in one shared browser, and reports every slide whose content overflows its box, and
 * how much of its height each slide fills. Nothing is written.
 */
export async function check(options: CheckOptions): Promise<CheckReport> {
  const cwd = options.cwd ?? process.cwd();
  const theme = await resolveTheme(options.theme, cwd, options.themeSet);
  const [{ BrowserSession }, { deckDocument }, { fitDeck, measureSlides, overflows }] = await Promise.all([
    import('./render/browser/manager.js'),
    import('./render/marp.js'),
    import('./render/fit.js'),
  ]);
  const session = new BrowserSession(browserSessionOptions(options));
  const limit = pLimit(Math.max(1, options.concurrency ?? availableParallelism()));
  let runError: RingkasError | undefined;
  const entries = await expandInputs(options.inputs, cwd);
  try {
    const decks = await Promise.all(
      entries.map((entry) =>
        limit(async (): Promise<CheckedDeck> => {
          const checked: CheckedDeck = { input: entry.path, overflows: [] };
          try {
            if ('error' in entry) throw new RingkasError(entry.error);
            // The deck as build makes it when a browser runs: fitted to the theme (a Marp deck given
            // as input is rendered as written), then measured.
            const { deck: planned } = await inputDeck(entry.path, options, theme, entry.file);
            const deck = planned.marp === undefined ? await fitDeck(session, planned, theme) : planned;
            checked.slides = deck.slides.length;
            const measured = await measureSlides(session, deckDocument(deck, theme));
            checked.overflows = measured.filter(overflows);
            checked.fill = measured.map((slide) => slide.fill);
          } catch (error) {
            if (error instanceof RingkasError && error.exitCode === ExitCode.noBrowser) runError ??= error;
            else checked.error = error instanceof RingkasError ? error.message : `${entry.path}: ${firstLine(error)}`;
          }
          return checked;
        }),
      ),
    );
    const bad = decks.some((deck) => deck.error !== undefined || deck.overflows.length > 0);
    const report: CheckReport = { decks, exitCode: runError ? runError.exitCode : bad ? ExitCode.inputFailed : ExitCode.ok };
    if (runError) report.error = runError.message;
    return report;
  } finally {
    await session.close();
  }
}
