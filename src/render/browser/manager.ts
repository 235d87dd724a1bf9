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

let launches = 0;

/** How many browsers this process has started: one run should start at most one. */
export function browserLaunchCount(): number {
  return launches;
}

/**
 * One headless browser for a whole run, started on first use and shared by every format and input.
 * `close()` must be called at the end of the run (it is safe when nothing was started).
 */
export class BrowserSession {
  #browser: Promise<Browser> | undefined;

  constructor(private readonly options: FindBrowserOptions = {}) {}

  /** A new page of the shared browser; the caller closes it. */
  async newPage(): Promise<Page> {
    this.#browser ??= this.#launch();
    const browser = await this.#browser;
    return browser.newPage();
  }

  async close(): Promise<void> {
    const browser = this.#browser;
    this.#browser = undefined;
    if (browser) await (await browser.catch(() => undefined))?.close().catch(() => undefined);
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
        timeout: 60_000,
      });
      launches += 1;
      return browser;
    } catch (error) {
      throw new RingkasError(`could not start the browser at "${found.path}" (${firstLine(error)}); ${NO_BROWSER_HINT}`, ExitCode.noBrowser, {
        cause: error,
      });
    }
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
