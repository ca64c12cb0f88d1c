/**
 * Walking the marks with the keyboard (vega-lite's own tooltips are mouse-only): the values are
 * laid out in lanes — one per series (and small multiple), each in the order the chart shows
 * them — and keys move along a lane or across lanes, as Highcharts' accessibility module does.
 * Pure: no DOM, no vega.
 */
import type { ChartData, ChartDatum } from './data.js';
import type { ResolvedChart } from './options.js';

/** Where the keyboard stands: a lane and a position in it. */
export interface MarkPosition {
  lane: number;
  index: number;
}

/** Datum keys in lanes: series in legend order (then small multiples), values in display order. */
export function markLanes(data: ChartData, chart: ResolvedChart): number[][] {
  const round = chart.type === 'pie' || chart.type === 'donut';
  const laneOf = (v: ChartDatum) => `${v.facet ?? ''}\u0000${round ? '' : (v.series ?? '')}`;
  const lanes = new Map<string, ChartDatum[]>();
  const drawn = data.values.filter((v) => v.y !== null);
  for (const v of drawn) {
    const lane = lanes.get(laneOf(v));
    if (lane) lane.push(v);
    else lanes.set(laneOf(v), [v]);
  }
  const facetRank = (v: ChartDatum) => v.facetRank ?? 0;
  const along = chart.type === 'scatter'
    ? (a: ChartDatum, b: ChartDatum) => Number(a.x) - Number(b.x) || (a.y ?? 0) - (b.y ?? 0)
    : (a: ChartDatum, b: ChartDatum) => a.order - b.order || (a.key ?? 0) - (b.key ?? 0);
  return [...lanes.values()]
    .map((lane) => lane.sort(along))
    .sort((a, b) => facetRank(a[0]!) - facetRank(b[0]!) || (a[0]!.rank ?? 0) - (b[0]!.rank ?? 0))
    .map((lane) => lane.map((v) => v.key!));
}

/**
 * The position after `key`. Along a lane: → ← (↓ ↑ on horizontal bars, where categories run
 * down); across lanes: ↓ ↑ (→ ← on horizontal bars), to the same category when it has one;
 * Home / End: the lane's first and last values. `undefined`: the key does not move.
 */
export function moveMark(lanes: number[][], at: MarkPosition | undefined, key: string, chart: ResolvedChart, data: ChartData): MarkPosition | undefined {
  if (!lanes.length) return undefined;
  if (!at) return ['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp', 'Home', 'End'].includes(key)
    ? { lane: 0, index: key === 'End' ? lanes[0]!.length - 1 : 0 }
    : undefined;
  const horizontal = chart.type === 'bar';
  const single = lanes.length === 1;
  const [next, previous, nextLane, previousLane] = horizontal
    ? ['ArrowDown', 'ArrowUp', 'ArrowRight', 'ArrowLeft']
    : ['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp'];
  const lane = lanes[at.lane]!;
  const clamp = (i: number, n: number) => Math.max(0, Math.min(n - 1, i));
  // one lane (a single series, slices): every arrow walks it
  if (key === next || (single && key === nextLane)) return { lane: at.lane, index: clamp(at.index + 1, lane.length) };
  if (key === previous || (single && key === previousLane)) return { lane: at.lane, index: clamp(at.index - 1, lane.length) };
  if (key === 'Home') return { lane: at.lane, index: 0 };
  if (key === 'End') return { lane: at.lane, index: lane.length - 1 };
  if (key === nextLane || key === previousLane) {
    const to = clamp(at.lane + (key === nextLane ? 1 : -1), lanes.length);
    const x = String(data.values[lane[at.index]!]?.x);
    const same = lanes[to]!.findIndex((k) => String(data.values[k]?.x) === x);
    return { lane: to, index: same >= 0 ? same : clamp(at.index, lanes[to]!.length) };
  }
  return undefined;
}

/** What a screen reader hears for a value: its tooltip lines, then where it stands (« 3 sur 11 »). */
export function markAnnouncement(datum: ChartDatum, position: string): string {
  return `${(datum.tip ?? '').split('\n').join(', ')}. ${position}.`;
}
