/**
 * One control per option of the generated schema, in plain words: columns under the names the
 * widget shows (`labels`, else readable names), closed sets under the names of the messages
 * (« Additionner », « Du plus grand au plus petit »), a sort as a column and a direction. The
 * value written is always the attribute's own.
 */
import { html, nothing, type TemplateResult } from 'lit';
import {
  AGGREGATE_OPS, columnTitle, formatList, isMeasure, parseExpression, parseList, parseName, quoteName,
  type AggregateOp, type ColumnInfo, type Labels, type Lang,
} from '@culture-widgets/core';
import { parseSort } from '@culture-widgets/table';
import type { BuilderMessages } from './messages.js';
import { optionWords } from './option-messages.js';
import { optionKey, type ElementKind, type OptionSpec } from './schema.js';

/**
 * A measure the plain controls can show: `count()`, or one calculation of one column
 * (`sum(total)`); anything else (`taux = sum(a) / sum(b)`) is an expression, shown as written.
 */
export function readMeasure(value: string): { op: AggregateOp; column?: string } | undefined {
  try {
    const expr = parseExpression(value.trim() || 'count()');
    if (expr.type !== 'call' || !(AGGREGATE_OPS as readonly string[]).includes(expr.name)) return undefined;
    const [arg, ...more] = expr.args;
    if (more.length) return undefined;
    if (!arg) return expr.name === 'count' ? { op: 'count' } : undefined;
    return arg.type === 'column' && !arg.join ? { op: expr.name as AggregateOp, column: arg.name } : undefined;
  } catch {
    return undefined;
  }
}

export const writeMeasure = (op: AggregateOp, column: string | undefined): string =>
  op === 'count' || !column ? 'count()' : `${op}(${quoteName(column)})`;

export interface FormView {
  t: BuilderMessages;
  lang: Lang;
  element: ElementKind;
  columns: ColumnInfo[];
  labels?: Labels;
  attributes: Record<string, string>;
  /** An attribute as it is when a control changes (two quick changes both count). */
  get(name: string): string;
  set(name: string, value: string): void;
}

/** A sort as the table writes it (`-total`: a `-` first sorts descending); `parseSort` reads it back. */
export const writeSort = (column: string, descending: boolean): string => (column ? `${descending ? '-' : ''}${formatList([column])}` : '');

export function renderOption(v: FormView, spec: OptionSpec): TemplateResult {
  const { t } = v;
  const id = `opt-${spec.name}`;
  const helpId = `${id}-help`;
  const value = v.attributes[spec.name] ?? '';
  const words = optionWords(v.lang)[optionKey(v.element, spec)];
  const help = html`<p class="help" id=${helpId}>${words.help}</p>`;
  const named = (x: string) => words.values?.[x] ?? x;
  const title = (name: string) => columnTitle(name, v.labels);
  const set = (x: string) => v.set(spec.name, x);
  // years, dates and codes are numbers but never measures; one already chosen (a share link) stays
  const picked = new Set(spec.kind === 'columns' ? parseList(value) : [parseName(value) ?? '']);
  const columns = spec.numeric ? v.columns.filter((c) => isMeasure(c) || picked.has(c.name)) : v.columns;
  switch (spec.kind) {
    case 'columns': {
      const toggle = (name: string, on: boolean) => {
        const now = new Set(parseList(v.get(spec.name)));
        set(formatList([...[...now].filter((n) => !columns.some((c) => c.name === n)), ...columns.map((c) => c.name).filter((n) => (n === name ? on : now.has(n)))]));
      };
      // an expression written elsewhere (« Calculer un taux ») stays, shown as it is
      const others = [...picked].filter((n) => n && !columns.some((c) => c.name === n));
      return html`<fieldset class="field columns" aria-describedby=${helpId}>
        <legend>${words.label}</legend>
        ${help}
        <div class="checks">
          ${others.map((n) => html`<label class="check"><input type="checkbox" checked @change=${() => set(formatList([...picked].filter((x) => x !== n)))} />${n}</label>`)}
          ${columns.map(
            (c) => html`<label class="check">
              <input type="checkbox" name=${spec.name} .value=${c.name} .checked=${picked.has(c.name)} @change=${(e: Event) => toggle(c.name, (e.target as HTMLInputElement).checked)} />
              ${title(c.name)}
            </label>`,
          )}
        </div>
      </fieldset>`;
    }
    case 'boolean':
      return html`<div class="field check-field">
        <label class="check">
          <input id=${id} type="checkbox" aria-describedby=${helpId} .checked=${value === 'true'} @change=${(e: Event) => set((e.target as HTMLInputElement).checked ? 'true' : '')} />
          ${words.label}
        </label>
        ${help}
      </div>`;
    case 'select':
    case 'column': {
      const column = spec.kind === 'column';
      const choices = column ? columns.map((c) => c.name) : (spec.options ?? []);
      const current = column ? (parseName(value) ?? '') : value;
      const blank = column || !spec.default ? t.automatic : t.defaultValue(named(spec.default));
      return html`<div class="field">
        <label for=${id}>${words.label}</label>
        ${help}
        <select id=${id} aria-describedby=${helpId} @change=${(e: Event) => set((e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${current === ''}>${blank}</option>
          ${current && !choices.includes(current) ? html`<option .value=${value} selected>${current}</option>` : nothing}
          ${choices.filter((c) => c !== spec.default).map((c) => html`<option .value=${c} ?selected=${c === current}>${column ? title(c) : named(c)}</option>`)}
        </select>
      </div>`;
    }
    case 'sort': {
      const read = (text: string) => {
        const [key] = parseSort(text);
        return { column: key?.column, descending: key?.descending === true };
      };
      const sort = read(value);
      return html`<fieldset class="field sort" aria-describedby=${helpId}>
        <legend>${words.label}</legend>
        ${help}
        <div class="row">
          <div class="field grow">
            <label for=${id}>${t.sortColumn}</label>
            <select id=${id} @change=${(e: Event) => set(writeSort((e.target as HTMLSelectElement).value, read(v.get(spec.name)).descending))}>
              <option value="" ?selected=${!sort.column}>${t.sortNone}</option>
              ${columns.map((c) => html`<option .value=${c.name} ?selected=${c.name === sort.column}>${title(c.name)}</option>`)}
            </select>
          </div>
          <div class="field grow">
            <label for="${id}-direction">${t.sortDirection}</label>
            <select id="${id}-direction" ?disabled=${!sort.column} @change=${(e: Event) => set(writeSort(read(v.get(spec.name)).column ?? '', (e.target as HTMLSelectElement).value === 'descending'))}>
              <option value="ascending" ?selected=${!sort.descending}>${t.ascending}</option>
              <option value="descending" ?selected=${sort.descending}>${t.descending}</option>
            </select>
          </div>
        </div>
      </fieldset>`;
    }
    case 'measure':
      return renderMeasure(v, spec, value || spec.default || '', id, helpId, words.label, help);
    case 'text':
      if (spec.options?.length) return renderPresets(v, spec, value, id, helpId, words.label, help, named);
      return renderInput(spec, value, id, helpId, words.label, help, set);
    default:
      return renderInput(spec, value, id, helpId, words.label, help, set);
  }
}

