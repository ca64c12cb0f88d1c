import '../site/culture-widgets.js';
import { HOSTS_META, mountEmbed } from '../../src/embed.js';

// This deployment lists the sample portal (as `npm start` does for examples/embed.html).
const { base } = (await (await fetch('/__portal__.json')).json()) as { base: string };
const meta = Object.assign(document.createElement('meta'), { name: HOSTS_META, content: base });
document.head.append(meta);
mountEmbed(document.getElementById('widget')!, location.search);
