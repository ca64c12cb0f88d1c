/**
 * Small answers the builder draws as they come, by key: a gallery card's numbers, a column's
 * values with their counts. Asked from `render` (the first ask starts the load; the host updates
 * when it lands), kept for the next asks, all aborted when the builder leaves the page.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class KeyedLoads<V> implements ReactiveController {
  private readonly answers = new Map<string, { value?: V; failed?: boolean }>();
  private controller = new AbortController();

  constructor(private readonly host: ReactiveControllerHost, private readonly keep = 200) {
    host.addController(this);
  }

  /** The answer for `key`, or undefined while it loads (or when it failed: `failed(key)` says so). */
  get(key: string, load: (signal: AbortSignal) => Promise<V>): V | undefined {
    const known = this.answers.get(key);
    if (known) return known.value;
    const entry: { value?: V; failed?: boolean } = {};
    this.answers.set(key, entry);
    if (this.answers.size > this.keep) this.answers.delete(this.answers.keys().next().value!);
    const { signal } = this.controller;
    load(signal).then(
      (value) => {
        entry.value = value;
      },
      () => {
        entry.failed = true;
      },
    ).finally(() => {
      if (!signal.aborted) this.host.requestUpdate();
    });
    return undefined;
  }

  failed(key: string): boolean {
    return this.answers.get(key)?.failed === true;
  }

  hostConnected(): void {
    if (this.controller.signal.aborted) this.controller = new AbortController();
  }

  hostDisconnected(): void {
    this.controller.abort();
    // what was aborted half-way is asked again on return
    for (const [key, entry] of this.answers) if (entry.value === undefined) this.answers.delete(key);
  }
}
