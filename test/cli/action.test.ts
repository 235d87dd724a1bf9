import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, copyFile, readFile, stat, symlink, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, ROOT, SAMPLE, tempDir } from '../helpers.js';

const SCRIPT = join(ROOT, 'scripts', 'action-run.sh');

interface Step {
  uses?: string;
  run?: string;
  shell?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
const action = parse(await readFile(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string; required?: boolean }>;
  runs: { using: string; steps: Step[] };
};

/** Runs the action's script with `env` (and nothing else of this process's environment but what is given). */
function runScript(env: NodeJS.ProcessEnv, cwd: string): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile('/bin/sh', [SCRIPT], { cwd, env }, (error, _stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stderr });
    });
  });
}

/** A folder of stand-in commands that append their name and arguments, one a line, to `calls`; `id` is the real one. */
async function stubs(names: string[]): Promise<{ bin: string; calls: () => Promise<string[]> }> {
  const bin = await tempDir();
  const log = join(bin, 'calls');
  for (const name of names) {
    await writeFile(join(bin, name), `#!/bin/sh\nprintf '%s\\n' "${name} $*" >> '${log}'\n`);
    await chmod(join(bin, name), 0o755);
  }
  await symlink('/usr/bin/id', join(bin, 'id'));
  return { bin, calls: async () => (existsSync(log) ? (await readFile(log, 'utf8')).trimEnd().split('\n') : []) };
}

describe('the GitHub Action', () => {
  it('declares its inputs with their defaults, sets up Node 20 and hands the inputs to the script as environment variables only', async () => {
    expect(Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default]))).toEqual({
      inputs: '.', format: 'pdf', theme: 'ringkas', out: 'out', version: 'latest',
    });
    expect(action.runs.using).toBe('composite');
    const [setup, build, ...rest] = action.runs.steps;
    expect(rest).toEqual([]);
    expect(setup?.uses).toBe('actions/setup-node@v4');
    expect(String(setup?.with?.['node-version'])).toBe('20');
    // An expression inside run: is pasted into the shell code before it runs (script injection).
    for (const step of action.runs.steps) expect(step.run ?? '').not.toMatch(/\$\{\{/u);
    expect(build?.run).toBe('sh "$GITHUB_ACTION_PATH/scripts/action-run.sh"');
    expect(build?.env).toEqual({
      RINGKAS_INPUTS: '${{ inputs.inputs }}',
      RINGKAS_FORMAT: '${{ inputs.format }}',
      RINGKAS_THEME: '${{ inputs.theme }}',
      RINGKAS_OUT: '${{ inputs.out }}',
      RINGKAS_VERSION: '${{ inputs.version }}',
    });
    expect((await stat(SCRIPT)).mode & 0o111).not.toBe(0);
  });

  it('builds the decks with the built bin, taking file names as they are: nothing in them is run or expanded', async () => {
    const work = await tempDir();
    await copyFile(SAMPLE, join(work, 'bacaan.txt'));
    await copyFile(SAMPLE, join(work, '-x.txt'));
    const result = await runScript({
      PATH: process.env['PATH'],
      RINGKAS_BIN: BIN,
      RINGKAS_INPUTS: 'bacaan.txt\n-x.txt $(touch pwned)',
      RINGKAS_FORMAT: 'md,html',
      RINGKAS_OUT: 'decks',
    }, work);
    // "$(touch" and "pwned)" are inputs that do not exist: exit 1, the others still built.
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/\$\(touch/u);
    expect(existsSync(join(work, 'pwned'))).toBe(false);
    for (const file of ['bacaan.md', 'bacaan.html', '-x.md', '-x.html', 'index.html']) expect(existsSync(join(work, 'decks', file)), file).toBe(true);
  });

  it('runs npx with the version asked for, or the workspace\'s own ringkas for `local`, options first and the inputs after --', async () => {
    const { bin, calls } = await stubs(['npx', 'apt-get']);
    const work = await tempDir();
    expect((await runScript({ PATH: bin, CHROME_PATH: '/usr/bin/chromium' }, work)).code).toBe(0);
    expect((await runScript({ PATH: bin, CHROME_PATH: '/usr/bin/chromium', RINGKAS_VERSION: '0.1.0', RINGKAS_THEME: 'kampus', RINGKAS_OUT: 'slides', RINGKAS_INPUTS: ' a.md  b ' }, work)).code).toBe(0);
    expect((await runScript({ PATH: bin, RINGKAS_VERSION: 'local', RINGKAS_FORMAT: 'html' }, work)).code).toBe(0);
    expect(await calls()).toEqual([
      'npx --yes ringkas@latest build --format pdf --theme ringkas --out out -- .',
      'npx --yes ringkas@0.1.0 build --format pdf --theme kampus --out slides -- a.md b',
      'npx --no-install ringkas build --format html --theme ringkas --out out -- .',
    ]);
  });

  it("installs Debian's chromium only when a format needs a browser and there is none", async () => {
    // Not as root, it goes through sudo (a stand-in that logs, like the others).
    const { bin, calls } = await stubs(['npx', 'apt-get', ...(process.getuid?.() === 0 ? [] : ['sudo'])]);
    const installs = async () => (await calls()).map((call) => call.replace(/^sudo /u, '')).filter((call) => call.startsWith('apt-get '));
    const work = await tempDir();
    expect((await runScript({ PATH: bin, RINGKAS_FORMAT: 'md,html' }, work)).code).toBe(0);
    expect((await runScript({ PATH: bin, RINGKAS_FORMAT: 'html', CHROME_PATH: '/opt/chrome' }, work)).code).toBe(0);
    expect((await runScript({ PATH: bin, RINGKAS_FORMAT: 'html,png', CHROME_PATH: '/opt/chrome' }, work)).code).toBe(0);
    expect(await installs()).toEqual([]);

    await symlink(join(bin, 'npx'), join(bin, 'chromium-browser'));
    expect((await runScript({ PATH: bin, RINGKAS_FORMAT: 'pptx' }, work)).code).toBe(0);
    expect(await installs()).toEqual([]);
    await unlink(join(bin, 'chromium-browser'));

    expect((await runScript({ PATH: bin, RINGKAS_FORMAT: 'html,pdf' }, work)).code).toBe(0);
    expect(await installs()).toEqual(['apt-get update -qq', 'apt-get install -y -qq --no-install-recommends chromium']);
  });

  it('is used by the example workflow, which uploads the folder the PDFs were written to', async () => {
    const workflow = parse(await readFile(join(ROOT, 'examples', 'slides.yml'), 'utf8')) as { jobs: Record<string, { steps: Step[] }> };
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    const uses = steps.find((step) => step.uses?.endsWith('/ringkas@main'));
    expect(uses?.with).toMatchObject({ inputs: 'articles', format: 'pdf' });
    const upload = steps.find((step) => step.uses === 'actions/upload-artifact@v4');
    expect(upload?.with?.['path']).toBe(uses?.with?.['out']);
  });
});
