import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ColumnInfo, Row } from '@culture-widgets/core';
import '../src/culture-table.js';
import type { CultureDataTable } from '../src/data-table.js';

declare global {
  interface Window {
    __xss?: boolean;
  }
}

const columns: ColumnInfo[] = [
  { name: 'nom', type: 'string' },
  { name: 'annee', type: 'integer', format: 'year' },
  { name: 'total', type: 'number' },
  { name: 'site', type: 'string', format: 'url' },
];
const rows: Row[] = [
  { nom: 'Musée A', annee: 2023, total: 1234.5, site: 'www.musee-a.fr' },
  { nom: 'Musée B', annee: 2022, total: null, site: 'javascript:window.__xss=true' },
  { nom: 'Musée C', annee: 2021, total: 99, site: '' },
];

const cellTexts = (el: HTMLElement) =>
  [...el.shadowRoot!.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim()));

describe('<culture-data-table>', () => {
  it('shows the rows it is given, formatted, with an accessible caption', async () => {
    const el = await fixture<CultureDataTable>(html`<culture-data-table lang="fr" caption="Entrées" .columns=${columns} .rows=${rows}></culture-data-table>`);
    const root = el.shadowRoot!;
    expect(root.querySelector('caption')!.textContent).to.equal('Entrées');
    expect([...root.querySelectorAll('th')].map((th) => th.textContent!.trim())).to.deep.equal(['nom', 'annee', 'total', 'site']);
    const [first, second] = cellTexts(el);
    expect(first![2]!.replace(/\s/g, ' ')).to.equal('1 234,5');
    expect(first![1]).to.equal('2023');
    expect(second![2]).to.match(/–\s*vide/);
    const link = root.querySelector('a')!;
    expect(link.getAttribute('href')).to.equal('https://www.musee-a.fr/');
    expect(link.rel).to.equal('noopener noreferrer');
    expect(root.querySelectorAll('a')).to.have.length(1);
    expect(root.querySelector('td.num')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('guesses columns from plain names', async () => {
    const el = await fixture<CultureDataTable>(html`<culture-data-table .columns=${['nom', 'total']} .rows=${rows}></culture-data-table>`);
    expect(cellTexts(el)[2]).to.deep.equal(['Musée C', '99']);
  });

  it('renders hostile text as text', async () => {
    const payload = '<img src=x onerror="window.__xss=true"><script>window.__xss=true</script>';
    const el = await fixture<CultureDataTable>(html`<culture-data-table caption=${payload} .columns=${[payload]} .rows=${[{ [payload]: payload }]}></culture-data-table>`);
    expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
    expect(el.shadowRoot!.querySelector('td')!.textContent).to.equal(payload);
    expect(window.__xss).to.equal(undefined);
  });

  it('sorts in place when sortable, nulls last', async () => {
    const el = await fixture<CultureDataTable>(html`<culture-data-table sortable .columns=${columns} .rows=${rows}></culture-data-table>`);
    const button = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('th button')[2]!;
    button.click();
    await el.updateComplete;
    expect(cellTexts(el).map((r) => r[0])).to.deep.equal(['Musée C', 'Musée A', 'Musée B']);
    expect(button.closest('th')!.getAttribute('aria-sort')).to.equal('ascending');
    button.click();
    await el.updateComplete;
    expect(cellTexts(el).map((r) => r[0])).to.deep.equal(['Musée A', 'Musée C', 'Musée B']);
  });

  it('fires culture-select on click and on Enter', async () => {
    const el = await fixture<CultureDataTable>(html`<culture-data-table .columns=${columns} .rows=${rows}></culture-data-table>`);
    const trs = el.shadowRoot!.querySelectorAll<HTMLElement>('tbody tr');
    setTimeout(() => trs[1]!.querySelector('td')!.click());
    expect((await oneEvent(el, 'culture-select')).detail.row).to.equal(rows[1]);
    trs[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    setTimeout(() => sendKeys({ press: 'Enter' }));
    expect((await oneEvent(el, 'culture-select')).detail.row).to.equal(rows[2]);
  });
});
