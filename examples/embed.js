// The embed page: renders the widget its query string names, and tells the host page its height.
import { mountEmbed } from '../dist/culture-widgets.js';

const root = document.getElementById('widget');
const lang = new URLSearchParams(location.search).get('lang');
if (lang === 'en' || lang === 'fr') document.documentElement.lang = lang;
mountEmbed(root, location.search);
