import { expect } from '@open-wc/testing';
import { decode, inferColumn, parseDelimited, readDate, readNumber, sniff } from '../src/index.js';
import { parseBytes, parseBytesSliced } from '../src/parse.js';
import { getter } from '../src/table.js';
import type { Table } from '../src/table.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
/** windows-1252 bytes for Latin-1 text (é = 0xE9…), built by hand. */
const cp1252 = (text: string): Uint8Array => Uint8Array.from([...text].map((c) => (c === '€' ? 0x80 : c.charCodeAt(0))));
const rowsOf = (table: Table): Record<string, unknown>[] =>
  Array.from({ length: table.length }, (_, i) => Object.fromEntries(table.columns.map((c, k) => [c.name, getter(table.data[k]!)(i)])));

describe('decode', () => {
  it('reads UTF-8 and strips a BOM', () => {
    expect(decode(utf8('\uFEFFRégion;x')).text).to.equal('Région;x');
  });
  it('strips a doubled BOM', () => {
    expect(decode(Uint8Array.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x61])).text).to.equal('a');
  });
  it('falls back to windows-1252 when the bytes are not UTF-8', () => {
    const { text, encoding } = decode(cp1252('Dépenses;Montant €\nCôte-d\'Or;1 234,5'));
    expect(encoding).to.equal('windows-1252');
    expect(text).to.equal('Dépenses;Montant €\nCôte-d\'Or;1 234,5');
  });
  it('keeps valid UTF-8 as UTF-8', () => {
    expect(decode(utf8('Île-de-France')).encoding).to.equal('utf-8');
  });
});

describe('sniff', () => {
  const table: [string, string][] = [
    ['a;b;c\n1;2,5;3\n4;5,5;6', ';'],
    ['a,b,c\n1,2,3\n4,5,6', ','],
    ['a|b|c\n1|2|3', '|'],
    ['a\tb\tc\n1\t2\t3', '\t'],
    ['nom;valeur\n"x, y";2,5\n"z, w";3,5', ';'],
  ];
  for (const [text, delimiter] of table) {
    it(`finds ${JSON.stringify(delimiter)}`, () => expect(sniff(text).delimiter).to.equal(delimiter));
  }
  it('skips a title line above the header', () => {
    const text = 'Dépenses culturelles 2023\na;b;c\n1;2;3\n4;5;6';
    const { start } = sniff(text);
    expect(text.slice(start).startsWith('a;b;c')).to.equal(true);
  });
});

describe('parseDelimited', () => {
  it('reads quotes, doubled quotes, delimiters and newlines inside quotes, CRLF', () => {
    const text = 'nom;"disciplines";note\r\n"Festival ""Jazz""";"Musique;Danse";"ligne 1\r\nligne 2"\r\nSimple;x;\r\n\r\n';
    const { header, columns } = parseDelimited(text);
    expect(header).to.deep.equal(['nom', 'disciplines', 'note']);
    expect(columns[0]).to.deep.equal(['Festival "Jazz"', 'Simple']);
    expect(columns[1]).to.deep.equal(['Musique;Danse', 'x']);
    expect(columns[2]).to.deep.equal(['ligne 1\r\nligne 2', '']);
  });
  it('pads short rows and names empty or repeated headers', () => {
    const { header, columns } = parseDelimited('a;;a\n1;2;3\n1;2;3;4\n1');
    expect(header).to.deep.equal(['a', 'colonne_2', 'a_2']);
    expect(columns[1]).to.deep.equal(['2', '2', '']);
  });
  it('reads a file without a final newline and a single column', () => {
    expect(parseDelimited('x\n1\n2').columns[0]).to.deep.equal(['1', '2']);
  });
});

describe('readNumber / readDate', () => {
  const numbers: [string, number][] = [
    ['12', 12], ['-3', -3], ['2,5', 2.5], ['2.5', 2.5], ['2 901,60', 2901.6], ['1\u00a0234', 1234],
    ['1\u202f234,5', 1234.5], ['24,7%', 24.7], ['24,7 %', 24.7], ['1.234,56', 1234.56], ['0', 0], ['0,08', 0.08],
  ];
  for (const [text, value] of numbers) it(`reads ${JSON.stringify(text)} as ${value}`, () => expect(readNumber(text)).to.equal(value));
  for (const text of ['', 'abc', '12a', '1 23', '0x1F', '--1', '12,', 'Infinity']) {
    it(`refuses ${JSON.stringify(text)}`, () => expect(readNumber(text)).to.be.NaN);
  }
  it('reads DD/MM/YYYY as an ISO date', () => {
    expect(readDate('05/03/2021')).to.equal('2021-03-05');
    expect(readDate('2021-03-05')).to.equal('2021-03-05');
    expect(readDate('32/01/2021')).to.equal(undefined);
  });
});

