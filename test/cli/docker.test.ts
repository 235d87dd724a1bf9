import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { NPM, packTarball, readPdf, ROOT, SAMPLE, tempDir } from '../helpers.js';

const run = promisify(execFile);

/** One Dockerfile instruction, with the index of the stage (FROM) it belongs to. */
interface Instruction {
  stage: number;
  name: string;
  args: string;
}

/** The Dockerfile's instructions: comments dropped, continued lines joined. */
function parseDockerfile(text: string): Instruction[] {
  const lines = text.split('\n').filter((line) => !line.trimStart().startsWith('#')).join('\n').replace(/\\\n/gu, ' ');
  let stage = -1;
  return lines.split('\n').filter((line) => line.trim() !== '').map((line) => {
    const [, name = '', args = ''] = /^\s*(\w+)\s+(.*)$/u.exec(line) ?? [];
    if (name.toUpperCase() === 'FROM') stage += 1;
    return { stage, name: name.toUpperCase(), args: args.trim() };
  });
}

/** Debian's Chromium launcher where this machine has it (a shell script), else ''. */
const launcher = await readFile('/usr/bin/chromium', 'utf8').catch(() => '');
const dockerfile = parseDockerfile(await readFile(join(ROOT, 'Dockerfile'), 'utf8'));
const final = Math.max(...dockerfile.map((instruction) => instruction.stage));
const inStage = (stage: number, name: string): string[] => dockerfile.filter((i) => i.stage === stage && i.name === name).map((i) => i.args);
/** The shell commands of a stage's RUN instructions, split at `&&`. */
const commands = (stage: number): string[] => inStage(stage, 'RUN').flatMap((args) => args.split('&&').map((command) => command.trim().replace(/\s+/gu, ' ')));
/** The one command of a stage that starts with `start`. */
const command = (stage: number, start: string): string => {
  const found = commands(stage).filter((line) => line.startsWith(start));
  expect(found, start).toHaveLength(1);
  return found[0]!;
};

describe('the Dockerfile', () => {
  it('builds on Node 20 (Debian bookworm) in two stages, packs in the first and installs that tarball globally in the second', () => {
    const froms = dockerfile.filter((i) => i.name === 'FROM').map((i) => i.args);
    expect(froms).toEqual(['node:20-bookworm-slim AS build', 'node:20-bookworm-slim']);
    expect(commands(0)).toContain('npm ci --no-audit --no-fund');
    expect(commands(0)).toContain('npm pack --ignore-scripts');
    // The tarball moves from the build stage's pack to the final stage's install under one name.
    const packed = /^mv ringkas-\*\.tgz (\S+)$/u.exec(command(0, 'mv '))?.[1];
    const copy = inStage(final, 'COPY').find((args) => args.startsWith('--from=build'));
    expect(copy).toBe(`--from=build ${packed} ${packed}`);
    const install = command(final, 'npm install -g').split(' ');
    expect(install).toContain('--omit=dev');
    expect(install.at(-1)).toBe(packed);
    expect(commands(final)).toContain(`rm -rf ${packed} "$(npm root -g)/ringkas/node_modules/@sparticuz"`);
  });

  it("installs Debian's chromium and fonts, points CHROME_PATH at it, and runs ringkas as a user other than root in /work", () => {
    const apt = command(final, 'apt-get install').split(' ');
    expect(apt).toContain('chromium');
    expect(apt).toContain('fonts-noto-core');
    expect(apt).toContain('fonts-dejavu-core');
    expect(inStage(final, 'ENV')).toContain('CHROME_PATH=/usr/bin/chromium');
    const order = dockerfile.filter((i) => i.stage === final).map((i) => i.name);
    const user = inStage(final, 'USER');
    expect(user).toHaveLength(1);
    expect(user[0]).not.toMatch(/^(root|0)(:|$)/u);
    expect(order.indexOf('USER')).toBeLessThan(order.indexOf('ENTRYPOINT'));
    expect(order.lastIndexOf('RUN')).toBeLessThan(order.indexOf('USER'));
    expect(inStage(final, 'WORKDIR')).toEqual(['/work']);
    expect(JSON.parse(inStage(final, 'ENTRYPOINT')[0]!)).toEqual(['ringkas']);
  });

  it('keeps what the build installs and makes itself, and the repository history, out of the build context', async () => {
    const ignored = (await readFile(join(ROOT, '.dockerignore'), 'utf8')).split('\n').map((line) => line.trim());
    for (const entry of ['node_modules', 'dist', 'out', '.git', 'test', '*.tgz']) expect(ignored).toContain(entry);
    // What the build needs must stay in the context.
    for (const needed of ['src', 'scripts', 'models', 'themes', 'source', 'package.json', 'package-lock.json', 'README.md']) {
      expect(ignored).not.toContain(needed);
    }
  });

  // The image's Chromium runs without its sandbox (Docker's seccomp profile refuses it to a user
  // other than root): Debian's launcher, the one the image gets, must pass the flag the image writes.
  it.skipIf(!launcher.includes('/etc/chromium.d/'))("passes --no-sandbox to Chromium through Debian's launcher, which ignores CHROMIUM_FLAGS from the environment", async () => {
    const folder = await tempDir();
    await mkdir(join(folder, 'chromium.d'));
    await mkdir(join(folder, 'lib'));
    if (existsSync('/etc/chromium.d/default-flags')) await copyFile('/etc/chromium.d/default-flags', join(folder, 'chromium.d', 'default-flags'));
    // The launcher as installed, reading its flag files from `folder` and starting a stand-in that prints its arguments.
    const script = join(folder, 'chromium');
    await writeFile(script, launcher.replaceAll('/etc/chromium.d', join(folder, 'chromium.d')).replace(/^LIBDIR=.*$/mu, `LIBDIR=${join(folder, 'lib')}`));
    await writeFile(join(folder, 'lib', 'chromium'), '#!/bin/sh\nprintf "%s\\n" "$@"\n');
    await chmod(join(folder, 'lib', 'chromium'), 0o755);
    const argsOf = async (env: NodeJS.ProcessEnv = {}) => (await run('sh', [script, '--headless=new'], { env: { ...process.env, ...env } })).stdout.split('\n');

    expect(await argsOf({ CHROMIUM_FLAGS: '--no-sandbox' })).not.toContain('--no-sandbox');
    const written = command(final, 'echo').replace('/etc/chromium.d', join(folder, 'chromium.d'));
    await run('sh', ['-c', written]);
    const args = await argsOf();
    expect(args).toContain('--no-sandbox');
    expect(args).toContain('--headless=new');
  });
});

