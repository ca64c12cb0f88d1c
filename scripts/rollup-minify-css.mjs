// Rollup plugin: minifies the CSS of our lit `css` templates in the CDN bundles. terser keeps
// template text as written, so indentation, line breaks and comments were shipped to every page
// (a third of the CSS, ≈ 4 KiB of each element's first load). Our `css` templates hold no `${}`
// (checked: a template that does is left as it is), no quoted text where spacing matters beyond
// a single space, so collapsing whitespace, dropping it around `{ } ; , >` and after `:` (never
// before: `a :hover` is not `a:hover`) is safe.
//
//   import { minifyCss } from './scripts/rollup-minify-css.mjs';
//   plugins: [resolve(), minifyCss(), ts(), …]   // before the TypeScript plugin
import MagicString from 'magic-string';

const TEMPLATE = /\bcss`([^`]*)`/g;

export const minifyCssText = (text) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .trim();

export function minifyCss() {
  return {
    name: 'culture-minify-css',
    transform(code, id) {
      if (!/\/packages\/[\w-]+\/src\/.*\.ts$/.test(id.replace(/\\/g, '/')) || !code.includes('css`')) return null;
      const out = new MagicString(code);
      for (const match of code.matchAll(TEMPLATE)) {
        const body = match[1];
        if (body.includes('${')) continue;
        const start = match.index + 'css`'.length;
        out.overwrite(start, start + body.length, minifyCssText(body));
      }
      return out.hasChanged() ? { code: out.toString(), map: out.generateMap({ hires: true }) } : null;
    },
  };
}
