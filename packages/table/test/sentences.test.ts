/**
 * Core's sentences are not in the first load (decision 0016): they load with the first error worded
 * in a language. This file runs in a page of its own, so nothing has loaded them before it.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sentencesLoaded } from '@culture-widgets/core';
import type { CultureErrorEvent } from '@culture-widgets/ui';
import { portal } from '../../../test/helpers/portal.js';
import '../src/culture-table.js';

const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/[\s\u202f\u00a0]+/g, ' ').trim();

describe('<culture-table>: an error on a page that has no sentences yet', () => {
  const cases = [
    ['fr', 'Jeu de données ou ressource introuvable.', 'Les données n’ont pas pu être affichées'],
    ['en', 'Dataset or resource not found.', 'The data could not be shown'],
  ] as const;
  for (const [lang, sentence, title] of cases) {
    it(`says it in ${lang}, exactly, with role="alert" and culture-error; the skeleton until then, never a bare code`, async () => {
      expect(sentencesLoaded(lang), 'the sentences came with the page').to.equal(false);
      const p = await portal();
      const holder = await fixture<HTMLDivElement>(html`<div></div>`);
      const el = document.createElement('culture-table');
      for (const [name, value] of Object.entries({ api: p.api, 'tabular-api': p.tabularApi, lang, dataset: 'ce-jeu-n-existe-pas' })) el.setAttribute(name, value);
      // what the reader sees at each change: the skeleton, or the alert with its sentence
      const seen: string[] = [];
      const look = () => {
        const alert = el.shadowRoot?.querySelector('[role="alert"]');
        seen.push(alert ? `alert: ${text(alert)}` : el.shadowRoot?.querySelector('[part="loading"]') ? 'loading' : 'blank');
      };
      const observer = new MutationObserver(look);
      const failed = new Promise<CultureErrorEvent>((resolve) => el.addEventListener('culture-error', (e) => resolve(e as CultureErrorEvent), { once: true }));
      holder.append(el);
      await el.updateComplete;
      observer.observe(el.shadowRoot!, { childList: true, subtree: true, characterData: true });
      look();
      const event = await failed;
      observer.disconnect();
      expect(event.detail).to.include({ code: 'not-found', message: sentence });
      expect(text(el.shadowRoot!.querySelector('[role="alert"]'))).to.equal(`${title} ${sentence}`);
      expect(sentencesLoaded(lang)).to.equal(true);
      expect(seen.filter((s) => s !== 'loading' && s !== `alert: ${title} ${sentence}`), 'something else was shown').to.deep.equal([]);
      expect(seen).to.include('loading');
    });
  }
});
