// The library as a copied snippet loads it (`<script type="module" src="…/culture-widgets.js">`),
// from the sources: tests point the builder's `script-base` here (no build needed).
export * from 'culture-widgets';
