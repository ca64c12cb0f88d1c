/**
 * The first step: which data. A link pasted, a catalogue search (culture producers first) or a
 * dataset opened lately; then its file, and its first rows under the names the widgets will use.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { columnTitle, formatCell, type ColumnInfo, type DatasetSummary, type Lang, type Labels, type Row } from '@culture-widgets/core';
import type { OpenedDataset } from './catalog.js';
import { isCultureProducer } from './catalog.js';
import type { BuilderMessages } from './messages.js';
import type { RecentDataset } from './recent.js';
import { renderTabList, renderTabPanel, type Tab } from './tabs.js';

export const DATA_TABS = ['link', 'search', 'recent'] as const;
export type DataTab = (typeof DATA_TABS)[number];

export interface DataStepView {
  t: BuilderMessages;
  tab: DataTab;
  selectTab(tab: DataTab, focus?: string): void;
  link: string;
  setLink(value: string): void;
  load(event: Event): void;
  query: string;
  setQuery(value: string): void;
  search(event: Event): void;
  /** The search's state: its results, or a status line. */
  results?: DatasetSummary[];
  searching: boolean;
  recent: RecentDataset[];
  choose(ref: string): void;
  /** The one error of the last action (a load or a search), already in words. */
  error?: TemplateResult | string;
  loadingDataset: boolean;
}

export function renderDataFinder(v: DataStepView): TemplateResult {
  const { t } = v;
  const tabs: Tab<DataTab>[] = DATA_TABS.map((key) => ({ key, label: t.dataTabs[key] }));
  return html`${renderTabList('data', t.dataTabsLabel, tabs, v.tab, (key, focus) => v.selectTab(key, focus))}
    ${renderTabPanel('data', v.tab, v.tab === 'link' ? renderLink(v) : v.tab === 'search' ? renderSearch(v) : renderRecent(v))}
    ${v.loadingDataset ? html`<p class="status" role="status">${t.loadingDataset}</p>` : nothing}
    ${v.error ? html`<div class="error" role="alert">${v.error}</div>` : nothing}`;
}

function renderLink(v: DataStepView): TemplateResult {
  const { t } = v;
  return html`<form class="row field-row" @submit=${v.load}>
    <div class="field grow">
      <label for="dataset-link">${t.datasetLink}</label>
      <p class="help" id="dataset-link-help">${t.datasetLinkHelp}</p>
      <input
        id="dataset-link"
        name="dataset"
        type="text"
        inputmode="url"
        autocomplete="off"
        spellcheck="false"
        aria-describedby="dataset-link-help"
        placeholder=${t.datasetLinkPlaceholder}
        .value=${v.link}
        @input=${(e: Event) => v.setLink((e.target as HTMLInputElement).value)}
      />
    </div>
    <button type="submit" class="primary">${t.load}</button>
  </form>`;
}

function renderSearch(v: DataStepView): TemplateResult {
  const { t } = v;
  return html`<form class="row field-row" role="search" @submit=${v.search}>
      <div class="field grow">
        <label for="search">${t.searchLabel}</label>
        <p class="help" id="search-help">${t.searchHelp}</p>
        <input
          id="search"
          type="search"
          autocomplete="off"
          aria-describedby="search-help"
          .value=${v.query}
          @input=${(e: Event) => v.setQuery((e.target as HTMLInputElement).value)}
        />
      </div>
      <button type="submit" class="primary">${t.search}</button>
    </form>
    <div class="results" aria-live="polite">
      ${v.searching ? html`<p class="status">${t.searching}</p>` : nothing}
      ${v.results
        ? html`<p class="status">${t.results(v.results.length)}</p>
            <ul class="result-list">
              ${v.results.map((d) => renderDatasetChoice(v, d.slug, d.title, d.organization))}
            </ul>`
        : nothing}
    </div>`;
}

function renderRecent(v: DataStepView): TemplateResult {
  const { t } = v;
  if (!v.recent.length) return html`<p class="status">${t.noRecent}</p>`;
  return html`<ul class="result-list recent-list" aria-label=${t.dataTabs.recent}>
    ${v.recent.map((d) => renderDatasetChoice(v, d.ref, d.title, d.organization))}
  </ul>`;
}

function renderDatasetChoice(v: DataStepView, ref: string, title: string, organization?: string): TemplateResult {
  const { t } = v;
  return html`<li>
    <button type="button" class="link" @click=${() => v.choose(ref)}>${title}</button>
    ${isCultureProducer(organization) ? html`<span class="badge">${t.culture}</span>` : nothing}
    ${organization ? html`<span class="muted">${t.by(organization)}</span>` : nothing}
  </li>`;
}

export interface ResourceView {
  t: BuilderMessages;
  lang: Lang;
  dataset: OpenedDataset;
  resourceId?: string;
  chooseResource(id: string): void;
}

/** The dataset opened, and the file to read when it has several. */
export function renderDatasetCard(v: ResourceView): TemplateResult {
  const { t, dataset } = v;
  const resources = dataset.resources;
  return html`<div class="dataset-card">
    <p class="dataset-heading">
      <strong class="dataset-title">${dataset.title}</strong>
      ${dataset.organization ? html`<span class="muted">${t.by(dataset.organization)}</span>` : nothing}
    </p>
    ${resources.length === 0
      ? html`<p class="notice">${t.noResource}</p>`
      : resources.length === 1
        ? html`<p class="muted">${t.resourceLabel} : ${resourceText(t, resources[0]!)}</p>`
        : html`<div class="field">
            <label for="resource">${t.resourceLabel}</label>
            <select id="resource" @change=${(e: Event) => v.chooseResource((e.target as HTMLSelectElement).value)}>
              ${resources.map((r) => html`<option .value=${r.id} ?selected=${r.id === v.resourceId}>${resourceText(t, r)}</option>`)}
            </select>
          </div>`}
  </div>`;
}

const resourceText = (t: BuilderMessages, r: OpenedDataset['resources'][number]) =>
  `${r.title} (${[r.format.toUpperCase(), r.tabular ? t.tabular : ''].filter(Boolean).join(', ')})`;

/** The first rows under the column names the widgets show (the file's own name under each), cells as widgets write them. */
export function renderFirstRows(t: BuilderMessages, lang: Lang, columns: ColumnInfo[], rows: Row[], labels?: Labels): TemplateResult {
  return html`<div class="table-scroll" role="region" aria-labelledby="preview-caption" tabindex="0">
    <table class="data">
      <caption id="preview-caption">${t.previewCaption(columns.length)}</caption>
      <thead>
        <tr>
          ${columns.map(
            (c) => html`<th scope="col">
              <span class="column-name">${columnTitle(c.name, labels)}</span>
              <span class="column-type">${t.types[c.type] ?? c.type}${columnTitle(c.name, labels) === c.name ? '' : ` · ${c.name}`}</span>
            </th>`,
          )}
        </tr>
      </thead>
      <tbody>
        ${rows.map((row) => html`<tr>${columns.map((c) => html`<td>${formatCell(row[c.name], c, lang)}</td>`)}</tr>`)}
      </tbody>
    </table>
  </div>`;
}
