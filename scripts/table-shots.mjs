// Screenshots of <culture-table> (desktop light, dark, a 375 px phone) and a CSP check on both
// data paths, against the sample portal, in headless Chromium. Images go to /tmp, never to the
// repository.
//   node scripts/table-shots.mjs [--out /tmp/table-shots]
// The page is served with `Content-Security-Policy: script-src 'self'` (no 'unsafe-eval'): any
// violation, page error, executed payload or page wider than the screen fails the script.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openTab, startShots } from './shots.mjs';

const { values } = parseArgs({ options: { out: { type: 'string', default: '/tmp/table-shots' } } });
const out = values.out;

// One ESM bundle of the element, arquero split into a lazy chunk (as in dist/).
const shots = await startShots({ out, entry: { 'culture-table': 'packages/table/src/culture-table.ts' } });
const { data } = shots;
const tables = [
  ['museums', `dataset="frequentation-des-musees-de-france-1" ${data} columns="nom_du_musee, ville, region, annee, total" sort="-total" bars="total" search download filter="annee = 2023" page-size="10" title="Les musées les plus visités en 2023"`],
  ['virtual', `dataset="billetterie-du-spectacle-vivant" ${data} height="320"`],
  ['links', `dataset="liste-et-localisation-des-musees-de-france" ${data} filter="'Région administrative' = Bretagne" columns="Nom officiel du musée, Commune, Code Postal, URL" sort="Commune" page-size="5" search`],
  ['file', `dataset="liste-des-festivals-en-france" ${data} search page-size="5"`],
  ['spending', `dataset="depenses-culturelles-des-departements" ${data} page-size="5"`],
  ['empty', `dataset="frequentation-des-musees-de-france-1" ${data} filter="annee = 1850" search`],
  ['error', `dataset="jeu-de-donnees-supprime" ${data}`],
  ['hostile', `dataset="jeu-de-donnees-hostile" ${data} page-size="4" search`],
];

const page = (theme) => `<!doctype html><html lang="fr"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;margin:16px;background:${theme === 'dark' ? '#161616' : '#fff'}}
culture-table{margin-bottom:24px}</style>
<script type="module" src="./js/culture-table.js"></script></head><body>
${tables.map(([id, attrs]) => `<culture-table id="${id}" theme="${theme}" ${attrs}></culture-table>`).join('\n')}
</body></html>`;
writeFileSync(join(out, 'light.html'), page('light'));
writeFileSync(join(out, 'dark.html'), page('dark'));

try {
  for (const [name, file, width] of [['desktop', 'light', 1100], ['dark', 'dark', 1100], ['phone', 'light', 375]]) {
    const { context, tab, problems } = await openTab(shots.browser, width);
    await tab.goto(`${shots.url}/${file}.html`);
    // Every table settles: rows, the empty row, or an error.
    await tab.waitForFunction(
      (n) => [...document.querySelectorAll('culture-table')].filter((t) => t.shadowRoot?.querySelector('tbody tr[data-index], [part=empty], [role=alert]')).length === n,
      tables.length,
      { timeout: 60000 },
    );
    const report = await tab.evaluate(() => ({
      csp: window.__csp,
      xss: window.__xss,
      pageWidth: document.documentElement.scrollWidth,
      tables: [...document.querySelectorAll('culture-table')].map((t) => ({
        id: t.id,
        rows: t.shadowRoot.querySelectorAll('tbody tr[data-index]').length,
        range: t.shadowRoot.querySelector('.range, .count')?.textContent?.trim().replace(/\s+/g, ' '),
        error: t.shadowRoot.querySelector('[role=alert]')?.textContent?.trim().replace(/\s+/g, ' '),
      })),
    }));
    console.log(name, JSON.stringify(report), problems);
    // core probes once whether it may use `new Function` (to pick its local engine): that probe is
    // the one violation expected; any other fails the script.
    const violations = report.csp.filter((v, i) => !(v.startsWith('script-src eval') && report.csp.indexOf(v) === i));
    if (violations.length || report.xss !== undefined || problems.length || report.pageWidth > width) process.exitCode = 1;
    for (const [id] of tables) await tab.locator(`#${id}`).screenshot({ path: join(out, `${name}-${id}.png`) });
    await context.close();
  }
} finally {
  await shots.close();
}
console.log(`screenshots in ${out}`);
