// leaflet 1.9 ships no ESM entry in package.json: we import its ESM build by path, typed as `leaflet`.
declare module 'leaflet/dist/leaflet-src.esm.js' {
  export * from 'leaflet';
}
