/**
 * Loaded by strict.html (CSP `script-src 'self'; style-src 'self'`: no eval, no inline style
 * attribute): builds the widgets of one case with DOM calls, waits for every one to load (or
 * fail), brings each state on screen (tooltips, popups, legends, chips, skeletons, errors, empty
 * notices), then reports to the parent test what happened — loads, errors, what was seen, violations.
 */
import '../../packages/culture-widgets/src/index.js';
import { DATASETS, RESOURCES } from '../helpers/portal.js';

type Attrs = Record<string, string>;
const params = new URLSearchParams(location.search);
const api = params.get('api') ?? '';
const portalAttrs: Attrs = { api, 'tabular-api': params.get('tabular-api') ?? '' };
const boundaries = `${api.replace(/\/api$/, '')}/static/geo/{level}.geojson`;

const { museums, museumList, festivals, places, spending, deleted } = DATASETS;

/** What a case brings on screen once loaded; each resolves to the name of what it saw. */
type Reveal = (root: Element) => Promise<string | undefined>;

interface Case {
  widgets: [tag: string, attrs: Attrs][];
  /** Selectors (in the widgets' shadow roots) that must be on screen before the report. */
  shows?: string[];
  reveal?: Reveal[];
}

const cases: Record<string, Case> = {
  'table-tabular': {
    widgets: [['culture-table', { dataset: museums, sort: '-total', search: '', download: '', bars: 'total', columns: 'nom_du_musee, annee, total' }]],
    shows: ['culture-table .bar', 'culture-table .pager'],
  },
  'table-virtual': { widgets: [['culture-table', { dataset: museums, height: '300', columns: 'nom_du_musee, ville, total' }]], shows: ['culture-table tr.spacer'] },
  'table-file': {
    widgets: [['culture-table', { dataset: festivals, sort: 'Nom du festival', filter: '"Région principale de déroulement" = Bretagne' }]],
  },
  'chart-server': {
    widgets: [['culture-chart', { dataset: museums, type: 'column', x: 'annee', y: 'total', aggregate: 'sum' }]],
    reveal: [hover('culture-chart'), showDataTable('culture-chart')],
    shows: ['culture-chart .tooltip', 'culture-chart .data-table table', 'culture-chart [role=menu]'],
  },
  'chart-file': { widgets: [['culture-chart', { dataset: festivals, type: 'bar', x: 'Discipline dominante', aggregate: 'count' }]] },
  'map-points': {
    widgets: [['culture-map', { dataset: places, tiles: 'none', color: 'type_equipement', size: 'fauteuils' }]],
    reveal: [openFirstFeature('culture-map')],
    shows: ['culture-map .legend .swatch.dot', 'culture-map .legend .swatch.circle', 'culture-map .leaflet-popup'],
  },
  'map-clusters': { widgets: [['culture-map', { dataset: museumList, tiles: 'none', cluster: 'true' }]], shows: ['culture-map .cluster-badge'] },
  'map-choropleth': {
    widgets: [['culture-map', { dataset: spending, tiles: 'none', boundaries }]],
    reveal: [openFirstFeature('culture-map')],
    shows: ['culture-map .legend .swatch', 'culture-map .leaflet-popup'],
  },
  'map-heatmap': { widgets: [['culture-map', { dataset: museumList, tiles: 'none', mode: 'heatmap' }]], shows: ['culture-map .legend .swatch'] },
  linked: {
    widgets: [
      ['culture-source', { id: 'src', dataset: museums }],
      ['culture-filter', { source: 'src', column: 'ville', type: 'checkboxes' }],
      ['culture-filter', { source: 'src', column: 'annee', type: 'range' }],
      ['culture-filter', { source: 'src', column: 'region', type: 'select' }],
      ['culture-filter', { source: 'src' }],
      ['culture-table', { source: 'src', 'page-size': '5' }],
      ['culture-chart', { source: 'src', type: 'line', x: 'annee', y: 'total' }],
    ],
    reveal: [checkFirstValue],
    shows: ['culture-filter .skeleton-line', 'culture-filter .chip', 'culture-filter #values-search', 'culture-filter select', 'culture-filter input[type=number]'],
  },
  // a spreadsheet (SheetJS) and Parquet (hyparquet, fzstd) in the worker, XML (DOMParser) on the page, the Parquet copy by ranges
  formats: {
    widgets: [
      ['culture-table', { dataset: DATASETS.formats, resource: RESOURCES.xlsx, sheet: 'Fréquentation' }],
      ['culture-table', { dataset: DATASETS.formats, resource: RESOURCES.xml }],
      ['culture-table', { dataset: DATASETS.formats, resource: RESOURCES.parquet }],
      ['culture-chart', { dataset: DATASETS.visits, type: 'bar', x: 'region', y: 'entrees', aggregate: 'sum' }],
    ],
  },
  states: {
    widgets: [
      ['culture-chart', { dataset: museums, x: 'absente' }],
      ['culture-table', { dataset: museums, filter: 'region = Bretagnee' }],
      ['culture-map', { dataset: places, tiles: 'none', filter: 'nom = personne' }],
      ['culture-chart', { dataset: deleted }],
      ['culture-chart', { dataset: museums, x: 'annee', y: 'total', type: 'camembert' }],
    ],
    shows: ['culture-chart [role=alert]', 'culture-table .no-rows', 'culture-map [part=empty]', 'culture-table [part=loading]', 'culture-chart [part=warning]:not([hidden])'],
  },
  builder: {
    widgets: [['culture-builder', {}]],
    reveal: [restore(`?element=map&dataset=${places}&color=type_equipement`)],
    shows: ['culture-builder culture-map .legend'],
  },
};

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
const loads: string[] = [];
const errors: string[] = [];
const seen = new Set<string>();
const current = cases[params.get('case') ?? ''] ?? { widgets: [] };

