/**
 * Every story of stories/shaping.stories.ts (one per compute function, aggregate, join, labels,
 * bad input) loads on the sample portal, or shows the error it documents.
 */
import { expect } from '@open-wc/testing';
import * as stories from '../../stories/shaping.stories.js';
import { portal } from '../helpers/portal.js';

const expectError = new Set(['SyntaxError', 'UnknownFunction', 'UnknownColumn', 'Shadowing', 'SplitOnNumbers', 'JoinFailing']);

describe('shaping stories', function () {
  this.timeout(120000);
  for (const [name, story] of Object.entries(stories)) {
    if (name === 'default' || !('args' in (story as object))) continue;
    it(name, async () => {
      const p = await portal();
      const meta = stories.default as { args: Record<string, string>; render: (a: Record<string, string>) => HTMLElement };
      const s = story as { args: Record<string, string>; render?: (a: Record<string, string>) => HTMLElement };
      const args = { ...meta.args, ...s.args, api: p.api, 'tabular-api': p.tabularApi };
      const el = (s.render ?? meta.render)(args);
      el.style.width = '640px';
      const settled = new Promise<Event>((ok) => { el.addEventListener('culture-load', ok, { once: true }); el.addEventListener('culture-error', ok, { once: true }); });
      document.body.append(el);
      const e = await settled;
      const detail = (e as Event & { detail: { message?: string } }).detail;
      expect(e.type, detail.message).to.equal(expectError.has(name) ? 'culture-error' : 'culture-load');
      el.remove();
    });
  }
});