describe('inferColumn', () => {
  const table: [string, (string | null)[], string, string | undefined, unknown[]][] = [
    ['total', ['12', '', '1 234'], 'integer', undefined, [12, null, 1234]],
    ['montant', ['2 901,60', '3,5', 'NC'], 'number', undefined, [2901.6, 3.5, null]],
    ['part', ['24,7%', '3%'], 'number', 'percent', [24.7, 3]],
    ['annee', ['2014', '2024'], 'integer', 'year', [2014, 2024]],
    ['Code Postal', ['01580', '10100'], 'string', undefined, ['01580', '10100']],
    ['Code Insee commune', ['2110', '75056'], 'string', undefined, ['2110', '75056']],
    ['dep', ['01', '2A', '971'], 'string', undefined, ['01', '2A', '971']],
    ['date', ['05/03/2021', '', '31/12/2020'], 'date', 'date_fr', ['2021-03-05', null, '2020-12-31']],
    ['maj', ['2021-03-05T10:00:00Z'], 'datetime', undefined, ['2021-03-05T10:00:00Z']],
    ['gratuit', ['oui', 'non', 'Oui'], 'boolean', undefined, [true, false, true]],
    ['Latitude', ['46.219853', '45.9'], 'number', 'latitude_wgs', [46.219853, 45.9]],
    ['Longitude', ['5.555588', '-1.5'], 'number', 'longitude_wgs', [5.555588, -1.5]],
    ['geolocalisation', ['46.219853, 5.555588', '45.9,5.1'], 'string', 'latlon_wgs', ['46.219853, 5.555588', '45.9,5.1']],
    ['site', ['https://example.org', 'www.musee.fr/x'], 'string', 'url', ['https://example.org', 'www.musee.fr/x']],
    ['nom', ['<img src=x onerror="window.__xss=true">', 'a'], 'string', undefined, ['<img src=x onerror="window.__xss=true">', 'a']],
  ];
  for (const [name, values, type, format, cells] of table) {
    it(`types ${name} as ${type}${format ? ` (${format})` : ''}`, () => {
      const { info, data } = inferColumn(name, values);
      expect(info.type).to.equal(type);
      expect(info.format).to.equal(format);
      const get = getter(data);
      expect(values.map((_, i) => get(i))).to.deep.equal(cells);
    });
  }
  it('profiles categorical columns with their most frequent values', () => {
    const { info } = inferColumn('region', ['Bretagne', 'Bretagne', 'Corse', '']);
    expect(info).to.include({ categorical: true, distinct: 2, missing: 1 });
    expect(info.tops![0]).to.deep.equal({ value: 'Bretagne', count: 2 });
  });
});

