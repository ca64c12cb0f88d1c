/** Mounting `<culture-map>` on the sample portal, for the map's browser tests. */
import type { Portal } from '../../../test/helpers/portal.js';
import '../src/culture-map.js';
import type { CultureMap } from '../src/map.js';

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

/** A map with tiles off, connected once its listeners are on; resolves on load or error. Removed after the test. */
export async function mountMap(p: Portal, attrs: Record<string, string>): Promise<{ el: CultureMap; event: Event }> {
  const el = document.createElement('culture-map');
  el.setAttribute('api', p.api);
  el.setAttribute('tabular-api', p.tabularApi);
  el.setAttribute('tiles', 'none');
  el.style.width = '640px';
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  const settled = new Promise<Event>((resolve) => {
    el.addEventListener('culture-load', resolve, { once: true });
    el.addEventListener('culture-error', resolve, { once: true });
  });
  document.body.append(el);
  mounted.push(el);
  const event = await settled;
  await el.updateComplete;
  return { el, event };
}

/** Keeps a helper element (a `<culture-source>`) until the end of the test. */
export const keep = (el: HTMLElement): HTMLElement => (mounted.push(el), el);
