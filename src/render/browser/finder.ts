import { constants } from 'node:fs';
import { access, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
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

/**
 * The Chromium of `@sparticuz/chromium` (Linux x64 only), unpacked on first use into a folder of its
 * own per package version and user. The package itself unpacks to a fixed `/tmp/chromium`, which
 * another user may own and which a second process can see half-written; unpacking into a private
 * staging folder and renaming it into place avoids both.
 */
async function bundledChromium(): Promise<string | undefined> {
  if (process.platform !== 'linux' || process.arch !== 'x64') return undefined;
  try {
    const { packageDir, version } = await packageOf(fileURLToPath(import.meta.resolve('@sparticuz/chromium')), '@sparticuz/chromium');
    const target = join(tmpdir(), `ringkas-chromium-${version}-${process.getuid?.() ?? 0}`);
    const executable = join(target, 'chromium');
    if (await isExecutable(executable)) return executable;

    const staging = await mkdtemp(join(tmpdir(), 'ringkas-chromium-staging-'));
    // Version 143, the last whose engines allow Node 20, keeps inflate() in a module its exports
    // map does not list; the rest of the package (its launch arguments for AWS Lambda) is not used.
    const lambdafs = pathToFileURL(join(packageDir, 'build', 'esm', 'lambdafs.js')).href;
    const { inflate } = (await import(lambdafs)) as { inflate(file: string): Promise<string> };
    // inflate() writes to os.tmpdir(), read when it is called: point it at the staging folder for
    // the synchronous part of the calls only.
    const previous = process.env['TMPDIR'];
    process.env['TMPDIR'] = staging;
    const unpacking = ['chromium.br', 'fonts.tar.br', 'swiftshader.tar.br'].map((file) => inflate(join(packageDir, 'bin', file)));
    if (previous === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = previous;
    await Promise.all(unpacking);
    try {
      await rename(staging, target);
    } catch {
      // Another process finished first: use its copy.
      await rm(staging, { recursive: true, force: true });
    }
    return (await isExecutable(executable)) ? executable : undefined;
  } catch {
    return undefined;
  }
}

/** The folder and version of the package `name` that `entry` (its main module) lies in. */
async function packageOf(entry: string, name: string): Promise<{ packageDir: string; version: string }> {
  for (let folder = dirname(entry); folder !== dirname(folder); folder = dirname(folder)) {
    const manifest = await readFile(join(folder, 'package.json'), 'utf8').catch(() => undefined);
    if (manifest === undefined) continue;
    const { name: found, version } = JSON.parse(manifest) as { name?: string; version: string };
    if (found === name) return { packageDir: folder, version };
  }
  throw new Error(`no package.json of ${name} above ${entry}`);
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
