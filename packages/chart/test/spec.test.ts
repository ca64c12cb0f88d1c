import { expect } from '@open-wc/testing';
import { compile } from 'vega-lite';
import type { Row } from '@culture-widgets/core';
import { buildChartSpec, type ChartSpecInput } from '../src/spec.js';
import { resolveChart, type ChartOptions, type ChartType } from '../src/options.js';
import { boundWarnings, toChartData } from '../src/data.js';
import { chartWarning } from '../src/messages.js';
import { attendance, budgets, museums, tickets } from './profiles.js';

type Json = Record<string, any>;

const byYear: Row[] = [2014, 2015, 2016, 2017].map((annee, i) => ({ annee, total__sum: 1_000_000 + i * 250_000 }));
const byRegionYear: Row[] = ['Bretagne', 'Corse'].flatMap((region, r) =>
  [2014, 2015, 2016].map((annee, i) => ({ annee, region, total__sum: 100 * (r + 1) + i })),
);
const byRegion: Row[] = ['Bretagne', 'Corse', 'Normandie', 'Occitanie'].map((region, i) => ({ region, total__sum: (i + 1) * 1000 }));

/** The spec, its marks' view lifted to the top (lines and areas layer points over their marks). */
function spec(columns: typeof attendance, options: ChartOptions, rows: Row[], extra: Partial<ChartSpecInput> = {}): Json {
  const s = full(columns, options, rows, extra);
  return s.layer ? { ...s, ...s.layer[0], layers: s.layer } : s;
}

function full(columns: typeof attendance, options: ChartOptions, rows: Row[], extra: Partial<ChartSpecInput> = {}): Json {
  const s = buildChartSpec({ chart: resolveChart(columns, options), rows, width: 600, ...extra }) as Json;
  compile(s as never); // every generated spec must be valid Vega-Lite
  return s;
}

describe('buildChartSpec: one table row per type', () => {
  const cases: [ChartType, ChartOptions, Row[], string, Json][] = [
    ['column', { x: 'region', y: ['total'] }, byRegion, 'bar', { x: { field: 'x', type: 'nominal' }, y: { field: 'y', type: 'quantitative' } }],
    ['bar', { x: 'region', y: ['total'] }, byRegion, 'bar', { y: { field: 'x', type: 'nominal' }, x: { field: 'y', type: 'quantitative' } }],
    ['line', { x: 'annee', y: ['total'] }, byYear, 'line', { x: { field: 'x', type: 'quantitative' }, y: { field: 'y' } }],
    ['area', { x: 'annee', y: ['total'] }, byYear, 'area', { x: { field: 'x', type: 'quantitative' }, y: { field: 'y' } }],
    ['scatter', { x: 'population', y: ['depenses'] }, [{ population: 10, depenses: 2 }, { population: 20, depenses: 5 }], 'point', { x: { field: 'x', type: 'quantitative' }, y: { field: 'y' } }],
    ['pie', { x: 'region', y: ['total'] }, byRegion, 'arc', { theta: { field: 'y' }, color: { field: 'x' } }],
    ['donut', { x: 'region', y: ['total'] }, byRegion, 'arc', { theta: { field: 'y' }, color: { field: 'x' } }],
    ['heatmap', { x: 'annee', y: ['total'], group: 'region' }, byRegionYear, 'rect', { x: { field: 'x', type: 'ordinal' }, y: { field: 'series' }, color: { field: 'y' } }],
  ];
  for (const [type, options, rows, mark, encoding] of cases) {
    it(`${type} → ${mark} mark`, () => {
      const columns = type === 'scatter' ? budgets : attendance;
      const s = spec(columns, { ...options, type }, rows);
      expect(s.mark.type).to.equal(mark);
      for (const [channel, def] of Object.entries(encoding)) expect(s.encoding[channel], channel).to.include(def);
      expect(s.data.values).to.have.length(rows.length);
      expect(s.data.values[0]).to.include.keys(type === 'heatmap' ? ['x', 'y', 'order', 'series', 'rank', 'tip'] : ['x', 'y', 'order', 'tip']);
    });
  }

  it('heatmap without a group is one strip of cells', () => {
    const s = spec(attendance, { type: 'heatmap', x: 'annee', y: ['total'] }, byYear);
    expect(s.encoding.y).to.equal(undefined);
    expect(s.height).to.be.a('number');
  });

  it('the colour ramp of a heatmap fits a phone (its last label is not cut off), and keeps its length on a wide screen', () => {
    const options: ChartOptions = { type: 'heatmap', x: 'annee', y: ['total'], group: 'region' };
    expect(spec(attendance, options, byRegionYear, { width: 343 }).encoding.color.legend.gradientLength).to.equal(137);
    expect(spec(attendance, options, byRegionYear, { width: 760 }).encoding.color.legend.gradientLength).to.equal(200);
  });

  it('donut has a hole, pie has none', () => {
    expect(spec(attendance, { type: 'donut', x: 'region', y: ['total'] }, byRegion).mark.innerRadius).to.be.greaterThan(0);
    expect(spec(attendance, { type: 'pie', x: 'region', y: ['total'] }, byRegion).mark.innerRadius).to.equal(0);
  });
});

