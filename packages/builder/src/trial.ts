/**
 * « Essayer ce code »: the copied code, run as it is in a blank page inside the builder — a
 * sandboxed `srcdoc` iframe (scripts allowed, no same origin: another origin, as on the user's
 * site). `preview-reporter.js`, loaded first in that page, tells the builder what happened: each
 * widget's rows or error, a script that did not load, elements that never got defined. The
 * controller listens, keeps the latest report of each widget and says it in words.
 *
 *   code ──trialPage──▶ srcdoc (reporter + code) ──postMessage──▶ TrialController ──▶ « 11 lignes affichées »
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { escapeAttribute } from './snippet.js';

/** What `preview-reporter.js` posts to the builder (`type` is always `TRIAL_MESSAGE`). */
export const TRIAL_MESSAGE = 'culture-widgets:trial';

export type TrialReport =
  | { event: 'ready' }
  | { event: 'height'; height: number }
  | { event: 'load'; key: string; tag: string; rows: number; total?: number }
  | { event: 'error'; key: string; tag: string; code?: string; message?: string }
  | { event: 'script-error'; src: string }
  | { event: 'undefined'; tags: string[] };

/**
 * The blank page: the reporter first, then the code exactly as copied. `run` rides in the
 * reporter's URL fragment and comes back in every report, so a page being replaced is not heard.
 */
export function trialPage(code: string, { reporter, run, lang, title }: { reporter: string; run: number; lang: string; title: string }): string {
  const src = `${reporter.replace(/#.*$/, '')}#${run}`;
  return (
    `<!doctype html><html lang="${escapeAttribute(lang)}"><head><meta charset="utf-8"><title>${escapeAttribute(title)}</title>` +
    `<script src="${escapeAttribute(src)}"></script></head><body>\n${code}\n</body></html>`
  );
}

/** How long the page has to say it started before the builder says it does not answer. */
const READY_TIMEOUT = 10_000;

export interface TrialState {
  /** The code tried (a new code restarts the trial). */
  code?: string;
  /** Which trial the reports must name. */
  run: number;
  ready: boolean;
  /** The reporter never answered. */
  silent: boolean;
  loads: Map<string, { tag: string; rows: number }>;
  errors: Map<string, { tag: string; message: string }>;
  scriptErrors: string[];
  undefinedTags: string[];
  height?: number;
}

const empty = (run = 0): TrialState => ({ run, ready: false, silent: false, loads: new Map(), errors: new Map(), scriptErrors: [], undefinedTags: [] });

/** Runs trials in the iframe the host renders, and keeps what they reported. */
export class TrialController implements ReactiveController {
  state: TrialState = empty();
  private timer?: ReturnType<typeof setTimeout>;
  private readonly onMessage = (event: MessageEvent) => this.receive(event);

  constructor(
    private readonly host: ReactiveControllerHost,
    /** The trial iframe, when rendered. */
    private readonly frame: () => HTMLIFrameElement | null | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('message', this.onMessage);
  }

  hostDisconnected(): void {
    window.removeEventListener('message', this.onMessage);
    clearTimeout(this.timer);
  }

  /** Starts (or restarts) a trial of `code`; the host renders `trialPage(code, { run })` in the iframe. */
  start(code: string): void {
    if (code === this.state.code) return;
    clearTimeout(this.timer);
    const run = this.state.run + 1;
    this.state = { ...empty(run), code };
    this.timer = setTimeout(() => {
      if (this.state.run !== run || this.state.ready) return;
      this.state = { ...this.state, silent: true };
      this.host.requestUpdate();
    }, READY_TIMEOUT);
    this.host.requestUpdate();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.state = empty(this.state.run);
    this.host.requestUpdate();
  }

  /** Whether a trial is on. */
  get running(): boolean {
    return this.state.code !== undefined;
  }

  private receive(event: MessageEvent): void {
    const frame = this.frame();
    const data = event.data as ({ type?: unknown; run?: unknown } & Partial<TrialReport>) | null;
    // only our own trial frame, only the current trial's reports: nothing else is ours to read
    if (!frame || event.source !== frame.contentWindow || data?.type !== TRIAL_MESSAGE || data.run !== this.state.run || !this.running) return;
    const report = data as TrialReport;
    const s: TrialState = { ...this.state, ready: true, silent: false };
    switch (report.event) {
      case 'height':
        if (Number.isFinite(report.height)) s.height = Math.min(Math.max(Math.ceil(report.height), 120), 5000);
        break;
      case 'load':
        s.loads = new Map(s.loads).set(String(report.key), { tag: String(report.tag), rows: Number(report.rows) || 0 });
        s.errors = new Map(s.errors);
        s.errors.delete(String(report.key));
        break;
      case 'error':
        s.errors = new Map(s.errors).set(String(report.key), { tag: String(report.tag), message: String(report.message ?? report.code ?? '') });
        break;
      case 'script-error':
        s.scriptErrors = [...s.scriptErrors, String(report.src)];
        break;
      case 'undefined':
        s.undefinedTags = (Array.isArray(report.tags) ? report.tags : []).map(String);
        break;
      default:
        break;
    }
    clearTimeout(this.timer);
    this.state = s;
    this.host.requestUpdate();
  }
}