describe('parseBytes', () => {
  it('parses a windows-1252 ; file with French numbers and dates', async () => {
    const bytes = cp1252('Département;Code;Dépenses;Part;Date\nCôte-d\'Or;21;1 234,5;24,7%;05/03/2021\nAin;1;2 901,60;3%;06/03/2021\n');
    const table = await parseBytes(bytes, { format: 'csv' });
    expect(table.columns.map((c) => c.type)).to.deep.equal(['string', 'string', 'number', 'number', 'date']);
    expect(rowsOf(table)[0]).to.deep.equal({ Département: "Côte-d'Or", Code: '21', Dépenses: 1234.5, Part: 24.7, Date: '2021-03-05' });
  });
  it('parses a JSON array of records (Opendatasoft export, geo_point_2d)', async () => {
    const json = JSON.stringify([
      { nom: 'Arc de triomphe', annee: 2019, entrees: 1500000, geo_point_2d: [48.87, 2.29], tags: ['a'] },
      { nom: 'Panthéon', annee: 2020, entrees: null, geo_point_2d: { lat: 48.84, lon: 2.34 }, tags: ['b'] },
    ]);
    const table = await parseBytes(utf8(json), { format: 'json' });
    const byName = Object.fromEntries(table.columns.map((c) => [c.name, c]));
    expect(byName.annee).to.include({ type: 'integer', format: 'year' });
    expect(byName.geo_point_2d).to.include({ type: 'string', format: 'latlon_wgs' });
    expect(byName.tags!.type).to.equal('json');
    expect(rowsOf(table)[1]).to.deep.equal({ nom: 'Panthéon', annee: 2020, entrees: null, geo_point_2d: '48.84, 2.34', tags: '["b"]' });
  });
  it('parses GeoJSON: properties as columns, geometry kept in __geometry', async () => {
    const geojson = JSON.stringify({ type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { nom: 'Lieu', capacite: '120' }, geometry: { type: 'Point', coordinates: [2.35, 48.85] } },
    ] });
    const table = await parseBytes(utf8(geojson), { format: 'geojson' });
    expect(table.columns.map((c) => [c.name, c.type, c.format])).to.deep.equal([
      ['nom', 'string', undefined], ['capacite', 'integer', undefined], ['__geometry', 'json', 'geojson'],
    ]);
    expect(JSON.parse(rowsOf(table)[0]!.__geometry as string)).to.deep.equal({ type: 'Point', coordinates: [2.35, 48.85] });
  });
  it('types each CSV column as inferColumn types its texts: dictionary codes, booleans and dates read once per distinct text, mostly distinct texts packed', async () => {
    const rows = 20_000;
    const columns: Record<string, (i: number) => string> = {
      gratuit: (i) => ['oui', 'non', 'Oui', ' non ', ''][i % 5]!,
      date: (i) => (i % 17 ? `${(i % 28) + 1}/${(i % 12) + 1}/${2000 + (i % 11)}` : ''), // > 1,000 distinct
      maj: (i) => `2021-03-05T10:${String(i % 50).padStart(2, '0')}:00Z`,
      jour: (i) => `2021-03-05T${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:${String(i % 59).padStart(2, '0')}.${i}Z`, // all distinct
      ville: (i) => `Ville ${(i * 7) % 1500}`, // 1,500 distinct
      nom: (i) => `Nom ${i}`, // all distinct
      categorie: (i) => ['Théâtre', 'Danse', 'Cirque', '', 'Opéra'][(i * 3) % 5]!,
      espace: (i) => (i % 2 ? ' ' : ''),
      mixte: (i) => (i < 15_000 ? '05/03/2021' : 'plus tard'),
      note: (i) => (i % 3 ? `"dit ""oui"" ${i}"` : `n${i}`),
      site: (i) => `https://example.org/${i % 40}`,
      // same length, same hash (31 × 'A' + 'a' = 31 × 'B' + 'B'): only the comparison tells them apart
      paire: (i) => ['Aa', 'BB', 'AaAa', 'AaBB', 'BBAa', 'BBBB'][i % 6]!,
      lieu: (i) => `Lieu ${(i * 7) % 3000}`, // 3,000 distinct: the dictionary grows past its first slots
      // same length, first and last letter: the code guessed from them must be checked
      sosie: (i) => (i % 10 === 3 ? 'Laon' : i % 10 === 7 ? 'Lion' : 'Lyon'),
    };
    const names = Object.keys(columns);
    const lines = [names.join(';'), ...Array.from({ length: rows }, (_, i) => names.map((n) => columns[n]!(i)).join(';'))];
    const text = `${lines.join('\n')}\n`;
    const table = await parseBytes(utf8(text), { format: 'csv' });
    const strings = parseDelimited(text, ';');
    const expected = strings.header.map((name, c) => inferColumn(name, strings.columns[c]!));
    expect(table.columns).to.deep.equal(expected.map((e) => e.info));
    for (let c = 0; c < names.length; c++) {
      const get = getter(table.data[c]!), want = getter(expected[c]!.data);
      for (let i = 0; i < rows; i++) if (get(i) !== want(i)) expect([names[c], i, get(i)]).to.deep.equal([names[c], i, want(i)]);
    }
    expect(table.columns.map((c) => c.type)).to.deep.equal(['boolean', 'date', 'datetime', 'datetime', 'string', 'string', 'string', 'string', 'string', 'string', 'string', 'string', 'string', 'string']);
    expect(table.columns.find((c) => c.name === 'ville')!.distinct).to.equal(1000);
    // each distinct text kept once
    const lieu = table.data[names.indexOf('lieu')]!;
    expect(lieu.kind === 'dict' && lieu.dict.length).to.equal(3001);
    expect(table.columns.find((c) => c.name === 'paire')!.tops!.map((t) => t.value)).to.deep.equal(['Aa', 'BB', 'AaAa', 'AaBB', 'BBAa', 'BBBB']);
  });
  it('profiles booleans, dates and small integers as their values: ties in the order values first appear, a French and an ISO date of the same day one value', async () => {
    const ok = ['oui', 'non', '', 'non', 'oui', 'Non', '', 'oui'];
    const jour = ['05/03/2021', '2021-03-06', '2021-03-05', '', '06/03/2021', '2021-03-05', '07/03/2021', '07/03/2021'];
    const n = ['-0', '3', '0', '2', '3', '', '2', '0'];
    const lines = ['ok;jour;n;grand;large'];
    for (let i = 0; i < 3000; i++) lines.push([ok[i % 8], jour[i % 8], n[i % 8], i % 1500, i * 100_000].join(';'));
    const table = await parseBytes(utf8(`${lines.join('\n')}\n`), { format: 'csv' });
    const profile = (name: string) => {
      const { distinct, missing, categorical, tops } = table.columns.find((c) => c.name === name)!;
      return { distinct, missing, categorical, tops: tops?.map((t) => [t.value, t.count]) };
    };
    expect(table.columns.map((c) => c.type)).to.deep.equal(['boolean', 'date', 'integer', 'integer', 'integer']);
    expect(profile('ok')).to.deep.equal({ distinct: 2, missing: 750, categorical: true, tops: [['true', 1125], ['false', 1125]] });
    expect(profile('jour')).to.deep.equal({ distinct: 3, missing: 375, categorical: true, tops: [['2021-03-05', 1125], ['2021-03-06', 750], ['2021-03-07', 750]] });
    expect(profile('n')).to.deep.equal({ distinct: 3, missing: 375, categorical: true, tops: [['0', 1125], ['3', 750], ['2', 750]] });
    // counted up to 1,000 distinct values, in an array (a short range) or a Map (a wide one)
    expect(profile('grand')).to.deep.equal({ distinct: 1000, missing: 0, categorical: false, tops: undefined });
    expect(profile('large')).to.deep.equal({ distinct: 1000, missing: 0, categorical: false, tops: undefined });
  });
  it('says parse when the JSON is broken', async () => {
    const error = await parseBytes(utf8('{"a":'), { format: 'json' }).catch((e: unknown) => e);
    expect(error).to.have.property('code', 'parse');
  });
});

