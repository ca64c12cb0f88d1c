/**
 * The builder end to end, as the issue's « Done when » asks: a link pasted, a card chosen, the
 * plain controls and the filter builder, the code copied and run in a blank page of another
 * origin (the builder's own sandboxed trial), the iframe code too; every option shown in words;
 * the whole flow with the keyboard alone.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '@culture-widgets/table/culture-table.js';
import '@culture-widgets/chart/culture-chart.js';
import '@culture-widgets/map/culture-map.js';
import '@culture-widgets/kpi/culture-kpi.js';
import '../src/culture-builder.js';
import { columnTitle } from '@culture-widgets/core';
import { OPTIONS } from '../src/schema.generated.js';
import { builderMessages, optionWords, type CultureBuilder } from '../src/index.js';
import { DATASETS, type Portal } from '../../../test/helpers/portal.js';
import { parseSnippet } from './paste.js';
import { crossOrigin, load, loadOf, openBuilder, ui, useSamplePortal, withClipboard } from './builder-ui.js';

const MUSEUMS_PAGE = `https://www.data.gouv.fr/fr/datasets/${DATASETS.museums}/`;

/** The builder as `npm start` serves it: the library and the embed pages on another origin. */
const served = (p: Portal) => openBuilder(p, { 'script-base': crossOrigin('./site/'), 'embed-base': crossOrigin('./embed/') });

/** Rows the trial page says each widget shows, once it says so. */
async function trialRows(builder: CultureBuilder, expected: string): Promise<string> {
  const u = ui(builder);
  const shown = () => u.q('.trial-status')?.getAttribute('data-rows') === expected && /fonctionne|works/.test(u.text(u.q('.trial-status')));
  await waitUntil(shown, `the trial never showed ${expected} rows (${u.text(u.q('.trial-status'))})`, { timeout: 40000 });
  return u.text(u.q('.trial-status'));
}

/** « Filtres », then « Ajouter une condition » on `column` (the first condition). */
async function addCondition(builder: CultureBuilder, column: string): Promise<void> {
  const u = ui(builder);
  u.tab('Filtres').click();
  await builder.updateComplete;
  u.button('Ajouter une condition').click();
  await builder.updateComplete;
  u.choose('#filter-0-column', column);
  await builder.updateComplete;
}

