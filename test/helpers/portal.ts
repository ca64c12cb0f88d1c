/**
 * The sample portal, seen from a browser test. Each call to `portal()` opens a fresh scope:
 * its own request log and its own faults, so test files running in parallel never collide.
 *
 *   const p = await portal();
 *   await fetch(`${p.api}/1/datasets/${DATASETS.museums}/`);
 *   await p.fault({ match: '/data/', status: 503, retryAfter: 1, times: 1 });
 *   expect(await p.requests('/data/')).to.have.length(1);
 *
 * The catalogue (slugs, ids, columns, traps) is described in test/portal/README.md.
 */

/** Dataset slugs (fixed: code and tests may rely on them). */
export const DATASETS = {
  museums: 'frequentation-des-musees-de-france-1',
  /** The slug data.gouv.fr had before: a 301 to `museums`. */
  museumsOldSlug: 'frequentation-des-musees-de-france',
  museumList: 'liste-et-localisation-des-musees-de-france',
  festivals: 'liste-des-festivals-en-france',
  spending: 'depenses-culturelles-des-departements',
  places: 'lieux-culturels-en-geojson',
  monuments: 'frequentation-des-monuments-nationaux',
  ticketing: 'billetterie-du-spectacle-vivant',
  noCors: 'musees-sans-cors',
  hostile: 'jeu-de-donnees-hostile',
  deleted: 'jeu-de-donnees-supprime',
  museofile: 'museofile-base-des-musees-de-france',
  population: 'population-legale-des-departements',
  formats: 'musees-de-france-formats-ouverts',
  badFiles: 'fichiers-illisibles',
  visits: 'entrees-des-lieux-culturels',
} as const;

/** Dataset ids (24 hex, like udata's ObjectIds). */
export const DATASET_IDS = {
  museums: '64c0ffee0000000000000001',
  museumList: '64c0ffee0000000000000002',
  festivals: '64c0ffee0000000000000003',
  spending: '64c0ffee0000000000000004',
  places: '64c0ffee0000000000000005',
  monuments: '64c0ffee0000000000000006',
  ticketing: '64c0ffee0000000000000007',
  noCors: '64c0ffee0000000000000008',
  hostile: '64c0ffee0000000000000009',
  deleted: '64c0ffee0000000000000010',
  museofile: '64c0ffee0000000000000021',
  population: '64c0ffee0000000000000022',
  formats: '64c0ffee0000000000000011',
  badFiles: '64c0ffee0000000000000012',
  visits: '64c0ffee0000000000000013',
} as const;

/** Main resource id of each dataset (`museumsNotice` is the museums' documentation file). */
export const RESOURCES = {
  museums: 'c0ffee01-0000-4000-8000-000000000001',
  museumsNotice: 'c0ffee01-0000-4000-8000-000000000002',
  museumList: 'c0ffee02-0000-4000-8000-000000000001',
  festivals: 'c0ffee03-0000-4000-8000-000000000001',
  spending: 'c0ffee04-0000-4000-8000-000000000001',
  places: 'c0ffee05-0000-4000-8000-000000000001',
  monuments: 'c0ffee06-0000-4000-8000-000000000001',
  ticketing: 'c0ffee07-0000-4000-8000-000000000001',
  noCors: 'c0ffee08-0000-4000-8000-000000000001',
  hostile: 'c0ffee09-0000-4000-8000-000000000001',
  deleted: 'c0ffee10-0000-4000-8000-000000000001',
  museofile: 'c0ffee21-0000-4000-8000-000000000001',
  population: 'c0ffee22-0000-4000-8000-000000000001',
  /** Musées de France as XLSX (title rows; sheets « Musées » and « Fréquentation »), ODS, XLS, XML, Parquet, and an XLSX declared CSV. */
  xlsx: 'c0ffee11-0000-4000-8000-000000000001',
  ods: 'c0ffee11-0000-4000-8000-000000000002',
  xls: 'c0ffee11-0000-4000-8000-000000000003',
  xml: 'c0ffee11-0000-4000-8000-000000000004',
  parquet: 'c0ffee11-0000-4000-8000-000000000005',
  mislabelled: 'c0ffee11-0000-4000-8000-000000000006',
  /** Files to refuse clearly. */
  truncatedXlsx: 'c0ffee12-0000-4000-8000-000000000001',
  protectedXlsx: 'c0ffee12-0000-4000-8000-000000000002',
  emptySheet: 'c0ffee12-0000-4000-8000-000000000003',
  reportXml: 'c0ffee12-0000-4000-8000-000000000004',
  lzoParquet: 'c0ffee12-0000-4000-8000-000000000005',
  pdf: 'c0ffee12-0000-4000-8000-000000000006',
  /** 200,000 rows, tabular with aggregation refused, and a Parquet copy (zstd). */
  visits: 'c0ffee13-0000-4000-8000-000000000001',
} as const;

