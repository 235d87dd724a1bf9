import { type ChildProcess, spawn } from 'node:child_process';
import type { Browser, Page } from 'puppeteer-core';
import { ExitCode, RingkasError, firstLine } from '../../errors.js';
import { type FindBrowserOptions, type FoundBrowser, NO_BROWSER_HINT, findBrowser } from './finder.js';

/** Flags that keep a headless browser quiet on a machine without network or display. */
const COMMON_ARGS = [
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
];

/** How long the browser may take to start, or to answer one request, by default. */
export const DEFAULT_BROWSER_TIMEOUT_MS = 60_000;

let launches = 0;
let lastPid: number | undefined;

/** How many browsers this process has started: one run should start at most one. */
export function browserLaunchCount(): number {
  return launches;
}

/** The process id of the browser started last (for fault tests that kill it). */
export function lastBrowserPid(): number | undefined {
  return lastPid;
}

/**
 * The watchdog's program: it holds the read end of a pipe whose only writer is ringkas, and when
 * that pipe closes — ringkas exited, crashed or was killed with SIGKILL, which no handler sees —
 * it kills the browser's whole process group (puppeteer starts the browser as a group leader).
 */
const WATCHDOG = `
const pid = Number(process.argv[1]);
const killGroup = () => {
  for (const target of [-pid, pid]) { try { process.kill(target, 'SIGKILL'); } catch {} }
  process.exit(0);
};
process.stdin.on('end', killGroup).on('close', killGroup).on('error', killGroup).resume();
`;

/**
 * Starts a watchdog that kills the browser `pid` (and its helpers) as soon as this process is gone,
 * however it ends. Kill the watchdog itself once the browser has been closed normally.
 */
function startWatchdog(pid: number): ChildProcess {
  const watchdog = spawn(process.execPath, ['-e', WATCHDOG, String(pid)], { stdio: ['pipe', 'ignore', 'ignore'], detached: true });
  // Neither the watchdog nor its pipe may keep ringkas running.
  watchdog.unref();
  (watchdog.stdin as (NodeJS.WritableStream & { unref?: () => void }) | null)?.unref?.();
  watchdog.on('error', () => undefined);
  return watchdog;
}

/** Options of {@link BrowserSession}. */
export interface BrowserSessionOptions extends FindBrowserOptions {
  /** Milliseconds the browser may take to start, load a deck or print it. */
  timeout?: number;
}

/**
 * Whether an error means the browser failed — crashed, was killed, or stopped answering — rather
 * than that something about the deck was wrong.
 */
export function isBrowserFault(error: unknown): boolean {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return /Target closed|Session closed|Connection closed|browser has disconnected|Navigating frame was detached|Protocol error.*(closed|detached)|TimeoutError|timed out|Timeout exceeded/iu.test(message);
}

/**
 * One headless browser for a whole run, started on first use and shared by every format and input.
 * Pages load nothing but the deck itself: every request other than `data:` URLs is refused, so
 * article text can never make the browser read a local file or reach the network. When the browser
 * dies, the next page starts a new one. `close()` must be called at the end of the run.
 */
export class BrowserSession {
  #browser: Promise<Browser> | undefined;
  #generation = 0;
  /** Pages of the current browser that finished their work, reset, ready for the next. */
  #idle: { browser: Promise<Browser> | undefined; pages: Page[] } = { browser: undefined, pages: [] };
  readonly timeout: number;

  constructor(private readonly options: BrowserSessionOptions = {}) {
    this.timeout = options.timeout ?? DEFAULT_BROWSER_TIMEOUT_MS;
  }

