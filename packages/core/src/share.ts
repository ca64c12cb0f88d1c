/**
 * Sharing work between widgets of one page: identical concurrent calls run once (in-flight
 * de-duplication), and recent results are kept in a small LRU cache. Each caller keeps its own
 * AbortSignal: the shared work is only aborted when every caller has given up.
 */
import { abortError } from './errors.js';

interface Flight<T> {
  promise: Promise<T>;
  controller: AbortController;
  waiting: number;
}

export class SharedCache<T> {
  #flights = new Map<string, Flight<T>>();
  #done = new Map<string, T>();
  constructor(readonly size = 32) {}

  get(key: string): T | undefined {
    const value = this.#done.get(key);
    if (value !== undefined) { this.#done.delete(key); this.#done.set(key, value); } // most recent last
    return value;
  }

  set(key: string, value: T): void {
    this.#done.delete(key);
    this.#done.set(key, value);
    while (this.#done.size > this.size) this.#done.delete(this.#done.keys().next().value!);
  }

  delete(key: string): void { this.#done.delete(key); }
  clear(): void { this.#done.clear(); }

  /** The cached value, the running call for `key`, or a new run of `work`. */
  run(key: string, work: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(abortError(signal));
    const cached = this.get(key);
    if (cached !== undefined) return Promise.resolve(cached);
    let flight = this.#flights.get(key);
    if (!flight) {
      const controller = new AbortController();
      const promise = work(controller.signal).then(
        (value) => { this.#flights.delete(key); this.set(key, value); return value; },
        (error: unknown) => { this.#flights.delete(key); throw error; },
      );
      promise.catch(() => undefined); // callers get the rejection; this copy must not be "unhandled"
      flight = { promise, controller, waiting: 0 };
      this.#flights.set(key, flight);
    }
    return this.#join(key, flight, signal);
  }

  #join(key: string, flight: Flight<T>, signal?: AbortSignal): Promise<T> {
    flight.waiting++;
    if (!signal) return flight.promise;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        reject(abortError(signal));
        if (--flight.waiting === 0 && this.#flights.get(key) === flight) {
          this.#flights.delete(key);
          flight.controller.abort(abortError(signal));
        }
      };
      signal.addEventListener('abort', onAbort, { once: true });
      flight.promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }
}
