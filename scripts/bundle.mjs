#!/usr/bin/env node
/**
 * Part of `npm run build`, after tsc: two bundles that make the command start faster.
 *
 * 1. The command line, `dist/bundle/bin.js` (package.json's `bin`): dist/bin.js and the modules
 *    it loads at start (yargs, cosmiconfig, the stages) in one file, and what it imports lazily
 *    (the condenser, the HTML reader, renderers) in chunks beside it, loaded as before only when
 *    needed. Resolving and compiling some 260 separate modules took 0.15 s of the 1 s that
 *    `build --format md,html` of the sample may take. The folder sits two levels under the package,
 *    as every dist/<stage>/ module does, so their paths to models/, dist/vendor/ and the workers
 *    hold in both. Packages that find their own files at run time, and those only the PDF, PPTX
 *    and Word paths load, stay outside. The library (`import 'ringkas'`, dist/index.js) is not
 *    bundled; a test builds the sample with both and requires the same files.
 *
 * 2. marp-core, `dist/vendor/marp-core.cjs`, which src/render/marp.ts loads, without its two math
 *    engines and minified.
 *
 * Why: marp-core requires MathJax and KaTeX when it loads, whether or not math is on: 287 of the
 * 454 files it loads; loading it took 0.43 s here, two fifths of `build --format md,html` of the
 * sample (budget 1 s). ringkas renders with `math: false` (article text is never TeX), so neither
 * engine is ever called: they are replaced by empty modules, and the rest — Marpit, markdown-it,
 * highlight.js, postcss — is marp-core's own code, bundled as installed, so an upgrade of
 * marp-core is picked up by the next build. One file loads in about 0.13 s, minified 0.10 s. A test
 * renders decks with the bundle and with the installed marp-core and requires byte-identical HTML
 * and CSS.
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** The modules marp-core needs only for math, which ringkas turns off (esbuild takes Go regular expressions: no flags). */
const MATH_MODULES = /^(?:mathjax-full|katex)(?:\/|$)/;

const noMath = {
  name: 'ringkas-no-math',
  setup(bundler) {
    bundler.onResolve({ filter: MATH_MODULES }, (args) => ({ path: args.path, namespace: 'no-math' }));
    bundler.onLoad({ filter: /.*/, namespace: 'no-math' }, () => ({
      contents: '// Math is off in ringkas (renderMarp sets math: false): this engine is never called.\nmodule.exports = {};\n',
      loader: 'js',
    }));
  },
};

await build({
  entryPoints: [require.resolve('@marp-team/marp-core')],
  outfile: join(ROOT, 'dist', 'vendor', 'marp-core.cjs'),
  absWorkingDir: ROOT,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  plugins: [noMath],
  minify: true,
  // The licences of the bundled packages stay with their code.
  legalComments: 'inline',
  logLevel: 'warning',
});

/** Left out of the command's bundle: they read files of their own package (a browser, pdf.js's workers, a native addon), or only PDF, PPTX and Word input need them. */
const UNBUNDLED = ['@sparticuz/chromium', 'puppeteer-core', 'pdfjs-dist', '@resvg/resvg-js', 'pptxgenjs', 'jszip', 'pdf-lib', 'mammoth', 'typescript', 'esbuild'];

/**
 * string-width (which yargs' help layout and log-update use to measure text) builds Unicode
 * property regular expressions (RGI_Emoji and others) and an Intl.Segmenter as it loads: 35 ms of
 * every start, for help text that is seldom printed. In the bundle it loads on its first call: the
 * importers get a stand-in that `require`s it then (esbuild runs a bundled ES module's body when it
 * is first required).
 */
const lazyStringWidth = {
  name: 'ringkas-lazy-string-width',
  setup(bundler) {
    bundler.onResolve({ filter: /^string-width$/ }, (args) => (args.pluginData === 'real' ? undefined : { path: 'string-width', namespace: 'lazy-string-width', pluginData: args.resolveDir }));
    bundler.onLoad({ filter: /.*/, namespace: 'lazy-string-width' }, (args) => ({
      contents: "let measure;\nexport default function stringWidth(text, options) {\n  measure ??= require('string-width').default;\n  return measure(text, options);\n}\n",
      resolveDir: args.pluginData,
      pluginData: 'real',
      loader: 'js',
    }));
  },
};

// Chunk names change with their contents: last build's would stay beside this one's.
rmSync(join(ROOT, 'dist', 'bundle'), { recursive: true, force: true });
await build({
  entryPoints: [join(ROOT, 'dist', 'bin.js')],
  outdir: join(ROOT, 'dist', 'bundle'),
  absWorkingDir: ROOT,
  bundle: true,
  splitting: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  external: UNBUNDLED,
  plugins: [lazyStringWidth],
  // A package's ES module build where it has one: esbuild then keeps only what is used (stopword's
  // lists for Indonesian and English, not its 60 languages: 0.34 MB less to load at every start).
  mainFields: ['module', 'main'],
  // Bundled CommonJS packages (cosmiconfig, yargs' helpers) call require().
  banner: { js: "import { createRequire as __ringkasCreateRequire } from 'node:module';\nconst require = __ringkasCreateRequire(import.meta.url);" },
  legalComments: 'inline',
  logLevel: 'warning',
});
