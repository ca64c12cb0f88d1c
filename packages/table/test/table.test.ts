import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { TaskStatus } from '@lit/task';
import { configureCore, readableName, type Row } from '@culture-widgets/core';
import type { CultureLoadEvent, CultureErrorEvent, CultureWarningDetail } from '@culture-widgets/ui';
import { DATASETS, RESOURCES, portal, type Portal } from '../../../test/helpers/portal.js';
import '../src/culture-table.js';
import type { CultureTable } from '../src/table.js';
import { downloadFilename } from '../src/download.js';

declare global {
  interface Window {
    __xss?: boolean;
  }
}

type Attributes = Record<string, string | boolean | undefined>;
type Settled = CultureLoadEvent | CultureErrorEvent;

/** Normalises the narrow no-break spaces of French numbers. */
const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/[\s\u202f\u00a0]+/g, ' ').trim();

function settled(el: HTMLElement): Promise<Settled> {
  return new Promise((resolve) => {
    const done = (event: Event) => {
      el.removeEventListener('culture-load', done);
      el.removeEventListener('culture-error', done);
      resolve(event as Settled);
    };
    el.addEventListener('culture-load', done);
    el.addEventListener('culture-error', done);
  });
}

/** A `<culture-table>` on the sample portal, once it has loaded (or failed). */
async function mount(p: Portal, attributes: Attributes, width?: string): Promise<{ el: CultureTable; event: Settled }> {
  const el = document.createElement('culture-table');
  for (const [name, value] of Object.entries({ api: p.api, 'tabular-api': p.tabularApi, lang: 'fr', ...attributes })) {
    if (typeof value === 'string') el.setAttribute(name, value);
    else if (value) el.setAttribute(name, '');
  }
  const event = settled(el);
  const box = await fixture<HTMLDivElement>(html`<div style=${width ? `width:${width}` : ''}></div>`);
  box.append(el);
  const result = await event;
  await el.updateComplete;
  return { el, event: result };
}

