import { describe, expect, it } from 'vitest';
import { sanitizeSvg } from '../../src/io/svg.js';

/** An SVG with every way it can run, link or load something, around a drawing that must survive. */
const HOSTILE = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 240 160" onload="alert('loaded')">
  <style>@import url(https://example.org/style.css); .left { fill: red; }</style>
  <style>.right { fill: url(#blue); }</style>
  <defs><linearGradient id="blue"><stop offset="0" stop-color="blue"/></linearGradient><rect id="box" width="10" height="10"/></defs>
  <rect class="left" width="120" height="160" onclick="steal()"/>
  <rect class="right" x="120" width="120" height="160" style="stroke: url(https://example.org/t.png)"/>
  <image href="https://example.org/tracker.png" width="1" height="1"/><image xlink:href="../../etc/passwd" width="1" height="1"/>
  <image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/><use xlink:href="#box"/><use href="other.svg#box"/>
  <script>fetch('https://example.org/script')</script>
  <foreignObject width="10" height="10"><iframe xmlns="http://www.w3.org/1999/xhtml" src="https://example.org/frame"></iframe></foreignObject>
  <a href="javascript:alert(1)"><text x="10" y="20">Label &amp; &b;</text></a>
  <set attributeName="href" to="javascript:alert(2)"/><animate attributeName="href" values="javascript:alert(3)"/>
</svg>`;

describe('sanitizeSvg', () => {
  it('keeps what draws and its references within the picture, and nothing that runs, links or loads', () => {
    const safe = sanitizeSvg(HOSTILE)!;
    expect(safe).toMatch(/^<svg viewBox="0 0 240 160" xmlns="http:\/\/www\.w3\.org\/2000\/svg">/u);
    expect(safe).toContain('<rect class="left" width="120" height="160"></rect>');
    expect(safe).toContain('<style>.right { fill: url(#blue); }</style>');
    expect(safe).toContain('<use href="#box"></use>');
    expect(safe).toContain('href="data:image/png;base64,iVBORw0KGgo="');
    expect(safe).toContain('Label &#x26; &#x26;b;');
    expect(safe).not.toMatch(/script|onload|onclick|foreignObject|iframe|javascript|@import|example\.org|passwd|other\.svg|<set|<animate|ENTITY|aaaa|xlink/iu);
  });

  it('gives the same document when run again, and nothing for a text without an <svg>', () => {
    const safe = sanitizeSvg(HOSTILE)!;
    expect(sanitizeSvg(safe)).toBe(safe);
    expect(sanitizeSvg('<html><body><p>not a picture</p></body></html>')).toBeUndefined();
    expect(sanitizeSvg('')).toBeUndefined();
  });
});
