import { resolve } from 'node:path';
import { type BuildOptions, build } from '../build.js';
import { isWebAddress } from '../io/fetch.js';
import { displayPath } from '../io/inputs.js';
import { isInside } from '../io/read.js';
import { ExitCode } from '../errors.js';
import { sourceKindOf } from '../parse/index.js';
import type { ProgressReporter } from './progress.js';

/** Changes that arrive this close together are built once. */
const SETTLE_MS = 150;

/**
 * `build --watch`: builds everything once, then rebuilds a deck when its article changes, and every
 * deck when the theme file or the config changes (the config is read anew by `reload`). Runs until
 * `signal` aborts, then resolves to exit code 0.
 */
export async function watchBuild(
  initial: BuildOptions,
  configPath: string | undefined,
  progress: ProgressReporter,
  signal: AbortSignal,
  reload: () => Promise<BuildOptions> = async () => initial,
): Promise<number> {
  const { watch } = await import('chokidar');
  let options = initial;
  const cwd = options.cwd ?? process.cwd();
  await build(options);
  const themePath = typeof options.theme === 'string' && /[\\/]|\.(css|ya?ml)$/u.test(options.theme) ? resolve(cwd, options.theme) : undefined;
  // Standard input and web addresses cannot be watched; they are built once.
  const watched = [...options.inputs.filter((input) => input !== '-' && !isWebAddress(input)).map((input) => resolve(cwd, input)), ...(themePath ? [themePath] : []), ...(configPath ? [configPath] : [])];
  // The decks written into an output folder inside a watched one are not changes to rebuild for.
  const outDir = resolve(cwd, options.out);
  const watcher = watch(watched, { ignoreInitial: true, ignored: (path) => isInside(resolve(cwd, path), outDir), awaitWriteFinish: { stabilityThreshold: 100, pollInterval: 50 } });
  // Said once the folders are scanned: a change made after the line is seen.
  await new Promise<void>((ready) => watcher.once('ready', ready));
  progress.line(`watching ${watched.map((path) => displayPath(path, cwd)).join(', ')} (Ctrl-C to stop)`);

  const pending = new Set<string>();
  let everything = false;
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const flush = () => {
    const articles = [...pending];
    const all = everything;
    pending.clear();
    everything = false;
    running = running.then(async () => {
      if (all) options = await reload();
      // A changed article is built among all the inputs, so that it keeps its name (its subfolder,
      // or the extension that tells it from its namesake) and lands where the first build put it.
      if (all) await build(options);
      else if (articles.length > 0) await build({ ...options, only: articles });
    });
  };
  const changed = (path: string) => {
    if (path === themePath || path === configPath) everything = true;
    else if (sourceKindOf(path)) pending.add(resolve(cwd, path));
    else return;
    clearTimeout(timer);
    timer = setTimeout(flush, SETTLE_MS);
  };
  watcher.on('add', changed).on('change', changed);

  // Stopped while building or scanning, the signal has already fired.
  if (!signal.aborted) await new Promise<void>((done) => signal.addEventListener('abort', () => done(), { once: true }));
  clearTimeout(timer);
  await watcher.close();
  await running;
  return ExitCode.ok;
}
