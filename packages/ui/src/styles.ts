import { css } from 'lit';

/**
 * Public custom properties (`--culture-*`, documented in each element's JSDoc) fall back on DSFR
 * tokens when the page uses the DSFR, then on our defaults; components only read the private
 * `--_*` ones. Data colours `--culture-color-1…8` are read at draw time (`readPalette`).
 */
export const tokens = css`
  :host {
    --_font: var(--culture-font-family, inherit);
    --_text: var(--culture-text-color, var(--text-default-grey, #161616));
    --_muted: var(--culture-muted-color, var(--text-mention-grey, #5c5c5c));
    --_background: var(--culture-background, var(--background-default-grey, #ffffff));
    --_surface: var(--culture-surface, var(--background-alt-grey, #f6f6f6));
    --_border: var(--culture-border-color, var(--border-default-grey, #dddddd));
    --_accent: var(--culture-accent-color, var(--text-action-high-blue-france, #000091));
    --_accent-contrast: var(--culture-accent-contrast, #ffffff);
    --_error: var(--culture-error-color, var(--text-default-error, #ce0500));
    --_warning: var(--culture-warning-color, var(--text-default-warning, #b34000));
    --_focus: var(--culture-focus-color, #0a76f6);
    --_radius: var(--culture-radius, 0.25rem);
    --_skeleton: var(--culture-skeleton-color, #e5e5e5);
    --_color-1: var(--culture-color-1, #000091);
    --_color-2: var(--culture-color-2, #c9591f);
    --_color-3: var(--culture-color-3, #00806f);
    --_color-4: var(--culture-color-4, #a558a0);
    --_color-5: var(--culture-color-5, #8d6c00);
    --_color-6: var(--culture-color-6, #3c74c0);
    --_color-7: var(--culture-color-7, #b33a3a);
    --_color-8: var(--culture-color-8, #4d7c1f);
    --_color-other: var(--culture-color-other, #8a8a8a);
  }
  :host([data-scheme='dark']) {
    --_text: var(--culture-text-color, var(--text-default-grey, #eeeeee));
    --_muted: var(--culture-muted-color, var(--text-mention-grey, #b5b5b5));
    --_background: var(--culture-background, var(--background-default-grey, #161616));
    --_surface: var(--culture-surface, var(--background-alt-grey, #1e1e1e));
    --_border: var(--culture-border-color, var(--border-default-grey, #3a3a3a));
    --_accent: var(--culture-accent-color, var(--text-action-high-blue-france, #8585f6));
    --_accent-contrast: var(--culture-accent-contrast, #161616);
    --_error: var(--culture-error-color, var(--text-default-error, #ff5655));
    --_warning: var(--culture-warning-color, var(--text-default-warning, #fc5d00));
    --_focus: var(--culture-focus-color, #4c9bff);
    --_skeleton: var(--culture-skeleton-color, #2e2e2e);
    --_color-1: var(--culture-color-1, #8585f6);
    --_color-2: var(--culture-color-2, #f0a06d);
    --_color-3: var(--culture-color-3, #34cbb0);
    --_color-4: var(--culture-color-4, #d79ad3);
    --_color-5: var(--culture-color-5, #dcbc4c);
    --_color-6: var(--culture-color-6, #7fb1f2);
    --_color-7: var(--culture-color-7, #f08383);
    --_color-8: var(--culture-color-8, #9bcf62);
    --_color-other: var(--culture-color-other, #9a9a9a);
  }
`;

/** Host defaults (font, colours, box sizing, focus ring, links) and `.visually-hidden`: every element and the builder. */
export const hostStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    max-width: 100%;
    font-family: var(--_font);
    color: var(--_text);
    background: var(--_background);
    line-height: 1.5;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  a {
    color: var(--_accent);
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0, 0, 0, 0);
    white-space: nowrap;
    border: 0;
  }
`;

/** Host defaults, states (skeleton, notice, error) and the citation line. */
export const baseStyles = [
  tokens,
  hostStyles,
  css`
    .state {
      min-height: var(--_state-height, 12rem);
      border-radius: var(--_radius);
    }
    .loading {
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
      padding: 0.75rem 0;
    }
    .skeleton-line {
      height: 1rem;
      border-radius: var(--_radius);
      background: var(--_skeleton);
      animation: culture-pulse 1.4s ease-in-out infinite;
    }
    /* widths as classes, not inline styles: a page's style-src may forbid those */
    .skeleton-line.short {
      width: 40%;
    }
    .skeleton-line.long {
      width: 70%;
    }
    .skeleton-block {
      flex: 1;
      min-height: 8rem;
      border-radius: var(--_radius);
      background: var(--_skeleton);
      animation: culture-pulse 1.4s ease-in-out infinite;
    }
    @keyframes culture-pulse {
      50% {
        opacity: 0.55;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .skeleton-line,
      .skeleton-block {
        animation: none;
      }
    }
    .progress {
      display: flex;
      gap: 0.5rem;
      align-items: center;
      font-size: 0.875rem;
      color: var(--_muted);
    }
    .progress progress {
      flex: 1;
      accent-color: var(--_accent);
    }
    .notice,
    .error {
      display: flex;
      flex-direction: column;
      justify-content: center;
      gap: 0.25rem;
      padding: 1rem;
      border: 1px solid var(--_border);
      background: var(--_surface);
    }
    .error {
      border-color: var(--_error);
      border-left-width: 4px;
    }
    .error strong {
      color: var(--_error);
    }
    .error p,
    .notice p {
      margin: 0;
    }
    .warning {
      margin: 0 0 0.5rem;
      padding: 0.125rem 0.5rem;
      border-left: 3px solid var(--_warning);
      font-size: 0.8125rem;
      color: var(--_muted);
    }
    .citation {
      margin: 0.5rem 0 0;
      font-size: 0.8125rem;
      color: var(--_muted);
    }
    .citation a {
      color: inherit;
    }
    @media print {
      :host {
        background: none;
        color: #000;
      }
      .skeleton-line,
      .skeleton-block {
        animation: none;
      }
    }
  `,
];

/** The data palette as the page styles it now (light, dark, DSFR, author overrides). */
export function readPalette(el: Element, count = 8): { colors: string[]; other: string } {
  const style = getComputedStyle(el);
  const read = (name: string) => style.getPropertyValue(name).trim();
  return {
    colors: Array.from({ length: count }, (_, i) => read(`--_color-${i + 1}`)).filter(Boolean),
    other: read('--_color-other'),
  };
}

/** A computed private token (`text`, `muted`, `border`, `background`…), for renderers outside CSS. */
export function readToken(el: Element, name: string): string {
  return getComputedStyle(el).getPropertyValue(`--_${name}`).trim();
}
