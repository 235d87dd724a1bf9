import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { ExitCode, fail } from '../../errors.js';

/** A browser executable and where it was found, which decides how it is started. */
export interface FoundBrowser {
  path: string;
  source: 'option' | 'env' | 'installed' | 'bundled';
}

/** Executable names of Chrome, Chromium and Edge on the PATH. */
const PATH_NAMES = [
  'google-chrome-stable', 'google-chrome', 'chromium', 'chromium-browser', 'chrome',
  'microsoft-edge-stable', 'microsoft-edge', 'msedge',
];

/** Where browsers install themselves outside the PATH. */
const KNOWN_LOCATIONS: Partial<Record<NodeJS.Platform, string[]>> = {
  linux: ['/usr/bin/chromium', '/usr/bin/google-chrome', '/snap/bin/chromium', '/opt/google/chrome/chrome', '/opt/microsoft/msedge/msedge'],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ],
  win32: [
    join(process.env['PROGRAMFILES'] ?? 'C:\\Program Files', 'Google\\Chrome\\Application\\chrome.exe'),
    join(process.env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)', 'Microsoft\\Edge\\Application\\msedge.exe'),
    join(process.env['LOCALAPPDATA'] ?? '', 'Google\\Chrome\\Application\\chrome.exe'),
  ],
};

/** The message for exit code 3: how to give ringkas a browser. */
export const NO_BROWSER_HINT =
  'install Chrome or Chromium, or point to one with --browser-path <file> or the CHROME_PATH environment variable';

/** Options of {@link findBrowser}. */
export interface FindBrowserOptions {
  /** `--browser-path`. */
  explicitPath?: string | undefined;
  /** Environment to read `CHROME_PATH` and `PATH` from. */
  env?: NodeJS.ProcessEnv;
  /** Well-known install locations to look at after the PATH; the platform's by default. */
  locations?: readonly string[];
  /** Whether to fall back to the Chromium inside the `@sparticuz/chromium` package. */
  allowBundled?: boolean;
}

/**
 * Finds a browser for PDF, PPTX and PNG, in this order: `--browser-path`, `CHROME_PATH`, an
 * installed Chrome, Chromium or Edge, and last the Chromium shipped in the `@sparticuz/chromium`
 * npm package, so that `npm ci` alone is enough on a fresh Linux machine. Throws a
 * {@link RingkasError} with exit code 3 when there is none.
 */
export async function findBrowser(options: FindBrowserOptions = {}): Promise<FoundBrowser> {
  const env = options.env ?? process.env;
  if (options.explicitPath) return { path: await mustBeExecutable(options.explicitPath, '--browser-path'), source: 'option' };
  const fromEnv = env['CHROME_PATH'];
  if (fromEnv) return { path: await mustBeExecutable(fromEnv, 'CHROME_PATH'), source: 'env' };

  const onPath = (env['PATH'] ?? '').split(delimiter).filter(Boolean).flatMap((dir) => PATH_NAMES.map((name) => join(dir, name)));
  for (const candidate of [...onPath, ...(options.locations ?? KNOWN_LOCATIONS[process.platform] ?? [])]) {
    if (await isExecutable(candidate)) return { path: candidate, source: 'installed' };
  }
  if (options.allowBundled ?? true) {
    const bundled = await bundledChromium();
    if (bundled) return { path: bundled, source: 'bundled' };
  }
  fail(`no browser found for PDF/PPTX/PNG output: ${NO_BROWSER_HINT}`, ExitCode.noBrowser);
}

/** The Chromium of `@sparticuz/chromium` (Linux x64 only), unpacked on first use. */
async function bundledChromium(): Promise<string | undefined> {
  if (process.platform !== 'linux' || process.arch !== 'x64') return undefined;
  try {
    const { default: chromium } = await import('@sparticuz/chromium');
    return await chromium.executablePath();
  } catch {
    return undefined;
  }
}

async function mustBeExecutable(path: string, from: string): Promise<string> {
  if (!(await isExecutable(path))) fail(`${from}: no executable browser at "${path}"; ${NO_BROWSER_HINT}`, ExitCode.noBrowser);
  return path;
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
