/**
 * The one place Vega lives. Compiles a Vega-Lite spec and renders it to SVG with the expression
 * interpreter (`ast: true`), so no `eval` / `new Function` ever runs and the chart works under
 * `script-src 'self'`. Vega is fetched with a dynamic `import()` on first draw: the element's own
 * chunk stays small and the skeleton paints first.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TopLevelSpec } from 'vega-lite';
import type { ChartDatum } from './data.js';

type VegaModules = {
  vega: typeof import('vega');
  vl: typeof import('vega-lite');
  interpreter: typeof import('vega-interpreter');
};
type View = import('vega').View;

let modules: Promise<VegaModules> | undefined;

/** Loads vega, vega-lite and the interpreter once per page. */
export function loadVega(): Promise<VegaModules> {
  modules ??= Promise.all([import('vega'), import('vega-lite'), import('vega-interpreter')]).then(([vega, vl, interpreter]) => ({
    vega,
    vl,
    interpreter,
  }));
  return modules;
}

/**
 * Vega-Lite warns on every step-sized chart (bars, heatmaps) that it drops `fit-y`, which is the
 * intent: keep the other warnings, silence that one.
 */
interface Logger {
  level(): Logger;
  warn(...args: unknown[]): Logger;
  error(...args: unknown[]): Logger;
  info(): Logger;
  debug(): Logger;
}
const quietLogger: Logger = {
  level: () => quietLogger,
  warn: (...args) => {
    if (!/^Dropping "fit/.test(String(args[0]))) console.warn('[vega-lite]', ...args);
    return quietLogger;
  },
  error: (...args) => {
    console.error('[vega-lite]', ...args);
    return quietLogger;
  },
  info: () => quietLogger,
  debug: () => quietLogger,
};

/** Compiles and parses without codegen: every expression is evaluated by the interpreter. */
async function createView(spec: TopLevelSpec, options: { renderer: 'svg' | 'none'; container?: HTMLElement }): Promise<View> {
  const { vega, vl, interpreter } = await loadVega();
  const vgSpec = vl.compile(spec, { logger: quietLogger }).spec;
  const runtime = vega.parse(vgSpec, undefined, { ast: true });
  const view = new vega.View(runtime, {
    expr: interpreter.expressionInterpreter,
    renderer: options.renderer,
    ...(options.container ? { container: options.container } : {}),
    hover: true,
    logLevel: vega.Warn,
  });
  return view;
}

export interface RendererCallbacks {
  /** A mark was clicked: its prepared datum (fixed field names). */
  onSelect?: (datum: ChartDatum) => void;
  /** Tooltip text to show near the pointer, `null` to hide it. */
  onTooltip?: (text: string | null, event: MouseEvent | undefined) => void;
}

/**
 * Draw / update / resize / restyle / dispose for one Vega view, tied to a lit host: the view is
 * finalized (timers, listeners, observers) when the host disconnects or a new draw replaces it.
 */
export class VegaRenderer implements ReactiveController {
  private view?: View;
  /** Bumped by every draw, so a slow draw that finishes after a newer one is dropped. */
  private generation = 0;

  constructor(
    host: ReactiveControllerHost,
    private readonly callbacks: RendererCallbacks = {},
  ) {
    host.addController(this);
  }

  /** The live view (tests and exports use it). */
  get current(): View | undefined {
    return this.view;
  }

  /** Renders `spec` into `container`, replacing any previous view. Resolves once the SVG is drawn. */
  async draw(container: HTMLElement, spec: TopLevelSpec): Promise<View | undefined> {
    const generation = ++this.generation;
    const view = await createView(spec, { renderer: 'svg' });
    if (generation !== this.generation || !container.isConnected) {
      view.finalize();
      return undefined;
    }
    this.dispose(false);
    this.view = view;
    view.initialize(container);
    view.tooltip((_handler: unknown, event: MouseEvent | undefined, _item: unknown, value: unknown) =>
      this.callbacks.onTooltip?.(value == null || value === '' ? null : String(value), event),
    );
    view.addEventListener('click', (_event, item) => {
      const datum = (item as { datum?: ChartDatum } | null | undefined)?.datum;
      if (datum && 'x' in datum && 'tip' in datum) this.callbacks.onSelect?.(datum);
    });
    await view.runAsync();
    return generation === this.generation ? view : undefined;
  }

  /** New data, options, width or colours: Vega-Lite specs are recompiled whole (cheap for aggregated data). */
  update(container: HTMLElement, spec: TopLevelSpec): Promise<View | undefined> {
    return this.draw(container, spec);
  }

  resize(container: HTMLElement, spec: TopLevelSpec): Promise<View | undefined> {
    return this.draw(container, spec);
  }

  restyle(container: HTMLElement, spec: TopLevelSpec): Promise<View | undefined> {
    return this.draw(container, spec);
  }

  /** Finalizes the current view; `cancel` also drops a draw still in flight. */
  dispose(cancel = true): void {
    if (cancel) this.generation++;
    this.view?.finalize();
    this.view = undefined;
    this.callbacks.onTooltip?.(null, undefined);
  }

  hostDisconnected(): void {
    this.dispose();
  }
}

/**
 * An image of `spec` (the export spec: title, source, licence and date drawn in), from a headless
 * view that is finalized right after.
 */
export async function renderImage(spec: TopLevelSpec, type: 'svg' | 'png'): Promise<string> {
  const view = await createView(spec, { renderer: 'none' });
  try {
    await view.runAsync();
    return type === 'svg' ? await view.toSVG() : await view.toImageURL('png', 2);
  } finally {
    view.finalize();
  }
}
