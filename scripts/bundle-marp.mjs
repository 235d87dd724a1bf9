#!/usr/bin/env node
/**
 * Part of `npm run build`: bundles marp-core into one file, `dist/vendor/marp-core.cjs`, which
 * src/render/marp.ts loads, without its two math engines.
 *
 * Why: marp-core requires MathJax and KaTeX when it loads, whether or not math is on: 287 of the
 * 454 files it loads; loading it took 0.43 s here, two fifths of `build --format md,html` of the
 * sample (budget 1 s). ringkas renders with `math: false` (article text is never TeX), so neither
 * engine is ever called: they are replaced by empty modules, and the rest — Marpit, markdown-it,
 * highlight.js, postcss — is marp-core's own code, bundled as installed, so an upgrade of
 * marp-core is picked up by the next build. One file loads in about 0.13 s. A test renders decks
 * with the bundle and with the installed marp-core and requires byte-identical HTML and CSS.
 */
import { build } from 'esbuild';
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
  // The licences of the bundled packages stay with their code.
  legalComments: 'inline',
  logLevel: 'warning',
});