describe('buildChartSpec: options', () => {
  it('stack: grouped bars by default, stacked, normalized (100 %)', () => {
    const grouped = spec(attendance, { type: 'column', x: 'annee', y: ['total'], group: 'region' }, byRegionYear);
    expect(grouped.encoding.xOffset).to.include({ field: 'series' });
    expect(grouped.encoding.y.stack).to.equal(null);
    const stacked = spec(attendance, { type: 'column', x: 'annee', y: ['total'], group: 'region', stack: true }, byRegionYear);
    expect(stacked.encoding.xOffset).to.equal(undefined);
    expect(stacked.encoding.y.stack).to.equal('zero');
    const normalized = spec(attendance, { type: 'bar', x: 'annee', y: ['total'], group: 'region', stack: 'normalize' }, byRegionYear);
    expect(normalized.encoding.x.stack).to.equal('normalize');
    expect(normalized.encoding.x.axis.format).to.equal('.0%');
  });

  it('group → a colour per series with a fixed legend order', () => {
    const s = spec(attendance, { type: 'line', x: 'annee', y: ['total'], group: 'region' }, byRegionYear);
    expect(s.encoding.color).to.include({ field: 'series', title: 'region' });
    expect(s.encoding.color.sort).to.include({ field: 'rank' });
    expect(s.data.values.filter((v: Json) => v.rank === 0)[0].series).to.equal('Corse');
  });

  it('limit folds the rest into « Autres », ordered last', () => {
    const s = spec(attendance, { type: 'bar', x: 'region', y: ['total'], limit: 2 }, byRegion);
    expect(s.data.values.map((v: Json) => v.x)).to.deep.equal(['Occitanie', 'Normandie', 'Autres']);
    expect(s.encoding.y.sort).to.deep.equal({ field: 'order', op: 'min', order: 'ascending' });
  });

  it('« Autres » is drawn in the neutral colour', () => {
    const theme = { other: '#999999', palette: ['#111111', '#222222', '#333333'] };
    const bars = spec(attendance, { type: 'bar', x: 'region', y: ['total'], limit: 2 }, byRegion, { theme });
    expect(bars.encoding.color).to.deep.equal({ field: 'fill', type: 'nominal', scale: null });
    expect(bars.data.values.at(-1)).to.include({ x: 'Autres', other: true, fill: '#999999' });
    expect(bars.data.values[0]).to.include({ fill: '#111111' });
    const pie = spec(attendance, { type: 'pie', x: 'region', y: ['total'], limit: 2 }, byRegion, { theme });
    expect(pie.encoding.color.scale.range).to.deep.equal(['#111111', '#222222', '#999999']);
    const rows = ['A', 'B', 'C', 'D'].flatMap((region, i) => [2020, 2021].map((annee) => ({ annee, region, total__sum: i + 1 })));
    const lines = spec(attendance, { type: 'line', x: 'annee', y: ['total'], group: 'region', limit: 2 }, rows, { theme });
    expect(lines.encoding.color.scale.range).to.deep.equal(['#111111', '#222222', '#999999']);
    expect(new Set(lines.data.values.map((v: Json) => v.series))).to.deep.equal(new Set(['D', 'C', 'Autres']));
    expect(lines.data.values.find((v: Json) => v.series === 'Autres').y).to.equal(3);
  });

  it('a group with many values keeps 8 series, facets keep 12', () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({ annee: 2020, region: `R${i}`, total__sum: i }));
    const lines = spec(attendance, { type: 'line', x: 'annee', y: ['total'], group: 'region' }, rows);
    expect(new Set(lines.data.values.map((v: Json) => v.series)).size).to.equal(9);
    const facets = buildChartSpec({ chart: resolveChart(attendance, { type: 'line', x: 'annee', y: ['total'], facet: 'region' }), rows, width: 900 }) as Json;
    expect(new Set(facets.data.values.map((v: Json) => v.facet)).size).to.equal(13);
  });

  it('y-min / y-max bound the value scale', () => {
    const s = spec(attendance, { type: 'line', x: 'annee', y: ['total'], yMin: 0, yMax: 5e6 }, byYear);
    expect(s.encoding.y.scale).to.deep.equal({ domainMin: 0, domainMax: 5e6 });
  });

  it('a y-max below the drawn values (or a y-min above) widens to them, with a warning: no mark drawn off the chart', () => {
    const options: ChartOptions = { type: 'line', x: 'annee', y: ['total'], yMin: 1_200_000, yMax: 10 };
    expect(spec(attendance, options, byYear).encoding.y.scale).to.deep.equal({ domainMin: 1_000_000, domainMax: 1_750_000 });
    const chart = resolveChart(attendance, options);
    const warnings = boundWarnings(chart, toChartData(byYear, chart)).map((w) => chartWarning(w).messageIn('fr').replace(/[\u00a0\u202f]/g, ' '));
    expect(warnings).to.deep.equal([
      'y-min="1200000" cacherait des valeurs : l’axe commence à 1 M.',
      'y-max="10" cacherait des valeurs : l’axe va jusqu’à 1,8 M.',
    ]);
    // stacked series are bounded by their totals
    const stacked = resolveChart(attendance, { type: 'column', x: 'annee', y: ['total'], group: 'region', stack: true, yMax: 250 });
    expect(boundWarnings(stacked, toChartData(byRegionYear, stacked))).to.have.length(1);
  });

  it('labels large values in millions, with the unit, in the locale', () => {
    const fr = spec(attendance, { type: 'line', x: 'annee', y: ['total'], unit: '€' }, byYear);
    expect(fr.encoding.y.axis.labelExpr).to.equal(`datum.value === 0 ? '0' : format(datum.value / 1000000, ',.2~f') + "\u00a0M €"`);
    expect(fr.encoding.y.title).to.equal('total (somme, €)');
    expect(spec(attendance, { type: 'line', x: 'annee', y: ['total'], unit: 'entrées', lang: 'en' }, byYear).encoding.y.title).to.equal('total (sum, entrées)');
    expect(fr.config.locale.number).to.include({ decimal: ',', thousands: '\u202f' });
    const en = spec(attendance, { type: 'line', x: 'annee', y: ['total'], lang: 'en' }, byYear);
    expect(en.config.locale.number).to.include({ decimal: '.', thousands: ',' });
    expect(en.encoding.y.title).to.equal('total (sum)');
    const small = spec(attendance, { type: 'column', x: 'region', y: ['total'] }, byRegion);
    expect(small.encoding.y.axis.format).to.equal(',.2~f');
  });

  it('tilts and thins year labels of a column chart on a phone', () => {
    const years = Array.from({ length: 11 }, (_, i) => ({ annee: 2014 + i, total__sum: 1e6 + i }));
    const phone = spec(attendance, { type: 'column', x: 'annee', y: ['total'] }, years, { width: 375 });
    expect(phone.encoding.x.axis).to.include({ labelAngle: -40, labelOverlap: 'parity' });
    const wide = spec(attendance, { type: 'column', x: 'annee', y: ['total'] }, years, { width: 1000 });
    expect(wide.encoding.x.axis).to.include({ labelAngle: 0 });
  });

  it('starts the value axis of lines, areas, columns and bars at zero', () => {
    for (const type of ['line', 'area', 'column', 'bar'] as const) {
      const s = spec(attendance, { type, x: 'annee', y: ['total'] }, byYear);
      expect(s.encoding[type === 'bar' ? 'x' : 'y'].scale?.zero, type).to.equal(undefined);
    }
  });

  it('years read as years on a line (no thousands separator, whole steps)', () => {
    const s = spec(attendance, { type: 'line', x: 'annee', y: ['total'] }, byYear);
    expect(s.encoding.x.axis).to.include({ format: 'd', tickMinStep: 1 });
    expect(s.encoding.x.scale).to.include({ zero: false });
  });

  it('time-unit buckets dates in UTC and re-aggregates', () => {
    const rows = [{ date: '2024-01-03', billets__sum: 3 }, { date: '2024-01-20', billets__sum: 4 }, { date: '2024-02-01', billets__sum: 1 }];
    const s = spec(tickets, { type: 'column', x: 'date', y: ['billets'], timeUnit: 'yearmonth' }, rows);
    expect(s.encoding.x).to.include({ timeUnit: 'utcyearmonth', type: 'ordinal' });
    expect(s.data.values.map((v: Json) => [v.x, v.y])).to.deep.equal([['2024-01-01', 7], ['2024-02-01', 1]]);
    expect(s.data.values[0].tip).to.equal('date\u00a0: janvier 2024\nbillets (somme)\u00a0: 7');
    const line = spec(tickets, { type: 'line', x: 'date', y: ['billets'] }, rows);
    expect(line.encoding.x).to.include({ type: 'temporal' });
    expect(line.encoding.x.scale.type).to.equal('utc');
  });

  it('facet draws small multiples sharing one scale, one column on a phone', () => {
    const rows = byRegionYear.map((r) => ({ ...r }));
    const chart = resolveChart(attendance, { type: 'line', x: 'annee', y: ['total'], facet: 'region' });
    const wide = buildChartSpec({ chart, rows, width: 1000 }) as Json;
    compile(wide as never);
    expect(wide.facet).to.include({ field: 'facet', title: 'region' });
    expect(wide.columns).to.equal(3);
    expect(wide.resolve.scale.y).to.equal('shared');
    expect(wide.spec.layer[0].mark.type).to.equal('line');
    const phone = buildChartSpec({ chart, rows, width: 375 }) as Json;
    expect(phone.columns).to.equal(1);
  });

  it('height: given, or from the width; a bar chart grows with its categories', () => {
    expect(spec(attendance, { type: 'line', x: 'annee', y: ['total'], height: 250 }, byYear).height).to.equal(250);
    expect(spec(attendance, { type: 'line', x: 'annee', y: ['total'] }, byYear).height).to.be.within(220, 400);
    expect(spec(attendance, { type: 'bar', x: 'region', y: ['total'] }, byRegion).height).to.deep.equal({ step: 22 });
  });

  it('width follows the container', () => {
    const chart = resolveChart(attendance, { x: 'annee', y: ['total'] });
    expect((buildChartSpec({ chart, rows: byYear, width: 375 }) as Json).width).to.equal(375);
    expect((buildChartSpec({ chart, rows: byYear, width: 375 }) as Json).autosize).to.deep.equal({ type: 'fit', contains: 'padding' });
  });

  it('palette and dark theme colours go into the config', () => {
    const theme = { palette: ['#111111', '#222222'], dark: true, text: '#eeeeee', muted: '#cccccc', grid: '#444444', background: '#161616' };
    const s = spec(attendance, { type: 'line', x: 'annee', y: ['total'], group: 'region' }, byRegionYear, { theme });
    expect(s.config.range.category).to.deep.equal(['#111111', '#222222']);
    expect(s.config.axis).to.include({ labelColor: '#cccccc', titleColor: '#eeeeee', gridColor: '#444444' });
    expect(s.background).to.equal('transparent');
    const single = spec(attendance, { type: 'line', x: 'annee', y: ['total'] }, byYear, { theme });
    expect(single.mark.color).to.equal('#111111');
  });

  it('an exported image carries the title and the caption lines, on the theme background', () => {
    const s = spec(attendance, { type: 'line', x: 'annee', y: ['total'] }, byYear, {
      caption: { title: 'Fréquentation', lines: ['Source : Ministère de la Culture', 'Licence : Licence Ouverte'] },
    });
    expect(s.title).to.include({ text: 'Fréquentation', anchor: 'start' });
    expect(s.title.subtitle).to.deep.equal(['Source : Ministère de la Culture', 'Licence : Licence Ouverte']);
    expect(s.background).to.equal('#ffffff');
  });

  it('tooltips are one plain text field, formatted for the locale', () => {
    const s = spec(attendance, { type: 'column', x: 'annee', y: ['total'], group: 'region' }, byRegionYear);
    expect(s.encoding.tooltip).to.deep.equal({ field: 'tip', type: 'nominal' });
    expect(s.data.values[0].tip).to.equal('annee\u00a0: 2014\nregion\u00a0: Bretagne\ntotal (somme)\u00a0: 100');
    const big = spec(attendance, { type: 'line', x: 'annee', y: ['total'], lang: 'en', unit: '€' }, byYear);
    expect(big.data.values[1].tip).to.equal('annee: 2015\ntotal (sum): 1,250,000\u00a0€');
    const pie = spec(attendance, { type: 'pie', x: 'region', y: ['total'], lang: 'en' }, byRegion);
    expect(pie.data.values[0].tip).to.equal('region: Occitanie\ntotal (sum): 4,000\n40%');
  });

  it('count charts title the axis « Nombre de lignes »', () => {
    const s = spec(museums, {}, [{ 'Région administrative': 'Bretagne', count: 40 }]);
    expect(s.encoding.x.title).to.equal('Nombre de lignes');
    expect(s.data.values[0]).to.deep.include({ x: 'Bretagne', y: 40 });
  });
});

