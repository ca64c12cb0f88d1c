import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '@culture-widgets/table/culture-table.js';
import '@culture-widgets/chart/culture-chart.js';
import { controlsOf, element, samplePortal, type Attributes } from './element.js';

/** The open formats beyond CSV, read from their bytes: spreadsheets, XML, Parquet, and what is refused. */
const meta: Meta<Attributes> = {
  title: 'Data/Formats',
  component: 'culture-table',
  args: { ...samplePortal, dataset: 'musees-de-france-formats-ouverts', 'page-size': '8' },
  argTypes: controlsOf('culture-table'),
  render: (a) => element('culture-table', a),
};
export default meta;
type Story = StoryObj<Attributes>;

/** An XLSX whose header sits under a title and a source line: both are skipped. */
export const Spreadsheet: Story = {
  args: { resource: 'c0ffee11-0000-4000-8000-000000000001' },
};

/** `sheet` by name (or number) on an ODS: the merged two-row header is joined (« Entrées 2023 payantes »). */
export const SecondSheet: Story = {
  args: { resource: 'c0ffee11-0000-4000-8000-000000000002', sheet: 'Fréquentation' },
};

/** A spreadsheet declared as CSV is read as the spreadsheet it is. */
export const Mislabelled: Story = {
  args: { resource: 'c0ffee11-0000-4000-8000-000000000006' },
};

/** XML: the repeated `<musee>` element; its attributes and children's text become columns. */
export const Xml: Story = {
  args: { resource: 'c0ffee11-0000-4000-8000-000000000004', columns: 'id, ouvert, nom, commune, appellation, entrees, domaines.domaine' },
};

/** Parquet, read by ranges: the footer, then only the columns shown. */
export const Parquet: Story = {
  args: { resource: 'c0ffee11-0000-4000-8000-000000000005' },
};

/** 200,000 rows, aggregation refused by the API: the sum by region reads 2 columns of the Parquet copy. */
export const ParquetCopy: Story = {
  args: { dataset: 'entrees-des-lieux-culturels', type: 'bar', x: 'region', y: 'entrees', aggregate: 'sum', sort: '-y', unit: 'entrées' },
  render: (a) => element('culture-chart', a),
};

/** A PDF: refused before it is downloaded, the format named, a link to the file. */
export const Unsupported: Story = {
  args: { dataset: 'fichiers-illisibles', resource: 'c0ffee12-0000-4000-8000-000000000006' },
};

/** A password-protected workbook: the file and the reason, in the error state. */
export const PasswordProtected: Story = {
  args: { dataset: 'fichiers-illisibles', resource: 'c0ffee12-0000-4000-8000-000000000002' },
};

/** An XML document that holds no repeated element. */
export const NoRecords: Story = {
  args: { dataset: 'fichiers-illisibles', resource: 'c0ffee12-0000-4000-8000-000000000004' },
};
