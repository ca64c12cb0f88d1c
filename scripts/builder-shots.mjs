// Screenshots of <culture-builder> through a whole flow (a 1280 px screen and a 375 px phone,
// light and dark as the reader's system asks: prefers-color-scheme, the builder on theme auto), against the sample portal, in headless Chromium, the page served under
// `Content-Security-Policy: script-src 'self'`. Images go to /tmp, never to the repository.
//   node scripts/builder-shots.mjs [--out /tmp/builder-shots] [--only 1280-light]
// Any CSP violation, page error or page wider than the screen fails the script; the measures of
// the form (controls sticking out of their box, fields of unequal heights) are printed.
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openTab, startShots } from './shots.mjs';

const { values } = parseArgs({ options: { out: { type: 'string', default: '/tmp/builder-shots' }, only: { type: 'string' } } });
const out = values.out;

const shots = await startShots({ out, entry: { 'culture-widgets': 'packages/culture-widgets/src/index.ts' } });
for (const file of ['preview-reporter.js', 'embed-resizer.js']) copyFileSync(join('examples', file), join(out, file));
writeFileSync(
  join(out, 'embed.js'),
  `import { mountEmbed } from './js/culture-widgets.js';\nmountEmbed(document.getElementById('widget'), location.search);\n`,
);
writeFileSync(join(out, 'embed.html'), `<!doctype html><html lang="fr"><head><meta charset="utf-8"><script type="module" src="./embed.js"></script></head><body><main id="widget"></main></body></html>`);

writeFileSync(
  join(out, 'light.html'),
  `<!doctype html><html lang="fr"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,"><link rel="stylesheet" href="./page.css">
<script type="module" src="./js/culture-widgets.js"></script></head><body>
<main class="page"><h1>Le constructeur de widgets</h1>
<culture-builder ${shots.data} script-base="./js/" embed-base="./"></culture-builder></main>
</body></html>`,
);
writeFileSync(
  join(out, 'page.css'),
  `body{margin:0;font-family:system-ui,sans-serif}@media (prefers-color-scheme:dark){body{background:#161616;color:#eee}}.page{max-width:72rem;margin:0 auto;padding:1rem}`,
);

/** Boxes of the form that stick out of their container, and the heights of the main fields. */
const measure = () => {
  const root = document.querySelector('culture-builder').shadowRoot;
  const problems = [];
  for (const control of root.querySelectorAll('input:not([type=radio]):not([type=checkbox]), select, textarea, button')) {
    const box = control.getBoundingClientRect();
    if (!box.width) continue;
    const parent = control.closest('fieldset, .step, .field')?.getBoundingClientRect();
    if (parent && box.right > parent.right + 0.5) problems.push(`${control.id || control.localName} sticks out ${Math.round(box.right - parent.right)} px`);
    if (control.localName !== 'textarea' && control.localName !== 'button' && Math.round(box.height) !== 40) problems.push(`${control.id || control.localName} is ${Math.round(box.height)} px tall`);
  }
  return problems;
};

