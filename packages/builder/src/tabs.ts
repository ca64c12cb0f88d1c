/**
 * Tabs the WAI-ARIA way, for the builder's three choices of that shape (where the data comes from,
 * which settings, which code to copy): a `tablist` of buttons, one panel shown; arrow keys, Home
 * and End move between tabs and select them, Tab goes on into the panel.
 */
import { html, type TemplateResult } from 'lit';

export interface Tab<K extends string> {
  key: K;
  label: string;
}

const tabId = (group: string, key: string) => `${group}-tab-${key}`;
export const panelId = (group: string, key: string) => `${group}-panel-${key}`;

/**
 * The tab list of `group`. `select(key)` is called on a click or a key; focus then moves to the
 * new tab (found by its id after the host re-renders: `focusAfter` receives the selector).
 */
export function renderTabList<K extends string>(
  group: string,
  label: string,
  tabs: readonly Tab<K>[],
  selected: K,
  select: (key: K, focusSelector?: string) => void,
): TemplateResult {
  const onKey = (event: KeyboardEvent, index: number) => {
    const last = tabs.length - 1;
    const to = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: last }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const next = tabs[(to + tabs.length) % tabs.length]!;
    select(next.key, `#${tabId(group, next.key)}`);
  };
  return html`<div class="tabs" role="tablist" aria-label=${label}>
    ${tabs.map(
      (tab, index) => html`<button
        type="button"
        role="tab"
        id=${tabId(group, tab.key)}
        aria-controls=${panelId(group, tab.key)}
        aria-selected=${tab.key === selected ? 'true' : 'false'}
        tabindex=${tab.key === selected ? '0' : '-1'}
        @click=${() => select(tab.key)}
        @keydown=${(e: KeyboardEvent) => onKey(e, index)}
      >
        ${tab.label}
      </button>`,
    )}
  </div>`;
}

/** The panel of the selected tab. */
export function renderTabPanel(group: string, key: string, content: unknown): TemplateResult {
  return html`<div class="tab-panel" role="tabpanel" id=${panelId(group, key)} aria-labelledby=${tabId(group, key)}>${content}</div>`;
}
