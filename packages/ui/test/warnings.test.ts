import { expect, fixture, html as testHtml, waitUntil } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { CultureWarning, loadSentences } from '@culture-widgets/core';
import { SIZE_RANGES, ThemeController, WarningController, type CultureWarningDetail, type ThemeSetting } from '../src/index.js';

/** An element with a closed-set attribute, a size and a theme, read the way every element reads them. */
@customElement('ui-warning-probe')
class WarningProbe extends LitElement {
  @property() kind?: string;
  @property() size?: string;
  @property() theme: ThemeSetting = 'auto';
  readonly warnings = new WarningController(this);
  readonly themeController = new ThemeController(this, this.warnings);
  read: { kind?: string; size?: number } = {};
  override render() {
    this.read = { kind: this.warnings.oneOf('kind', this.kind, ['a', 'b'], 'a'), size: this.warnings.size('size', this.size, SIZE_RANGES.height) };
    return html`${this.warnings.render()}<span>${this.read.kind}</span>`;
  }
}

async function probe(attrs: Record<string, string>): Promise<{ el: WarningProbe; events: CultureWarningDetail[]; logs: string[] }> {
  const events: CultureWarningDetail[] = [];
  const logs: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => void (String(args[0]).startsWith('culture-widgets:') && logs.push(args.join(' ')));
  const holder = await fixture<HTMLDivElement>(testHtml`<div lang="en" @culture-warning=${(e: Event) => events.push((e as CustomEvent).detail)}></div>`);
  const el = document.createElement('ui-warning-probe') as WarningProbe;
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  holder.append(el);
  await el.updateComplete;
  // a warning is said once core's sentences are here (decision 0016), in the update after they load
  await loadSentences('en');
  await el.updateComplete;
  console.warn = warn;
  return { el, events, logs };
}

describe('ui: one warning path (culture-warning, a note, a console line)', () => {
  it('a value out of the set falls back on the default, once', async () => {
    const { el, events, logs } = await probe({ kind: 'z', size: '300' });
    expect(el.read).to.deep.equal({ kind: 'a', size: 300 });
    expect(events).to.have.length(1);
    expect(events[0]).to.include({ code: 'invalid-value', attribute: 'kind', value: 'z', accepted: 'a' });
    expect(events[0]!.message).to.equal('kind="z" is not a possible value (a, b): a is used.');
    expect(el.shadowRoot!.querySelector('[part=warning]')!.textContent).to.equal(events[0]!.message);
    expect(logs).to.deep.equal([`culture-widgets: <ui-warning-probe> ${events[0]!.message}`]);
    el.requestUpdate();
    await el.updateComplete;
    expect(events).to.have.length(1);
  });

  it('a size out of range is clamped; text that is no number is said', async () => {
    const { el, events } = await probe({ size: '100000000', theme: 'sepia' });
    expect(el.read.size).to.equal(5000);
    expect(events.map((e) => [e.code, e.attribute, e.accepted])).to.have.deep.members([['clamped', 'size', '5000'], ['invalid-value', 'theme', 'auto']]);
    el.size = 'abc';
    await el.updateComplete;
    await waitUntil(() => events.length === 3);
    expect(el.read.size).to.equal(undefined);
    expect(events[2]).to.include({ code: 'invalid-value', attribute: 'size', value: 'abc' });
  });

  it('a valid value takes the note away; notes from elsewhere go through the same path', async () => {
    const { el, events } = await probe({ kind: 'z' });
    el.kind = 'b';
    await el.updateComplete;
    await waitUntil(() => el.shadowRoot!.querySelector<HTMLElement>('[part=warning]')!.hidden, 'the note stays');
    el.warnings.set('data', [new CultureWarning('clamped', { attribute: 'limit', value: '0', accepted: '1', min: 1, max: 1000 })]);
    el.requestUpdate();
    await waitUntil(() => events.length === 2, 'no event for the data note');
    expect(events[1]).to.include({ code: 'clamped', attribute: 'limit', accepted: '1' });
  });
});
