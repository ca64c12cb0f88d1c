// Decompressors of hyparquet-compressors imported one by one: its index also loads a WebAssembly
// snappy (hysnappy), which a `script-src 'self'` page refuses to compile (see parquet.ts).
declare module 'hyparquet-compressors/src/gzip.js' {
  export function gunzip(input: Uint8Array, output?: Uint8Array): Uint8Array;
}
declare module 'hyparquet-compressors/src/lz4.js' {
  export function decompressLz4(input: Uint8Array, outputLength: number): Uint8Array;
  export function decompressLz4Raw(input: Uint8Array, outputLength: number): Uint8Array;
}
