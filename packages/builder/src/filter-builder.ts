/**
 * « Filtres »: the `filter` attribute built without its grammar. Each condition is a column, a
 * condition in words (« est », « contient », « est au moins »…) and a value picked from the real
 * values with their counts (or typed, for numbers and dates). The attribute stays the one truth:
 * rows are read from it, and written back with core's own `formatFilter`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { columnTitle, formatCell, formatFilter, isNumeric, isTemporal, isYear, parseFilter, type ColumnInfo, type FilterClause, type FilterOp, type Labels, type Lang } from '@culture-widgets/core';
import type { Facet } from '@culture-widgets/source';
import type { BuilderMessages } from './messages.js';

/** A condition being written: complete or not (a value still to pick). */
export interface FilterRow {
  column: string;
  op: FilterOp;
  value?: string;
  values?: string[];
}

const TEXT_OPS: FilterOp[] = ['=', '!=', 'in', '~', '!~', 'is empty', 'is not empty'];
const ORDERED_OPS: FilterOp[] = ['=', '!=', '>=', '>', '<=', '<', 'is empty', 'is not empty'];

/** Numbers, years and dates compare; text matches. */
export const isOrdered = (c: ColumnInfo | undefined): boolean => !!c && (isNumeric(c) || isYear(c) || isTemporal(c));

/** The conditions a column offers, in the order people read them. */
export const opsFor = (c: ColumnInfo | undefined): FilterOp[] => (isOrdered(c) ? ORDERED_OPS : TEXT_OPS);

/** Whether a row says enough to be a clause. */
export const isComplete = (row: FilterRow): boolean =>
  row.op === 'is empty' || row.op === 'is not empty' ? true : row.op === 'in' ? !!row.values?.length : !!row.value?.trim();

/** The rows a `filter` attribute holds (none when it does not parse: the raw field says why). */
export function rowsOf(filter: string | undefined): FilterRow[] | undefined {
  try {
    return parseFilter(filter ?? '').map((c) => ({ ...c }));
  } catch {
    return undefined;
  }
}

/** The attribute for these rows: the complete ones, in core's grammar. */
export const filterOf = (rows: readonly FilterRow[]): string =>
  formatFilter(rows.filter(isComplete).map((r): FilterClause => (r.op === 'in' ? { column: r.column, op: r.op, values: r.values ?? [] } : r.op === 'is empty' || r.op === 'is not empty' ? { column: r.column, op: r.op } : { column: r.column, op: r.op, value: r.value!.trim() })));

/** A row after its column or condition changed: the value kept when it still means something. */
export function changeRow(row: FilterRow, change: Partial<FilterRow>, columns: ColumnInfo[]): FilterRow {
  const next: FilterRow = { ...row, ...change };
  const info = columns.find((c) => c.name === next.column);
  if (change.column !== undefined && change.column !== row.column) {
    const ops = opsFor(info);
    return { column: next.column, op: ops.includes(next.op) ? next.op : '=' };
  }
  if (next.op === 'in' && !next.values) return { column: next.column, op: 'in', values: next.value ? [next.value] : [] };
  if (next.op !== 'in' && next.values) return { column: next.column, op: next.op, ...(next.values[0] ? { value: next.values[0] } : {}) };
  if (next.op === 'is empty' || next.op === 'is not empty') return { column: next.column, op: next.op };
  return next;
}

/** Beyond this many values, a select is too long: a field with suggestions instead. */
const SELECT_LIMIT = 150;

export interface FilterView {
  t: BuilderMessages;
  lang: Lang;
  columns: ColumnInfo[];
  labels?: Labels;
  rows: FilterRow[];
  /** The attribute could not be read: its text, shown for editing as it is. */
  unreadable?: string;
  /** Changes the rows as they are when it runs (not as they were drawn: two quick changes both count). */
  setRows(change: (rows: FilterRow[]) => FilterRow[]): void;
  /** The values of a column with their counts; undefined while they load. */
  facets(column: string): Facet[] | undefined;
}

