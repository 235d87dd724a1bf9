/**
 * Draws one safe SVG as PNG in a process of its own ({@link svgPicture}), so that a picture built
 * to take minutes (hundreds of large blurs) can be killed without holding the run: drawing is one
 * native call that nothing in a thread interrupts. Reads the SVG on standard input; writes the PNG
 * on standard output, or one line saying why it cannot be drawn on standard error (exit code 2).
 */
import { Resvg } from '@resvg/resvg-js';

const pixels = Number(process.argv[2]);
const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const svg = Buffer.concat(chunks).toString('utf8');
try {
  // Sized from the picture's own width and height, so that a long thin one stays small too.
  const measured = new Resvg(svg, { font: { loadSystemFonts: false } });
  const scale = pixels / Math.max(measured.width, measured.height);
  if (!(Math.min(measured.width, measured.height) * scale >= 1)) {
    process.stderr.write('has no area to draw (a width or height of nothing)');
    process.exitCode = 2;
  } else {
    const wide = measured.width >= measured.height;
    const renderer = new Resvg(svg, {
      fitTo: wide ? { mode: 'width', value: pixels } : { mode: 'height', value: pixels },
      font: { loadSystemFonts: true },
      background: 'rgba(0, 0, 0, 0)',
    });
    process.stdout.write(renderer.render().asPng());
  }
} catch (error) {
  process.stderr.write(`cannot be drawn (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
  process.exitCode = 2;
}
