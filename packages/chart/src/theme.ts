/** Colours and font read from the element's CSS custom properties at draw time. */
export interface ChartTheme {
  palette: string[];
  dark: boolean;
  text: string;
  muted: string;
  grid: string;
  background: string;
  font: string;
  /** Colour of « Autres ». */
  other: string;
}

/** Defaults matching the ui package's light theme (DSFR illustrative colours). */
export const DEFAULT_THEME: ChartTheme = {
  palette: ['#000091', '#c9191e', '#009081', '#e4794a', '#6a6af4', '#a6a15e', '#a94645', '#417dc4'],
  dark: false,
  text: '#161616',
  muted: '#3a3a3a',
  grid: '#dddddd',
  background: '#ffffff',
  font: 'Marianne, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  other: '#8a8a8a',
};
