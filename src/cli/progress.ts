import type { BuildProgress, DeckReport, Stage } from '../build.js';
import { FORMATS, FORMAT_SPECS } from '../formats.js';
import { displayPath, printable } from '../io/inputs.js';

/** How progress is shown. */
export interface ProgressOptions {
  /** Print errors only. */
  quiet: boolean;
  /** A live line per input and stage (a terminal); otherwise one line per finished deck (CI, logs). */
  live: boolean;
  cwd: string;
  write: (text: string) => void;
}

/** The build's progress reporter, plus a way to print lines of the CLI's own and to finish. */
export interface ProgressReporter extends BuildProgress {
  line(text: string): void;
  close(): void;
}

const STAGE_TEXT: Record<Stage, string> = {
  reading: 'reading',
  fitting: 'fitting slides',
  ...(Object.fromEntries(FORMATS.map((format) => [format, FORMAT_SPECS[format].progress])) as Record<(typeof FORMATS)[number], string>),
  done: 'done',
  failed: 'failed',
};

/**
 * Progress on stderr. On a terminal, a live block with one line per deck in progress, redrawn as
 * decks move through their stages, and a permanent line for each finished deck; in CI (`CI=true`
 * or no TTY) just the permanent lines; with `--quiet` errors only.
 */
export async function createProgress(options: ProgressOptions): Promise<ProgressReporter> {
  const active = new Map<string, Stage>();
  let live: ((text: string) => void) & { persist?: (text: string) => void; done?: () => void; clear?: () => void } = () => {};
  if (options.live && !options.quiet) {
    const { createLogUpdate } = await import('log-update');
    live = createLogUpdate(process.stderr, { showCursor: false });
  }
  const permanent = (line: string) => {
    // Warnings quote article text, errors name files: either may hold a newline or an escape.
    const text = printable(line);
    if (live.persist) {
      live.persist(text);
      redraw();
    } else {
      options.write(`${text}\n`);
    }
  };
  const redraw = () => {
    if (!live.persist) return;
    live([...active].map(([input, stage]) => `  … ${displayPath(input, options.cwd)}: ${STAGE_TEXT[stage]}`).join('\n'));
  };
  return {
    stage(input, stage) {
      if (stage === 'done' || stage === 'failed') active.delete(input);
      else active.set(input, stage);
      redraw();
    },
    finished(report: DeckReport) {
      active.delete(report.input);
      if (!options.quiet) for (const warning of report.warnings) permanent(`warning: ${warning}`);
      if (report.error) permanent(`error: ${report.error}`);
      else if (!options.quiet) {
        const outputs = summariseOutputs(report.outputs.map((path) => displayPath(path, options.cwd)));
        permanent(`built ${displayPath(report.input, options.cwd)} → ${outputs} (${report.slides} slides)`);
      }
    },
    line(text: string) {
      if (!options.quiet || text.startsWith('error:')) permanent(text);
    },
    close() {
      live.clear?.();
      live.done?.();
    },
  };
}

/** "out/a.md, out/a.html, out/a.001.png, out/a.002.png" → "out/a.{md,html} + 2 PNGs". */
function summariseOutputs(paths: string[]): string {
  const pngs = paths.filter((path) => /\.\d{3}\.png$/u.test(path));
  const others = paths.filter((path) => !pngs.includes(path));
  const stem = others[0]?.replace(/\.[^.]+$/u, '');
  const sameStem = stem !== undefined && others.every((path) => path.replace(/\.[^.]+$/u, '') === stem);
  const listed = sameStem && others.length > 1 ? `${stem}.{${others.map((path) => path.slice(stem.length + 1)).join(',')}}` : others.join(', ');
  return [listed, pngs.length > 0 ? `${pngs.length} PNG${pngs.length > 1 ? 's' : ''}` : ''].filter(Boolean).join(' + ');
}
