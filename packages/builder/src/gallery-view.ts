/**
 * The gallery: one card per proposal (a radio each, arrow keys move between them), its picture
 * drawn from the user's data, its name and what it shows in words; « Recommandé » on the first.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { columnTitle, parseList, parseName, type ColumnInfo, type Labels, type Lang } from '@culture-widgets/core';
import type { Proposal, ProposalKind, Thumbnail } from './gallery.js';
import { readMeasure } from './form.js';
import type { BuilderMessages } from './messages.js';
import { renderThumbnail } from './thumbnail.js';

export interface GalleryView {
  t: BuilderMessages;
  lang: Lang;
  proposals: Proposal[];
  chosen: ProposalKind;
  columns: ColumnInfo[];
  labels?: Labels;
  thumbnail(proposal: Proposal): Thumbnail | undefined;
  choose(proposal: Proposal): void;
}

/** « Total par année », « Un point par lieu »: what a card shows, from its attributes. */
export function cardText(t: BuilderMessages, proposal: Proposal, columns: ColumnInfo[], labels?: Labels): string {
  const a = proposal.attributes;
  const title = (name: string | undefined) => (name ? columnTitle(name, labels) : '');
  if (proposal.element === 'table') return t.cardTable(columns.length);
  if (proposal.element === 'kpi') {
    const measure = readMeasure(a.value ?? '');
    return t.cardKpi(measure?.column ? `${title(measure.column)}` : t.cardCount);
  }
  if (proposal.element === 'map') {
    if (a.mode === 'choropleth') return t.cardAreas(title(parseName(a.code)));
    return a.mode === 'heatmap' ? t.cardDensity : t.cardPoints(title(parseName(a.label)));
  }
  const measure = parseList(a.y).map(title).join(', ') || t.cardCount;
  return t.cardChart(measure, title(parseName(a.x)), a.group ? title(parseName(a.group)) : undefined);
}

export function renderGallery(v: GalleryView): TemplateResult {
  const { t } = v;
  return html`<fieldset class="gallery">
    <legend>${t.galleryLegend}</legend>
    <p class="help">${t.galleryHelp}</p>
    <div class="cards">
      ${v.proposals.map((p) => {
        const id = `card-${p.kind.replace(':', '-')}`;
        return html`<label class="card" for=${id}>
          <input type="radio" name="gallery" id=${id} .value=${p.kind} .checked=${p.kind === v.chosen} @change=${() => v.choose(p)} aria-describedby="${id}-what" />
          ${renderThumbnail(p.kind, v.thumbnail(p), v.lang)}
          <span class="card-name">${t.kinds[p.kind]}</span>
          <span class="card-what muted" id="${id}-what">${cardText(t, p, v.columns, v.labels)}</span>
          ${p.recommended ? html`<span class="badge">${t.recommended}</span>` : nothing}
        </label>`;
      })}
    </div>
  </fieldset>`;
}
