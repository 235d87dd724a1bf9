import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { captureIo, runBin, tempDir } from '../helpers.js';

describe('run(argv)', () => {
  it('returns the exit code and leaves process.exitCode alone', async () => {
    const io = captureIo();
    const before = process.exitCode;
    expect(await run(['build', '--frobnicate'], io)).toBe(2);
    expect(process.exitCode).toBe(before);
    expect(io.err).toMatch(/^error: Unknown argument: frobnicate \(see ringkas --help\)\n$/u);
  });

  it('exits 2 without a command', async () => {
    const io = captureIo();
    expect(await run([], io)).toBe(2);
    expect(io.err).toBe('error: give a command, e.g. "ringkas build" (see ringkas --help)\n');
  });

  it('exits 2 for an unknown command, and suggests the command meant', async () => {
    const io = captureIo();
    expect(await run(['bulid'], io)).toBe(2);
    expect(io.err).toBe('error: Did you mean build? (see ringkas --help)\n');
  });

  it('says a number option was not given a number, rather than echo NaN', async () => {
    const io = captureIo();
    expect(await run(['build', 'source', '--slides', 'abc'], io)).toBe(2);
    expect(io.err).toBe('error: --slides: expected a whole number of at least 1, got something that is not a number (see ringkas --help)\n');
  });
});

describe('ringkas completion', () => {
  it('prints a shell completion script and builds nothing', async () => {
    const dir = await tempDir();
    const result = await runBin(['completion'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^###-begin-ringkas-completions-###/u);
    expect(result.stdout).toContain('complete -o bashdefault -o default -F _ringkas_yargs_completions ringkas');
    expect(await readdir(dir)).toEqual([]);
  });
});
