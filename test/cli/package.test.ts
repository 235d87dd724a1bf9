import { execFile } from 'node:child_process';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { NPM, packTarball, SAMPLE, tempDir } from '../helpers.js';

const run = promisify(execFile);

describe('the published package', () => {
  it('packs into a tarball that installs into an empty project from the npm cache, and runs there as a command and as a library', async () => {
    const folder = await tempDir();
    const tarball = await packTarball(folder);
    const { stdout: listing } = await run('tar', ['-tzf', tarball]);
    const files = listing.split('\n');
    for (const needed of ['dist/bundle/bin.js', 'dist/index.js', 'dist/index.d.ts', 'dist/vendor/marp-core.cjs', 'dist/syntax/model-worker.js', 'dist/syntax/score.wasm', 'models/syntax-id.bin.gz', 'models/syntax-en.bin.gz', 'models/LICENSE-models.md', 'README.md']) {
      expect(files).toContain(`package/${needed}`);
    }
    expect(files.filter((file) => /^package\/(test|src|scripts)\//u.test(file))).toEqual([]);

    const project = join(folder, 'project');
    await mkdir(project);
    await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'uses-ringkas', private: true, type: 'module' }));
    // From the npm cache that installing ringkas itself filled; only the registry's version lists are fetched.
    await run(NPM, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], { cwd: project });
    await copyFile(SAMPLE, join(project, 'bacaan.txt'));

    await run(NPM, ['exec', '--prefer-offline', '--', 'ringkas', 'build', 'bacaan.txt', '--format', 'md,html', '--out', 'out', '--quiet'], { cwd: project });
    expect(existsSync(join(project, 'out', 'bacaan.html'))).toBe(true);

    const script = "import { build, outline, defineConfig } from 'ringkas'; const o = await outline('bacaan.txt'); console.log(JSON.stringify({ build: typeof build, config: defineConfig({ slides: 8 }).slides, title: o.title, sections: o.sections.length }));";
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: project });
    const answer = JSON.parse(stdout);
    expect(answer).toMatchObject({ build: 'function', config: 8, title: 'Aliansi Keamanan Internasional' });
    expect(answer.sections).toBeGreaterThanOrEqual(3);
  }, 300_000);
});
