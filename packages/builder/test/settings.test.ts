import { expect, waitUntil } from '@open-wc/testing';
import '@culture-widgets/table/culture-table.js';
import '@culture-widgets/chart/culture-chart.js';
import '@culture-widgets/map/culture-map.js';
import '@culture-widgets/kpi/culture-kpi.js';
import '../src/culture-builder.js';
import { DATASETS } from '../../../test/helpers/portal.js';
import { load, loadOf, nextLoad, openBuilder, ui, useSamplePortal, withClipboard } from './builder-ui.js';

describe('<culture-builder> settings, shaping and copy', function () {
  this.timeout(60000);
  const sample = useSamplePortal();

  it('falls back to selecting the text when the clipboard refuses, and forgets "Copié" on change', async () => {
    const builder = await openBuilder(sample.p);
    const u = ui(builder);
    await load(builder, DATASETS.museums);
    u.tab('Lien de partage').click();
    await u.waitFor('#copy-share');
    let allow = false;
    await withClipboard(async () => {
      u.button('Copier le lien').click();
      const status = () => u.text(u.q('#copy-share')!.closest('.copy-block')!.querySelector('.copied'));
      await waitUntil(() => status().includes('Copie impossible'), 'no fallback message');
      const area = u.q<HTMLTextAreaElement>('#copy-share')!;
      expect(area.selectionEnd - area.selectionStart).to.equal(area.value.length);
      allow = true;
      u.button('Copier le lien').click();
      await waitUntil(() => status() === 'Copié !');
      u.card('Aires').click();
      await waitUntil(() => status() === '', 'the confirmation outlived a change');
    }, () => !allow);
  });


  it('applies the shaping recipes: a rate, decades, split values, per inhabitant', async function () {
    this.timeout(60000);
    const builder = await openBuilder(sample.p, { population: DATASETS.population });
    const u = ui(builder);
    await load(builder, DATASETS.museums);
    u.tab('Transformer').click();
    await builder.updateComplete;
    // « Calculer un taux »: free entries over the total, as a percentage
    u.choose('#rate-numerator', 'gratuit');
    u.choose('#rate-denominator', 'total');
    u.q<HTMLFormElement>('#rate-numerator')!.form!.requestSubmit();
    await builder.updateComplete;
    expect(u.preview()!.getAttribute('y')).to.equal('taux = sum(gratuit) / sum(total) * 100');
    expect(u.preview()!.getAttribute('unit')).to.equal('%');
    await loadOf(builder, (n) => n === 11);
    // « Regrouper par décennie » on the years
    u.choose('#decade-column', 'annee');
    const decades = loadOf(builder, (n) => n === 2);
    u.q<HTMLFormElement>('#decade-column')!.form!.requestSubmit();
    await decades; // 2014-2019, 2020-2029
    expect(u.preview()!.getAttribute('compute')).to.equal('decennie = decade(annee)');
    expect(u.preview()!.getAttribute('x')).to.equal('decennie');
    expect(u.text(u.q('.applied'))).to.contain('decade(annee)');
    // removing it gives the element its own choice back
    u.q<HTMLButtonElement>('.applied button[aria-label="Retirer Décennie"]')!.click();
    await builder.updateComplete;
    expect(u.preview()!.hasAttribute('compute')).to.equal(false);
    expect(u.preview()!.hasAttribute('x')).to.equal(false);

    // « Séparer les valeurs multiples »: the festivals' music sub-categories, one bar each
    await load(builder, DATASETS.festivals);
    u.card('Barres horizontales').click();
    u.tab('Transformer').click();
    await builder.updateComplete;
    u.choose('#split-column', 'Sous-catégorie musique');
    u.choose('#split-separator', ';');
    const split = nextLoad(builder);
    u.q<HTMLFormElement>('#split-column')!.form!.requestSubmit();
    expect((await split).rows).to.be.greaterThan(5);
    expect(u.preview()!.getAttribute('compute')).to.equal(`sous_categorie_musique_valeur = split("Sous-catégorie musique", ';')`);
    expect(u.preview()!.getAttribute('x')).to.equal('sous_categorie_musique_valeur');
    expect(u.preview()!.getAttribute('labels')).to.equal('sous_categorie_musique_valeur: Sous-catégorie musique');

    // « Rapporter à la population »: each département's spending per 1,000 inhabitants
    await load(builder, DATASETS.spending);
    u.tab('Transformer').click();
    await builder.updateComplete;
    await u.waitFor('#capita-code', 'the population columns');
    u.choose('#capita-key', 'Code département');
    u.choose('#capita-measure', 'Dépenses culturelles totales (€)');
    u.choose('#capita-code', 'DEP');
    u.choose('#capita-population', 'PMUN');
    u.choose('#capita-scale', '1');
    const perCapita = nextLoad(builder);
    u.q<HTMLFormElement>('#capita-key')!.form!.requestSubmit();
    expect((await perCapita).rows).to.be.greaterThan(90);
    expect(u.preview()!.getAttribute('join')).to.equal(`${DATASETS.population} on "Code département" = DEP`);
    expect(u.preview()!.getAttribute('y')).to.equal('par_habitant = sum("Dépenses culturelles totales (€)") / join.PMUN');
    expect(u.preview()!.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
  });


  it('is accessible at each step', async function () {
    this.timeout(180000);
    const builder = await openBuilder(sample.p);
    await expect(builder).to.be.accessible();
    const u = ui(builder);
    u.tab('Chercher').click();
    await builder.updateComplete;
    await expect(builder).to.be.accessible();
    u.tab('Coller un lien').click();
    await builder.updateComplete;
    await load(builder, DATASETS.museums);
    await u.waitFor('#copy-script');
    for (const tab of ['Réglages', 'Filtres', 'Transformer', 'Textes']) {
      u.tab(tab).click();
      await builder.updateComplete;
      if (tab === 'Filtres') {
        u.button('Ajouter une condition').click();
        await builder.updateComplete;
      }
      for (const details of builder.shadowRoot!.querySelectorAll('details')) details.open = true;
      await builder.updateComplete;
      // svg-img-alt: Vega's mark groups inside the previewed chart (the chart's own check, reported).
      await expect(builder, tab).to.be.accessible({ ignoredRules: ['svg-img-alt'] });
    }
    for (const tab of ['Code à coller', 'CMS sans script (WordPress…)', 'Lien de partage']) {
      u.tab(tab).click();
      await builder.updateComplete;
      await expect(builder, tab).to.be.accessible({ ignoredRules: ['svg-img-alt'] });
    }
    // the dashboard: a key figure and the table, a filter for readers, « Que copier ? », the list
    // being edited; then other data, its add button disabled with the reason
    for (const card of ['Chiffre clé', 'Tableau']) {
      u.card(card).click();
      await builder.updateComplete;
      u.button('Ajouter ce widget au tableau de bord').click();
      await builder.updateComplete;
    }
    u.q<HTMLInputElement>('.controls input[value="region"]')!.click();
    u.button(/^Modifier/).click();
    await builder.updateComplete;
    expect(u.all('.dashboard-list li.editing')).to.have.length(1);
    await expect(builder, 'dashboard').to.be.accessible({ ignoredRules: ['svg-img-alt'] });
    await load(builder, DATASETS.museumList);
    await u.waitFor('#dashboard-other');
    await expect(builder, 'dashboard on other data').to.be.accessible({ ignoredRules: ['svg-img-alt'] });
  });
});
