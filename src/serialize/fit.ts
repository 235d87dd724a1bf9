import { FIT_SCALES, FIT_SPACINGS, type Slide } from '../model.js';

/**
 * How a slide's fitted text size and bullet spacing reach the slide: a class per value
 * (`ringkas-fit-120`, `ringkas-space-80`) and one rule per class in the Markdown's `style`
 * directive, so that the Markdown renders the same in marp-cli and with any theme. `zoom` scales a
 * block's text, its spacing and its bullets together, and the block still wraps at the slide's
 * width. A smaller size takes the heading along (a slide that overflows needs every line it can
 * get); a larger one leaves it, so that body text never outgrows its heading.
 */

/** The class of a slide whose body text is `scale` times the theme's size. */
export function fitClass(scale: number): string {
  return `ringkas-fit-${Math.round(scale * 100)}`;
}

/** The class of a slide with `spacing` ems after each bullet. */
export function spaceClass(spacing: number): string {
  return `ringkas-space-${Math.round(spacing * 100)}`;
}

/** The fitting classes of a slide (none when it keeps the theme's size and spacing). */
export function fitClasses(slide: Pick<Slide, 'scale' | 'spacing'>): string[] {
  return [...(slide.scale !== undefined && slide.scale !== 1 ? [fitClass(slide.scale)] : []), ...(slide.spacing !== undefined ? [spaceClass(slide.spacing)] : [])];
}

/** The rules for the sizes and spacings `slides` use, in the order of {@link FIT_SCALES} and {@link FIT_SPACINGS}; '' when none. */
export function fitStyle(slides: readonly Pick<Slide, 'scale' | 'spacing'>[]): string {
  const scales = new Set(slides.map((slide) => slide.scale));
  const spacings = new Set(slides.map((slide) => slide.spacing));
  return [
    ...FIT_SCALES.filter((scale) => scale !== 1 && scales.has(scale)).map((scale) => `section.${fitClass(scale)}>:not(${scale < 1 ? '' : 'h1,h2,'}header,footer){zoom:${scale}}`),
    ...FIT_SPACINGS.filter((spacing) => spacings.has(spacing)).map((spacing) => `section.${spaceClass(spacing)}>:is(ul,ol)>li{margin-bottom:${spacing}em}`),
  ].join('');
}

/** Every size and spacing a slide may take, as slides, for a page that tries them all. */
export const ALL_FITS: readonly Pick<Slide, 'scale' | 'spacing'>[] = [...FIT_SCALES.map((scale) => ({ scale })), ...FIT_SPACINGS.map((spacing) => ({ spacing }))];
