import { css } from 'lit';
import { hostStyles, tokens } from '@culture-widgets/ui';

export const builderStyles = [
  tokens,
  hostStyles,
  css`
    :host {
      container-type: inline-size;
    }
    /* Controls inside <details> sit in its internal slot, whose box sizing they would inherit
       (content-box): they would grow by their padding and stick out of their box. */
    input,
    select,
    textarea,
    button {
      box-sizing: border-box;
    }
    .builder {
      display: flex;
      flex-direction: column;
      gap: 1.5rem;
      padding: 1rem;
    }
    .builder-header {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1.5rem;
      justify-content: space-between;
      align-items: flex-start;
    }
    .builder-header h2 {
      margin: 0 0 0.25rem;
      font-size: 1.5rem;
    }
    .builder-header p {
      margin: 0;
      color: var(--_muted);
    }
    /* Which catalogue, and whether it answers: words first, the dot only repeats them. */
    .catalogue {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
      align-items: center;
      margin: 0;
      font-size: 0.875rem;
      color: var(--_muted);
    }
    .catalogue p {
      margin: 0;
    }
    .catalogue .dot {
      display: inline-block;
      width: 0.6rem;
      height: 0.6rem;
      margin-inline-end: 0.4rem;
      border-radius: 50%;
      border: 1px solid var(--_muted);
      vertical-align: baseline;
    }
    .catalogue.online .dot {
      border-color: var(--_accent);
      background: var(--_accent);
    }
    .catalogue.offline {
      padding: 0.5rem 0.75rem;
      color: var(--_error);
      border-left: 4px solid var(--_error);
      background: var(--_surface);
    }
    .catalogue.offline .dot {
      border-color: var(--_error);
    }
    .step {
      display: flex;
      flex-direction: column;
      gap: 0.75rem;
      padding: 1rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .step h3 {
      margin: 0;
      font-size: 1.25rem;
    }
    .step h4 {
      margin: 0 0 0.5rem;
      font-size: 1rem;
    }
    fieldset {
      margin: 0;
      padding: 0.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      min-width: 0;
    }
    legend {
      padding: 0 0.25rem;
      font-weight: 700;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 0.75rem;
      align-items: flex-end;
    }
    .row > .field {
      margin: 0;
    }
    .grow {
      flex: 1 1 16rem;
      min-width: 0;
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      margin: 0 0 0.75rem;
    }
    label,
    .check {
      font-weight: 600;
    }
    .help {
      margin: 0;
      font-size: 0.8125rem;
      color: var(--_muted);
      overflow-wrap: anywhere;
    }
    input[type='text'],
    input[type='search'],
    input[type='number'],
    select,
    textarea {
      width: 100%;
      min-height: 2.5rem;
      appearance: none;
      padding: 0.4rem 0.6rem;
      font: inherit;
      color: var(--_text);
      background: var(--_background);
      border: 1px solid var(--_muted);
      border-radius: var(--_radius);
    }
    textarea {
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
      font-size: 0.8125rem;
      line-height: 1.4;
      resize: vertical;
      background: var(--_surface);
    }
    button {
      min-height: 2.5rem;
      padding: 0.4rem 1rem;
      font: inherit;
      font-weight: 600;
      color: var(--_accent);
      background: var(--_background);
      border: 1px solid var(--_accent);
      border-radius: var(--_radius);
      cursor: pointer;
    }
    button.primary {
      color: var(--_accent-contrast);
      background: var(--_accent);
    }
    button.link {
      min-height: 0;
      padding: 0;
      border: 0;
      background: none;
      text-align: start;
      text-decoration: underline;
    }
    select {
      padding-inline-end: 2rem;
      background-image: linear-gradient(45deg, transparent 50%, currentColor 50%), linear-gradient(135deg, currentColor 50%, transparent 50%);
      background-position: right 1rem center, right 0.7rem center;
      background-size: 0.3rem 0.3rem;
      background-repeat: no-repeat;
    }
    /* A field and its button: the button on the field's line, whatever the help above says. */
    .field-row {
      align-items: flex-end;
    }
    .field-row > button {
      height: 2.5rem;
    }
    .tabs {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      border-bottom: 1px solid var(--_border);
    }
    .tabs [role='tab'] {
      min-height: 2.5rem;
      padding: 0.4rem 0.7rem;
      color: var(--_text);
      font-weight: 600;
      background: none;
      border: 0;
      border-bottom: 3px solid transparent;
      border-radius: var(--_radius) var(--_radius) 0 0;
      margin-bottom: -1px;
    }
    .tabs [role='tab'][aria-selected='true'] {
      color: var(--_accent);
      border-bottom-color: var(--_accent);
    }
    .tabs [role='tab']:hover {
      background: var(--_surface);
    }
    .tab-panel {
      display: flex;
      flex-direction: column;
      gap: 0.75rem;
      padding-top: 0.25rem;
    }
    details > summary {
      cursor: pointer;
      font-weight: 600;
      color: var(--_accent);
      margin: 0.25rem 0;
    }
    details[open] > summary {
      margin-bottom: 0.75rem;
    }
    .status {
      margin: 0;
      color: var(--_muted);
    }
    .error {
      margin: 0;
      padding: 0.5rem 0.75rem;
      color: var(--_error);
      border-left: 4px solid var(--_error);
      background: var(--_surface);
    }
    .notice {
      margin: 0;
      padding: 0.5rem 0.75rem;
      background: var(--_surface);
    }
    .muted {
      color: var(--_muted);
      font-weight: 400;
      font-size: 0.875rem;
    }
    .badge {
      display: inline-block;
      padding: 0 0.4rem;
      font-size: 0.75rem;
      font-weight: 700;
      color: var(--_accent-contrast);
      background: var(--_accent);
      border-radius: var(--_radius);
    }
    .result-list {
      margin: 0.5rem 0 0;
      padding: 0;
      list-style: none;
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
    }
    .result-list li {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.5rem;
      align-items: baseline;
    }
    .dataset-card {
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
      padding: 0.75rem;
      background: var(--_surface);
      border-radius: var(--_radius);
    }
    .dataset-card p {
      margin: 0;
    }
    .dataset-heading {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.5rem;
      align-items: baseline;
    }
    .dataset-card .field {
      margin: 0;
      max-width: 40rem;
    }
    .choice {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 0 0.5rem;
      align-items: baseline;
      padding: 0.35rem 0;
      font-weight: 400;
      cursor: pointer;
    }
    .choice .muted {
      grid-column: 2;
    }
    .choice-title {
      font-weight: 700;
    }
    input[type='radio'],
    input[type='checkbox'] {
      width: 1.1rem;
      height: 1.1rem;
      accent-color: var(--_accent);
    }
    .check {
      display: inline-flex;
      gap: 0.4rem;
      align-items: center;
    }
    .columns .checks {
      display: flex;
      flex-direction: column;
      gap: 0.15rem;
      max-height: 11rem;
      overflow: auto;
      padding: 0.25rem;
    }
    .columns .check {
      font-weight: 400;
    }
    .table-scroll {
      max-width: 100%;
      overflow-x: auto;
    }
    table.data {
      border-collapse: collapse;
      font-size: 0.875rem;
    }
    table.data caption {
      text-align: start;
      font-weight: 700;
      padding-bottom: 0.25rem;
    }
    table.data th,
    table.data td {
      padding: 0.3rem 0.6rem;
      border-bottom: 1px solid var(--_border);
      text-align: start;
      vertical-align: top;
      max-width: 16rem;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    table.data th {
      background: var(--_surface);
    }
    .column-name,
    .column-type {
      display: block;
    }
    .column-type {
      font-weight: 400;
      font-size: 0.75rem;
      color: var(--_muted);
    }
    .workbench {
      display: flex;
      flex-direction: column;
      gap: 1rem;
    }
    /* Flex and grid items default to their content's width: a wide chart would widen its own
       box, then be resized to it, again and again. */
    .workbench > *,
    .preview-box {
      min-width: 0;
    }
    /* On a phone the preview comes first, so each change shows right above the form. */
    .preview {
      order: -1;
    }
    .preview-box {
      min-height: 12rem;
      padding: 0.5rem;
      border: 1px dashed var(--_border);
      border-radius: var(--_radius);
      overflow: hidden;
    }
    @container (min-width: 56rem) {
      .workbench {
        display: grid;
        grid-template-columns: minmax(22rem, 2fr) 3fr;
        align-items: start;
      }
      .preview {
        order: 0;
        position: sticky;
        top: 0.5rem;
      }
    }
    @container (max-width: 30rem) {
      .builder {
        padding: 0.5rem 0;
      }
      /* a phone keeps every row of tabs on one line: a long name (« CMS sans script (WordPress…) »)
         wraps inside its tab instead of pushing the others onto lines of their own */
      .tabs {
        flex-wrap: nowrap;
        gap: 0;
      }
      .tabs [role='tab'] {
        padding: 0.35rem 0.35rem;
        font-size: 0.8125rem;
      }
      .step {
        padding: 0.75rem;
      }
      fieldset {
        padding: 0.5rem;
      }
    }
    /* The gallery: one card per proposal, the radio inside each (arrow keys move between them). */
    .gallery .cards {
      display: grid;
      /* two cards side by side on a phone */
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 8.5rem), 1fr));
      gap: 0.75rem;
      margin-top: 0.5rem;
    }
    .card {
      position: relative;
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      padding: 0.5rem 0.6rem 0.6rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      font-weight: 400;
      cursor: pointer;
    }
    .card:hover {
      border-color: var(--_muted);
    }
    .card:has(input:checked) {
      border-color: var(--_accent);
      box-shadow: inset 0 0 0 1px var(--_accent);
    }
    .card:has(input:focus-visible) {
      outline: 2px solid var(--_focus);
      outline-offset: 2px;
    }
    .card input[type='radio'] {
      position: absolute;
      top: 0.6rem;
      left: 0.6rem;
      margin: 0;
    }
    .card .badge {
      position: absolute;
      top: 0.45rem;
      right: 0.45rem;
      /* in the strip above the thumbnail, never over it */
      line-height: 1rem;
    }
    .card-name {
      font-weight: 700;
    }
    .card-what {
      font-size: 0.8125rem;
      line-height: 1.35;
    }
    .thumb {
      display: block;
      width: 100%;
      height: auto;
      aspect-ratio: 120 / 72;
      margin-top: 1.25rem;
      background: var(--_surface);
      border-radius: var(--_radius);
    }
    .thumb .mark,
    .thumb .dot {
      fill: var(--_color-1);
    }
    .thumb .area {
      fill-opacity: 0.55;
    }
    .thumb .line {
      fill: none;
      stroke: var(--_color-1);
      stroke-width: 2;
      stroke-linejoin: round;
    }
    .thumb .line.series-1 { stroke: var(--_color-2); }
    .thumb .line.series-2 { stroke: var(--_color-3); }
    .thumb .line.series-3 { stroke: var(--_color-4); }
    .thumb .slice { stroke: var(--_surface); stroke-width: 1; }
    .thumb .slice.series-0 { fill: var(--_color-1); }
    .thumb .slice.series-1 { fill: var(--_color-2); }
    .thumb .slice.series-2 { fill: var(--_color-3); }
    .thumb .slice.series-3 { fill: var(--_color-4); }
    .thumb .slice.series-4 { fill: var(--_color-5); }
    .thumb .slice.series-5 { fill: var(--_color-other); }
    .thumb .hole {
      fill: var(--_surface);
    }
    .thumb .dot {
      fill-opacity: 0.7;
    }
    .thumb .dot.dense {
      fill-opacity: 0.12;
    }
    .thumb .figure {
      fill: var(--_text);
      font-size: 26px;
      font-weight: 700;
    }
    .thumb .head {
      fill: var(--_border);
    }
    .thumb .cell {
      fill: var(--_muted);
      fill-opacity: 0.5;
    }
    .settings {
      display: flex;
      flex-direction: column;
      gap: 0.75rem;
      min-width: 0;
    }
    .settings .tab-panel > .field:last-of-type {
      margin-bottom: 0;
    }
    .sort .row > .field {
      margin: 0;
    }
    /* The filter builder: each condition a line of fields (wrapping on a phone) and its « Retirer ». */
    .conditions {
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .condition fieldset {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: flex-end;
    }
    .condition .field {
      flex: 1 1 9rem;
      margin: 0;
    }
    .condition .values {
      flex-basis: 100%;
    }
    .condition .values .checks {
      display: flex;
      flex-direction: column;
      max-height: 11rem;
      overflow: auto;
    }
    .condition .values .check {
      font-weight: 400;
    }
    .condition .remove {
      height: 2.5rem;
    }
    .filter-builder {
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
      align-items: stretch;
    }
    .filter-builder > .add {
      align-self: flex-start;
    }
    .recipes {
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
    }
    .recipe {
      padding: 0.25rem 0.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .recipe[open] {
      padding-bottom: 0.75rem;
    }
    .recipe form + form {
      margin-top: 0.5rem;
    }
    .recipe form:not(.row) > button {
      margin-top: 0.25rem;
    }
    .applied h5 {
      margin: 0.5rem 0 0.25rem;
      font-size: 0.9375rem;
    }
    .applied ul {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .applied li {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
      justify-content: space-between;
      align-items: baseline;
      padding: 0.25rem 0;
      border-bottom: 1px solid var(--_border);
    }
    .applied code {
      font-size: 0.8125rem;
      overflow-wrap: anywhere;
    }
    .label-fields {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 13rem), 1fr));
      gap: 0 0.75rem;
    }
    .label-fields label {
      font-weight: 400;
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
      font-size: 0.8125rem;
      overflow-wrap: anywhere;
    }
    /* numbered as « Mettre à jour le widget 2 » says (a flex item has no list marker: a counter) */
    .dashboard-list {
      margin: 0;
      padding: 0;
      list-style: none;
      counter-reset: widget;
    }
    .dashboard-list li {
      padding: 0.35rem 0;
      border-bottom: 1px solid var(--_border);
      counter-increment: widget;
    }
    .dashboard-list .widget-name::before {
      content: counter(widget) '. ';
      font-variant-numeric: tabular-nums;
    }
    .dashboard-list li.editing {
      font-weight: 700;
    }
    .dashboard-list li,
    .dashboard-list .widget-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      justify-content: space-between;
      align-items: baseline;
    }
    .dashboard-list button.link:disabled {
      color: var(--_muted);
      cursor: default;
      text-decoration: none;
    }
    .copy-what {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1.5rem;
    }
    .copy-what legend {
      width: 100%;
    }
    .copy-what .check {
      font-weight: 400;
    }
    .copy-block {
      display: flex;
      flex-direction: column;
      gap: 0.35rem;
    }
    .copy-block + .copy-block {
      margin-top: 0.75rem;
    }
    .copied {
      font-weight: 700;
      color: var(--_accent);
    }
    .steps-list {
      margin: 0;
      padding-inline-start: 1.5rem;
    }
    .steps-list li + li {
      margin-top: 0.25rem;
    }
    .script-from .choice {
      padding: 0.25rem 0;
    }
    .trial {
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
      margin-top: 0.5rem;
      padding-top: 0.75rem;
      border-top: 1px solid var(--_border);
    }
    .trial-status {
      margin: 0;
      font-weight: 600;
    }
    .trial-frame {
      display: block;
      width: 100%;
      border: 1px dashed var(--_border);
      border-radius: var(--_radius);
    }
  `,
];