/** Organisation id of the Ministère de la Culture (as on data.gouv.fr). */
export const CULTURE_ORG = '534fff91a3a7292c64a77f73';

/** One request the portal saw in a scope. `path` is without the `/s/<scope>` prefix. */
export interface PortalRequest {
  method: string;
  path: string;
  /** Raw (still percent-encoded) query string, without `?`. */
  query: string;
  /** 0 / null while unanswered (hang). */
  status: number | null;
  /** The request's `Range` header, if any. */
  range?: string | null;
  /** Body bytes sent. */
  bytes?: number;
  host: 'main' | 'remote';
  /** Not answered whole yet and not given up by the client (an abort closes the connection). */
  open: boolean;
}

/** A fault: the first request of the scope whose path+query contains `match` gets it. */
export interface FaultSpec {
  /** Substring of the unscoped path + query (raw or decoded), e.g. `/data/` or `page=2`. */
  match: string;
  /** Answer this status instead of the real response (CORS headers kept, unless `cors: false`). */
  status?: number;
  /** `false`: the fault's answer has no CORS header (a gateway's refusal: the browser sees a network error). */
  cors?: boolean;
  /** Body for `status` (a string is sent as text, anything else as JSON). */
  body?: unknown;
  /** Seconds, sent as `Retry-After` (for 429 / 503). */
  retryAfter?: number;
  headers?: Record<string, string>;
  /** Delay (ms) before answering. */
  latency?: number;
  /** Never answer (abort on the client side). */
  hang?: boolean;
  /** Send headers and half of the body, then drop the connection. */
  truncate?: boolean;
  /** Send the body in 20 slices over this many ms (a download still running). */
  trickle?: number;
  /** How many requests get it; default: all of them. */
  times?: number;
  /** Answer with the whole file even when a `Range` is asked (a server without range support). */
  ignoreRange?: boolean;
}

export interface Portal {
  /** Unscoped origin of the main host, e.g. `http://127.0.0.1:41234`. */
  base: string;
  /** Origin of the host that sends no CORS headers (scoped). */
  remote: string;
  scope: string;
  /** Scoped udata base: `${api}/1/datasets/{slug}/`. */
  api: string;
  /** Scoped tabular base: `${tabularApi}/resources/{rid}/data/`. */
  tabularApi: string;
  /** Scoped URL of a static file, e.g. `staticUrl('geo/regions.geojson')`. */
  staticUrl(path: string): string;
  /** Requests seen in this scope, optionally those whose path+query contains `filter` (or match it). */
  requests(filter?: string | ((request: PortalRequest) => boolean)): Promise<PortalRequest[]>;
  fault(spec: FaultSpec): Promise<void>;
  clearFaults(): Promise<void>;
  /** Settings of this scope: `pageSizeMax` (tabular `page_size` maximum; default 200 as in production, 50 in the service's code). */
  configure(settings: { pageSizeMax?: number }): Promise<void>;
}

let info: Promise<{ base: string; remote: string }> | undefined;
let counter = 0;

export async function portal(): Promise<Portal> {
  info ??= fetch('/__portal__.json').then((r) => r.json() as Promise<{ base: string; remote: string }>);
  const { base, remote } = await info;
  const scope = `t${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const prefix = `${base}/s/${scope}`;
  const admin = `${base}/__admin`;
  /** A JSON POST to an admin route (faults, settings), refused loudly. */
  const post = async (route: string, body: object): Promise<void> => {
    const res = await fetch(`${admin}/${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`portal ${route} refused: ${res.status}`);
  };
  return {
    base,
    remote: `${remote}/s/${scope}`,
    scope,
    api: `${prefix}/api`,
    tabularApi: `${prefix}/tabular/api`,
    staticUrl: (path) => `${prefix}/static/${path.replace(/^\//, '')}`,
    async requests(filter) {
      const list = (await (await fetch(`${admin}/requests?scope=${scope}`)).json()) as PortalRequest[];
      if (filter === undefined) return list;
      const test = typeof filter === 'function' ? filter
        : (r: PortalRequest) => `${r.path}?${r.query}`.includes(filter) || safeDecode(`${r.path}?${r.query}`).includes(filter);
      return list.filter(test);
    },
    fault: (spec) => post('faults', { ...spec, scope }),
    async clearFaults() {
      await fetch(`${admin}/faults?scope=${scope}`, { method: 'DELETE' });
    },
    configure: (settings) => post('settings', { ...settings, scope }),
  };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
