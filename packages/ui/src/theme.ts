import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { WarningController } from './warnings.js';

export const THEMES = ['auto', 'light', 'dark'] as const;
export type ThemeSetting = (typeof THEMES)[number];
export type Scheme = 'light' | 'dark';

type Host = ReactiveControllerHost & HTMLElement & { theme: ThemeSetting };

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

/** The page's scheme: DSFR's resolved `data-fr-theme`, its `data-fr-scheme` choice, else the OS. */
export function pageScheme(root: HTMLElement = document.documentElement): Scheme {
  const dsfrTheme = root.getAttribute('data-fr-theme');
  if (dsfrTheme === 'dark' || dsfrTheme === 'light') return dsfrTheme;
  const dsfrScheme = root.getAttribute('data-fr-scheme');
  if (dsfrScheme === 'dark' || dsfrScheme === 'light') return dsfrScheme;
  return darkQuery().matches ? 'dark' : 'light';
}

/**
 * Keeps `data-scheme="light|dark"` on the host in step with its `theme` attribute and, for
 * `auto`, with the page (OS preference, DSFR attributes), live. Styles key off that attribute;
 * renderers that cache colours (Vega, Leaflet) listen through `onChange`.
 */
export class ThemeController implements ReactiveController {
  scheme: Scheme = 'light';
  private readonly listeners = new Set<(scheme: Scheme) => void>();
  private observer?: MutationObserver;
  private media?: MediaQueryList;
  private readonly sync = () => this.update();

  /** With `warnings`, an unknown `theme` is said (and `auto` used). */
  constructor(private readonly host: Host, private readonly warnings?: WarningController) {
    host.addController(this);
  }

  onChange(listener: (scheme: Scheme) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  hostConnected(): void {
    this.media = darkQuery();
    this.media.addEventListener('change', this.sync);
    this.observer = new MutationObserver(this.sync);
    this.observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-fr-theme', 'data-fr-scheme'] });
    this.update();
  }

  hostDisconnected(): void {
    this.media?.removeEventListener('change', this.sync);
    this.observer?.disconnect();
  }

  hostUpdate(): void {
    this.update();
  }

  private update(): void {
    const setting = this.warnings ? this.warnings.oneOf('theme', this.host.theme, THEMES, 'auto') : this.host.theme;
    const scheme: Scheme = setting === 'light' || setting === 'dark' ? setting : pageScheme();
    if (this.host.dataset.scheme !== scheme) this.host.dataset.scheme = scheme;
    if (scheme === this.scheme) return;
    this.scheme = scheme;
    this.host.requestUpdate();
    for (const listener of this.listeners) listener(scheme);
  }
}
