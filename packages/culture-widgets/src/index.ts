/**
 * culture-widgets: load this module (`dist/culture-widgets.js` from a CDN) and write the tags. It
 * holds no element: each element's code loads the first time its tag appears in the page
 * (`autoload.ts`), so a page with one chart downloads the chart and nothing else.
 *
 * `culture-widgets/table`, `/chart`, `/map` and `/kpi` (CDN: `dist/culture-table.js`…) register
 * one element each, at once, and export its class. The pure building blocks stay in their packages
 * (`@culture-widgets/core`, `/chart`…).
 */
import type { MountedEmbed } from '@culture-widgets/builder';
import { ELEMENT_MODULES, createAutoloader, loadOnWhenDefined } from './autoload.js';

const autoloader = createAutoloader(ELEMENT_MODULES);
loadOnWhenDefined(autoloader, ELEMENT_MODULES);
autoloader.watch(document);

/** Loads the code of a `culture-*` tag now (before it appears in the page); resolves once it has run. */
export const loadElement = (tag: string): Promise<void> => autoloader.load(tag);

/** The embed page (`embed.html` → `embed.js`) mounts its widget through this module; the builder's embed code loads with it. */
export async function mountEmbed(root: HTMLElement, search: string, win: Window = window): Promise<MountedEmbed> {
  const { mountEmbed } = await import('@culture-widgets/builder');
  return mountEmbed(root, search, win);
}

export type {
  CultureLoadEvent,
  CultureErrorEvent,
  CultureWarningEvent,
  CultureSelectEvent,
  CultureFilterChangeEvent,
  CultureLoadDetail,
  CultureErrorDetail,
  CultureWarningDetail,
  CultureSelectDetail,
  CultureFilterChangeDetail,
} from '@culture-widgets/ui';
export type { CultureTable, CultureDataTable } from '@culture-widgets/table';
export type { CultureChart } from '@culture-widgets/chart';
export type { CultureMap } from '@culture-widgets/map';
export type { CultureKpi, CultureKpiRow } from '@culture-widgets/kpi';
export type { CultureSource, CultureFilter } from '@culture-widgets/source';
export type { CultureBuilder } from '@culture-widgets/builder';
