import { resolve } from 'node:path';
import { type BuildOptions, build } from '../build.js';
import { isWebAddress } from '../io/fetch.js';
import { displayPath } from '../io/inputs.js';
import { isInside } from '../io/read.js';
import { ExitCode, firstLine } from '../errors.js';
import { sourceKindOf } from '../parse/index.js';
import type { ProgressReporter } from './progress.js';

/** Changes that arrive this close together are built once. */
const SETTLE_MS = 150;

/** What changed since the last rebuild: these articles, or everything (the theme file or the config). */
export interface Changes {
  articles: string[];
  everything: boolean;
}

/** A running watch, from {@link watchSources}. */
export interface Watching {
  /** What is watched, as the user would name it. */
  shown: string;
  /** Stops watching, then waits for the rebuild under way. */
  close(): Promise<void>;
}

/**
 * Watches what a deck is made from — the articles of `options.inputs`, a local theme file, the
 * theme set's folder and the config — for `build --watch` and `preview`. Changes that come together make one call of `rebuild`,
 * and one rebuild runs at a time; one that throws goes to `failed` and the watch goes on. Standard
 * input and web addresses cannot be watched; decks written into `options.out` are not changes.
 */
export async function watchSources(
  options: Pick<BuildOptions, 'inputs' | 'theme' | 'themeSet' | 'cwd'> & { out?: string },
  configPath: string | undefined,
  rebuild: (changes: Changes) => Promise<void>,
  failed: (error: unknown) => void,
): Promise<Watching> {
  const { watch } = await import('chokidar');
  const cwd = options.cwd ?? process.cwd();
  const themePath = typeof options.theme === 'string' && /[\\/]|\.(css|ya?ml)$/u.test(options.theme) ? resolve(cwd, options.theme) : undefined;
  const themeSet = options.themeSet === undefined ? undefined : resolve(cwd, options.themeSet);
  const themeFiles = [themePath, themeSet].filter((path) => path !== undefined);
  const watched = [...options.inputs.filter((input) => input !== '-' && !isWebAddress(input)).map((input) => resolve(cwd, input)), ...themeFiles, ...(configPath ? [configPath] : [])];
  const outDir = options.out === undefined ? undefined : resolve(cwd, options.out);
  const ignored = (path: string) => outDir !== undefined && isInside(resolve(cwd, path), outDir);
  const watcher = watch(watched, { ignoreInitial: true, ignored, awaitWriteFinish: { stabilityThreshold: 100, pollInterval: 50 } });

  const pending = new Set<string>();
  let everything = false;
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const flush = () => {
    const changes: Changes = { articles: [...pending], everything };
    pending.clear();
    everything = false;
    running = running.then(() => rebuild(changes)).catch(failed);
  };
  const changed = (path: string) => {
    if (path === themePath || path === configPath || (themeSet !== undefined && isInside(resolve(cwd, path), themeSet))) everything = true;
    else if (sourceKindOf(path)) pending.add(resolve(cwd, path));
    else return;
    clearTimeout(timer);
    timer = setTimeout(flush, SETTLE_MS);
  };
  watcher.on('add', changed).on('change', changed);
  await new Promise<void>((ready) => watcher.once('ready', () => ready()));
  return {
    shown: watched.map((path) => displayPath(path, cwd)).join(', '),
    async close() {
      clearTimeout(timer);
      await watcher.close();
      await running;
    },
  };
}

/** How a command that watches follows its sources (see {@link watchSources}). */
export interface Following {
  /** The config file, watched with the rest. */
  configPath: string | undefined;
  /** The options with the config read anew, after it or the theme file changed. */
  reload: () => Promise<BuildOptions>;
  /** Stops the watch. */
  signal: AbortSignal;
}

/** Resolves when `signal` aborts (at once when it has). */
export function aborted(signal: AbortSignal): Promise<void> {
  return new Promise((done) => {
    if (signal.aborted) done();
    else signal.addEventListener('abort', () => done(), { once: true });
  });
}

/**
 * `build --watch`: builds everything once, then rebuilds a deck when its article changes, and every
 * deck when the theme file or the config changes (the config is read anew by `reload`). Runs until
 * `signal` aborts, then resolves to exit code 0.
 */
export async function watchBuild(initial: BuildOptions, progress: ProgressReporter, { configPath, reload, signal }: Following): Promise<number> {
  let options = initial;
  await build(options);
  const watching = await watchSources(
    options,
    configPath,
    async ({ articles, everything }) => {
      // A changed article is built among all the inputs, so that it keeps its name (its subfolder,
      // or the extension that tells it from its namesake) and lands where the first build put it.
      if (everything) {
        options = await reload();
        await build(options);
      } else if (articles.length > 0) await build({ ...options, only: articles });
    },
    // A config made invalid while watching is reported; the next good one is built.
    (error) => progress.line(`error: ${firstLine(error)}`),
  );
  progress.line(`watching ${watching.shown} (Ctrl-C to stop)`);
  await aborted(signal);
  await watching.close();
  return ExitCode.ok;
}
