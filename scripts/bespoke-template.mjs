#!/usr/bin/env node
/**
 * `npm run bespoke`: takes marp-cli's "bespoke" HTML template — the one `marp --html` writes, with
 * keyboard and click navigation, fullscreen, the slide number in the URL, the overview and the
 * presenter view with notes and the next slide — out of a real conversion by marp-cli's own API
 * (`marpCli()`, no browser), and writes its parts to src/render/bespoke-template.ts.
 *
 * Why a generated file and not a call at run time: loading marp-cli and its first conversion take
 * about 0.7 s, which would double `build --format md,html` (the budget is about 1 s); the template
 * does not depend on the deck. A test runs the extraction again and fails when the file is not
 * what the installed marp-cli makes, so an upgrade of marp-cli cannot leave a stale copy behind.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** A deck of two slides, one with a note: enough for marp-cli to write every part of the template. */
const PROBE = '---\nmarp: true\n---\n\n# PROBE-ONE\n\n<!-- PROBE-NOTE -->\n\n---\n\n## PROBE-TWO\n';

/** Cuts `html` at the first `start` (included) up to the next `end` (included); throws when absent. */
function cut(html, start, end, from = 0) {
  const at = html.indexOf(start, from);
  const stop = at < 0 ? -1 : html.indexOf(end, at + start.length);
  if (at < 0 || stop < 0) throw new Error(`marp-cli's bespoke template changed: no ${start}…${end}; update scripts/bespoke-template.mjs`);
  return { text: html.slice(at, stop + end.length), at, stop: stop + end.length };
}

/**
 * The parts of marp-cli's bespoke template that do not depend on the deck: its style sheet, the
 * on-screen controls and the script, plus the version of marp-cli they came from.
 */
export async function extractBespokeTemplate() {
  const { marpCli } = require('@marp-team/marp-cli');
  const { version } = JSON.parse(await readFile(require.resolve('@marp-team/marp-cli/package.json'), 'utf8'));
  const dir = await mkdtemp(join(tmpdir(), 'ringkas-bespoke-'));
  try {
    await writeFile(join(dir, 'probe.md'), PROBE);
    const log = console.warn;
    console.warn = () => {};
    const code = await marpCli(['--no-config-file', '--template', 'bespoke', '--html', 'false', '-o', join(dir, 'probe.html'), join(dir, 'probe.md')]).finally(() => {
      console.warn = log;
    });
    if (code !== 0) throw new Error(`marp-cli exited with ${code}`);
    const html = await readFile(join(dir, 'probe.html'), 'utf8');
    const style = cut(html, '<style>', '</style>');
    const controls = cut(html, '<div class="bespoke-marp-osc">', '</div>');
    const container = cut(html, '<div id=":$p">', '</svg></div>');
    const note = cut(html, '<div class="bespoke-marp-note"', '</div>', container.stop);
    const script = cut(html, '<script>', '</script>', note.stop);
    if (!note.text.includes('<p>PROBE-NOTE</p>')) throw new Error("marp-cli's bespoke notes changed; update scripts/bespoke-template.mjs");
    return {
      version,
      css: style.text.slice('<style>'.length, -'</style>'.length),
      controls: controls.text,
      script: script.text.slice('<script>'.length, -'</script>'.length),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The TypeScript module that holds the template's parts. */
export function templateModule(template) {
  return `/**
 * marp-cli's "bespoke" HTML template (navigation, fullscreen, slide number in the URL, overview,
 * presenter view with notes and next slide), taken from @marp-team/marp-cli ${template.version} by
 * \`npm run bespoke\` (scripts/bespoke-template.mjs). Generated: do not edit. marp-cli is MIT-licensed
 * (Copyright (c) 2018- Marp team); the script carries its own licence notice.
 */

/** The marp-cli version these parts come from. */
export const BESPOKE_VERSION = ${JSON.stringify(template.version)};

/** The template's style sheet. */
export const BESPOKE_CSS = ${JSON.stringify(template.css)};

/** The on-screen controls (previous, page, next, fullscreen, overview, presenter). */
export const BESPOKE_CONTROLS = ${JSON.stringify(template.controls)};

/** The template's script, which turns the slides into a presentation. */
export const BESPOKE_SCRIPT = ${JSON.stringify(template.script)};
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const path = join(ROOT, 'src', 'render', 'bespoke-template.ts');
  await writeFile(path, templateModule(await extractBespokeTemplate()));
  console.log('src/render/bespoke-template.ts');
}
