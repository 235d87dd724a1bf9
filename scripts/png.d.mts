/** Types of scripts/png.mjs, for the TypeScript tests that draw pictures. */
export function encodePng(width: number, height: number, colourAt: (x: number, y: number) => readonly [number, number, number]): Buffer;
