import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/** One entry of a widget's options menu (download an image, the data, show a table…). */
export interface MenuItem {
  label: string;
  run: () => void;
}

type Host = ReactiveControllerHost & HTMLElement;

/**
 * A widget's options menu (the « ⋯ » button of charts and key figures): a menu button and a
 * `role="menu"` list. Enter or ↓ opens it on the first item, ↑ ↓ Home End move, Escape closes it
 * and gives the focus back to the button, leaving it closes it. Styles: `menuStyles`.
 */
export class MenuController implements ReactiveController {
  open = false;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  /** A widget moved in the page reopens with its menu closed. */
  hostDisconnected(): void {
    this.open = false;
  }

  render(label: string, items: MenuItem[]): TemplateResult {
    return html`<div class="menu" @keydown=${this.onKey} @focusout=${this.onFocusOut}>
      <button
        class="menu-button"
        part="menu-button"
        type="button"
        aria-haspopup="true"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="menu"
        title=${label}
        @click=${() => void this.toggle()}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true"><circle cx="5" cy="12" r="2" /><circle cx="12" cy="12" r="2" /><circle cx="19" cy="12" r="2" /></svg>
        <span class="visually-hidden">${label}</span>
      </button>
      ${this.open
        ? html`<ul id="menu" role="menu" part="menu" aria-label=${label}>
            ${items.map(
              (item) => html`<li role="none">
                <button type="button" role="menuitem" tabindex="-1" @click=${() => this.run(item)}>${item.label}</button>
              </li>`,
            )}
          </ul>`
        : nothing}
    </div>`;
  }

  private get root(): ShadowRoot | HTMLElement {
    return this.host.shadowRoot ?? this.host;
  }

  private items(): HTMLElement[] {
    return [...this.root.querySelectorAll<HTMLElement>('[role="menuitem"]')];
  }

  private button(): HTMLElement | null {
    return this.root.querySelector<HTMLElement>('.menu-button');
  }

  private async toggle(open = !this.open): Promise<void> {
    this.open = open;
    this.host.requestUpdate();
    await this.host.updateComplete;
    if (open) this.items()[0]?.focus();
  }

  private close(): void {
    this.open = false;
    this.host.requestUpdate();
    this.button()?.focus();
  }

  private run(item: MenuItem): void {
    item.run();
    this.close();
  }

  private readonly onKey = (event: KeyboardEvent): void => {
    if (!this.open) {
      if (event.key === 'ArrowDown' && (event.target as HTMLElement).classList.contains('menu-button')) {
        event.preventDefault();
        void this.toggle(true);
      }
      return;
    }
    const items = this.items();
    const index = items.indexOf(this.root.querySelector(':focus') as HTMLElement);
    const move = (i: number) => {
      event.preventDefault();
      items[(i + items.length) % items.length]?.focus();
    };
    if (event.key === 'Escape') {
      event.preventDefault();
      this.close();
    } else if (event.key === 'ArrowDown') move(index + 1);
    else if (event.key === 'ArrowUp') move(index - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(items.length - 1);
  };

  private readonly onFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget as Node | null;
    if (this.open && next && !(event.currentTarget as HTMLElement).contains(next)) {
      this.open = false;
      this.host.requestUpdate();
    }
  };
}

/** The menu's look: a square button, a list under it; hidden when printing. */
export const menuStyles = css`
  .menu {
    position: relative;
    margin-left: auto;
    flex: none;
  }
  .menu-button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-width: 2.5rem;
    min-height: 2.5rem;
    padding: 0 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
    color: var(--_text);
    font: inherit;
    cursor: pointer;
  }
  .menu-button:hover {
    background: var(--_surface);
  }
  .menu-button svg {
    width: 1.25rem;
    height: 1.25rem;
    fill: currentColor;
  }
  [role='menu'] {
    position: absolute;
    right: 0;
    top: calc(100% + 0.25rem);
    z-index: 3;
    min-width: 16rem;
    margin: 0;
    padding: 0.25rem 0;
    list-style: none;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
    box-shadow: 0 4px 12px rgb(0 0 0 / 0.15);
  }
  [role='menuitem'] {
    display: block;
    width: 100%;
    padding: 0.5rem 0.75rem;
    border: 0;
    background: none;
    color: var(--_text);
    font: inherit;
    text-align: left;
    cursor: pointer;
  }
  [role='menuitem']:hover,
  [role='menuitem']:focus-visible {
    background: var(--_surface);
  }
  @media print {
    .menu {
      display: none !important;
    }
  }
`;
