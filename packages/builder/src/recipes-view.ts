/**
 * « Transformer »: the four recipes, each a small form (its choices read on « Appliquer », the
 * attributes written by recipes.ts), the transformations in place with a way to remove each, and
 * the attributes themselves for those who write them.
 */
import { html, nothing, type TemplateResult } from 'lit';
import {
  columnTitle, findCodeColumn, isCategory, isCode, isMeasure, isTemporal, isYear, parseDefinitions,
  type ColumnInfo, type Labels, type Lang,
} from '@culture-widgets/core';
import type { BuilderMessages } from './messages.js';
import { PER_CAPITA_SCALES, RATE_SCALES, type PerCapita, type Rate } from './recipes.js';
import type { ElementKind } from './schema.js';

export interface RecipesView {
  t: BuilderMessages;
  lang: Lang;
  element: ElementKind;
  columns: ColumnInfo[];
  labels?: Labels;
  compute?: string;
  join?: string;
  /** The measure the widget shows now: what a rate divides by first (`total`). */
  measure?: string;
  /** The widget's INSEE code column now (a map's code, a chart's x), for « Rapporter à la population ». */
  key?: string;
  rate(rate: Rate): void;
  decade(column: string): void;
  split(column: string, separator: string): void;
  /** The population dataset's reference, and its columns once loaded (undefined while loading). */
  population: { ref: string; columns?: ColumnInfo[]; error?: string };
  loadPopulation(ref: string): void;
  perCapita(p: Omit<PerCapita, 'dataset'>): void;
  removeComputed(name: string): void;
  removeJoin(): void;
  /** The raw attribute fields (compute, join), rendered by the options form. */
  raw: TemplateResult;
}

const SEPARATORS = [';', ',', '/', '|'];

/** Reads a recipe form's fields on submit. */
const fieldsOf = (event: Event): Record<string, string> => {
  event.preventDefault();
  return Object.fromEntries([...new FormData(event.target as HTMLFormElement)].map(([k, v]) => [k, String(v)]));
};

export function renderRecipes(v: RecipesView): TemplateResult {
  const { t } = v;
  const title = (c: ColumnInfo) => columnTitle(c.name, v.labels);
  const options = (columns: ColumnInfo[], selected?: string) =>
    columns.map((c) => html`<option .value=${c.name} ?selected=${c.name === selected}>${title(c)}</option>`);
  const select = (id: string, name: string, label: string, columns: ColumnInfo[], selected?: string) => html`<div class="field">
    <label for=${id}>${label}</label>
    <select id=${id} name=${name}>${options(columns, selected)}</select>
  </div>`;
  const measures = v.columns.filter(isMeasure);
  const times = [...v.columns.filter((c) => isYear(c) || isTemporal(c)), ...v.columns.filter((c) => c.type === 'string' && !isCode(c))];
  const texts = v.columns.filter((c) => isCategory(c) && !isCode(c));
  // the column whose values look like lists (`Jazz;Blues`): the split's first choice
  const listed = texts.find((c) => c.tops?.some((top) => /[;|]/.test(top.value)));
  const codes = v.columns.filter((c) => isCode(c));
  const rows: TemplateResult[] = [];
  const base = measures.find((c) => c.name === v.measure) ?? measures[0];
  const part = measures.find((c) => c !== base);
  if (measures.length >= 2) {
    rows.push(html`<details class="recipe">
      <summary>${t.rateTitle}</summary>
      <p class="help">${t.rateHelp}</p>
      <form @submit=${(e: Event) => {
        const f = fieldsOf(e);
        v.rate({ numerator: f.numerator!, denominator: f.denominator!, scale: Number(f.scale), name: f.name?.trim() || t.rateName });
      }}>
        ${select('rate-numerator', 'numerator', t.rateNumerator, measures, part?.name)}
        ${select('rate-denominator', 'denominator', t.rateDenominator, measures, base?.name)}
        <div class="field">
          <label for="rate-scale">${t.rateScale}</label>
          <select id="rate-scale" name="scale">${RATE_SCALES.map((s) => html`<option .value=${String(s)}>${t.rateScales[s]}</option>`)}</select>
        </div>
        <div class="field">
          <label for="rate-name">${t.measureName}</label>
          <input id="rate-name" name="name" type="text" autocomplete="off" placeholder=${t.rateName} />
        </div>
        <button type="submit" class="primary">${t.apply}</button>
      </form>
    </details>`);
  }
  if (times.length && v.element !== 'map') {
    rows.push(html`<details class="recipe">
      <summary>${t.decadeTitle}</summary>
      <p class="help">${t.decadeHelp}</p>
      <form @submit=${(e: Event) => v.decade(fieldsOf(e).column!)}>
        ${select('decade-column', 'column', t.decadeColumn, times)}
        <button type="submit" class="primary">${t.apply}</button>
      </form>
    </details>`);
  }
  if (texts.length) {
    rows.push(html`<details class="recipe">
      <summary>${t.splitTitle}</summary>
      <p class="help">${t.splitHelp}</p>
      <form @submit=${(e: Event) => {
        const f = fieldsOf(e);
        v.split(f.column!, f.separator!);
      }}>
        ${select('split-column', 'column', t.splitColumn, texts, listed?.name)}
        <div class="field">
          <label for="split-separator">${t.splitSeparator}</label>
          <select id="split-separator" name="separator">${SEPARATORS.map((s) => html`<option .value=${s}>${t.separators[s] ?? s}</option>`)}</select>
        </div>
        <button type="submit" class="primary">${t.apply}</button>
      </form>
    </details>`);
  }
  if (codes.length && (v.element === 'chart' || v.element === 'map')) rows.push(renderPerCapita(v, codes, measures, select));
  return html`<div class="recipes">
    <p class="help">${t.recipesHelp}</p>
    ${rows.length ? rows : html`<p class="status">${t.noRecipe}</p>`}
    ${renderApplied(v)}
    <details class="raw">
      <summary>${t.writeYourself}</summary>
      ${v.raw}
    </details>
  </div>`;
}

