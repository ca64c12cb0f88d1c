/**
 * The parse worker: bytes in, a column Table out (typed arrays transferred, not copied).
 * Started by worker-client.ts; it holds no state between messages.
 */
import { CultureError } from './errors.js';
import { parseBytes } from './parse.js';
import { transferables } from './table.js';
import type { FileFormat } from './parse.js';

interface WorkerScope {
  onmessage: ((event: MessageEvent<{ bytes: Uint8Array; format: FileFormat }>) => void) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
}
const scope = globalThis as unknown as WorkerScope;

// tells the page the script loaded: only then are the bytes transferred (not copied) to us
scope.postMessage({ ready: true });

scope.onmessage = ({ data }) => {
  try {
    const table = parseBytes(data.bytes, data.format);
    // one message per column: the page deserializes each in its own short task
    table.data.forEach((column, i) => {
      const part = { columns: [table.columns[i]!], data: [column], length: table.length };
      scope.postMessage({ column: { info: part.columns[0], data: column } }, transferables(part));
    });
    scope.postMessage({ done: { length: table.length } });
  } catch (error) {
    const code = error instanceof CultureError ? error.code : 'parse';
    const details = error instanceof CultureError ? error.details : { cause: String(error) };
    scope.postMessage({ error: { code, details } });
  }
};
