/**
 * « Transformer »: the shaping of DESIGN § 5 as four recipes in plain words, each writing the
 * attributes an author would (`compute`, aggregate expressions in `y` / `value`, `join`), in the
 * grammar core reads (`quoteName`, `parseDefinitions`). Pure: attributes in, attributes out.
 *
 *   « Calculer un taux »            y="taux = sum(gratuit) / sum(total) * 100" unit="%"
 *   « Regrouper par décennie »      compute="decennie = decade(annee)" x="decennie"
 *   « Séparer les valeurs multiples » compute="dompal_valeur = split(dompal, ';')" x="dompal_valeur"
 *   « Rapporter à la population »   join="population on code = DEP" y="pour_1000 = sum(total) / join.PMUN * 1000"
 */
import { formatLabels, formatList, nameKey, parseDefinitions, parseLabels, parseList, quoteName, readableName } from '@culture-widgets/core';
import type { ElementKind } from './schema.js';

type Attributes = Record<string, string>;

/** Where a measure goes: a chart's `y`, a map's or a key figure's `value`; a table gets a row-level column. */
const MEASURE_ATTRIBUTE: Partial<Record<ElementKind, string>> = { chart: 'y', map: 'value' };

export const RATE_SCALES = [100, 1000, 1] as const;
export const PER_CAPITA_SCALES = [1000, 100000, 1] as const;

/** The names `compute` defines (`decennie = …; domaine = …` → decennie, domaine). */
export function computedNames(compute: string | undefined): string[] {
  try {
    return parseDefinitions(compute ?? '', { separator: ';', named: true }).map((d) => d.name);
  } catch {
    return [];
  }
}

/** A name for a new column, free among `taken` (`decennie`, `decennie_2`…). */
export function freeName(base: string, taken: readonly string[]): string {
  const folded = new Set(taken.map(nameKey));
  const key = nameKey(base) || 'colonne';
  if (!folded.has(key)) return key;
  for (let i = 2; ; i++) if (!folded.has(`${key}_${i}`)) return `${key}_${i}`;
}

/** `compute` with one more definition. */
const withDefinition = (compute: string | undefined, definition: string): string =>
  [compute?.trim().replace(/;\s*$/, ''), definition].filter(Boolean).join('; ');

/** `labels` with one more label (a label already given to that column stays). */
function withLabel(labels: string | undefined, name: string, label: string): string {
  let map: Map<string, string>;
  try {
    map = new Map(parseLabels(labels));
  } catch {
    return labels ?? '';
  }
  if (!map.has(name)) map.set(name, label);
  return formatLabels(map);
}

/** A table shows a new column when it lists its columns. */
const withShownColumn = (a: Attributes, name: string): Attributes => (a.columns ? { ...a, columns: formatList([...parseList(a.columns), name]) } : a);

const times = (scale: number): string => (scale === 1 ? '' : ` * ${scale}`);

export interface Rate {
  numerator: string;
  denominator: string;
  /** 100: a percentage; 1000: per thousand; 1: the plain ratio. */
  scale: number;
  /** The measure's name on screen (« Taux »). */
  name: string;
}

/** A ratio of sums per group (never a mean of row ratios); for a table, the ratio of each row. */
export function applyRate(element: ElementKind, a: Attributes, rate: Rate, taken: readonly string[]): Attributes {
  const name = freeName(rate.name, taken);
  const [num, den] = [quoteName(rate.numerator), quoteName(rate.denominator)];
  const unit: Attributes = rate.scale === 100 && !a.unit ? { unit: '%' } : {};
  const label = { labels: withLabel(a.labels, name, rate.name) };
  const attribute = MEASURE_ATTRIBUTE[element];
  if (!attribute) return withShownColumn({ ...a, ...label, compute: withDefinition(a.compute, `${name} = ${num} / ${den}${times(rate.scale)}`) }, name);
  const { aggregate: _aggregate, ...rest } = a;
  return { ...rest, ...(element === 'chart' ? unit : {}), ...label, [attribute]: `${name} = sum(${num}) / sum(${den})${times(rate.scale)}` };
}