function renderPerCapita(
  v: RecipesView,
  codes: ColumnInfo[],
  measures: ColumnInfo[],
  select: (id: string, name: string, label: string, columns: ColumnInfo[], selected?: string) => TemplateResult,
): TemplateResult {
  const { t, population } = v;
  const popColumns = population.columns;
  const popCode = popColumns ? findCodeColumn(popColumns) : undefined;
  const popMeasures = popColumns?.filter(isMeasure) ?? [];
  return html`<details class="recipe" ?open=${!!population.ref && !popColumns}>
    <summary>${t.perCapitaTitle}</summary>
    <p class="help">${t.perCapitaHelp}</p>
    <form class="row field-row" @submit=${(e: Event) => v.loadPopulation(fieldsOf(e).dataset?.trim() ?? '')}>
      <div class="field grow">
        <label for="population-dataset">${t.populationDataset}</label>
        <input id="population-dataset" name="dataset" type="text" autocomplete="off" spellcheck="false" .value=${population.ref} />
      </div>
      <button type="submit">${t.load}</button>
    </form>
    ${population.error ? html`<p class="error" role="alert">${population.error}</p>` : nothing}
    ${population.ref && !popColumns && !population.error ? html`<p class="status" role="status">${t.loadingColumns}</p>` : nothing}
    ${popColumns
      ? html`<form @submit=${(e: Event) => {
          const f = fieldsOf(e);
          v.perCapita({
            key: f.key!, code: f.code!, population: f.population!, scale: Number(f.scale), name: f.name?.trim() || t.perCapitaName,
            ...(f.measure ? { measure: f.measure } : {}),
          });
        }}>
          ${select('capita-key', 'key', t.perCapitaKey, codes, v.key)}
          <div class="field">
            <label for="capita-measure">${t.perCapitaMeasure}</label>
            <select id="capita-measure" name="measure">
              <option value="">${t.countRows}</option>
              ${measures.map((c) => html`<option .value=${c.name}>${columnTitle(c.name, v.labels)}</option>`)}
            </select>
          </div>
          ${select('capita-code', 'code', t.populationCode, popColumns, popCode?.name)}
          ${select('capita-population', 'population', t.populationColumn, popMeasures.length ? popMeasures : popColumns)}
          <div class="field">
            <label for="capita-scale">${t.rateScale}</label>
            <select id="capita-scale" name="scale">${PER_CAPITA_SCALES.map((s) => html`<option .value=${String(s)}>${t.perCapitaScales[s]}</option>`)}</select>
          </div>
          <div class="field">
            <label for="capita-name">${t.measureName}</label>
            <input id="capita-name" name="name" type="text" autocomplete="off" placeholder=${t.perCapitaName} />
          </div>
          <button type="submit" class="primary">${t.apply}</button>
        </form>`
      : nothing}
  </details>`;
}

/** The computed columns and the join in place, each with « Retirer ». */
function renderApplied(v: RecipesView): TemplateResult | typeof nothing {
  const { t } = v;
  let computed: { name: string; text: string }[] = [];
  try {
    computed = parseDefinitions(v.compute ?? '', { separator: ';', named: true }).map((d) => ({ name: d.name, text: d.text }));
  } catch {
    // the raw field below shows it as written
  }
  if (!computed.length && !v.join) return nothing;
  return html`<div class="applied">
    <h5>${t.appliedTitle}</h5>
    <ul>
      ${computed.map(
        (c) => html`<li>
          <span><strong>${columnTitle(c.name, v.labels)}</strong> <code>${c.text}</code></span>
          <button type="button" class="link" aria-label=${t.removeNamed(columnTitle(c.name, v.labels))} @click=${() => v.removeComputed(c.name)}>${t.remove}</button>
        </li>`,
      )}
      ${v.join
        ? html`<li>
            <span><strong>${t.joinApplied}</strong> <code>${v.join}</code></span>
            <button type="button" class="link" aria-label=${t.removeNamed(t.joinApplied)} @click=${v.removeJoin}>${t.remove}</button>
          </li>`
        : nothing}
    </ul>
  </div>`;
}