export function renderFilterBuilder(v: FilterView): TemplateResult {
  const { t } = v;
  if (v.unreadable !== undefined) return html`<p class="notice">${t.filterUnreadable}</p>`;
  const update = (i: number, change: Partial<FilterRow>) => v.setRows((rows) => rows.map((r, j) => (j === i ? changeRow(r, change, v.columns) : r)));
  return html`<div class="filter-builder">
    <p class="help">${t.filterHelp}</p>
    ${v.rows.length === 0 ? html`<p class="status">${t.noFilter}</p>` : nothing}
    <ol class="conditions">
      ${v.rows.map((row, i) => renderRow(v, row, i, (change) => update(i, change)))}
    </ol>
    <button type="button" class="add" @click=${() => v.setRows((rows) => [...rows, { column: v.columns[0]?.name ?? '', op: '=' }])}>${t.addCondition}</button>
  </div>`;
}

function renderRow(v: FilterView, row: FilterRow, i: number, update: (change: Partial<FilterRow>) => void): TemplateResult {
  const { t } = v;
  const info = v.columns.find((c) => c.name === row.column);
  const id = `filter-${i}`;
  const name = columnTitle(row.column, v.labels);
  return html`<li class="condition">
    <fieldset>
      <legend class="visually-hidden">${t.conditionLegend(i + 1)}</legend>
      <div class="field">
        <label for="${id}-column">${t.filterColumn}</label>
        <select id="${id}-column" @change=${(e: Event) => update({ column: (e.target as HTMLSelectElement).value })}>
          ${v.columns.map((c) => html`<option .value=${c.name} ?selected=${c.name === row.column}>${columnTitle(c.name, v.labels)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="${id}-op">${t.filterCondition}</label>
        <select id="${id}-op" @change=${(e: Event) => update({ op: (e.target as HTMLSelectElement).value as FilterOp })}>
          ${opsFor(info).map((op) => html`<option .value=${op} ?selected=${op === row.op}>${(isOrdered(info) ? t.orderedOps : t.textOps)[op] ?? op}</option>`)}
        </select>
      </div>
      ${renderValue(v, row, info, id, update)}
      <button type="button" class="remove" aria-label=${t.removeCondition(name)} @click=${() => v.setRows((rows) => rows.filter((_, j) => j !== i))}>${t.remove}</button>
    </fieldset>
  </li>`;
}

function renderValue(v: FilterView, row: FilterRow, info: ColumnInfo | undefined, id: string, update: (change: Partial<FilterRow>) => void): TemplateResult | typeof nothing {
  const { t } = v;
  if (row.op === 'is empty' || row.op === 'is not empty') return nothing;
  const typed = isOrdered(info) || row.op === '~' || row.op === '!~';
  if (typed) {
    const date = !!info && isTemporal(info) && !isYear(info);
    const hint = info && info.min !== undefined && info.max !== undefined ? t.between(formatCell(info.min, info, v.lang), formatCell(info.max, info, v.lang)) : '';
    return html`<div class="field">
      <label for="${id}-value">${t.filterValue}</label>
      <input
        id="${id}-value"
        type=${date ? 'date' : isOrdered(info) ? 'number' : 'text'}
        step="any"
        autocomplete="off"
        placeholder=${hint}
        .value=${row.value ?? ''}
        @change=${(e: Event) => update({ value: (e.target as HTMLInputElement).value })}
      />
    </div>`;
  }
  const facets = v.facets(row.column);
  if (!facets) return html`<p class="status">${t.loadingValues}</p>`;
  const label = (f: Facet) => t.valueCount(f.value, f.count.toLocaleString(v.lang === 'en' ? 'en-GB' : 'fr-FR'));
  if (row.op === 'in') {
    const chosen = new Set(row.values ?? []);
    const toggle = (value: string, on: boolean) => update({ values: facets.map((f) => f.value).filter((x) => (x === value ? on : chosen.has(x))) });
    return html`<fieldset class="field values">
      <legend>${t.filterValues}</legend>
      <div class="checks">
        ${facets.slice(0, SELECT_LIMIT).map(
          (f) => html`<label class="check"><input type="checkbox" .checked=${chosen.has(f.value)} @change=${(e: Event) => toggle(f.value, (e.target as HTMLInputElement).checked)} />${label(f)}</label>`,
        )}
      </div>
    </fieldset>`;
  }
  if (facets.length > SELECT_LIMIT) {
    return html`<div class="field">
      <label for="${id}-value">${t.filterValue}</label>
      <input id="${id}-value" type="text" list="${id}-values" autocomplete="off" .value=${row.value ?? ''} @change=${(e: Event) => update({ value: (e.target as HTMLInputElement).value })} />
      <datalist id="${id}-values">${facets.map((f) => html`<option .value=${f.value}>${label(f)}</option>`)}</datalist>
    </div>`;
  }
  return html`<div class="field">
    <label for="${id}-value">${t.filterValue}</label>
    <select id="${id}-value" @change=${(e: Event) => update({ value: (e.target as HTMLSelectElement).value })}>
      <option value="" ?selected=${!row.value}>${t.pickValue}</option>
      ${row.value && !facets.some((f) => f.value === row.value) ? html`<option .value=${row.value} selected>${row.value}</option>` : nothing}
      ${facets.map((f) => html`<option .value=${f.value} ?selected=${f.value === row.value}>${label(f)}</option>`)}
    </select>
  </div>`;
}

export interface CompareView {
  t: BuilderMessages;
  lang: Lang;
  columns: ColumnInfo[];
  labels?: Labels;
  label: { label: string; help: string };
  /** The `compare` attribute as written. */
  value: string;
  set(value: string): void;
  facets(column: string): Facet[] | undefined;
}

/** Every value of the column: its clause dropped, the base is the whole (`regions = *`). */
const WHOLE = '*';

/**
 * A key figure's `compare` in plain controls: one column and the value compared with, or every
 * value (a share of the whole). Several clauses stay as written, in a field.
 */
export function renderCompare(v: CompareView): TemplateResult {
  const { t } = v;
  let clauses: FilterClause[] | undefined;
  try {
    clauses = parseFilter(v.value);
  } catch {
    clauses = undefined;
  }
  const clause = clauses?.[0];
  const simple = clauses !== undefined && clauses.length <= 1 && (!clause || (clause.op === '=' && clause.value !== undefined));
  const help = html`<p class="help" id="opt-compare-help">${v.label.help}</p>`;
  if (!simple) {
    return html`<div class="field">
      <label for="opt-compare">${v.label.label}</label>
      ${help}
      <input id="opt-compare" type="text" autocomplete="off" aria-describedby="opt-compare-help" .value=${v.value} @change=${(e: Event) => v.set((e.target as HTMLInputElement).value)} />
    </div>`;
  }
  const write = (column: string, value: string) => v.set(column ? formatFilter([{ column, op: '=', value: value || WHOLE }]) : '');
  const facets = clause ? v.facets(clause.column) : [];
  const count = (f: Facet) => t.valueCount(f.value, f.count.toLocaleString(v.lang === 'en' ? 'en-GB' : 'fr-FR'));
  return html`<fieldset class="field compare" aria-describedby="opt-compare-help">
    <legend>${v.label.label}</legend>
    ${help}
    <div class="row">
      <div class="field grow">
        <label for="opt-compare">${t.compareColumn}</label>
        <select id="opt-compare" @change=${(e: Event) => write((e.target as HTMLSelectElement).value, '')}>
          <option value="" ?selected=${!clause}>${t.compareNone}</option>
          ${v.columns.map((c) => html`<option .value=${c.name} ?selected=${c.name === clause?.column}>${columnTitle(c.name, v.labels)}</option>`)}
        </select>
      </div>
      ${clause
        ? html`<div class="field grow">
            <label for="opt-compare-value">${t.compareValue}</label>
            ${facets
              ? html`<select id="opt-compare-value" @change=${(e: Event) => write(clause.column, (e.target as HTMLSelectElement).value)}>
                  <option .value=${WHOLE} ?selected=${clause.value === WHOLE}>${t.compareWhole}</option>
                  ${clause.value !== WHOLE && !facets.some((f) => f.value === clause.value) ? html`<option .value=${clause.value!} selected>${clause.value}</option>` : nothing}
                  ${facets.map((f) => html`<option .value=${f.value} ?selected=${f.value === clause.value}>${count(f)}</option>`)}
                </select>`
              : html`<p class="status">${t.loadingValues}</p>`}
          </div>`
        : nothing}
    </div>
  </fieldset>`;
}