  /**
   * Runs `work` on a locked-down page of the shared browser. A page that served well is reset
   * (blank, default viewport and media) and kept for the next work: opening a page costs 50–60 ms,
   * a deck printed to PDF needed two, and a batch of decks paid that for each. A page whose work
   * failed is closed, never reused.
   */
  async withPage<T>(work: (page: Page) => Promise<T>): Promise<T> {
    const browser = this.#browser;
    const reused = this.#idle.browser === browser && browser !== undefined ? this.#idle.pages.pop() : undefined;
    const page = reused ?? (await this.#newPage());
    let result: T;
    try {
      result = await work(page);
    } catch (error) {
      await page.close().catch(() => undefined);
      throw error;
    }
    const current = this.#browser;
    if (this.#idle.browser !== current) this.#idle = { browser: current, pages: [] };
    if (this.#idle.pages.length < MAX_IDLE_PAGES && (await resetPage(page))) this.#idle.pages.push(page);
    else await page.close().catch(() => undefined);
    return result;
  }

  /** A new page of the shared browser, locked down; the caller closes it. */
  async #newPage(): Promise<Page> {
    if (!this.#browser) {
      const launching = this.#launch();
      this.#browser = launching;
      // When the browser dies, the next page starts a new one rather than use a dead browser. A
      // failed launch stays failed: every deck gets the same clear error, fast.
      launching.then(
        (browser) =>
          browser.once('disconnected', () => {
            if (this.#browser === launching) this.#browser = undefined;
            browser.process()?.kill('SIGKILL');
          }),
        () => undefined,
      );
    }
    const browser = await this.#browser;
    const page = await browser.newPage();
    page.setDefaultTimeout(this.timeout);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.isInterceptResolutionHandled()) return;
      const url = request.url();
      if (url.startsWith('data:') || url === 'about:blank') void request.continue();
      else void request.abort('blockedbyclient');
    });
    return page;
  }

  /** Counts browsers replaced by {@link recover}: a deck remembers it before it renders. */
  get generation(): number {
    return this.#generation;
  }

  /**
   * Replaces a browser that crashed or stopped answering: kills it and lets the next page start a
   * new one. Only the first deck to report a fault of browser `generation` replaces it; the others
   * just retry on the new one.
   */
  async recover(generation: number): Promise<void> {
    if (generation !== this.#generation) return;
    this.#generation += 1;
    const browser = this.#browser;
    this.#browser = undefined;
    const started = await browser?.catch(() => undefined);
    started?.process()?.kill('SIGKILL');
  }

  async close(): Promise<void> {
    const browser = this.#browser;
    this.#browser = undefined;
    if (!browser) return;
    const started = await browser.catch(() => undefined);
    if (!started) return;
    await started.close().catch(() => undefined);
    // A browser that does not close in time is killed, never left running.
    started.process()?.kill('SIGKILL');
  }

  async #launch(): Promise<Browser> {
    const found = await findBrowser(this.options);
    const { default: puppeteer } = await import('puppeteer-core');
    try {
      const browser = await puppeteer.launch({
        executablePath: found.path,
        headless: found.source === 'bundled' ? 'shell' : true,
        args: launchArgs(found),
        // Never wait forever for a browser that hangs. (No `pipe: true`: with it, puppeteer leaves
        // a failed spawn as an unhandled error event that kills the process.)
        timeout: this.timeout,
        protocolTimeout: this.timeout,
        // The run handles its own signals: it lets every deck settle, then closes the browser and
        // clears its temporary files. Puppeteer's handlers would close the browser under decks still
        // rendering (SIGTERM, SIGHUP) or exit at once without the clean-up (SIGINT).
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      });
      launches += 1;
      lastPid = browser.process()?.pid;
      if (lastPid !== undefined) {
        const watchdog = startWatchdog(lastPid);
        browser.once('disconnected', () => watchdog.kill('SIGKILL'));
      }
      return browser;
    } catch (error) {
      const reason = /timed out|timeout/iu.test(firstLine(error)) ? `did not start within ${this.timeout} ms` : `could not be started (${firstLine(error)})`;
      throw new RingkasError(`the browser at "${found.path}" ${reason}; ${NO_BROWSER_HINT}`, ExitCode.noBrowser, { cause: error });
    }
  }
}

/** Idle pages kept at most: one per deck rendered at once is plenty. */
const MAX_IDLE_PAGES = 8;
/** The viewport puppeteer gives a new page. */
const DEFAULT_VIEWPORT = { width: 800, height: 600, deviceScaleFactor: 1 };

/** Makes a used page as a new one is: blank, default viewport, no emulated media. False when the page no longer answers. */
async function resetPage(page: Page): Promise<boolean> {
  try {
    await page.setContent('<!DOCTYPE html>');
    await page.setViewport(DEFAULT_VIEWPORT);
    await page.emulateMediaType();
    return true;
  } catch {
    return false;
  }
}

function launchArgs(found: FoundBrowser): string[] {
  const args = [...COMMON_ARGS];
  // Chrome's sandbox cannot start as root, and the Chromium bundled for serverless use is built
  // without the setuid helper; elsewhere the sandbox stays on.
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot || found.source === 'bundled') args.push('--no-sandbox', '--disable-setuid-sandbox');
  if (found.source === 'bundled') args.push('--no-zygote');
  return args;
}
