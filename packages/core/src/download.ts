/**
 * The JSON documents that are not datasets (a map's boundaries): through `request` (timeout,
 * retries, abort) and `readAll` (size cap, stall timeout), once per page for every widget that
 * needs them.
 */
import type { LoadOptions } from './types.js';
import { CultureError } from './errors.js';
import { request, responseError } from './http.js';
import { readAll } from './bytes.js';
import { SharedCache } from './share.js';

const documents = new SharedCache<unknown>(8);

/**
 * The JSON document at `url`, downloaded once per page and shared by every caller; each caller
 * may abort, the download stops when all have. A failure is not kept: the next call tries again.
 * Not JSON → `parse`.
 */
export function loadDocument<T>(url: string, { signal }: LoadOptions = {}): Promise<T> {
  return documents.run(url, async (shared) => {
    const response = await request(url, { signal: shared });
    if (!response.ok) throw await responseError(response);
    const bytes = await readAll(response, { url, signal: shared });
    try {
      return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
    } catch (error) {
      throw new CultureError('parse', { url, cause: String(error) });
    }
  }, signal) as Promise<T>;
}