describe('buildChartSpec: hostile names and values stay data', () => {
  const payload = `"]);window.__xss=true;//<img src=x onerror="window.__xss=true">'.\\`;
  const columns = [
    { name: `x ${payload}`, type: 'string' as const, categorical: true, distinct: 3 },
    { name: `g.${payload}`, type: 'string' as const, categorical: true, distinct: 3 },
    { name: `[y] ${payload}`, type: 'number' as const },
  ];

  /** Every expression string in the compiled Vega spec. */
  function expressions(node: unknown, out: string[] = []): string[] {
    if (Array.isArray(node)) node.forEach((n) => expressions(n, out));
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (typeof v === 'string' && ['expr', 'signal', 'update', 'test', 'calculate', 'filter', 'as'].includes(k)) out.push(v);
        else expressions(v, out);
      }
    }
    return out;
  }

  for (const type of ['column', 'bar', 'line', 'area', 'pie', 'donut', 'heatmap'] as const) {
    it(`${type}: no column name or value reaches an expression`, () => {
      const chart = resolveChart(columns, { type, x: columns[0]!.name, y: [columns[2]!.name], group: columns[1]!.name, limit: 1 });
      const rows = [
        { [columns[0]!.name]: payload, [columns[1]!.name]: payload, [`${columns[2]!.name}__sum`]: 3 },
        { [columns[0]!.name]: `${payload}2`, [columns[1]!.name]: 'b', [`${columns[2]!.name}__sum`]: 1 },
      ];
      const vl = buildChartSpec({ chart, rows, width: 500, caption: { title: payload, lines: [payload] } });
      const vg = compile(vl).spec;
      for (const e of expressions(vg)) expect(e).not.to.include('__xss');
    });
  }
});
