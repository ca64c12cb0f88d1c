import { test } from 'node:test';
import assert from 'node:assert/strict';
import { departements, regions } from './boundaries.mjs';

const rings = (g) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flat();

test('101 départements and 18 régions, coded like the INSEE COG', () => {
  const d = departements().features.map((f) => f.properties.code);
  const r = regions().features.map((f) => f.properties.code);
  assert.equal(d.length, 101);
  assert.equal(r.length, 18);
  for (const code of ['01', '2A', '2B', '75', '95', '971', '976']) assert.ok(d.includes(code), code);
  assert.ok(!d.includes('20') && !d.includes('975'));
  assert.deepEqual(r.filter((c) => c < '10'), ['01', '02', '03', '04', '06']);
});

test('every département names its région and every région has départements', () => {
  const r = new Set(regions().features.map((f) => f.properties.code));
  for (const f of departements().features) assert.ok(r.has(f.properties.region), f.properties.code);
  for (const f of regions().features) {
    assert.ok(departements().features.some((d) => d.properties.region === f.properties.code), f.properties.code);
  }
});

test('geometries are closed rings of [lon, lat] inside the territory they name', () => {
  for (const f of [...departements().features, ...regions().features]) {
    const all = rings(f.geometry);
    assert.ok(all.length >= 1, f.properties.code);
    for (const ring of all) {
      assert.ok(ring.length >= 4);
      assert.deepEqual(ring[0], ring.at(-1));
    }
  }
  const paris = departements().features.find((f) => f.properties.code === '75');
  for (const [lon, lat] of rings(paris.geometry)[0]) assert.ok(lon > 2 && lon < 2.7 && lat > 48.6 && lat < 49.1);
  const reunion = departements().features.find((f) => f.properties.code === '974');
  assert.ok(rings(reunion.geometry)[0].every(([lon, lat]) => lon > 55 && lat < -20));
});

test('régions are one piece each (their départements merged without seams)', () => {
  for (const f of regions().features) assert.equal(f.geometry.type, 'Polygon', f.properties.code);
});
