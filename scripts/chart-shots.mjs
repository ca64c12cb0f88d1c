// Screenshots of <culture-chart> (every type, light and dark, a phone width) and a CSP check,
// against the sample portal, in headless Chromium. Images go to /tmp, never to the repository.
//   node scripts/chart-shots.mjs [--out /tmp/chart-shots]
// The page is served with `Content-Security-Policy: script-src 'self'` (no 'unsafe-eval'): the
// script reports every violation the browser raises.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openTab, startShots } from './shots.mjs';

const { values } = parseArgs({ options: { out: { type: 'string', default: '/tmp/chart-shots' } } });
const out = values.out;

// One ESM bundle of the element, Vega split into a lazy chunk (as in dist/).
const shots = await startShots({ out, entry: { 'culture-chart': 'packages/chart/src/culture-chart.ts' } });
const { data } = shots;
const museums = `dataset="frequentation-des-musees-de-france-1" ${data}`;
const list = `dataset="liste-et-localisation-des-musees-de-france" ${data}`;
const charts = [
  ['line', `${museums} type="line" x="annee" y="total" title="Entrées dans les musées de France"`],
  ['column', `${museums} type="column" x="annee" y="payant, gratuit" stack="true" title="Entrées payantes et gratuites"`],
  ['bar', `${museums} type="bar" x="nom_du_musee" y="total" limit="8" filter="annee = 2024" title="Les musées les plus visités en 2024"`],
  ['area', `${museums} type="area" x="annee" y="total" group="region" limit="5" title="Entrées par région"`],
  ['pie', `${list} type="pie" x="Région administrative" title="Musées par région"`],
  ['donut', `${list} type="donut" x="Région administrative" limit="5"`],
  ['heatmap', `${museums} type="heatmap" x="annee" y="total" group="region"`],
  ['scatter', `${museums} type="scatter" x="payant" y="gratuit" filter="annee = 2024"`],
  ['auto-list', `${list}`],
  ['facet', `${museums} type="line" x="annee" y="total" facet="region" height="120"`],
  ['hostile', `dataset="jeu-de-donnees-hostile" ${data}`],
  // the editorial options
  ['highlight', `${museums} type="bar" x="nom_du_musee" y="total" limit="10" filter="annee = 2024" highlight="Musée Magnin" reference="median" title="Les 10 musées les plus visités en 2024"`],
  ['highlight-series', `${museums} type="line" x="annee" y="total" group="region" limit="12" highlight="Bretagne"`],
  ['reference', `${museums} type="column" x="annee" y="total" reference="median, 14000000: objectif" x-title="Année" y-title="Entrées"`],
  ['pareto', `${museums} type="column" x="region" y="total" filter="annee = 2024" limit="12" cumulative="share" title="Pareto des régions"`],
  ['cumulative', `${museums} type="area" x="annee" y="total" cumulative="sum"`],
  ['delta', `${museums} type="bar" x="region" y="total" group="annee" filter="annee in 2019|2024" sort="-delta" limit="8"`],
  ['scatter-group', `${museums} type="scatter" x="payant" y="gratuit" group="region" aggregate="sum" filter="annee = 2024" highlight="Bretagne"`],
  ['warnings', `${museums} type="pie" x="region" y="total" limit="5" reference="moyen" cumulative="share" highlight="Atlantide"`],
];
// File-only resources (downloaded, parsed and aggregated in the page), on a page of their own:
// core probes whether eval is allowed before picking its local engine, and a strict CSP reports
// that probe as a violation (the eval-free engine then answers). Reported, not failed on.
const files = [
  ['festivals', `dataset="liste-des-festivals-en-france" ${data}`],
  ['spending', `dataset="depenses-culturelles-des-departements" ${data}`],
  ['monuments', `dataset="frequentation-des-monuments-nationaux" ${data}`],
];

const page = (theme, width, list = charts) => `<!doctype html><html lang="fr"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;margin:16px;background:${theme === 'dark' ? '#161616' : '#fff'}}
culture-chart{margin-bottom:24px;max-width:${width}px}</style>
<script type="module" src="./js/culture-chart.js"></script></head><body>
${list.map(([id, attrs]) => `<culture-chart id="${id}" theme="${theme}" ${attrs}></culture-chart>`).join('\n')}
</body></html>`;
writeFileSync(join(out, 'light.html'), page('light', 760));
writeFileSync(join(out, 'dark.html'), page('dark', 760));
writeFileSync(join(out, 'phone.html'), page('light', 360));
writeFileSync(join(out, 'files.html'), page('light', 760, files));

try {
  for (const [name, width, list] of [['light', 800, charts], ['dark', 800, charts], ['phone', 375, charts], ['files', 800, files]]) {
    const { context, tab, problems } = await openTab(shots.browser, width, { consoleErrors: true });
    await tab.goto(`${shots.url}/${name}.html`);
    // Every chart settles: drawn, or an error shown.
    await tab.waitForFunction(
      (n) => [...document.querySelectorAll('culture-chart')].filter((c) => c.shadowRoot?.querySelector('.view svg, [role=alert], .notice')).length === n,
      list.length,
      { timeout: 30000 },
    );
    const report = await tab.evaluate(() => ({
      csp: window.__csp,
      xss: window.__xss,
      charts: [...document.querySelectorAll('culture-chart')].map((c) => ({
        id: c.id,
        marks: c.shadowRoot.querySelectorAll('.view svg .role-mark path, .view svg .role-mark line').length,
        error: c.shadowRoot.querySelector('[role=alert]')?.textContent?.trim().replace(/\s+/g, ' '),
        description: c.shadowRoot.querySelector('#description')?.textContent,
      })),
    }));
    console.log(name, JSON.stringify(report, null, 1), problems);
    // A check as much as a picture: any CSP violation or executed payload fails the script.
    if ((report.csp.length && name !== 'files') || report.xss !== undefined) process.exitCode = 1;
    for (const [id] of list) {
      await tab.locator(`#${id}`).screenshot({ path: join(out, `${name}-${id}.png`) });
    }
    if (list === charts) {
      // the keyboard on the third bar of the highlighted top 10: ring, tooltip, announcement
      await tab.locator('#highlight').evaluate((c) => c.shadowRoot.querySelector('.chart').focus());
      for (const key of ['ArrowDown', 'ArrowDown', 'ArrowDown']) await tab.keyboard.press(key);
      console.log(name, 'keyboard:', await tab.locator('#highlight').evaluate((c) => c.shadowRoot.querySelector('[role=status]').textContent));
      await tab.locator('#highlight').screenshot({ path: join(out, `${name}-keyboard.png`) });
    }
    await context.close();
  }
} finally {
  await shots.close();
}
console.log(`screenshots in ${out}`);
