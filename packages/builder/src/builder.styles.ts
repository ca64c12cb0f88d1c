import { css } from 'lit';
import { hostStyles, tokens } from '@culture-widgets/ui';

export const builderStyles = [
  tokens,
  hostStyles,
  css`
    :host {
      container-type: inline-size;
    }
    .builder {
      display: flex;
      flex-direction: column;
      gap: 1.5rem;
      padding: 1rem;
    }
    header h2 {
      margin: 0 0 0.25rem;
      font-size: 1.5rem;
    }
    header p {
      margin: 0;
      color: var(--_muted);
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
      flex-wrap: wrap;
      gap: 0.25rem 0.5rem;
      align-items: baseline;
      margin: 0;
      padding: 0.5rem 0.75rem;
      background: var(--_surface);
      border-radius: var(--_radius);
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
    .elements {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
      gap: 0.5rem;
    }
    .choice.card {
      padding: 0.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .choice.card:has(input:checked) {
      border-color: var(--_accent);
      box-shadow: inset 0 0 0 1px var(--_accent);
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
        grid-template-columns: minmax(18rem, 2fr) 3fr;
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
      .step {
        padding: 0.75rem;
      }
      fieldset {
        padding: 0.5rem;
      }
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
  `,
];