describe('<culture-builder> end to end', function () {
  this.timeout(90000);
  const sample = useSamplePortal();

  it('link → card → plain controls → filter builder → copy: the code and the iframe show the same rows on another origin', async () => {
    const builder = await served(sample.p);
    const u = ui(builder);
    // the data: the dataset's page, as copied from data.gouv.fr
    await load(builder, MUSEUMS_PAGE);
    expect(u.text(u.q('.dataset-title'))).to.match(/Fréquentation des musées/i);

    // the gallery: bars by region
    u.card('Barres horizontales').click();
    await builder.updateComplete;
    expect(u.preview()!.getAttribute('x')).to.equal('region');

    // plain controls: the mean per region, largest first, the top 5
    u.choose('#opt-aggregate', 'mean');
    expect(u.shown('#opt-aggregate')).to.equal('Moyenne');
    u.q<HTMLDetailsElement>('.settings details.advanced')!.open = true;
    u.choose('#opt-sort', '-y');
    expect(u.shown('#opt-sort')).to.equal('Du plus grand au plus petit');
    u.type('#opt-limit', '5');

    // the filter builder: years from 2018, and not « BRETAGNE », picked from the real values
    await addCondition(builder, 'annee');
    expect(u.all<HTMLOptionElement>('#filter-0-op option').map((o) => u.text(o))).to.include.members(['est au moins', 'est inférieur à']);
    u.choose('#filter-0-op', '>=');
    await builder.updateComplete;
    u.type('#filter-0-value', '2018');
    u.button('Ajouter une condition').click();
    await builder.updateComplete;
    u.choose('#filter-1-column', 'region');
    await builder.updateComplete;
    u.choose('#filter-1-op', '!=');
    await u.waitFor('#filter-1-value option[value="BRETAGNE"]', 'the regions and their counts');
    expect(u.text(u.q('#filter-1-value option[value="BRETAGNE"]'))).to.match(/^BRETAGNE \(\d+\)$/);
    const shown = loadOf(builder, () => u.preview()!.getAttribute('filter') === 'annee >= 2018; region != BRETAGNE');
    u.choose('#filter-1-value', 'BRETAGNE');
    const { rows } = await shown;
    expect(rows).to.equal(5); // the top 5 (means are not folded into « Autres »)

    // copy: the code loads this server's library (another origin), the element carries every choice
    await withClipboard(async (copied) => {
      u.button('Copier le code').click();
      await waitUntil(() => copied.length === 1);
      const pasted = parseSnippet(copied[0]!);
      expect(pasted.querySelector('script')!.getAttribute('src')).to.equal(`${crossOrigin('./site/')}culture-widgets.js`);
      const chart = pasted.querySelector('culture-chart')!;
      for (const name of ['type', 'x', 'y', 'aggregate', 'sort', 'limit', 'filter', 'dataset', 'resource', 'api', 'tabular-api']) {
        expect(chart.getAttribute(name), name).to.equal(u.preview()!.getAttribute(name));
      }
    });

    // the code as copied, in a blank sandboxed page (an opaque origin): the same rows
    u.button('Essayer ce code').click();
    await builder.updateComplete;
    const frame = u.q<HTMLIFrameElement>('iframe.trial-frame')!;
    expect([...frame.sandbox]).to.deep.equal(['allow-scripts']);
    expect(frame.contentDocument, 'another origin: this page cannot read it').to.equal(null);
    expect(await trialRows(builder, String(rows))).to.equal('Le code fonctionne : 5 lignes affichées.');

    // « CMS sans script »: the iframe code, tried the same way (the embed page reports through its frame)
    u.tab('CMS sans script (WordPress…)').click();
    await builder.updateComplete;
    expect(u.all('.steps-list li')).to.have.length(3);
    const iframeCode = u.q<HTMLTextAreaElement>('#copy-cms')!.value;
    const embed = parseSnippet(iframeCode).querySelector('iframe')!;
    expect(new URL(embed.src).origin).to.equal(new URL(crossOrigin('./embed/')).origin);
    expect(new URL(embed.src).searchParams.get('filter')).to.equal('annee >= 2018; region != BRETAGNE');
    expect(await trialRows(builder, String(rows))).to.equal('Le code fonctionne : 5 lignes affichées.');
  });

  it('a key figure: entries in 2024 against 2019, in plain controls, tried on another origin', async () => {
    const builder = await served(sample.p);
    const u = ui(builder);
    await load(builder, DATASETS.museums);
    // the card shows the figure itself, drawn from the data
    const card = u.card('Chiffre clé').closest('.card')!;
    expect(u.text(card.querySelector('.card-what'))).to.equal('Total, en un chiffre');
    await waitUntil(() => card.querySelector('svg text')?.textContent?.trim(), 'the figure was never drawn');
    u.card('Chiffre clé').click();
    await builder.updateComplete;
    expect(u.preview()!.localName).to.equal('culture-kpi');
    expect(u.shown('#opt-value')).to.equal('Additionner');
    expect(u.shown('#opt-value-column')).to.equal('Total');
    // compared with 2019, picked from the years and their counts
    u.choose('#opt-compare', 'annee');
    await u.waitFor('#opt-compare-value option[value="2019"]', 'the years');
    u.choose('#opt-compare-value', '2019');
    await addCondition(builder, 'annee');
    const shown = loadOf(builder, () => u.preview()!.getAttribute('filter') === 'annee = 2024');
    u.type('#filter-0-value', '2024');
    await shown;
    expect(u.preview()!.getAttribute('compare')).to.equal('annee = 2019');
    expect(u.preview()!.getAttribute('value')).to.equal('sum(total)');
    // the figure compared with 2019 itself (the column alone first compared with every year)
    const change = () => u.text(u.preview()!.shadowRoot!.querySelector('[part~=change]')).replace(/[\u00a0\u202f]/g, ' ');
    await waitUntil(() => change() === '▼ -0,2 % par rapport à 2019', `the preview compares otherwise (${change()})`);
    u.button('Essayer ce code').click();
    expect(await trialRows(builder, '1')).to.equal('Le code fonctionne : 1 ligne affichée.');
  });

  it('a dashboard: a key figure, bars and a table on one source with a filter, as one code and one iframe on another origin', async () => {
    const builder = await served(sample.p);
    const u = ui(builder);
    await load(builder, DATASETS.museums);
    const rows: number[] = [];
    const add = async (card: string) => {
      const drawn = loadOf(builder, () => true);
      u.card(card).click();
      rows.push((await drawn).rows);
      u.button('Ajouter ce widget au tableau de bord').click();
      await builder.updateComplete;
    };
    await add('Chiffre clé');
    await add('Barres horizontales');
    await add('Tableau');
    expect(u.all('.dashboard-list li').map((li) => u.text(li.querySelector('.widget-name')))).to.deep.equal([
      'Chiffre clé : Total, en un chiffre', 'Barres horizontales : Total par région', 'Tableau : Toutes les lignes, 13 colonnes, à trier et chercher',
    ]);
    // readers filter by region
    u.q<HTMLInputElement>('.controls input[value="region"]')!.click();
    await builder.updateComplete;
    expect(u.q<HTMLInputElement>('input[name="copy-what"][value="dashboard"]')!.checked).to.equal(true);

    // one code: the source once, its filters, the widgets reading it
    const pasted = parseSnippet(u.q<HTMLTextAreaElement>('#copy-script')!.value);
    const id = pasted.querySelector('culture-source')!.id;
    expect(id).to.equal('frequentation-des-musees-de-france-1');
    expect(pasted.querySelector('culture-source')!.getAttribute('dataset')).to.equal(DATASETS.museums);
    expect([...pasted.querySelectorAll('culture-filter')].map((f) => f.getAttribute('column'))).to.deep.equal(['region', null]);
    expect(pasted.querySelector('culture-kpi-row > culture-kpi')!.getAttribute('source')).to.equal(id);
    expect([...pasted.querySelectorAll('[source]')].map((el) => el.localName)).to.deep.equal(['culture-filter', 'culture-filter', 'culture-kpi', 'culture-chart', 'culture-table']);
    expect(pasted.querySelectorAll('[dataset]')).to.have.length(1);

    // tried as it is, on another origin: every widget shows its rows
    const expected = [...rows].sort((a, b) => a - b).join(',');
    const sorted = () => (u.q('.trial-status')?.getAttribute('data-rows') ?? '').split(',').map(Number).sort((a, b) => a - b).join(',');
    u.button('Essayer ce code').click();
    await waitUntil(() => sorted() === expected, `the dashboard showed ${sorted()} rows, not ${expected}`, { timeout: 40000 });
    expect(u.text(u.q('.trial-status'))).to.match(/^Le code fonctionne : 3 widgets affichés/);
    // the iframe code: one embed page holding the whole dashboard
    u.tab('CMS sans script (WordPress…)').click();
    await builder.updateComplete;
    const src = new URL(parseSnippet(u.q<HTMLTextAreaElement>('#copy-cms')!.value).querySelector('iframe')!.src);
    expect(src.searchParams.get('element')).to.equal('dashboard');
    expect(src.searchParams.getAll('widget')).to.have.length(3);
    await waitUntil(() => sorted() === expected && /fonctionne/.test(u.text(u.q('.trial-status'))), `the dashboard iframe showed ${sorted()} rows`, { timeout: 40000 });

    // the share link reopens it
    u.tab('Lien de partage').click();
    await builder.updateComplete;
    const again = await openBuilder(sample.p);
    again.restoreFrom(new URL(u.q<HTMLTextAreaElement>('#copy-share')!.value).search);
    await again.updateComplete;
    const v = ui(again);
    await v.waitFor('.dashboard-list li');
    expect(v.all('.dashboard-list li')).to.have.length(3);
    expect(v.q<HTMLInputElement>('.controls input[value="region"]')!.checked).to.equal(true);
  });

  it('a script that cannot load is said, with the way out', async () => {
    const builder = await openBuilder(sample.p, { 'script-base': crossOrigin('./site/'), 'cdn-base': 'http://127.0.0.1:9/cdn/', 'embed-base': crossOrigin('./embed/') });
    const u = ui(builder);
    await load(builder, DATASETS.museums);
    u.q<HTMLInputElement>('input[name="script-from"][value="cdn"]')!.click();
    await builder.updateComplete;
    u.button('Essayer ce code').click();
    await waitUntil(() => /pas pu être chargé/.test(u.text(u.q('.trial-status'))), 'the failed script was not said', { timeout: 30000 });
    expect(u.text(u.q('.trial-status'))).to.equal('Le script n’a pas pu être chargé depuis http://127.0.0.1:9/cdn/culture-widgets.js. Hors ligne, ou paquet pas encore publié ? Choisissez « Ce serveur ».');
  });

  for (const lang of ['fr', 'en'] as const) {
    it(`no option value is shown as a code, every label comes from the messages (${lang})`, async () => {
      const messages = builderMessages(lang);
      const words = optionWords(lang);
      // every text the messages hold; a function's texts with their blanks (`{n} autres colonnes`)
      const known = new Set<string>();
      const patterns: RegExp[] = [];
      const BLANK = '\u2063';
      const collect = (value: unknown): void => {
        if (typeof value === 'string') known.add(value);
        else if (typeof value === 'function') {
          for (const args of [[BLANK, BLANK, BLANK], [1, BLANK], [2, BLANK]]) {
            let text: string;
            try {
              text = String((value as (...a: unknown[]) => unknown)(...args));
            } catch {
              continue; // a function of other arguments (a list of counts): never a label
            }
            patterns.push(new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').split(BLANK).join('.+')}$`));
          }
        } else if (Array.isArray(value)) value.forEach(collect);
        else if (value && typeof value === 'object') Object.values(value).forEach(collect);
      };
      collect(messages);
      collect(words);
      const fromMessages = (text: string) => known.has(text) || patterns.some((re) => re.test(text));
      const codes = new Set(Object.values(OPTIONS).flatMap((specs) => specs.flatMap((s) => ('options' in s ? [...s.options] : []))).map((v) => v.toLowerCase()));
      const cards: [string, string][] = [
        [DATASETS.museums, lang === 'en' ? 'Line chart' : 'Courbe'],
        [DATASETS.museums, lang === 'en' ? 'Key figure' : 'Chiffre clé'],
        [DATASETS.museumList, lang === 'en' ? 'Map of places' : 'Carte des lieux'],
        [DATASETS.museumList, lang === 'en' ? 'Table' : 'Tableau'],
      ];
      const builder = await openBuilder(sample.p, { lang });
      const u = ui(builder);
      let current = '';
      for (const [dataset, card] of cards) {
        if (dataset !== current) await load(builder, dataset);
        current = dataset;
        u.card(card).click();
        await builder.updateComplete;
        const columns = [...(u.q('table.data')?.querySelectorAll('th') ?? [])].map((th) => u.text(th.querySelector('.column-name')));
        const columnNames = [...(u.q('table.data')?.querySelectorAll('th') ?? [])].map((th) => {
          const type = u.text(th.querySelector('.column-type'));
          return type.includes(' · ') ? type.split(' · ')[1]! : u.text(th.querySelector('.column-name'));
        });
        for (const tab of Object.values(messages.settingsTabs)) {
          u.tab(tab).click();
          await builder.updateComplete;
          for (const details of builder.shadowRoot!.querySelectorAll('.settings details')) (details as HTMLDetailsElement).open = true;
          await builder.updateComplete;
          // the options of every select: a name from the messages or a column's title, never a code
          for (const option of u.all<HTMLOptionElement>('.settings option')) {
            const text = u.text(option);
            // a column's name is data, not a code (« Commune » is a column here, `commune` a level)
            if (columnNames.includes(option.value)) continue;
            expect(codes.has(text.toLowerCase()), `« ${text} » (${card}, ${tab}) is a code`).to.equal(false);
            // a closed set's value: the words the messages give it, for this element (or the data's)
            const select = option.closest('select')!;
            const element = u.preview()!.localName.replace('culture-', '') as keyof typeof OPTIONS;
            const key = (['data', element] as const).find((k) => OPTIONS[k].some((s) => `opt-${s.name}` === select.id));
            const spec = key && OPTIONS[key].find((s) => `opt-${s.name}` === select.id);
            if (spec && 'options' in spec && (spec.options as readonly string[]).includes(option.value)) {
              expect(text, `${key}.${spec.name} = ${option.value}`).to.equal((words as Record<string, { values?: Record<string, string> }>)[`${key}.${spec.name}`]!.values![option.value]);
            }
          }
          // every label, legend, summary and tab: the messages' words (or a column's name, for a column's own field)
          for (const label of u.all('.step label:not(.card):not(.check), .step legend, .step summary, [role="tab"], .step h3, .step h4')) {
            const text = u.text(label);
            const fromData = columns.includes(text) || label.closest('.label-fields') !== null || label.closest('.columns, .values') !== null;
            expect(fromMessages(text) || fromData, `« ${text} » (${card}, ${tab}) is not from the messages`).to.equal(true);
          }
          // checkboxes of columns show titles, not file names
          for (const check of u.all('.settings .columns .check')) {
            const name = check.querySelector('input')!.value;
            expect(u.text(check)).to.equal(columnTitle(name));
          }
        }
        if (dataset === DATASETS.museums) {
          u.button(messages.addToDashboard).click();
          await builder.updateComplete;
        }
      }
      // the dashboard (the museums' line and key figure; the list's data is other data) and what to copy: the messages' words,
      // its widgets named in words, its filters under the columns' titles
      const dashboard = u.q('section[aria-labelledby="step-dashboard"]')!;
      expect(dashboard.querySelectorAll('.dashboard-list li')).to.have.length(2);
      const texts = [...dashboard.querySelectorAll<HTMLElement>('h3, p, legend, button, .widget-name'), ...u.all('.copy-what legend, .copy-what label')];
      for (const el of texts) {
        for (const text of [u.text(el), el.getAttribute('aria-label')].filter((t): t is string => !!t)) {
          expect(fromMessages(text), `« ${text} » (dashboard) is not from the messages`).to.equal(true);
        }
      }
      for (const check of dashboard.querySelectorAll('.controls .check')) {
        expect(u.text(check)).to.equal(columnTitle(check.querySelector('input')!.value));
      }
    });
  }
});

describe('<culture-builder> with the keyboard alone', function () {
  this.timeout(90000);
  const sample = useSamplePortal();

  it('walks the whole flow: link, card, settings, a filter, copy, trial, a dashboard', async () => {
    const builder = await served(sample.p);
    const u = ui(builder);
    const focused = () => builder.shadowRoot!.activeElement as HTMLElement | null;
    /** Presses Tab (or Shift+Tab) until `test` holds for the focused element. */
    const tabTo = async (test: (el: HTMLElement) => boolean, what: string, back = false) => {
      for (let i = 0; i < 120; i++) {
        const el = focused();
        if (el && test(el)) return el;
        if (back) await sendKeys({ down: 'Shift' });
        await sendKeys({ press: 'Tab' });
        if (back) await sendKeys({ up: 'Shift' });
      }
      throw new Error(`Tab never reached ${what} (at ${focused()?.localName}#${focused()?.id})`);
    };
    const isButton = (label: string) => (el: HTMLElement) => el.localName === 'button' && u.text(el) === label;

    // 1. the link, typed, Enter: the next step gets the focus
    (document.activeElement as HTMLElement | null)?.blur();
    await tabTo((el) => el.id === 'dataset-link', 'the link field');
    await sendKeys({ type: DATASETS.museums });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused()?.id === 'step2', 'focus did not move to the visualisation step', { timeout: 20000 });
    await waitUntil(() => u.preview(), 'no preview');

    // 2. the gallery: Tab lands on the chosen card, an arrow picks the next one
    const card = await tabTo((el) => el.getAttribute('name') === 'gallery', 'the gallery');
    expect((card as HTMLInputElement).checked).to.equal(true);
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => u.preview()?.getAttribute('type') === 'column', 'the arrow did not pick the next card');

    // 3. the settings tabs: arrows move between them
    await tabTo((el) => el.getAttribute('role') === 'tab' && u.text(el) === 'Réglages', 'the settings tabs');
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => u.text(focused()) === 'Filtres' && focused()!.getAttribute('aria-selected') === 'true', 'the arrow did not select « Filtres »');

    // 4. a condition: added, its column and condition chosen with arrows, its value typed
    await tabTo(isButton('Ajouter une condition'), 'the add button');
    await sendKeys({ press: 'Enter' });
    await u.waitFor('#filter-0-column');
    const column = await tabTo((el) => el.id === 'filter-0-column', 'the column', true);
    while ((column as HTMLSelectElement).value !== 'annee') await sendKeys({ press: 'ArrowDown' });
    await tabTo((el) => el.id === 'filter-0-op', 'the condition');
    while ((focused() as HTMLSelectElement).value !== '>=') await sendKeys({ press: 'ArrowDown' });
    await tabTo((el) => el.id === 'filter-0-value', 'the value');
    await sendKeys({ type: '2020' });
    const filtered = loadOf(builder, (n) => n === 5);
    await sendKeys({ press: 'Tab' });
    await filtered;
    expect(u.preview()!.getAttribute('filter')).to.equal('annee >= 2020');

    // 5. copy, then try: Enter on each button
    await withClipboard(async (copied) => {
      await tabTo(isButton('Copier le code'), 'the copy button');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => copied.length === 1 && u.text(u.q('.copy-block .copied')) === 'Copié !', 'not copied');
    });
    await tabTo(isButton('Essayer ce code'), 'the trial button');
    await sendKeys({ press: 'Enter' });
    expect(await trialRows(builder, '5')).to.equal('Le code fonctionne : 5 lignes affichées.');
    expect(u.text(focused()), 'the focus stays on the button').to.equal('Arrêter l’essai');

    // 6. a dashboard: this chart added, a key figure picked in the gallery and added, a filter
    // for readers ticked; the trial follows the dashboard's code
    const add = isButton('Ajouter ce widget au tableau de bord');
    await tabTo(add, 'the add button', true);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => u.all('.dashboard-list li').length === 1, 'the chart was not added');
    await tabTo((el) => el.getAttribute('name') === 'gallery', 'the gallery', true);
    for (let i = 0; i < 20 && u.preview()?.localName !== 'culture-kpi'; i++) {
      await sendKeys({ press: 'ArrowRight' });
      await builder.updateComplete;
    }
    expect(u.preview()!.localName).to.equal('culture-kpi');
    await tabTo(add, 'the add button');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => u.all('.dashboard-list li').length === 2, 'the key figure was not added');
    await tabTo((el) => el.getAttribute('name') === 'control' && (el as HTMLInputElement).value === 'region', 'the region filter');
    await sendKeys({ press: 'Space' });
    await waitUntil(() => u.q<HTMLInputElement>('.controls input[value="region"]')!.checked, 'Space did not tick the filter');
    expect(u.q<HTMLInputElement>('input[name="copy-what"][value="dashboard"]')!.checked).to.equal(true);
    // moved up with Enter: the key figure first
    await tabTo((el) => el.localName === 'button' && /^Monter Chiffre clé/.test(el.getAttribute('aria-label') ?? ''), 'the move-up button', true);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => /^Chiffre clé/.test(u.text(u.q('.dashboard-list li .widget-name'))), 'the key figure did not move up');
    await tabTo(isButton('Arrêter l’essai'), 'the trial button');
    const dashboardShown = () => u.q('.trial-status')?.getAttribute('data-rows')?.split(',').sort().join(',') === '1,5' && /2 widgets/.test(u.text(u.q('.trial-status')));
    await waitUntil(dashboardShown, `the dashboard's trial showed ${u.q('.trial-status')?.getAttribute('data-rows')}`, { timeout: 40000 });
  });
});
