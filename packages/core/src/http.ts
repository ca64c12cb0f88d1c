/**
 * Every request core makes goes through `request`: one place for timeouts, aborts, retries on
 * 429 / 503 (honouring Retry-After), and turning HTTP failures into a typed CultureError.
 */
import { CultureError, abortError, throwIfAborted } from './errors.js';
import { config } from './config.js';

export interface RequestOptions {
  signal?: AbortSignal;
  /** Headers timeout in ms (default `config.timeout`). */
  timeout?: number;
  /** More of the request (a `Range` header, a `HEAD` method: Parquet reads). */
  init?: RequestInit;
}

/** Resolves after `ms`, or rejects as soon as the signal aborts. */
export function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    const onAbort = () => { clearTimeout(timer); reject(abortError(signal)); };
    const timer = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve(); }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Retry-After is seconds or an HTTP date; bounded so a page never waits for minutes. */
function retryDelay(response: Response, attempt: number): number {
  const header = response.headers.get('Retry-After');
  let ms = 500 * 2 ** attempt;
  if (header) {
    const seconds = Number(header);
    ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
  }
  return Math.min(Math.max(ms, 0), config.maxRetryWait);
}

/** One fetch with a headers timeout, tied to the caller's signal. */
async function fetchOnce(url: string, { signal, timeout = config.timeout, init }: RequestOptions): Promise<Response> {
  const controller = new AbortController();
  const onAbort = () => controller.abort(abortError(signal));
  signal?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => controller.abort(new CultureError('timeout', { url, timeout })), timeout);
  try {
    return await fetch(url, { ...init, signal: controller.signal });
  } catch (error) {
    if (controller.signal.aborted) throw controller.signal.reason instanceof CultureError ? controller.signal.reason : abortError(signal);
    throw new CultureError('network', { url, cause: String(error) });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * GET `url`, retrying 429 / 503 up to `config.retries` times. Returns any other response as is
 * (callers decide what a 400 or 403 means); throws `network`, `timeout`, `aborted`, `rate-limited`.
 */
export async function request(url: string, options: RequestOptions = {}): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    throwIfAborted(options.signal);
    const response = await fetchOnce(url, options);
    if ((response.status !== 429 && response.status !== 503) || attempt >= config.retries) {
      if (response.status === 429) throw new CultureError('rate-limited', { url, status: 429 });
      return response;
    }
    await response.body?.cancel().catch(() => undefined);
    await wait(retryDelay(response, attempt), options.signal);
  }
}

/** What a failed response says: the tabular API's `{errors:[{title, detail}]}` envelope, or its text. */
export interface ErrorBody {
  title?: string;
  /** A string for API-side errors, an object (PostgREST's `{code, message}`) for database errors. */
  detail?: unknown;
  text: string;
}

export async function readErrorBody(response: Response): Promise<ErrorBody> {
  const text = await response.text().catch(() => '');
  try {
    const json = JSON.parse(text) as { errors?: { title?: string; detail?: unknown }[]; message?: string; detail?: unknown };
    const first = json.errors?.[0];
    if (first) return { title: first.title, detail: first.detail, text };
    return { detail: json.message ?? json.detail, text };
  } catch {
    return { text };
  }
}

const detailText = (detail: unknown): string =>
  typeof detail === 'string' ? detail : (detail as { message?: string } | undefined)?.message ?? '';

/** The CultureError a non-OK response stands for. */
export async function responseError(response: Response, body?: ErrorBody): Promise<CultureError> {
  const { status, url } = response;
  if (status === 404) return new CultureError('not-found', { url, status });
  if (status === 410) return new CultureError('gone', { url, status, detail: (body ?? (await readErrorBody(response))).text });
  const read = body ?? (await readErrorBody(response));
  const detail = detailText(read.detail);
  // PostgREST 42703: `column x.nombre does not exist`
  const missing = /column\s+(?:[^\s.]+\.)?"?([^"]+?)"?\s+does not exist/i.exec(detail);
  if (missing || (read.detail as { code?: string } | undefined)?.code === '42703') {
    return new CultureError('unknown-column', { url, status, column: missing?.[1] ?? '', available: [], detail });
  }
  if (status === 429) return new CultureError('rate-limited', { url, status });
  return new CultureError('server', { url, status, title: read.title, detail: detail || read.text });
}

/**
 * Reads a body (`json()`, `text()`): a connection dropped halfway (the browser's TypeError
 * « Failed to fetch » / « network error ») is `network`, a body that is not JSON is `parse`.
 */
export async function readBody<T>(response: Response, read: (response: Response) => Promise<T>, signal?: AbortSignal): Promise<T> {
  try {
    return await read(response);
  } catch (error) {
    if (signal?.aborted) throw abortError(signal);
    if (error instanceof CultureError) throw error;
    const code = error instanceof TypeError ? 'network' : 'parse';
    throw new CultureError(code, { url: response.url, cause: String(error) });
  }
}

/** GET JSON, or throw the typed error the response stands for. */
export async function getJSON<T>(url: string, options: RequestOptions = {}): Promise<T> {
  const response = await request(url, options);
  if (!response.ok) throw await responseError(response);
  return readBody(response, (r) => r.json() as Promise<T>, options.signal);
}