describe('parseBytesSliced (no worker)', () => {
  /** Pauses counted; a zero budget pauses wherever the parse is allowed to. */
  const sliced = async (bytes: Uint8Array): Promise<{ table: Table; pauses: number }> => {
    let pauses = 0;
    const table = await parseBytesSliced(bytes, { format: 'csv' }, async () => { pauses++; }, undefined, 0);
    return { table, pauses };
  };

  it('pauses every 64 KB of text (a record is never split), even when a hundred rows weigh megabytes', async () => {
    // 60 rows of 4 cells of 10,000 characters: 2.4 MB that a slice counted in rows read in one task
    const cell = (r: number, c: number): string => `${r}-${c}-`.padEnd(10_000, 'abcdefghij');
    const lines = ['a;b;c;d', ...Array.from({ length: 60 }, (_, r) => [0, 1, 2, 3].map((c) => cell(r, c)).join(';'))];
    const bytes = utf8(`${lines.join('\n')}\n`);
    const { table, pauses } = await sliced(bytes);
    expect(table.length).to.equal(60);
    expect(rowsOf(table)[59]!.d).to.equal(cell(59, 3));
    expect(pauses).to.be.at.least(Math.floor(bytes.length / (65_536 + lines[1]!.length)));
  });

  it('reads the same table as the worker, across slice boundaries (quotes, CRLF, blank lines, short rows)', async () => {
    const lines = ['id;nom;montant;date;note'];
    for (let i = 1; i <= 6000; i++) {
      if (i % 997 === 0) lines.push('');
      const note = i % 7 === 0 ? `"dit ""oui""; puis\nnon ${i}"` : i % 11 === 0 ? '' : `n${i}`;
      lines.push(i % 13 === 0 ? `${i};court` : [i, `Nom ${i % 50}`, `${i},5`, `0${(i % 9) + 1}/03/2021`, note].join(';'));
    }
    const bytes = utf8(`${lines.join('\r\n')}\r\n`);
    const [whole, { table, pauses }] = await Promise.all([parseBytes(bytes, { format: 'csv' }), sliced(bytes)]);
    expect(pauses).to.be.at.least(2);
    expect(table.columns).to.deep.equal(whole.columns);
    expect(rowsOf(table)).to.deep.equal(rowsOf(whole));
    expect(table.length).to.equal(6000);
    expect(rowsOf(table)[6]!.note).to.equal('dit "oui"; puis\nnon 7');
  });
});
