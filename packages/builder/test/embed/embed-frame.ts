import '@culture-widgets/table/culture-table.js';
import { mountEmbed } from '../../src/embed.js';

mountEmbed(document.getElementById('widget')!, location.search);
