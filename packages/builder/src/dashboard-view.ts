/**
 * « Tableau de bord »: the widgets put together on one source (added from the workbench, edited,
 * moved, removed) and the columns readers filter them by. The code comes out of the copy step.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { columnTitle, type ColumnInfo, type Labels } from '@culture-widgets/core';
import type { WidgetConfig } from './attributes.js';
import type { DashboardConfig } from './dashboard.js';
import { kindOf } from './gallery.js';
import { cardText } from './gallery-view.js';
import type { BuilderMessages } from './messages.js';

export interface DashboardView {
  t: BuilderMessages;
  dashboard: DashboardConfig;
  columns: ColumnInfo[];
  labels?: Labels;
  /** The dashboard widget the workbench edits, if any. */
  editing?: number;
  /** The workbench reads other data than the dashboard: it cannot join it. */
  otherData: boolean;
  add(): void;
  edit(index: number): void;
  move(index: number, by: -1 | 1): void;
  remove(index: number): void;
  clear(): void;
  setControls(columns: string[]): void;
}

/** « Courbe : Total par année », or its title when it has one. */
export function widgetName(t: BuilderMessages, w: WidgetConfig, columns: ColumnInfo[], labels?: Labels): string {
  const kind = kindOf(w.element, w.attributes);
  const what = w.attributes.title || w.attributes.label || cardText(t, { kind, element: w.element, attributes: w.attributes, recommended: false }, columns, labels);
  return t.dashboardItem(t.kinds[kind], what);
}

export function renderDashboard(v: DashboardView): TemplateResult {
  const { t, dashboard } = v;
  const count = dashboard.widgets.length;
  const controls = new Set(dashboard.controls);
  const toggle = (column: string, on: boolean) => v.setControls(v.columns.map((c) => c.name).filter((name) => (name === column ? on : controls.has(name))));
  return html`<p class="help">${t.dashboardHelp}</p>
    <div class="row">
      <button type="button" class="primary" ?disabled=${v.otherData} aria-describedby=${v.otherData ? 'dashboard-other' : nothing} @click=${v.add}>
        ${v.editing === undefined ? t.addToDashboard : t.updateInDashboard(v.editing + 1)}
      </button>
      ${count ? html`<button type="button" @click=${v.clear}>${t.clearDashboard}</button>` : nothing}
    </div>
    ${v.otherData ? html`<p class="notice" id="dashboard-other">${t.dashboardOtherData}</p>` : nothing}
    ${count
      ? html`<ol class="dashboard-list" aria-label=${t.dashboardWidgets(count)}>
            ${dashboard.widgets.map((w, i) => {
              const name = widgetName(t, w, v.columns, v.labels);
              return html`<li class=${i === v.editing ? 'editing' : ''}>
                <span class="widget-name">${name}</span>
                <span class="widget-actions">
                  <button type="button" class="link" aria-label=${t.editNamed(name)} @click=${() => v.edit(i)}>${t.edit}</button>
                  <button type="button" class="link" aria-label=${t.moveUpNamed(name)} ?disabled=${i === 0} @click=${() => v.move(i, -1)}>${t.moveUp}</button>
                  <button type="button" class="link" aria-label=${t.removeNamed(name)} @click=${() => v.remove(i)}>${t.remove}</button>
                </span>
              </li>`;
            })}
          </ol>
          <fieldset class="field columns controls">
            <legend>${t.dashboardControls}</legend>
            <p class="help">${t.dashboardControlsHelp}</p>
            <div class="checks">
              ${v.columns.map(
                (c) => html`<label class="check">
                  <input type="checkbox" name="control" .value=${c.name} .checked=${controls.has(c.name)} @change=${(e: Event) => toggle(c.name, (e.target as HTMLInputElement).checked)} />
                  ${columnTitle(c.name, v.labels)}
                </label>`,
              )}
            </div>
          </fieldset>`
      : html`<p class="status">${t.dashboardEmpty}</p>`}`;
}