/** A decade from a year, a date or a date written as text; a chart draws one column per decade. */
export function applyDecade(element: ElementKind, a: Attributes, column: string, taken: readonly string[]): Attributes {
  const name = freeName('decennie', taken);
  const next: Attributes = { ...a, compute: withDefinition(a.compute, `${name} = decade(${quoteName(column)})`) };
  if (element === 'chart') {
    const { 'time-unit': _unit, ...rest } = next;
    return { ...rest, x: name };
  }
  return withShownColumn(next, name);
}

/** One row per value of a cell such as `Jazz;Blues`: counting by it counts each value. */
export function applySplit(element: ElementKind, a: Attributes, column: string, separator: string, taken: readonly string[]): Attributes {
  const name = freeName(`${column}_valeur`, taken);
  const next = {
    ...a,
    compute: withDefinition(a.compute, `${name} = split(${quoteName(column)}, '${separator.replace(/'/g, "''")}')`),
    labels: withLabel(a.labels, name, readableName(column)),
  };
  if (element === 'chart') return { ...next, x: name };
  if (element === 'map') return next;
  return withShownColumn(next, name);
}

export interface PerCapita {
  /** The population's dataset (an id, slug or URL), or a `<culture-source>` id. */
  dataset: string;
  /** This data's INSEE code column: the chart's x, the map's code. */
  key: string;
  /** The population dataset's code and population columns. */
  code: string;
  population: string;
  /** Summed per area, else the rows counted (« musées pour 100 000 habitants »). */
  measure?: string;
  scale: number;
  name: string;
}

/** A measure per inhabitant: the population joined by INSEE code (`1` and `01` match), then divided. */
export function applyPerCapita(element: ElementKind, a: Attributes, p: PerCapita, taken: readonly string[]): Attributes {
  const name = freeName(p.name, taken);
  const measure = p.measure ? `sum(${quoteName(p.measure)})` : 'count()';
  const expression = `${name} = ${measure} / join.${quoteName(p.population)}${times(p.scale)}`;
  const { aggregate: _aggregate, ...rest } = a;
  const next = { ...rest, join: `${p.dataset} on ${quoteName(p.key)} = ${quoteName(p.code)}`, labels: withLabel(a.labels, name, p.name) };
  if (element === 'map') return { ...next, mode: 'choropleth', code: p.key, value: expression };
  return { ...next, x: p.key, y: expression };
}

/** Attributes naming `name` (x, y, a list) let go of it: the element chooses again. */
function forget(a: Attributes, matches: (item: string) => boolean): Attributes {
  const out: Attributes = {};
  for (const [key, value] of Object.entries(a)) {
    if (['x', 'group', 'facet', 'code', 'value', 'label', 'color', 'size'].includes(key) && matches(value)) continue;
    if (['y', 'columns', 'popup', 'bars'].includes(key)) {
      const kept = parseList(value).filter((item) => !matches(item));
      if (kept.length) out[key] = formatList(kept);
      continue;
    }
    out[key] = value;
  }
  return out;
}

/** The computed column `name` removed, and what used it. */
export function removeComputed(a: Attributes, name: string): Attributes {
  let definitions: ReturnType<typeof parseDefinitions>;
  try {
    definitions = parseDefinitions(a.compute ?? '', { separator: ';', named: true });
  } catch {
    return a;
  }
  const compute = definitions.filter((d) => d.name !== name).map((d) => `${quoteName(d.name)} = ${d.text}`).join('; ');
  const { compute: _compute, ...rest } = forget(a, (item) => item === name || item === quoteName(name));
  return compute ? { ...rest, compute } : rest;
}

/** The join removed, and the measures that read its columns. */
export function removeJoin(a: Attributes): Attributes {
  const { join: _join, ...rest } = forget(a, (item) => /\bjoin\./.test(item));
  return rest;
}
