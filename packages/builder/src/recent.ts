/**
 * The datasets opened lately, kept in this browser (localStorage) so « Récents » reopens one in a
 * click. Per catalogue: the sample portal's datasets never show on data.gouv.fr's list. Nothing
 * leaves the browser; a storage that refuses (private mode, quota) just keeps no history.
 */
export interface RecentDataset {
  /** What was loaded: a slug, an id or a file URL (the link field's value). */
  ref: string;
  title: string;
  organization?: string;
}

const KEY = 'culture-builder:recent';
const KEEP = 8;

type Store = Record<string, RecentDataset[]>;

/** The page's storage; reading it throws in a sandboxed frame. */
function pageStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

function read(storage: Storage | undefined): Store {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(KEY) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Store) : {};
  } catch {
    return {};
  }
}

const isRecent = (d: unknown): d is RecentDataset =>
  !!d && typeof (d as RecentDataset).ref === 'string' && typeof (d as RecentDataset).title === 'string';

/** The datasets opened on `api`, the last one first. */
export function recentDatasets(api: string, storage: Storage | undefined = pageStorage()): RecentDataset[] {
  const list = read(storage)[api];
  return Array.isArray(list) ? list.filter(isRecent).slice(0, KEEP) : [];
}

/** Puts `dataset` first in the list of `api` (once). */
export function rememberDataset(api: string, dataset: RecentDataset, storage: Storage | undefined = pageStorage()): void {
  const store = read(storage);
  store[api] = [dataset, ...recentDatasets(api, storage).filter((d) => d.ref !== dataset.ref)].slice(0, KEEP);
  try {
    storage?.setItem(KEY, JSON.stringify(store));
  } catch {
    // no room or no storage: no history, nothing else changes
  }
}