/**
 * `culture-map .legend .swatch`: the leading custom-element names are shadow hosts (nested:
 * `culture-builder culture-map .legend`), the rest a selector inside the last one's shadow root.
 */
function find(selector: string): Element | null {
  const tokens = selector.split(' ');
  const hosts: string[] = [];
  while (tokens.length > 1 && /^[a-z]+-[a-z-]+$/.test(tokens[0]!)) hosts.push(tokens.shift()!);
  const inner = tokens.join(' ');
  const search = (roots: (Document | ShadowRoot)[], depth: number): Element | null => {
    for (const root of roots) {
      if (depth === hosts.length) {
        const hit = root.querySelector(inner);
        if (hit) return hit;
        continue;
      }
      const next = [...root.querySelectorAll(hosts[depth]!)].map((el) => el.shadowRoot).filter((r): r is ShadowRoot => !!r);
      const hit = search(next, depth + 1);
      if (hit) return hit;
    }
    return null;
  };
  return search([document], 0);
}

/** Watches every state a case must show: each selector is remembered once it has been on screen. */
const watched = current.shows ?? [];
const look = () => { for (const s of watched) if (!seen.has(s) && find(s)) seen.add(s); };
const looking = setInterval(look, 20);

const until = async (test: () => unknown, ms = 8000): Promise<boolean> => {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    if (test()) return true;
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
  return false;
};

function hover(tag: string): Reveal {
  return async () => {
    const root = document.querySelector(tag)?.shadowRoot;
    await until(() => root?.querySelector('.role-mark path'));
    const mark = root?.querySelector('.role-mark path');
    if (!mark) return undefined;
    const box = mark.getBoundingClientRect();
    const at = { bubbles: true, composed: true, clientX: box.x + box.width / 2, clientY: box.y + box.height - 2 };
    for (const type of ['pointerover', 'pointermove', 'mouseover', 'mousemove']) {
      mark.dispatchEvent(type.startsWith('pointer') ? new PointerEvent(type, at) : new MouseEvent(type, at));
    }
    return (await until(() => root?.querySelector('.tooltip'))) ? 'tooltip' : undefined;
  };
}