const steps = [
  ['start', async () => {}],
  [
    'data',
    async (tab) => {
      await tab.locator('culture-builder #dataset-link').fill('https://www.data.gouv.fr/fr/datasets/frequentation-des-musees-de-france/');
      await tab.locator('culture-builder button', { hasText: 'Charger' }).click();
      await tab.waitForFunction(() => document.querySelector('culture-builder').shadowRoot.querySelector('#preview > *')?.shadowRoot?.querySelector('svg path'), null, { timeout: 60000 });
      // the key figure's card shows its figure, drawn from the data
      await tab.waitForFunction(() => document.querySelector('culture-builder').shadowRoot.querySelector('#card-kpi')?.closest('.card').querySelector('svg text')?.textContent.trim(), null, { timeout: 60000 });
    },
  ],
  [
    'filters',
    async (tab) => {
      const b = tab.locator('culture-builder');
      await b.locator('[role=tab]', { hasText: 'Filtres' }).click();
      await b.locator('button', { hasText: 'Ajouter une condition' }).click();
      await b.locator('#filter-0-column').selectOption('region');
      await b.locator('#filter-0-value option', { hasText: 'BRETAGNE' }).first().waitFor({ state: 'attached', timeout: 30000 });
      await b.locator('#filter-0-value').selectOption('BRETAGNE');
      await b.locator('button', { hasText: 'Ajouter une condition' }).click();
      await b.locator('#filter-1-column').selectOption('annee');
      await b.locator('#filter-1-op').selectOption('>=');
      await b.locator('#filter-1-value').fill('2018');
      await b.locator('#filter-1-value').press('Tab');
    },
  ],
  [
    'shape',
    async (tab) => {
      const b = tab.locator('culture-builder');
      await b.locator('[role=tab]', { hasText: 'Transformer' }).click();
      await b.locator('summary', { hasText: 'Calculer un taux' }).click();
    },
  ],
  [
    'texts',
    async (tab) => {
      const b = tab.locator('culture-builder');
      await b.locator('[role=tab]', { hasText: 'Textes' }).click();
      await b.locator('#opt-title').fill('Entrées en Bretagne depuis 2018');
      await b.locator('#opt-title').press('Tab');
    },
  ],
  [
    'kpi',
    async (tab) => {
      const b = tab.locator('culture-builder');
      await b.locator('.gallery .card', { hasText: 'Chiffre clé' }).click();
      await b.locator('[role=tab]', { hasText: 'Réglages' }).click();
      await b.locator('#opt-compare').selectOption('annee');
      await b.locator('#opt-compare-value option[value="2019"]').waitFor({ state: 'attached', timeout: 30000 });
      // the figure compared with 2019 once the preview has loaded it (not its label alone)
      await tab.evaluate(() => {
        window.__compared = false;
        document.querySelector('culture-builder').addEventListener('culture-load', () => (window.__compared = true), { once: true });
      });
      await b.locator('#opt-compare-value').selectOption('2019');
      await tab.waitForFunction(() => window.__compared, null, { timeout: 30000 });
    },
  ],
  [
    'dashboard',
    async (tab) => {
      const b = tab.locator('culture-builder');
      await b.locator('button', { hasText: 'Ajouter ce widget au tableau de bord' }).click();
      for (const card of ['Barres horizontales', 'Tableau']) {
        await b.locator('.gallery .card', { hasText: card }).click();
        await b.locator('button', { hasText: 'Ajouter ce widget au tableau de bord' }).click();
      }
      await b.locator('.controls input[value="region"]').check();
    },
  ],
  [
    'trial',
    async (tab) => {
      await tab.locator('culture-builder button', { hasText: 'Essayer ce code' }).click();
      await tab.waitForFunction(() => /widgets affichés|erreur|pas pu/.test(document.querySelector('culture-builder').shadowRoot.querySelector('.trial-status')?.textContent ?? ''), null, { timeout: 60000 });
    },
  ],
];

try {
  for (const [width, scheme] of [[1280, 'light'], [1280, 'dark'], [375, 'light'], [375, 'dark']]) {
    const name = `${width}-${scheme}`;
    if (values.only && values.only !== name) continue;
    const { context, tab, problems } = await openTab(shots.browser, width, { consoleErrors: true, colorScheme: scheme });
    await tab.goto(`${shots.url}/light.html`);
    await tab.waitForFunction(() => document.querySelector('culture-builder')?.shadowRoot?.querySelector('.catalogue.online'), null, { timeout: 30000 });
    for (const [step, act] of steps) {
      try {
        await act(tab);
      } catch (error) {
        console.log(name, step, 'FAILED', error.message.split('\n')[0]);
        process.exitCode = 1;
      }
      const report = await tab.evaluate(measure);
      const pageWidth = await tab.evaluate(() => document.documentElement.scrollWidth);
      await tab.screenshot({ path: join(out, `${name}-${step}.png`), fullPage: true });
      // the step being worked on, at full resolution
      const heading = { start: 'step1', data: 'step1', dashboard: 'step-dashboard', trial: 'step-copy' }[step] ?? 'step2';
      const section = tab.locator(`culture-builder section[aria-labelledby=${heading}]`);
      if (await section.count()) await section.screenshot({ path: join(out, `${name}-${step}-step.png`) });
      if (step === 'trial') {
        // the trial page whole: a frame of another process is painted only where the window is
        await tab.setViewportSize({ width, height: 4000 });
        await tab.locator('culture-builder iframe.trial-frame').screenshot({ path: join(out, `${name}-trial-frame.png`) });
        await tab.setViewportSize({ width, height: 900 });
      }
      console.log(name, step, report.length ? report.join('; ') : 'form boxes fit', pageWidth > width ? `page ${pageWidth} px wide` : '');
      if (pageWidth > width) process.exitCode = 1;
    }
    const csp = await tab.evaluate(() => window.__csp);
    if (csp.length || problems.length) {
      console.log(name, 'CSP', csp, problems);
      process.exitCode = 1;
    }
    await context.close();
  }
} finally {
  await shots.close();
}
console.log(`screenshots in ${out}`);