/** A key figure's measure: a calculation in words and its column (an expression written elsewhere stays, as written). */
function renderMeasure(v: FormView, spec: OptionSpec, value: string, id: string, helpId: string, label: string, help: TemplateResult): TemplateResult {
  const { t } = v;
  const measure = readMeasure(value);
  const ops = optionWords(v.lang)['chart.aggregate'].values!;
  const measures = v.columns.filter(isMeasure);
  if (!measure) {
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${help}
      <input id=${id} type="text" autocomplete="off" aria-describedby=${helpId} .value=${value} @change=${(e: Event) => v.set(spec.name, (e.target as HTMLInputElement).value)} />
    </div>`;
  }
  const set = (op: AggregateOp, column: string | undefined) => v.set(spec.name, writeMeasure(op, column ?? measures[0]?.name));
  const current = () => readMeasure(v.get(spec.name) || spec.default || '') ?? measure;
  return html`<fieldset class="field measure" aria-describedby=${helpId}>
    <legend>${label}</legend>
    ${help}
    <div class="row">
      <div class="field grow">
        <label for=${id}>${t.measureOp}</label>
        <select id=${id} @change=${(e: Event) => set((e.target as HTMLSelectElement).value as AggregateOp, current().column)}>
          ${AGGREGATE_OPS.map((op) => html`<option .value=${op} ?selected=${op === measure.op}>${ops[op]}</option>`)}
        </select>
      </div>
      <div class="field grow">
        <label for="${id}-column">${t.measureColumn}</label>
        <select id="${id}-column" ?disabled=${measure.op === 'count'} @change=${(e: Event) => set(current().op, (e.target as HTMLSelectElement).value)}>
          ${measure.op === 'count' ? html`<option value="" selected>${t.everyRow}</option>` : nothing}
          ${measures.map((c) => html`<option .value=${c.name} ?selected=${c.name === measure.column}>${columnTitle(c.name, v.labels)}</option>`)}
        </select>
      </div>
    </div>
  </fieldset>`;
}

/** The select's entry for « another address ». */
const CUSTOM = '\u0000custom';

/** A text with named presets (`tiles`: « Plan IGN », « OpenStreetMap »…) or any other address. */
function renderPresets(v: FormView, spec: OptionSpec, value: string, id: string, helpId: string, label: string, help: TemplateResult, named: (x: string) => string): TemplateResult {
  const { t } = v;
  const presets = spec.options ?? [];
  const custom = value !== '' && !presets.includes(value);
  const set = (x: string) => v.set(spec.name, x);
  return html`<div class="field">
    <label for=${id}>${label}</label>
    ${help}
    <select id=${id} aria-describedby=${helpId} @change=${(e: Event) => {
      const choice = (e.target as HTMLSelectElement).value;
      if (choice !== CUSTOM) set(choice === spec.default ? '' : choice);
      else v.set(spec.name, value && !presets.includes(value) ? value : 'https://');
    }}>
      ${presets.map((p) => html`<option .value=${p} ?selected=${!custom && (value || spec.default) === p}>${named(p)}</option>`)}
      <option .value=${CUSTOM} ?selected=${custom}>${t.otherAddress}</option>
    </select>
    ${custom
      ? html`<label class="visually-hidden" for="${id}-custom">${t.otherAddress}</label>
          <input id="${id}-custom" type="url" autocomplete="off" spellcheck="false" .value=${value} @change=${(e: Event) => set((e.target as HTMLInputElement).value)} />`
      : nothing}
  </div>`;
}

function renderInput(spec: OptionSpec, value: string, id: string, helpId: string, label: string, help: TemplateResult, set: (x: string) => void): TemplateResult {
  return html`<div class="field">
    <label for=${id}>${label}</label>
    ${help}
    <input
      id=${id}
      type=${spec.kind === 'number' ? 'number' : 'text'}
      inputmode=${spec.kind === 'number' ? 'decimal' : 'text'}
      autocomplete="off"
      aria-describedby=${helpId}
      .value=${value}
      @change=${(e: Event) => set((e.target as HTMLInputElement).value)}
    />
  </div>`;
}
