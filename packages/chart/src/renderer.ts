/**
 * The one place Vega lives. Turns a Vega-Lite spec into Vega (a template compiled at build time,
 * filled with the spec's values: `template.ts`, decision 0017; Vega-Lite itself, loaded then, for
 * a spec shape the build did not foresee) and renders it to SVG with the expression interpreter
 * (`ast: true`), so no `eval` / `new Function` ever runs and the chart works under
 * `script-src 'self'`. Vega is fetched with a dynamic `import()` on first draw: the element's own
 * chunk stays small and the skeleton paints first. The Vega is ours (`vega-runtime.ts`): the
 * transforms our specs use, not every one Vega has.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TopLevelSpec } from 'vega-lite';
import type { ChartDatum } from './data.js';
import type { Template } from './template.js';

type VegaModules = {
  vega: typeof import('./vega-runtime.js');
  interpreter: typeof import('vega-interpreter');
};
type View = import('vega').View;
type VegaSpec = import('vega').Spec;

let modules: Promise<VegaModules> | undefined;

/** Loads our Vega and the interpreter once per page. */
export function loadVega(): Promise<VegaModules> {
  modules ??= Promise.all([import('./vega-runtime.js'), import('vega-interpreter')]).then(([vega, interpreter]) => ({ vega, interpreter }));
  return modules;
}

/**
 * Where the build writes the templates: `templates/` beside the folder of this module (`src/`,
 * `dist/`, the CDN's `chunks/`). A variable, so no bundler takes the folder for an asset of its own.
 */
const TEMPLATE_FOLDER = '../templates/';
const TEMPLATES = new URL(TEMPLATE_FOLDER, import.meta.url);
const templates = new Map<string, Promise<Template | undefined>>();

/** The template named `name`, once per page; `undefined` when the build made none for it. */
function loadTemplate(name: string): Promise<Template | undefined> {
  let template = templates.get(name);
  if (!template) {
    template = import(/* @vite-ignore */ new URL(`${name}.js`, TEMPLATES).href).then(
      (module: { default: Template }) => module.default,
      () => undefined,
    );
    templates.set(name, template);
  }
  return template;
}

/**
 * The Vega spec of `spec`: its template filled with its values, Vega-Lite's warnings replayed; a
 * shape no template foresaw is compiled by Vega-Lite, loaded for it (a debug line says so).
 */
export async function compileSpec(spec: TopLevelSpec, log: Logger): Promise<VegaSpec> {
  // loaded with the first draw, beside Vega: the chart's first load does not need it
  const { fillTemplate, templateKey, templateName } = await import('./template.js');
  const { key, values } = templateKey(spec);
  const template = await loadTemplate(templateName(key));
  if (template) {
    const filled = fillTemplate(template, values);
    for (const warning of filled.warnings) log.warn(warning);
    return filled.spec as VegaSpec;
  }
  console.debug('[culture-chart] no compiled template for this chart: Vega-Lite compiles it in the page');
  const vl = await import('vega-lite');
  return vl.compile(spec, { logger: log }).spec;
}

/**
 * Vega-Lite warns on every step-sized chart (bars, heatmaps) that it drops `fit-y`, which is the
 * intent: keep the other warnings, silence that one.
 */
export interface Logger {
  level(): Logger;
  warn(...args: unknown[]): Logger;
  error(...args: unknown[]): Logger;
  info(): Logger;
  debug(): Logger;
}
const toConsole = (message: string) => console.warn('[vega]', message);

function logger(onWarning: (message: string) => void): Logger {
  const self: Logger = {
    level: () => self,
    warn: (...args) => {
      const message = args.map(String).join(' ');
      if (!/^Dropping "fit/.test(message)) onWarning(message);
      return self;
    },
    error: (...args) => {
      console.error('[vega]', ...args);
      return self;
    },
    info: () => self,
    debug: () => self,
  };
  return self;
}

export interface ViewOptions {
  renderer: 'svg' | 'none';
  container?: HTMLElement;
  /** Vega-Lite and Vega warnings (default: the console); tests collect them. */
  onWarning?: (message: string) => void;
}

/** Compiles and parses without codegen: every expression is evaluated by the interpreter. */
export async function createView(spec: TopLevelSpec, options: ViewOptions): Promise<View> {
  const log = logger(options.onWarning ?? toConsole);
  const [{ vega, interpreter }, vgSpec] = await Promise.all([loadVega(), compileSpec(spec, log)]);
  const runtime = vega.parse(vgSpec, undefined, { ast: true });
  const view = new vega.View(runtime, {
    expr: interpreter.expressionInterpreter,
    renderer: options.renderer,
    ...(options.container ? { container: options.container } : {}),
    hover: true,
    logger: log as never,
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

  /**
   * The box of the mark drawing the datum `key` (bars, slices, cells, points; a line through its
   * points), in CSS pixels from the top-left corner of `container`: where the keyboard focus ring goes.
   */
  markBox(container: HTMLElement, key: number): { left: number; top: number; width: number; height: number } | undefined {
    const view = this.view;
    const svg = container.querySelector('svg');
    if (!view || !svg) return undefined;
    const found = findMark((view.scenegraph() as unknown as { root: SceneNode }).root, key, 0, 0);
    if (!found) return undefined;
    // the renderer draws the root group at padding + origin
    const [x0, y0] = view.origin();
    const padding = view.padding() as { left?: number; top?: number };
    const [ox, oy] = [x0 + (padding.left ?? 0), y0 + (padding.top ?? 0)];
    const box = svg.getBoundingClientRect();
    const frame = container.getBoundingClientRect();
    const scale = box.width / (Number(svg.getAttribute('width')) || box.width || 1);
    return {
      left: box.left - frame.left + (ox + found.x1) * scale,
      top: box.top - frame.top + (oy + found.y1) * scale,
      width: Math.max(2, (found.x2 - found.x1) * scale),
      height: Math.max(2, (found.y2 - found.y1) * scale),
    };
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

/** The part of Vega's scenegraph the focus ring reads: marks hold items, group items hold marks. */
interface SceneNode {
  marktype?: string;
  name?: string;
  items?: SceneNode[];
  x?: number;
  y?: number;
  datum?: { key?: number };
  bounds?: { x1: number; y1: number; x2: number; y2: number };
}

/** Marks whose items are values (lines and areas are read through their points). */
const VALUE_MARKS = /(^|_)(main|points)_marks$/;

/** The bounds of the item drawing datum `key`, translated by the groups around it. */
function findMark(mark: SceneNode, key: number, ox: number, oy: number): { x1: number; y1: number; x2: number; y2: number } | undefined {
  const values = VALUE_MARKS.test(mark.name ?? '') && mark.marktype !== 'line' && mark.marktype !== 'area';
  for (const item of mark.items ?? []) {
    if (values && item.datum?.key === key && item.bounds) {
      const b = item.bounds;
      return { x1: b.x1 + ox, y1: b.y1 + oy, x2: b.x2 + ox, y2: b.y2 + oy };
    }
    for (const child of item.items ?? []) {
      const found = findMark(child, key, ox + (item.x ?? 0), oy + (item.y ?? 0));
      if (found) return found;
    }
  }
  return undefined;
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