describe("the image's install, run here without Docker", () => {
  it("installs the packed tarball globally with the Dockerfile's npm options, without the bundled Chromium, and builds the sample", async () => {
    const folder = await tempDir();
    const tarball = await packTarball(folder);
    const prefix = join(folder, 'global');
    const [, , ...options] = command(final, 'npm install -g').split(' ').slice(0, -1);
    // The same command, into a prefix of its own; from the npm cache the other package tests filled.
    await run(NPM, ['install', ...options, '--prefix', prefix, '--prefer-offline', tarball]);
    const root = (await run(NPM, ['root', '-g', '--prefix', prefix])).stdout.trim();
    const removed = /"\$\(npm root -g\)(\/\S+)"/u.exec(command(final, 'rm -rf /tmp/'))![1]!;
    expect(existsSync(join(root, removed))).toBe(true);
    await run('rm', ['-rf', join(root, removed)]);

    const work = join(folder, 'work');
    await mkdir(work);
    await copyFile(SAMPLE, join(work, 'article.txt'));
    const env = { ...process.env };
    delete env['CHROME_PATH'];
    const ringkas = join(prefix, 'bin', 'ringkas');
    await run(ringkas, ['build', 'article.txt', '--format', 'md,html', '--quiet'], { cwd: work, env });
    expect(await readFile(join(work, 'out', 'article.md'), 'utf8')).toMatch(/^# Aliansi Keamanan Internasional$/mu);
    expect(existsSync(join(work, 'out', 'article.html'))).toBe(true);

    // The image's ENV: Debian's Chromium through CHROME_PATH (where this machine has it).
    if (existsSync('/usr/bin/chromium')) {
      await run(ringkas, ['build', 'article.txt', '--format', 'pdf', '--quiet'], { cwd: work, env: { ...env, CHROME_PATH: '/usr/bin/chromium' } });
      const pdf = await readPdf(join(work, 'out', 'article.pdf'));
      expect(pdf.pages.length).toBeGreaterThanOrEqual(4);
      expect(pdf.pages[0]).toContain('Aliansi Keamanan Internasional');
    }
  }, 300_000);
});
