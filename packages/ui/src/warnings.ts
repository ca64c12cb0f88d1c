import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { CultureWarning, cellNumber } from '@culture-widgets/core';
import { CultureWarningEvent } from './events.js';
import { resolveLang } from './messages.js';
import { worded } from './states.js';

/** The size ranges of DESIGN § Events: larger values would freeze the page, smaller ones draw nothing. */
export const SIZE_RANGES = {
  height: { min: 50, max: 5000 },
  pageSize: { min: 1, max: 1000 },
  limit: { min: 1, max: 1000 },
} as const;

type Host = ReactiveControllerHost & HTMLElement;
const signature = (w: CultureWarning) => `${w.code}|${w.key}|${JSON.stringify(w.details)}`;

/**
 * The one warning path of an element: attribute readers that answer an invalid or clamped value
 * with the default (or the bound) and a `CultureWarning`, plus the notes raised elsewhere (a
 * query result). After each update, a new warning fires `culture-warning` once and is logged;
 * `render()` shows the current ones as a short note in the widget.
 *
 *   readonly warnings = new WarningController(this);
 *   const type = this.warnings.oneOf('type', this.type, CHART_TYPES, 'auto');
 *   const height = this.warnings.size('height', this.height, SIZE_RANGES.height);
 */
export class WarningController implements ReactiveController {
  /** Current warnings, by what raised them (an attribute name, `data`…). */
  private readonly current = new Map<string, readonly CultureWarning[]>();
  private reported = new Set<string>();

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  /** One of `allowed`; anything else (but empty) gives `fallback` with an `invalid-value` warning. */
  oneOf<T extends string, F extends T | undefined>(attribute: string, value: string | null | undefined, allowed: readonly T[], fallback: F): T | F {
    const text = value?.trim() ?? '';
    const ok = text === '' || allowed.includes(text as T);
    this.check(attribute, ok, text, allowed, fallback);
    return ok && text !== '' ? (text as T) : fallback;
  }

  /** Records (or clears) an `invalid-value` warning for an attribute checked elsewhere. */
  check(attribute: string, ok: boolean, value: string, allowed: readonly string[], accepted: string | undefined): void {
    this.set(attribute, ok ? [] : [new CultureWarning('invalid-value', { attribute, value, allowed, accepted: accepted ?? '' })]);
  }

  /** A number (French or English decimals); anything else is no value, with a warning (« n'est pas un nombre (de 1 à 1000) »). */
  number(attribute: string, value: string | null | undefined, range?: { min: number; max: number }): number | undefined {
    const text = value?.trim() ?? '';
    const n = text === '' ? undefined : cellNumber(text);
    const ok = n !== undefined || !text;
    this.set(attribute, ok ? [] : [new CultureWarning('invalid-value', { attribute, value: text, expected: 'number', ...range, accepted: '' })]);
    return n;
  }

  /** A size within `range` (DESIGN § Events): out of it, the nearest bound with a `clamped` warning. */
  size(attribute: string, value: string | null | undefined, range: { min: number; max: number }): number | undefined {
    const n = this.number(attribute, value, range);
    if (n === undefined) return undefined;
    const clamped = Math.min(range.max, Math.max(range.min, Math.round(n)));
    if (clamped !== Math.round(n)) this.set(attribute, [new CultureWarning('clamped', { attribute, value: value!.trim(), accepted: String(clamped), ...range })]);
    return clamped;
  }

  /** Notes raised elsewhere (a query result, a plan), replacing the previous ones under `key`. */
  set(key: string, warnings: readonly CultureWarning[]): void {
    if (warnings.length) this.current.set(key, warnings);
    else this.current.delete(key);
  }

  /**
   * Where the short visible note goes (`part="warning"`, hidden when all is well). Its text is
   * written after each update, once every attribute has been read: no second render.
   */
  render(): TemplateResult {
    return html`<p class="warning" part="warning" hidden></p>`;
  }

  hostUpdated(): void {
    const all = [...this.current.values()].flat();
    const now = new Set(all.map(signature));
    const lang = resolveLang(this.host);
    // said once worded (decision 0016): the update after its sentences load comes back here
    if (all.length && !worded(this.host, lang, all)) return;
    for (const warning of all) {
      if (this.reported.has(signature(warning))) continue;
      const message = warning.messageIn(lang);
      console.warn(`culture-widgets: <${this.host.localName}> ${message}`);
      const { attribute, value, accepted } = warning.details;
      this.host.dispatchEvent(
        new CultureWarningEvent({
          code: warning.code,
          message,
          ...(typeof attribute === 'string' ? { attribute, value: String(value), accepted: String(accepted ?? '') } : {}),
        }),
      );
    }
    this.reported = now;
    const note = this.host.shadowRoot?.querySelector<HTMLElement>('p.warning');
    if (!note) return;
    note.textContent = all.map((w) => w.messageIn(lang)).join(' ');
    note.hidden = all.length === 0;
  }
}
