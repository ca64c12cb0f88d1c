/**
 * When an equality filter matches nothing (`regions = Bretagnee`), the real values closest to
 * what was typed (« BRETAGNE (722) »): compared without case, accents or extra spaces, then by
 * spelling (a few letters off). Pure: index.ts counts the values.
 */
import { foldText } from './columns.js';

export interface ValueCount {
  value: string;
  count: number;
}

/** Edits (insert, delete, replace) from `a` to `b`, stopping early past `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      best = Math.min(best, current[j]!);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Up to `max` values close to `wanted`: the same once folded first, then those a few edits away
 * (a third of the length at most) or holding it whole; the most frequent first among equals.
 */
export function closestValues(wanted: string, values: readonly ValueCount[], max = 5): ValueCount[] {
  const target = foldText(wanted);
  if (!target) return [];
  const limit = Math.max(1, Math.floor(target.length / 3));
  const scored: { value: ValueCount; score: number }[] = [];
  for (const value of values) {
    if (value.value === wanted) continue;
    const folded = foldText(value.value);
    if (!folded) continue;
    const edits = distance(target, folded, limit);
    const contains = target.length >= 3 && (folded.includes(target) || target.includes(folded));
    if (edits > limit && !contains) continue;
    scored.push({ value, score: Math.min(edits, contains ? limit : edits) });
  }
  scored.sort((a, b) => a.score - b.score || b.value.count - a.value.count);
  return scored.slice(0, max).map((s) => s.value);
}
