/**
 * Loaded by strict.html (CSP `script-src 'self'`, no 'unsafe-eval'): builds the widgets of one
 * case with DOM calls and reports to the parent test what happened — loads, errors, violations.
 */
import '../../packages/culture-widgets/src/index.js';

type Attrs = Record<string, string>;
const params = new URLSearchParams(location.search);
const portalAttrs: Attrs = { api: params.get('api') ?? '', 'tabular-api': params.get('tabular-api') ?? '' };

/** Each case: the elements to build, with their attributes. */
const cases: Record<string, [tag: string, attrs: Attrs][]> = {
  'table-tabular': [['culture-table', { dataset: 'frequentation-des-musees-de-france', sort: '-total', search: '' }]],
  'table-file': [['culture-table', { dataset: 'liste-des-festivals-en-france', sort: 'Nom du festival', filter: '"Région principale de déroulement" = Bretagne' }]],
  'chart-server': [['culture-chart', { dataset: 'frequentation-des-musees-de-france', type: 'line', x: 'annee', y: 'total', aggregate: 'sum' }]],
  'chart-file': [['culture-chart', { dataset: 'liste-des-festivals-en-france', type: 'bar', x: 'Discipline dominante', aggregate: 'count' }]],
  map: [['culture-map', { dataset: 'liste-et-localisation-des-musees-de-france', tiles: 'none' }]],
  linked: [
    ['culture-source', { id: 'src', dataset: 'frequentation-des-musees-de-france' }],
    ['culture-filter', { source: 'src', column: 'region' }],
    ['culture-table', { source: 'src' }],
  ],
};

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
const loads: string[] = [];
const errors: string[] = [];

const widgets = (cases[params.get('case') ?? ''] ?? []).map(([tag, attrs]) => {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries({ ...attrs, ...(tag === 'culture-filter' ? {} : portalAttrs) })) el.setAttribute(name, value);
  document.body.append(el);
  return el;
});
const settled = new Set<Element>();
const report = () => parent.postMessage({ type: 'csp-result', loads, errors, violations }, '*');
const expected = widgets.filter((el) => /^culture-(table|chart|map)$/.test(el.localName));
const settle = (el: Element) => {
  settled.add(el);
  if (expected.every((w) => settled.has(w))) setTimeout(report); // let late violations land
};
document.addEventListener('culture-load', (e) => {
  loads.push((e.target as Element).localName);
  settle(e.target as Element);
});
document.addEventListener('culture-error', (e) => {
  errors.push(`${(e.target as Element).localName}: ${(e as CustomEvent & { detail: { message: string } }).detail.message}`);
  settle(e.target as Element);
});
