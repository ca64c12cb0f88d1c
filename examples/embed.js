// The embed page: renders the widget (or the dashboard) its query string names and tells the host
// page its height and what it shows.
// Styles go through a constructed stylesheet: no inline <style> or script, so a strict CSP holds.
import { mountEmbed } from '../dist/culture-widgets.js';

const sheet = new CSSStyleSheet();
sheet.replaceSync(`
  :root { color-scheme: light dark; font-family: system-ui, 'Marianne', Arial, sans-serif; color: #161616; background: #fff; }
  @media (prefers-color-scheme: dark) { :root { color: #eee; background: #161616; } }
  :root.transparent, :root.transparent body { background: transparent; }
  body { margin: 0; }
  /* Measured for the host's resizer: padding included, so nothing is clipped. */
  main { display: flow-root; padding: 0.5rem; }
  /* A dashboard: its filters and widgets one under the other, with room between them; one column
     as wide as the frame (a grid track would otherwise grow to the widest table's content). */
  .culture-dashboard { display: grid; grid-template-columns: minmax(0, 1fr); gap: 1.5rem; }
`);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

const lang = new URLSearchParams(location.search).get('lang');
if (lang === 'en' || lang === 'fr') document.documentElement.lang = lang;
await mountEmbed(document.getElementById('widget'), location.search);