function showDataTable(tag: string): Reveal {
  return async () => {
    const root = document.querySelector(tag)?.shadowRoot;
    root?.querySelector<HTMLButtonElement>('.menu-button')?.click();
    await until(() => root?.querySelector('[role=menuitem]'));
    const items = [...(root?.querySelectorAll<HTMLButtonElement>('[role=menuitem]') ?? [])];
    items.find((item) => /tableau/.test(item.textContent ?? ''))?.click();
    return (await until(() => root?.querySelector('.data-table table'))) ? 'data table' : undefined;
  };
}

function openFirstFeature(tag: string): Reveal {
  return async () => {
    const root = document.querySelector(tag)?.shadowRoot;
    const details = root?.querySelector<HTMLDetailsElement>('details.features');
    if (details) details.open = true;
    root?.querySelector<HTMLButtonElement>('details.features button')?.click();
    return (await until(() => root?.querySelector('.leaflet-popup'))) ? 'popup' : undefined;
  };
}

async function checkFirstValue(): Promise<string | undefined> {
  const filter = document.querySelector('culture-filter[column=ville]');
  await until(() => filter?.shadowRoot?.querySelector('.values input'));
  filter?.shadowRoot?.querySelector<HTMLInputElement>('.values input')?.click();
  return (await until(() => filter?.shadowRoot?.querySelector('.chip'))) ? 'chips' : undefined;
}

function restore(search: string): Reveal {
  return async (root) => {
    (root as Element & { restoreFrom(search: string): void }).restoreFrom(search);
    return (await until(() => find('culture-builder culture-map .legend'), 15000)) ? 'preview' : undefined;
  };
}

const widgets = current.widgets.map(([tag, attrs]) => {
  const el = document.createElement(tag);
  const shared = tag === 'culture-filter' ? {} : tag === 'culture-builder' ? { ...portalAttrs, 'embed-base': `${location.origin}/` } : portalAttrs;
  for (const [name, value] of Object.entries({ ...attrs, ...shared })) el.setAttribute(name, value);
  document.body.append(el);
  return el;
});
look(); // the loading skeletons are on screen now
// and once each element has rendered the first time: a skeleton shown for less than the 20 ms
// between two looks (a small file parsed by a warm worker) is still seen
for (const el of widgets) {
  void customElements.whenDefined(el.localName).then(() => (el as Element & { updateComplete?: Promise<unknown> }).updateComplete).then(look);
}

const expected = widgets.filter((el) => /^culture-(table|chart|map)$/.test(el.localName));
const settled = new Set<Element>();
let reported = false;
const allSettled = () => expected.every((w) => settled.has(w));
const report = async () => {
  if (reported) return;
  reported = true;
  // the umbrella loads each element's code as its tag appears: methods exist once it is defined
  await Promise.all(widgets.map((w) => customElements.whenDefined(w.localName)));
  for (const reveal of current.reveal ?? []) {
    const what = await reveal(widgets[0]!);
    if (what) seen.add(what);
  }
  await until(() => { look(); return watched.every((s) => seen.has(s)); });
  clearInterval(looking);
  const missing = watched.filter((s) => !seen.has(s));
  setTimeout(() => parent.postMessage({ type: 'csp-result', loads, errors, violations, seen: [...seen], missing }, '*'), 50); // let late violations land
};
const settle = (el: Element) => {
  if (expected.includes(el as HTMLElement)) settled.add(el);
  if (allSettled()) void report();
};
document.addEventListener('culture-load', (e) => {
  loads.push((e.target as Element).localName);
  settle(e.target as Element);
});
document.addEventListener('culture-error', (e) => {
  errors.push(`${(e.target as Element).localName}: ${(e as CustomEvent & { detail: { message: string } }).detail.message}`);
  settle(e.target as Element);
});
if (!expected.length) void report();
