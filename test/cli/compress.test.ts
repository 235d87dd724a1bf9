import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, badInputs, expectRefusals } from '../helpers.js';

/** Runs the built bin with `input` on standard input. */
function compressStdin(args: string[], input: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [BIN, 'compress', ...args], (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
    child.stdin!.end(input);
  });
}

const LINES = [
  'Jakarta, CNN Indonesia -- Tim nasional Indonesia mengalahkan Vietnam dengan skor 2-1 di Stadion Gelora Bung Karno.',
  '',
  'Apakah harga BBM akan naik tahun depan?',
  'Kebijakan baru pemerintah tidak hanya menurunkan biaya, tetapi juga mempercepat layanan publik.',
];

describe('ringkas compress', () => {
  it('answers every line, in order: a bullet for each sentence, an empty line for an empty one', async () => {
    const result = await compressStdin(['--lang', 'id'], `${LINES.join('\n')}\n`);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const bullets = result.stdout.split('\n');
    expect(bullets).toHaveLength(LINES.length + 1);
    expect(bullets.at(-1)).toBe('');
    // The dateline goes; the bullet is the sentence with words deleted.
    expect(bullets[0]).toMatch(/^Tim nasional Indonesia mengalahkan Vietnam/u);
    expect(bullets[1]).toBe('');
    // Even a sentence that `build` would not use is answered.
    expect(bullets[2]).toMatch(/^Harga BBM akan naik/u);
    expect(bullets[3]).toMatch(/tidak hanya .* tetapi juga/u);
  });

  it('answers a sentence whose pruning leaves no statement with the sentence whole, never a fragment', async () => {
    // The parser hangs the verb below "including …": pruned, "Attacks" alone would be left.
    const line = 'Attacks including a truck bomb near a market and another at a checkpoint killed 14 people in Mosul on Friday, as the city struggles to curb violence.';
    const result = await compressStdin(['--lang', 'en'], `${line}\n`);
    expect(result.stdout).toBe(`${line.slice(0, -1)}\n`);
  });

  it('aims at --max-words, and goes over it rather than cutting what must stay', async () => {
    const result = await compressStdin(['--lang', 'id', '--max-words', '5'], `${LINES[3]}\n`);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/tidak hanya menurunkan biaya, tetapi juga mempercepat/u);
  });

  it('detects the language of the lines, and gives the same output run after run', async () => {
    const input = 'The city council on Tuesday approved a smaller budget for road repairs, officials said.\n';
    const first = await compressStdin([], input);
    expect(first.stdout).toBe('The city council approved a smaller budget for road repairs\n');
    expect((await compressStdin([], input)).stdout).toBe(first.stdout);
  });

  it('reports bad input and options in one line with the usual exit codes', async () => {
    const { dir, empty, binary } = await badInputs();
    await expectRefusals([
      [['compress', empty], 1, /empty/u],
      [['compress', binary], 1, /binary/u],
      [['compress', join(dir, 'missing.txt')], 1, /no such file/u],
      [['compress', empty, '--lang', 'fr'], 2, /--lang/u],
      [['compress', empty, '--max-words', '3'], 2, /--max-words/u],
      [['compress', empty, '--max-words', '7.5'], 2, /--max-words/u],
    ]);
  });
});
