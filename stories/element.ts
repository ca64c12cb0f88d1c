/**
 * Stories render an element from its attributes as a page author writes them: the controls come
 * from the element's own declaration (controls.generated.ts, `npm run api`), never a copy.
 */
import { controls } from './controls.generated.js';

/** `npm run storybook` starts the sample portal on this port (.storybook/main.ts). */
export const portal = 'http://127.0.0.1:4790';
/** The data attributes every story starts from: the sample portal, in French. */
export const samplePortal = { api: `${portal}/api`, 'tabular-api': `${portal}/tabular/api`, lang: 'fr' };

export type Attributes = Record<string, string | boolean | undefined>;

/** `<tag …>` with these attributes (`true` written bare, empty and `false` left out). */
export function element(tag: string, attributes: Attributes): HTMLElement {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) el.setAttribute(name, '');
    else if (typeof value === 'string' && value !== '') el.setAttribute(name, value);
  }
  return el;
}

/** The Storybook controls of an element. */
export const controlsOf = (tag: string) => controls[tag];
