/** Page-wide knobs of core; tests and hosts may tune them with `configureCore`. */
export interface CoreConfig {
  /** Milliseconds to wait for response headers before `timeout`. */
  timeout: number;
  /** Retries on 429 / 503 (each waits Retry-After, or an exponential back-off). */
  retries: number;
  /** Longest wait honoured from a Retry-After header, in ms. */
  maxRetryWait: number;
  /** Largest file the file path downloads, in bytes (default 100 MB). */
  maxFileSize: number;
  /** Where the parse worker script lives (default: next to core's module, see worker-client.ts). */
  workerUrl?: string | URL;
  /**
   * A tabular resource at least this big (bytes) whose rows are needed locally reads its Parquet
   * copy first (two columns of it cost less than the CSV export of every column); smaller ones
   * read the CSV export (one request). Default 1 MB.
   */
  parquetFrom: number;
  /** `false` forces parsing on the main thread (chunked). */
  useWorker: boolean;
  /**
   * The page allows eval (no strict CSP): local queries may run on arquero. Off by default, since
   * only the host knows its policy and a probe would itself be reported as a violation.
   */
  evalAllowed?: boolean;
}

export const config: CoreConfig = {
  timeout: 30_000,
  retries: 3,
  maxRetryWait: 10_000,
  maxFileSize: 100 * 1024 * 1024,
  parquetFrom: 1_000_000,
  useWorker: true,
};

/** Changes core's page-wide settings; returns the previous ones (handy to restore in tests). */
export function configureCore(changes: Partial<CoreConfig>): CoreConfig {
  const previous = { ...config };
  // a setting that had no value comes back as undefined, so restoring really clears it
  for (const key of Object.keys(changes)) if (!(key in previous)) Object.assign(previous, { [key]: undefined });
  Object.assign(config, changes);
  return previous;
}

export const DEFAULT_API = 'https://www.data.gouv.fr/api';
export const DEFAULT_TABULAR_API = 'https://tabular-api.data.gouv.fr/api';
