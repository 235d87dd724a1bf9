import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { captureIo } from '../helpers.js';

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

  it('exits 2 for an unknown command', async () => {
    const io = captureIo();
    expect(await run(['bulid'], io)).toBe(2);
    expect(io.err.split('\n')).toHaveLength(2);
  });
});
