/**
 * `join="pop on code_departement = DEP"`, as the author wrote it: the other side and the two keys.
 * Small on purpose: every element reads it before the shaping code (join.ts, shaped.ts) loads.
 */
import { CultureError } from './errors.js';

/** What the author wrote: the other side (a `<culture-source>` id or a dataset reference) and the two keys. */
export interface JoinRef {
  ref: string;
  left: string;
  right: string;
}

const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);

/** Reads one name: quoted (`"Code département"`, `""` for `"`) or bare up to `stop`. */
function readName(text: string, from: number, stop: string): { name: string; end: number } {
  let i = from;
  while (isSpace(text[i])) i++;
  if (text[i] === '"' || text[i] === "'") {
    const quote = text[i]!;
    let name = '';
    i++;
    for (;;) {
      if (i >= text.length) return { name: '', end: -1 };
      if (text[i] === quote) {
        if (text[i + 1] === quote) { name += quote; i += 2; continue; }
        i++;
        break;
      }
      name += text[i++];
    }
    return { name, end: i };
  }
  const start = i;
  while (i < text.length && !stop.includes(text[i]!)) i++;
  return { name: text.slice(start, i).trim(), end: i };
}

/** Parses `REF on LEFT = RIGHT`; names may be quoted. Throws `bad-expression` with the expected form. */
export function parseJoin(text: string): JoinRef {
  const source = text ?? '';
  const fail = (): never => { throw new CultureError('bad-expression', { reason: 'join-syntax', expression: source }); };
  // the first ` on ` outside quotes (a dataset URL has no spaces)
  let quote = '';
  let at = -1;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (quote) { if (c === quote) quote = ''; continue; }
    if (c === '"') { quote = c; continue; }
    if (isSpace(c) && /^\s+on\s/i.test(source.slice(i))) { at = i; break; }
  }
  if (at < 0) fail();
  const ref = source.slice(0, at).trim();
  const rest = source.slice(at).replace(/^\s+on\s/i, '');
  const left = readName(rest, 0, '=');
  if (!ref || !left.name || left.end < 0) fail();
  let i = left.end;
  while (isSpace(rest[i])) i++;
  if (rest[i] !== '=') fail();
  const right = readName(rest, i + 1, '');
  if (!right.name || right.end < 0 || rest.slice(right.end).trim() !== '') fail();
  return { ref: ref.replace(/^"(.*)"$/, '$1'), left: left.name, right: right.name };
}
