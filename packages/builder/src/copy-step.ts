/**
 * The last step: the code to copy, three ways (a site that takes scripts, a CMS that strips them,
 * a share link), and « Essayer ce code »: that code run in a sandboxed blank page, with what it
 * showed said in words.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ref, type Ref } from 'lit/directives/ref.js';
import type { BuilderMessages } from './messages.js';
import { renderTabList, renderTabPanel, type Tab } from './tabs.js';
import type { TrialState } from './trial.js';

export const COPY_TABS = ['script', 'cms', 'share'] as const;
export type CopyTab = (typeof COPY_TABS)[number];
export type ScriptFrom = 'local' | 'cdn';

export interface CopyView {
  t: BuilderMessages;
  tab: CopyTab;
  selectTab(tab: CopyTab, focus?: string): void;
  /** This server's copy of the library (`script-base`), when the page names one. */
  localBase?: string;
  cdnBase: string;
  scriptFrom: ScriptFrom;
  chooseScript(from: ScriptFrom): void;
  codes: Record<CopyTab, string>;
  transparent: boolean;
  setTransparent(on: boolean): void;
  copied?: CopyTab;
  copyFailed?: CopyTab;
  copy(tab: CopyTab): void;
  trial: TrialState;
  /** The trial page of the shown code, while a trial is on. */
  trialPage?: string;
  trialFrame: Ref<HTMLIFrameElement>;
  startTrial(): void;
  stopTrial(): void;
}

export function renderCopyStep(v: CopyView): TemplateResult {
  const { t } = v;
  const tabs: Tab<CopyTab>[] = COPY_TABS.map((key) => ({ key, label: t.copyTabs[key] }));
  return html`${renderTabList('copy', t.copyTabsLabel, tabs, v.tab, (key, focus) => v.selectTab(key, focus))}
    ${renderTabPanel('copy', v.tab, html`${renderPanel(v)} ${v.tab === 'share' ? nothing : renderTrial(v)}`)}`;
}

function renderPanel(v: CopyView): TemplateResult {
  const { t } = v;
  switch (v.tab) {
    case 'script':
      return html`${v.localBase ? renderScriptChoice(v) : nothing}
        ${renderCode(v, 'script', t.snippetLabel, t.snippetHelp, 10)}`;
    case 'cms':
      return html`<ol class="steps-list">
          ${t.cmsSteps.map((line) => html`<li>${line}</li>`)}
        </ol>
        ${renderCode(
          v,
          'cms',
          t.iframeLabel,
          t.iframeHelp,
          5,
          html`<label class="check">
            <input type="checkbox" .checked=${v.transparent} @change=${(e: Event) => v.setTransparent((e.target as HTMLInputElement).checked)} />
            ${t.transparent}
          </label>`,
        )}`;
    case 'share':
      return renderCode(v, 'share', t.shareLabel, t.shareHelp, 3, html`<a href=${v.codes.share} target="_blank" rel="noopener">${t.open}</a>`);
  }
}

function renderScriptChoice(v: CopyView): TemplateResult {
  const { t } = v;
  const choice = (from: ScriptFrom, base: string) => html`<label class="choice">
    <input type="radio" name="script-from" .value=${from} .checked=${v.scriptFrom === from} @change=${() => v.chooseScript(from)} />
    <span class="choice-title">${t.scriptFrom[from]}</span>
    <span class="muted">${t.scriptFromHelp[from](base)}</span>
  </label>`;
  return html`<fieldset class="script-from">
    <legend>${t.scriptFromLegend}</legend>
    ${choice('local', v.localBase!)} ${choice('cdn', v.cdnBase)}
  </fieldset>`;
}

function renderCode(v: CopyView, tab: CopyTab, label: string, help: string, rows: number, extra: TemplateResult | typeof nothing = nothing): TemplateResult {
  const { t } = v;
  const id = `copy-${tab}`;
  const status = v.copied === tab ? t.copied : v.copyFailed === tab ? t.copyFailed : '';
  return html`<div class="copy-block">
    <label for=${id}>${label}</label>
    <p class="help" id="${id}-help">${help}</p>
    <textarea id=${id} readonly rows=${rows} spellcheck="false" aria-describedby="${id}-help" .value=${v.codes[tab]}></textarea>
    <div class="row copy-actions">
      <button type="button" class="primary" @click=${() => v.copy(tab)}>${t.copyButton[tab]}</button>
      <span class="copied" role="status" aria-live="polite">${status}</span>
      ${extra}
    </div>
  </div>`;
}

function renderTrial(v: CopyView): TemplateResult {
  const { t } = v;
  return html`<section class="trial" aria-labelledby="trial-heading">
    <h4 id="trial-heading">${t.trialHeading}</h4>
    <p class="help">${t.trialHelp}</p>
    <div class="row">
      <!-- one button whose words change: the keyboard's focus stays on it -->
      <button type="button" @click=${v.trialPage ? v.stopTrial : v.startTrial}>${v.trialPage ? t.trialStop : t.trialStart}</button>
    </div>
    ${v.trialPage
      ? html`<p class="trial-status" role="status" data-rows=${[...v.trial.loads.values()].map((l) => l.rows).join(',')}>${trialSummary(v)}</p>
          <iframe
            class="trial-frame"
            title=${t.trialFrameTitle}
            sandbox="allow-scripts"
            referrerpolicy="no-referrer"
            height=${v.trial.height ?? 360}
            .srcdoc=${v.trialPage}
            ${ref(v.trialFrame)}
          ></iframe>`
      : nothing}
  </section>`;
}

/** What the trial showed, in words: a script that failed first, then errors, then rows. */
function trialSummary({ t, trial, scriptFrom, localBase }: CopyView): string {
  if (trial.scriptErrors.length) return t.trialScriptError(trial.scriptErrors[0]!, scriptFrom === 'cdn' && !!localBase);
  if (trial.undefinedTags.length) return t.trialUndefined(trial.undefinedTags);
  const errors = [...trial.errors.values()];
  if (errors.length) return errors.map((e) => t.trialWidgetError(e.tag, e.message)).join(' ');
  const loads = [...trial.loads.values()];
  if (loads.length) return t.trialWorks(loads.map((l) => l.rows));
  if (trial.silent) return t.trialSilent;
  return t.trialRunning;
}