const $ = (el: HTMLElement, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const $$ = (el: HTMLElement, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const headers = (el: HTMLElement) => $$(el, 'thead th').map(text);
const dataRows = (el: HTMLElement) => $$(el, 'tbody tr[data-index]');
/** A column's cells, found by its source name (headers show readable names: `annee` → « Année »). */
const column = (el: HTMLElement, name: string) => {
  const index = headers(el).indexOf(readableName(name));
  return dataRows(el).map((tr) => text(tr.children[index]));
};
/** `1 234,5` → 1234.5; the visibly empty cell → null. */
const number = (cell: string) => (/vide|^–/.test(cell) ? null : Number(cell.replace(/ /g, '').replace(',', '.')));
const sortButton = (el: HTMLElement, name: string) => $$(el, 'thead th').find((th) => text(th) === name || text(th) === readableName(name))!.querySelector('button')!;

/** Waits for the next load after `action`. */
async function after(el: CultureTable, action: () => unknown): Promise<Settled> {
  const next = settled(el);
  await action();
  const event = await next;
  await el.updateComplete;
  return event;
}

/**
 * Types `term` in the search box like a reader, then waits for the rows of the whole term (the
 * debounce may have fired on a prefix in between): returns the `culture-load` of those rows.
 */
async function searchFor(el: CultureTable, term: string, { allowError = false } = {}): Promise<CultureLoadEvent> {
  const loads: CultureLoadEvent[] = [];
  const listen = (event: CultureLoadEvent) => loads.push(event);
  el.addEventListener('culture-load', listen);
  try {
    ($(el, 'input[type="search"]') as HTMLInputElement).focus();
    await sendKeys({ type: term });
    const state = el as unknown as { searchText: string; data: { status: number } };
    const settledStatus = (status: number) => status === TaskStatus.COMPLETE || (allowError && status === TaskStatus.ERROR);
    await waitUntil(() => state.searchText === term && settledStatus(state.data.status), `no rows for « ${term} »`, { timeout: 15_000 });
    await el.updateComplete;
    return loads.at(-1)!;
  } finally {
    el.removeEventListener('culture-load', listen);
  }
}

describe('<culture-table>', function () {
  this.timeout(40_000);
  let p: Portal;
  beforeEach(async () => {
    p = await portal();
  });

  describe('defaults', () => {
    it('shows the first resource: caption, every column, 20 formatted rows, row count, citation', async () => {
      const { el, event } = await mount(p, { dataset: DATASETS.museums });
      expect(event.type).to.equal('culture-load');
      const detail = (event as CultureLoadEvent).detail;
      expect(detail.rows).to.equal(20);
      expect(detail.total).to.be.above(12_000);
      expect(detail.source.resourceId).to.equal(RESOURCES.museums);

      expect(text($(el, 'caption'))).to.match(/Fréquentation des musées/i);
      // readable names: `nom_du_musee` → « Nom du musée », `annee` → « Année »
      expect(headers(el)).to.include.members(['Nom du musée', 'Ville', 'Année', 'Total', 'Payant', 'Gratuit', 'Code INSEE commune']);
      expect(headers(el)).not.to.include('__id');
      expect(dataRows(el)).to.have.length(20);
      expect(column(el, 'annee').every((year) => /^\d{4}$/.test(year))).to.equal(true, 'years keep no separator');
      const totals = column(el, 'total');
      expect(totals.some((cell) => /^\d{1,3}( \d{3})+$/.test(cell))).to.equal(true, 'thousands separated the French way');
      expect(totals.some((cell) => /vide/.test(cell))).to.equal(true, 'empty totals visibly empty');
      const totalIndex = headers(el).indexOf('Total');
      expect(dataRows(el)[0]!.children[totalIndex]!.classList.contains('num')).to.equal(true);

      const total = new Intl.NumberFormat('fr-FR').format(detail.total).replace(/\s/g, ' ');
      expect(text($(el, '.pager .range'))).to.equal(`Lignes 1–20 sur ${total}`);
      expect(text($(el, '.citation'))).to.match(/Source : Fréquentation des musées/i);
      // the sample portal is not data.gouv.fr: the citation says where the data comes from
      expect(text($(el, '.citation'))).to.contain(`(données de ${new URL(p.api).host})`);
      expect($(el, '.toolbar')).to.equal(null);
    });

    it('speaks English when the page does', async () => {
      const { el, event } = await mount(p, { dataset: DATASETS.museums, lang: 'en' });
      const total = new Intl.NumberFormat('en-GB').format((event as CultureLoadEvent).detail.total);
      expect(text($(el, '.pager .range'))).to.equal(`Rows 1–20 of ${total}`);
    });
  });

  describe('attributes', () => {
    it('columns, sort and page-size shape the query the server answers', async () => {
      const { el } = await mount(p, { dataset: DATASETS.museums, columns: 'nom_du_musee, ville, annee, total', sort: '-total', 'page-size': '5' });
      expect(headers(el)).to.deep.equal(['Nom du musée', 'Ville', 'Année', 'Total']);
      expect(dataRows(el)).to.have.length(5);
      const totals = column(el, 'total').map(number) as number[];
      expect(totals).to.deep.equal([...totals].sort((a, b) => b - a));
      expect(sortButton(el, 'total').closest('th')!.getAttribute('aria-sort')).to.equal('descending');
      const data = await p.requests('/data/');
      expect(data.some((r) => r.query.includes('total__sort=desc') && r.query.includes('page_size=5'))).to.equal(true);
    });

    it('title becomes the caption; unknown names are said (a note, culture-warning per attribute), not shown', async () => {
      const warnings: { attribute?: string; value?: string; accepted?: string }[] = [];
      const listen = (e: Event) => warnings.push((e as CustomEvent).detail);
      document.addEventListener('culture-warning', listen);
      const { el } = await mount(p, { dataset: DATASETS.museums, title: 'Mes musées', columns: 'ville, inconnue', sort: '-absente', bars: 'fantome, total' });
      await el.updateComplete;
      document.removeEventListener('culture-warning', listen);
      expect(text($(el, 'caption'))).to.equal('Mes musées');
      // Shown above the frame, not inside it: on a phone it wraps instead of scrolling away.
      expect(text($(el, '.title'))).to.equal('Mes musées');
      expect($(el, '.title')!.closest('.frame')).to.equal(null);
      expect(headers(el)).to.deep.equal(['Ville']);
      expect(text($(el, '[part=warning]'))).to.equal(
        'columns : colonne inconnue ignorée : inconnue. bars : colonne inconnue ignorée : fantome. sort : colonne inconnue ignorée : absente.',
      );
      expect(warnings.map((w) => [w.attribute, w.value, w.accepted])).to.deep.equal([
        ['columns', 'ville, inconnue', 'ville'], ['bars', 'fantome, total', 'total'], ['sort', '-absente', ''],
      ]);
    });

    it('attributes that only change the look never ask the server again', async () => {
      const { el } = await mount(p, { dataset: DATASETS.museums, columns: 'nom_du_musee, total' });
      const before = (await p.requests('/data/')).length;
      el.setAttribute('bars', 'total');
      el.setAttribute('title', 'Autre titre');
      el.setAttribute('theme', 'dark');
      await el.updateComplete;
      expect($$(el, 'td .bar').length).to.be.above(0);
      expect(text($(el, 'caption'))).to.equal('Autre titre');
      expect((await p.requests('/data/')).length).to.equal(before);
    });

    it('bars draw in-cell bars for numeric columns only', async () => {
      const { el } = await mount(p, { dataset: DATASETS.museums, columns: 'nom_du_musee, total', bars: 'total, nom_du_musee', filter: 'total is not empty' });
      const bars = $$(el, 'td .bar');
      expect(bars).to.have.length(dataRows(el).length);
      const widths = bars.map((bar) => parseFloat(bar.style.width));
      expect(widths.every((w) => w >= 0 && w <= 100)).to.equal(true);
      expect(new Set(widths).size).to.be.above(1);
    });

    it('filter narrows the rows on the server', async () => {
      const { el, event } = await mount(p, { dataset: DATASETS.museums, filter: 'annee = 2020', columns: 'nom_du_musee, annee' });
      expect(column(el, 'annee').every((y) => y === '2020')).to.equal(true);
      expect((event as CultureLoadEvent).detail.total).to.be.below(2000);
    });

    it('changing an attribute reloads and starts again on page 1', async () => {
      const { el } = await mount(p, { dataset: DATASETS.museums, columns: 'nom_du_musee, annee' });
      await after(el, () => (sortButton(el, 'annee').click()));
      await after(el, () => ($(el, '.pager button[aria-label="Page suivante"]')!.click()));
      expect(text($(el, '.pager .range'))).to.match(/^Lignes 21–40/);
      await after(el, () => el.setAttribute('columns', 'ville, annee, total'));
      expect(headers(el)).to.deep.equal(['Ville', 'Année', 'Total']);
      expect(text($(el, '.pager .range'))).to.match(/^Lignes 1–20/);
    });
  });

  describe('sorting', () => {
    it('sorts by a header click: ascending, descending, then back to file order', async () => {
      const { el } = await mount(p, { dataset: DATASETS.museums, columns: 'nom_du_musee, annee, total' });
      const th = () => sortButton(el, 'annee').closest('th')!;
      expect(th().getAttribute('aria-sort')).to.equal('none');
      await after(el, () => sortButton(el, 'annee').click());
      expect(th().getAttribute('aria-sort')).to.equal('ascending');
      expect(column(el, 'annee').every((y) => y === '2014')).to.equal(true);
      await after(el, () => sortButton(el, 'annee').click());
      expect(th().getAttribute('aria-sort')).to.equal('descending');
      expect(column(el, 'annee').every((y) => y === '2024')).to.equal(true);
      await after(el, () => sortButton(el, 'annee').click());
      expect(th().getAttribute('aria-sort')).to.equal('none');
    });

    it('sorts from the keyboard (Enter and Space on the header button)', async () => {
      const { el } = await mount(p, { dataset: DATASETS.museums, columns: 'nom_du_musee, ville' });
      sortButton(el, 'ville').focus();
      await after(el, () => sendKeys({ press: 'Enter' }));
      const towns = column(el, 'ville');
      expect(towns).to.deep.equal([...towns].sort((a, b) => a.localeCompare(b, 'fr')));
      sortButton(el, 'ville').focus();
      await after(el, () => sendKeys({ press: 'Space' }));
      expect(sortButton(el, 'ville').closest('th')!.getAttribute('aria-sort')).to.equal('descending');
      expect((await p.requests('ville__sort=desc')).length).to.be.above(0);
    });
  });

  describe('computed and joined columns (DESIGN § 5)', () => {
    it('columns take a computed decade and a joined population, under readable headers; a descending sort on the decade puts empty ones last', async () => {
      const { el, event } = await mount(p, {
        dataset: DATASETS.museofile, compute: 'decennie = decade(date_creation)', join: `${DATASETS.population} on code_departement = DEP`,
        columns: 'nom, code_departement, decennie, join.PTOT', sort: '-decennie', 'page-size': '5',
      });
      expect(event.type, text($(el, '[role=alert]'))).to.equal('culture-load');
      expect(headers(el)).to.deep.equal(['Nom', 'Code département', 'Décennie', 'PTOT']);
      const decades = dataRows(el).map((tr) => text(tr.children[2]));
      expect(decades.every((d) => /^20\d0-20\d9$/.test(d)), decades.join(', ')).to.equal(true);
      expect(dataRows(el).map((tr) => number(text(tr.children[3])))).not.to.include(null);
    });

    it('rows without a match keep their place, with an empty joined cell and a note naming their keys', async () => {
      const { el, event } = await mount(p, {
        dataset: DATASETS.museofile, join: `${DATASETS.population} on code_departement = DEP`,
        columns: 'nom, code_departement, join.PTOT', filter: 'code_departement in 975|977|29', sort: 'code_departement',
      });
      expect(column(el, 'code_departement').slice(-2)).to.deep.equal(['975', '977']);
      expect(dataRows(el).slice(-2).map((tr) => number(text(tr.children[2])))).to.deep.equal([null, null]);
      expect((event as CultureLoadEvent).detail.unmatched).to.deep.equal(['975', '977']);
      expect(text($(el, '[part=warning]'))).to.match(/^2 codes sans correspondance dans « population-legale-des-departements » : 975, 977$/);
    });
  });

  describe('empty values on a descending sort', () => {
    it('come last on the tabular path: the first page is filled, the last one holds them, the count is unchanged', async () => {
      const { el, event } = await mount(p, { dataset: DATASETS.museums, sort: '-total', columns: 'nom_du_musee, annee, total' });
      const unsorted = (await mount(p, { dataset: DATASETS.museums })).event as CultureLoadEvent;
      expect((event as CultureLoadEvent).detail.total).to.equal(unsorted.detail.total);
      const first = column(el, 'total').map(number);
      expect(first).not.to.include(null);
      expect(first).to.deep.equal([...first].sort((a, b) => b! - a!));
      await after(el, () => ($(el, '.pager button[aria-label="Dernière page"]') as HTMLButtonElement).click());
      expect(column(el, 'total').map(number).every((n) => n === null)).to.equal(true);
    });

    it('come last on the file path too', async () => {
      const { el } = await mount(p, { dataset: DATASETS.festivals, sort: '-"Jauge (places, estimation)"', 'page-size': '50' });
      const first = column(el, 'Jauge (places, estimation)');
      expect(sortButton(el, 'Jauge (places, estimation)').closest('th')!.getAttribute('aria-sort')).to.equal('descending');
      expect(first.filter((cell) => /vide|^–?$/.test(cell))).to.deep.equal([]);
    });
  });

  describe('search and pagination', () => {
    it('searches on the server as the reader types, keeping focus in the box', async () => {
      const { el, event } = await mount(p, { dataset: DATASETS.museums, search: true, columns: 'nom_du_musee, ville, annee' });
      const before = (event as CultureLoadEvent).detail.total;
      expect(text($(el, 'label[for="search"]'))).to.equal('Rechercher dans le tableau');
      const found = await searchFor(el, 'jouet');
      expect(found.detail.total).to.be.above(0).and.below(before);
      for (const tr of dataRows(el)) expect(text(tr).toLowerCase()).to.contain('jouet');
      expect(el.shadowRoot!.activeElement).to.equal($(el, 'input[type="search"]'));
      expect((await p.requests('contains')).length).to.be.above(0);
    });

    it('searches on the server over columns named with spaces, commas, dots and parentheses', async () => {
      const { el } = await mount(p, { dataset: DATASETS.museumList, search: true });
      expect(headers(el)).to.include('Lieu (bâtiment, site, etc.)');
      const found = await searchFor(el, 'évêché', { allowError: true });
      expect(text($(el, '[role=alert]'))).to.equal('');
      expect(found?.detail.total).to.be.above(0);
      for (const tr of dataRows(el)) expect(text(tr)).to.contain('évêché');
      // the server answered the search itself (quoted names), in one request
      const searched = await p.requests((r) => r.path.endsWith('/data/') && decodeURIComponent(r.query).includes('évêché'));
      expect(searched.map((r) => r.status)).to.deep.equal([200]);
    });

    it('searches only the text columns it shows', async () => {
      const { el } = await mount(p, { dataset: DATASETS.museumList, search: true, columns: 'Commune, Nom officiel du musée' });
      const found = await searchFor(el, 'évêché', { allowError: true });
      expect(found?.detail.total).to.equal(0);
      const [search] = await p.requests((r) => r.path.endsWith('/data/') && decodeURIComponent(r.query).includes('évêché'));
      expect(decodeURIComponent(search!.query)).not.to.contain('Lieu');
    });

    it('pages with buttons and changes the page size', async () => {
      const { el, event } = await mount(p, { dataset: DATASETS.museums, columns: 'nom_du_musee' });
      const total = (event as CultureLoadEvent).detail.total;
      const fmt = (n: number) => new Intl.NumberFormat('fr-FR').format(n).replace(/\s/g, ' ');
      const button = (label: string) => $(el, `.pager button[aria-label="${label}"]`) as HTMLButtonElement;
      expect(button('Page précédente').disabled).to.equal(true);
      await after(el, () => button('Page suivante').click());
      expect(text($(el, '.pager .range'))).to.equal(`Lignes 21–40 sur ${fmt(total)}`);
      expect((await p.requests('page=2')).length).to.be.above(0);
      await after(el, () => button('Dernière page').click());
      expect(text($(el, '.pager .range'))).to.equal(`Lignes ${fmt(Math.floor((total - 1) / 20) * 20 + 1)}–${fmt(total)} sur ${fmt(total)}`);
      expect(button('Page suivante').disabled).to.equal(true);
      const select = $(el, '.pager select') as HTMLSelectElement;
      select.value = '50';
      await after(el, () => select.dispatchEvent(new Event('change')));
      expect(dataRows(el)).to.have.length(50);
      expect(text($(el, '.pager .range'))).to.equal(`Lignes 1–50 sur ${fmt(total)}`);
    });
  });

  describe('download', () => {
    let saved: { blob: Blob; name: string }[];
    let restore: () => void;
    beforeEach(() => {
      saved = [];
      const create = URL.createObjectURL;
      const click = HTMLAnchorElement.prototype.click;
      const blobs = new Map<string, Blob>();
      URL.createObjectURL = (blob: Blob | MediaSource) => {
        const url = `blob:test/${blobs.size}`;
        blobs.set(url, blob as Blob);
        return url;
      };
      // The anchor the table clicks: keep the file instead of letting the browser save it.
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        if (this.download) saved.push({ blob: blobs.get(this.href)!, name: this.download });
        else click.call(this);
      };
      restore = () => {
        URL.createObjectURL = create;
        HTMLAnchorElement.prototype.click = click;
      };
    });
    afterEach(() => restore());

    const download = async (el: CultureTable) => {
      ($(el, 'button[part="download"]') as HTMLButtonElement).click();
      await waitUntil(() => saved.length > 0, 'no file saved', { timeout: 15_000 });
      const bytes = new Uint8Array(await saved[0]!.blob.arrayBuffer());
      return { bytes, text: new TextDecoder().decode(bytes.subarray(3)), name: saved[0]!.name };
    };

    it('writes decimal commas in French and decimal points in English (no thousands separator)', async () => {
      const cells = (csv: string) => csv.trim().split(/\r?\n/).slice(1).flatMap((line) => line.split(';'));
      const { el: fr } = await mount(p, { dataset: DATASETS.spending, download: true, lang: 'fr' });
      const french = cells((await download(fr)).text);
      expect(french.some((cell) => /^-?\d+,\d+$/.test(cell))).to.equal(true);
      expect(french.some((cell) => /^-?\d+\.\d+$/.test(cell))).to.equal(false);
      saved = [];
      const { el: en } = await mount(p, { dataset: DATASETS.spending, download: true, lang: 'en' });
      const english = cells((await download(en)).text);
      expect(english.some((cell) => /^-?\d+\.\d+$/.test(cell))).to.equal(true);
      expect(english.some((cell) => /^-?\d+,\d+$/.test(cell))).to.equal(false);
    });

    it('saves the current view (filter, search, sort, every page) as French-Excel CSV', async () => {
      const { el } = await mount(p, { dataset: DATASETS.museums, download: true, search: true, filter: 'annee >= 2020', columns: 'nom_du_musee, ville, annee, total', sort: 'ville', 'page-size': '10' });
      const view = await searchFor(el, 'jouet');
      const { bytes, text: csv, name } = await download(el);
      expect([...bytes.subarray(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
      expect(name).to.equal('frequentation-des-musees-de-france-1.csv');
      const lines = csv.trim().split(/\r?\n/);
      expect(lines[0]).to.equal('nom_du_musee;ville;annee;total');
      expect(lines).to.have.length(view.detail.total + 1);
      const rows = lines.slice(1).map((line) => line.split(';'));
      expect(rows.every((cells) => Number(cells[2]) >= 2020)).to.equal(true);
      expect(rows.every((cells) => /jouet/i.test(cells.join(' ')))).to.equal(true);
      const towns = rows.map((cells) => cells[1]!);
      expect(towns).to.deep.equal([...towns].sort((a, b) => a.localeCompare(b, 'fr')));
    });

    it('quotes what needs quoting', async () => {
      const { el } = await mount(p, { dataset: DATASETS.hostile, download: true });
      const { text: csv, name } = await download(el);
      expect(name).to.equal('jeu-de-donnees-hostile.csv');
      expect(csv).to.contain('"<img src=x onerror=""window.__xss=true"">"');
      expect(window.__xss).to.equal(undefined);
    });

    it('names a file after a dataset whose page URL is malformed, instead of failing on « URI malformed »', async () => {
      const dataset = await (await fetch(`${p.api}/1/datasets/${DATASETS.museums}/`)).json();
      await p.fault({ match: `/1/datasets/${DATASETS.museums}/`, status: 200, body: { ...dataset, slug: 'mus%E9es', page: 'https://www.data.gouv.fr/fr/datasets/mus%E9es-%/' } });
      const { el } = await mount(p, { dataset: DATASETS.museums, download: true, 'page-size': '5' });
      ($(el, 'button[part="download"]') as HTMLButtonElement).click();
      await waitUntil(() => saved.length > 0 || $(el, '.note[role=alert]'), 'neither a file nor a message', { timeout: 15_000 });
      expect(text($(el, '.note[role=alert]'))).to.equal('');
      expect(saved.map((s) => s.name)).to.deep.equal(['frequentation-des-musees-de-france-1.csv']);
      expect(downloadFilename({ citation: { datasetTitle: 'Musées', datasetUrl: 'https://www.data.gouv.fr/fr/datasets/mus%E9es-%/' }, fileUrl: 'x' })).to.equal('mus-e9es.csv');
    });

    it('neutralises spreadsheet formulas in cells and headers, numbers stay numbers', async () => {
      const { el } = await mount(p, { dataset: DATASETS.hostile, download: true });
      const { text: csv } = await download(el);
      const cells = csv.trim().split('\r\n').flatMap((line) => line.split(';')).map((cell) => cell.replace(/^"/, ''));
      expect(cells).to.include(`'=HYPERLINK(""http://evil.example"")"`);
      const negatives = cells.filter((cell) => /^-\d+(,\d+)?$/.test(cell));
      expect(cells.filter((cell) => /^[=+@\t\r-]/.test(cell) && !negatives.includes(cell))).to.deep.equal([]);
      expect(cells.some((cell) => /^'[=+@-]/.test(cell))).to.equal(true);
      expect(negatives).to.include('-0,579'); // a longitude west of Greenwich, still a number
    });
  });

  describe('sizes out of range (DESIGN § Events)', () => {
    const warned = (el: HTMLElement) => {
      const warnings: CultureWarningDetail[] = [];
      el.addEventListener('culture-warning', (e) => warnings.push(e.detail));
      return warnings;
    };

    it('page-size="1e9" shows 1,000 rows a page at most, and says so', async () => {
      const el = document.createElement('culture-table');
      const seen = warned(el);
      for (const [name, value] of Object.entries({ api: p.api, 'tabular-api': p.tabularApi, dataset: DATASETS.museums, 'page-size': '1e9' })) el.setAttribute(name, value);
      const event = settled(el);
      (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
      expect((await event).type).to.equal('culture-load');
      await el.updateComplete;
      expect(dataRows(el)).to.have.length(1000);
      expect(seen.map((w) => [w.code, w.attribute, w.value, w.accepted])).to.deep.equal([['clamped', 'page-size', '1e9', '1000']]);
      expect(text($(el, '[part=warning]'))).to.contain('page-size="1e9"');
      const pages = await p.requests('/data/');
      expect(pages.every((r) => !/page_size=(\d{5,}|[2-9]\d{3})/.test(r.query))).to.equal(true);
    });

    it('height="100000000" scrolls in a 5,000 px box, and says so', async () => {
      const el = document.createElement('culture-table');
      const seen = warned(el);
      for (const [name, value] of Object.entries({ api: p.api, 'tabular-api': p.tabularApi, dataset: DATASETS.museums, height: '100000000' })) el.setAttribute(name, value);
      const event = settled(el);
      (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
      await event;
      await el.updateComplete;
      expect($(el, '.frame')!.getBoundingClientRect().height).to.be.closeTo(5000, 1);
      expect(seen.map((w) => [w.code, w.attribute, w.accepted])).to.deep.equal([['clamped', 'height', '5000']]);
    });

    it('a page-size that is not a number and a language the widgets do not speak are said in words', async () => {
      const el = document.createElement('culture-table');
      const seen = warned(el);
      for (const [name, value] of Object.entries({ api: p.api, 'tabular-api': p.tabularApi, dataset: DATASETS.museums, 'page-size': 'abc', lang: 'de' })) el.setAttribute(name, value);
      const event = settled(el);
      (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
      await event;
      await el.updateComplete;
      expect(dataRows(el)).to.have.length(20);
      expect(seen.map((w) => [w.attribute, w.value, w.accepted])).to.have.deep.members([['page-size', 'abc', ''], ['lang', 'de', 'fr']]);
      expect(text($(el, '[part=warning]'))).to.contain('page-size="abc" n’est pas un nombre (de 1 à 1000) : valeur par défaut.')
        .and.to.contain('lang="de" n’est pas une valeur possible (fr, en) : fr est utilisé.');
    });
  });

  describe('virtual scroll', () => {
    it('keeps a bounded number of rows in the DOM over 500,000 rows, fetching pages on demand', async () => {
      const { el, event } = await mount(p, { dataset: DATASETS.ticketing, height: '400' });
      expect(event.type, (event as CultureErrorEvent).detail.message).to.equal('culture-load');
      expect((event as CultureLoadEvent).detail.total).to.equal(500_000);
      const frame = $(el, '.frame')!;
      expect(frame.classList.contains('virtual')).to.equal(true);
      expect(frame.getBoundingClientRect().height).to.be.closeTo(400, 1);
      expect($(el, 'table')!.getAttribute('aria-rowcount')).to.equal('500001');
      expect($$(el, 'tbody tr').length).to.be.below(60);
      expect($(el, '.pager')).to.equal(null);
      expect(text($(el, '.count'))).to.equal('500 000 lignes');

      frame.scrollTop = frame.scrollHeight / 2;
      await waitUntil(() => {
        const rows = dataRows(el);
        return rows.length > 5 && Number(rows[0]!.dataset.index) > 200_000 && !$(el, 'tr.placeholder');
      }, 'middle rows never arrived', { timeout: 15_000 });
      expect($$(el, 'tbody tr').length).to.be.below(60);
      const middle = Number(dataRows(el)[0]!.dataset.index);
      expect(dataRows(el)[0]!.getAttribute('aria-rowindex')).to.equal(String(middle + 2));

      // A flick through the resource: rows scrolled past are never all fetched.
      for (let i = 1; i <= 10; i++) {
        frame.scrollTop = (frame.scrollHeight * i) / 11;
        await new Promise((r) => requestAnimationFrame(r));
      }
      frame.scrollTop = frame.scrollHeight;
      await waitUntil(() => dataRows(el).some((tr) => tr.dataset.index === '499999') && !$(el, 'tr.placeholder'), 'last row never arrived', { timeout: 15_000 });
      expect($$(el, 'tbody tr').length).to.be.below(60);
      const pages = await p.requests('/data/');
      expect(pages.length).to.be.below(20);
    });

    it('a click on a scrolled row selects that row', async () => {
      const { el } = await mount(p, { dataset: DATASETS.ticketing, height: '300', columns: 'lieu, annee' });
      const frame = $(el, '.frame')!;
      frame.scrollTop = 4000;
      await waitUntil(() => dataRows(el).length > 0 && Number(dataRows(el)[0]!.dataset.index) > 50 && !$(el, 'tr.placeholder'), 'rows', { timeout: 15_000 });
      // The recycled rows never drag the scroll position along (no scroll anchoring feedback).
      expect(frame.scrollTop).to.be.closeTo(4000, 1);
      const tr = dataRows(el)[3]!;
      const selected = oneEvent(el, 'culture-select');
      (tr.children[0] as HTMLElement).click();
      expect((await selected).detail.row.lieu).to.equal(text(tr.children[0]));
    });
  });

  describe('states', () => {
    it('shows a skeleton while loading', async () => {
      await p.fault({ match: '/data/', hang: true });
      const el = document.createElement('culture-table');
      el.setAttribute('api', p.api);
      el.setAttribute('tabular-api', p.tabularApi);
      el.setAttribute('dataset', DATASETS.museums);
      await fixture(html`<div>${el}</div>`);
      await waitUntil(() => $(el, '[part="loading"]'), 'no skeleton');
      expect($(el, '[part="loading"]')!.getAttribute('aria-busy')).to.equal('true');
      expect($(el, 'table')).to.equal(null);
      el.remove();
    });

    it('offers the closest real values of an equality filter, from the profile when the API refuses to group', async () => {
      const { el, event } = await mount(p, { dataset: DATASETS.museumList, filter: '"Région administrative" = bretagnee', lang: 'en' });
      expect(event.type).to.equal('culture-load');
      expect((event as CultureLoadEvent).detail.rows).to.equal(0);
      expect(text($(el, '.no-rows'))).to.equal('No rows for Région administrative = bretagnee. Close values: Bretagne (61)');
      expect(await p.requests('/data/csv/')).to.have.length(0);
    });

    it('says what is wrong with a 20,000-value in filter', async () => {
      const values = Array.from({ length: 20000 }, (_, i) => `Ville ${i}`).join('|');
      const { el, event } = await mount(p, { dataset: DATASETS.museums, filter: `ville in ${values}` });
      expect(event.type).to.equal('culture-error');
      expect(text($(el, '[role=alert]'))).to.match(/trop de valeurs pour « ville in … » \(20 000, au plus 1 000\)/);
      expect(await p.requests('/data/')).to.have.length(0);
    });

    it('says a src that is no web address is refused, not « CORS »', async () => {
      const { el: js } = await mount(p, { src: 'javascript:alert(1)//data.csv' });
      expect(text($(js, '[role=alert]'))).to.contain('Adresse refusée (src) : « javascript:alert(1)//data.csv » n’est pas une adresse https:// ou http://.');
    });

    it('says « Aucune ligne ne correspond » and keeps the header and the search box', async () => {
      const { el, event } = await mount(p, { dataset: DATASETS.museums, filter: 'annee = 1850', search: true });
      expect((event as CultureLoadEvent).detail.total).to.equal(0);
      expect(text($(el, '[part="empty"]'))).to.equal('Aucune ligne ne correspond');
      expect(headers(el).length).to.be.above(3);
      expect($(el, 'input[type="search"]')).to.exist;
      expect($(el, '.pager')).to.equal(null);
    });

    const failures: [string, Attributes, (p: Portal) => Promise<unknown>, string][] = [
      ['not-found', { dataset: 'ce-jeu-n-existe-pas' }, async () => undefined, 'not-found'],
      ['gone', { dataset: DATASETS.deleted }, async () => undefined, 'gone'],
      ['server', { dataset: DATASETS.museums }, (p) => p.fault({ match: '/data/', status: 500, body: { errors: [{ title: 'boom', detail: 'boom' }] } }), 'server'],
      ['rate-limited', { dataset: DATASETS.museums }, (p) => p.fault({ match: '/data/', status: 429, retryAfter: 0 }), 'rate-limited'],
      ['cors', { dataset: DATASETS.noCors }, async () => undefined, 'cors'],
      ['bad-filter', { dataset: DATASETS.museums, filter: 'annee >>> 3' }, async () => undefined, 'bad-filter'],
      ['unknown-column', { dataset: DATASETS.museums, filter: 'nope = 3' }, async () => undefined, 'unknown-column'],
    ];
    for (const [name, attributes, arrange, code] of failures) {
      it(`error ${name}: role="alert" with core's message, and culture-error`, async () => {
        await arrange(p);
        const { el, event } = await mount(p, attributes);
        expect(event.type).to.equal('culture-error');
        expect((event as CultureErrorEvent).detail.code).to.equal(code);
        const alert = $(el, '[role="alert"]')!;
        expect(alert).to.exist;
        expect(text(alert)).to.contain((event as CultureErrorEvent).detail.message.replace(/[\s\u202f\u00a0]+/g, ' ').trim());
        expect($(el, 'table')).to.equal(null);
      });
    }

    it('a body cut halfway still ends in the error state', async () => {
      await p.fault({ match: '/data/', truncate: true });
      const { el, event } = await mount(p, { dataset: DATASETS.museums });
      expect(event.type).to.equal('culture-error');
      expect((event as CultureErrorEvent).detail.code).to.equal('network');
      expect(text($(el, '[role="alert"]'))).to.contain('Le réseau ne répond pas');
      expect(text($(el, '[role="alert"]'))).not.to.match(/failed to fetch|network error/i);
      expect($(el, 'table')).to.equal(null);
    });

    it('error timeout', async () => {
      const previous = configureCore({ timeout: 400, retries: 0 });
      try {
        await p.fault({ match: '/data/', hang: true });
        const { el, event } = await mount(p, { dataset: DATASETS.museums });
        expect((event as CultureErrorEvent).detail.code).to.equal('timeout');
        expect($(el, '[role="alert"]')).to.exist;
      } finally {
        configureCore(previous);
      }
    });

    it('error too-large on the file path', async () => {
      const previous = configureCore({ maxFileSize: 1000 });
      try {
        const { el, event } = await mount(p, { dataset: DATASETS.festivals });
        expect((event as CultureErrorEvent).detail.code).to.equal('too-large');
        expect($(el, '[role="alert"]')).to.exist;
      } finally {
        configureCore(previous);
      }
    });
  });

  describe('safety and races', () => {
    it('renders the hostile dataset as text', async () => {
      const { el } = await mount(p, { dataset: DATASETS.hostile, search: true, download: true, bars: 'valeur' });
      expect(dataRows(el).length).to.be.above(0);
      expect(el.shadowRoot!.querySelector('img, svg, script, b, i')).to.equal(null);
      expect(headers(el).join(' ')).to.contain('<img src=x onerror="window.__xss=true">');
      expect(text($(el, 'tbody'))).to.contain('<svg onload=window.__xss=true>');
      for (const a of $$(el, 'tbody a')) expect((a as HTMLAnchorElement).protocol).to.match(/^https?:$/);
      expect(text($(el, 'tbody'))).to.contain('javascript:window.__xss=true//');
      // The hostile column names hold `"` and `=`: the search runs locally; the payload typed by
      // the reader never runs either.
      await searchFor(el, '<img src=x onerror=window.__xss=true>', { allowError: true });
      expect(el.shadowRoot!.querySelector('img, svg, script')).to.equal(null);
      expect(window.__xss).to.equal(undefined);
    });

    it('a slow earlier request never wins over a later attribute change', async () => {
      await p.fault({ match: `${RESOURCES.museums}/data/`, latency: 1500, times: 1 });
      const el = document.createElement('culture-table');
      el.setAttribute('api', p.api);
      el.setAttribute('tabular-api', p.tabularApi);
      el.setAttribute('dataset', DATASETS.museums);
      // Every header ever rendered, whatever the moment.
      const seen = new Set<string>();
      const observer = new MutationObserver(() => headers(el).forEach((h) => seen.add(h)));
      await fixture(html`<div>${el}</div>`);
      observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
      await waitUntil(async () => (await p.requests(`${RESOURCES.museums}/data/`)).length > 0, 'first request never sent');
      const loaded = oneEvent(el, 'culture-load');
      el.setAttribute('dataset', DATASETS.museumList);
      const event = (await loaded) as CultureLoadEvent;
      expect(event.detail.source.resourceId).to.equal(RESOURCES.museumList);
      // Let the slow answer come back, then look again.
      await waitUntil(async () => (await p.requests(`${RESOURCES.museums}/data/`)).every((r) => r.status !== null), 'slow request', { timeout: 5000 });
      await new Promise((r) => setTimeout(r, 100));
      await el.updateComplete;
      observer.disconnect();
      expect(headers(el)).to.include('Nom officiel du musée');
      expect([...seen]).not.to.include('IDPatrimostat');
      expect(text($(el, 'caption'))).not.to.match(/Fréquentation/);
    });
  });

  describe('rows', () => {
    it('culture-select on click and on Enter, arrows move between rows', async () => {
      const { el } = await mount(p, { dataset: DATASETS.museums, columns: 'nom_du_musee, ville' });
      const rows = dataRows(el);
      let selected = oneEvent(el, 'culture-select');
      (rows[2]!.children[0] as HTMLElement).click();
      let row: Row = (await selected).detail.row;
      expect(row.nom_du_musee).to.equal(text(rows[2]!.children[0]));
      await el.updateComplete;
      // Roving tab stop: the activated row is the one Tab reaches.
      expect(rows.map((tr) => tr.tabIndex).filter((i) => i === 0)).to.have.length(1);
      expect(rows[2]!.tabIndex).to.equal(0);
      rows[2]!.focus();
      await sendKeys({ press: 'ArrowDown' });
      selected = oneEvent(el, 'culture-select');
      await sendKeys({ press: 'Enter' });
      row = (await selected).detail.row;
      expect(row.nom_du_musee).to.equal(text(rows[3]!.children[0]));
    });
  });

  describe('file path', () => {
    it('shows, sorts and searches a file-only resource', async () => {
      const { el, event } = await mount(p, { dataset: DATASETS.festivals, search: true, 'page-size': '10' });
      expect(event.type).to.equal('culture-load');
      expect(dataRows(el)).to.have.length(10);
      const first = headers(el)[0]!;
      await after(el, () => sortButton(el, first).click());
      expect(sortButton(el, first).closest('th')!.getAttribute('aria-sort')).to.equal('ascending');
      const found = await searchFor(el, 'jazz');
      expect(found.detail.total).to.be.above(0);
      for (const tr of dataRows(el)) expect(text(tr).toLowerCase()).to.contain('jazz');
    });
  });

  describe('with a <culture-source>', () => {
    it('reads the source and follows its live filters, starting again on page 1', async () => {
      await import('@culture-widgets/source/culture-source.js');
      const box = await fixture<HTMLDivElement>(html`<div>
        <culture-source id="musees" dataset=${DATASETS.museums} api=${p.api} tabular-api=${p.tabularApi}></culture-source>
      </div>`);
      const el = document.createElement('culture-table') as CultureTable;
      el.setAttribute('source', 'musees');
      el.setAttribute('columns', 'nom_du_musee, annee');
      const first = settled(el);
      box.append(el);
      expect((await first).type).to.equal('culture-load');
      await el.updateComplete;
      await after(el, () => ($(el, '.pager button[aria-label="Page suivante"]') as HTMLButtonElement).click());
      const source = box.querySelector('culture-source') as HTMLElement & { setFilter(key: string, clauses: unknown[] | null): void };
      await after(el, () => source.setFilter('annee', [{ column: 'annee', op: '=', value: '2019' }]));
      expect(column(el, 'annee').every((year) => year === '2019')).to.equal(true);
      expect(text($(el, '.pager .range'))).to.match(/^Lignes 1–20/);
    });
  });

  describe('eval-free file path (what a strict CSP gets)', () => {
    it('sorts and searches a file with the same results as arquero', async () => {
      const attributes = { dataset: DATASETS.festivals, search: true, 'page-size': '10' };
      const run = async () => {
        const { el } = await mount(await portal(), attributes);
        const first = headers(el)[1]!;
        await after(el, () => sortButton(el, first).click());
        await after(el, () => sortButton(el, first).click());
        const found = await searchFor(el, 'rock');
        return { total: found.detail.total, rows: dataRows(el).map(text) };
      };
      const arquero = await run();
      const previous = configureCore({ evalAllowed: false });
      try {
        expect(await run()).to.deep.equal(arquero);
      } finally {
        configureCore(previous);
      }
      expect(arquero.total).to.be.above(0);
    });
  });

  describe('layout and accessibility', () => {
    afterEach(() => setViewport({ width: 800, height: 600 }));

    it('on a 375 px phone the table scrolls inside its box, not the page', async () => {
      await setViewport({ width: 375, height: 700 });
      const { el } = await mount(p, { dataset: DATASETS.museums, search: true, download: true });
      const frame = $(el, '.frame')!;
      expect(frame.scrollWidth).to.be.above(frame.clientWidth);
      expect(document.documentElement.scrollWidth).to.be.at.most(375);
      expect(getComputedStyle($(el, 'th')!).position).to.equal('sticky');
    });

    it('on a phone it says the table scrolls sideways, and shades the edge that hides columns', async () => {
      await setViewport({ width: 375, height: 700 });
      const { el } = await mount(p, { dataset: DATASETS.museums, title: 'Liste et localisation des Musées de France, avec un titre long' });
      const frame = $(el, '.frame')!;
      await waitUntil(() => $(el, '.scroll-hint'), 'no scroll hint');
      expect(text($(el, '.scroll-hint'))).to.equal('Faites défiler horizontalement →');
      expect(frame.getAttribute('aria-describedby')).to.equal('scroll-hint');
      expect(frame.tabIndex).to.equal(0);
      expect($(el, '.frame-shadows')!.classList.contains('more-end')).to.equal(true);
      // The title wraps inside the page, whatever the table's width.
      expect($(el, '.title')!.getBoundingClientRect().right).to.be.at.most(375);
      frame.scrollLeft = frame.scrollWidth;
      await waitUntil(() => $(el, '.frame-shadows')!.classList.contains('more-start'), 'no start shade after scrolling');
      expect($(el, '.frame-shadows')!.classList.contains('more-end')).to.equal(false);
      await setViewport({ width: 800, height: 600 });
      const wide = await mount(p, { dataset: DATASETS.museums, columns: 'ville, total' });
      expect($(wide.el, '.scroll-hint')).to.equal(null);
    });

    it('has no axe violations, light and dark', async () => {
      const { el } = await mount(p, { dataset: DATASETS.museums, search: true, download: true, bars: 'total', sort: '-total', columns: 'nom_du_musee, ville, annee, total' });
      await expect(el).to.be.accessible();
      el.setAttribute('theme', 'dark');
      await el.updateComplete;
      expect(el.dataset.scheme).to.equal('dark');
      await expect(el).to.be.accessible();
    });

    it('has no axe violations in the virtual, empty and error states', async () => {
      const virtual = await mount(p, { dataset: DATASETS.ticketing, height: '300' });
      await expect(virtual.el).to.be.accessible();
      const empty = await mount(p, { dataset: DATASETS.museums, filter: 'annee = 1850' });
      await expect(empty.el).to.be.accessible();
      const error = await mount(p, { dataset: DATASETS.deleted, theme: 'dark' });
      await expect(error.el).to.be.accessible();
    });
  });
});
