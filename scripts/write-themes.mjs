#!/usr/bin/env node
/**
 * `npm run themes`: writes themes/<name>.css for every bundled theme, generated from its tokens, so
 * that marp-cli can render ringkas's Markdown too (`npx marp --theme-set themes -- out/x.md`).
 * A test fails when these files are out of date.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLED_THEMES } from '../dist/themes/bundled.js';
import { themeCss } from '../dist/themes/layouts.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'themes');
for (const tokens of Object.values(BUNDLED_THEMES)) {
  writeFileSync(join(dir, `${tokens.name}.css`), themeCss(tokens));
  console.log(`themes/${tokens.name}.css`);
}
