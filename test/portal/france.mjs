// Reference geography for the generated data: régions, départements, a few communes each.
// Names and INSEE codes follow the COG; coordinates are rounded public facts. Not exhaustive:
// enough for data that reads like the real culture files.

/** Régions since 2016: code → name. */
export const REGIONS = {
  '11': 'Île-de-France', '24': 'Centre-Val de Loire', '27': 'Bourgogne-Franche-Comté',
  '28': 'Normandie', '32': 'Hauts-de-France', '44': 'Grand Est', '52': 'Pays de la Loire',
  '53': 'Bretagne', '75': 'Nouvelle-Aquitaine', '76': 'Occitanie', '84': 'Auvergne-Rhône-Alpes',
  '93': "Provence-Alpes-Côte d'Azur", '94': 'Corse', '01': 'Guadeloupe', '02': 'Martinique',
  '03': 'Guyane', '04': 'La Réunion', '06': 'Mayotte',
};

/** code, name, région code, région before 2016, chef-lieu, its INSEE code, lat, lon */
const ROWS = [
  ['01', 'Ain', '84', 'Rhône-Alpes', 'Bourg-en-Bresse', '01053', 46.205, 5.226],
  ['02', 'Aisne', '32', 'Picardie', 'Laon', '02408', 49.564, 3.62],
  ['03', 'Allier', '84', 'Auvergne', 'Moulins', '03190', 46.566, 3.333],
  ['04', 'Alpes-de-Haute-Provence', '93', "Provence-Alpes-Côte d'Azur", 'Digne-les-Bains', '04070', 44.092, 6.236],
  ['05', 'Hautes-Alpes', '93', "Provence-Alpes-Côte d'Azur", 'Gap', '05061', 44.559, 6.079],
  ['06', 'Alpes-Maritimes', '93', "Provence-Alpes-Côte d'Azur", 'Nice', '06088', 43.703, 7.266],
  ['07', 'Ardèche', '84', 'Rhône-Alpes', 'Privas', '07186', 44.735, 4.599],
  ['08', 'Ardennes', '44', 'Champagne-Ardenne', 'Charleville-Mézières', '08105', 49.762, 4.726],
  ['09', 'Ariège', '76', 'Midi-Pyrénées', 'Foix', '09122', 42.965, 1.607],
  ['10', 'Aube', '44', 'Champagne-Ardenne', 'Troyes', '10387', 48.297, 4.074],
  ['11', 'Aude', '76', 'Languedoc-Roussillon', 'Carcassonne', '11069', 43.213, 2.349],
  ['12', 'Aveyron', '76', 'Midi-Pyrénées', 'Rodez', '12202', 44.351, 2.575],
  ['13', 'Bouches-du-Rhône', '93', "Provence-Alpes-Côte d'Azur", 'Marseille', '13055', 43.296, 5.37],
  ['14', 'Calvados', '28', 'Basse-Normandie', 'Caen', '14118', 49.183, -0.371],
  ['15', 'Cantal', '84', 'Auvergne', 'Aurillac', '15014', 44.926, 2.44],
  ['16', 'Charente', '75', 'Poitou-Charentes', 'Angoulême', '16015', 45.648, 0.156],
  ['17', 'Charente-Maritime', '75', 'Poitou-Charentes', 'La Rochelle', '17300', 46.16, -1.151],
  ['18', 'Cher', '24', 'Centre', 'Bourges', '18033', 47.081, 2.399],
  ['19', 'Corrèze', '75', 'Limousin', 'Tulle', '19272', 45.267, 1.77],
  ['2A', 'Corse-du-Sud', '94', 'Corse', 'Ajaccio', '2A004', 41.919, 8.738],
  ['2B', 'Haute-Corse', '94', 'Corse', 'Bastia', '2B033', 42.697, 9.45],
  ['21', "Côte-d'Or", '27', 'Bourgogne', 'Dijon', '21231', 47.322, 5.041],
  ['22', "Côtes-d'Armor", '53', 'Bretagne', 'Saint-Brieuc', '22278', 48.514, -2.765],
  ['23', 'Creuse', '75', 'Limousin', 'Guéret', '23096', 46.171, 1.871],
  ['24', 'Dordogne', '75', 'Aquitaine', 'Périgueux', '24322', 45.184, 0.721],
  ['25', 'Doubs', '27', 'Franche-Comté', 'Besançon', '25056', 47.238, 6.024],
  ['26', 'Drôme', '84', 'Rhône-Alpes', 'Valence', '26362', 44.933, 4.892],
  ['27', 'Eure', '28', 'Haute-Normandie', 'Évreux', '27229', 49.027, 1.151],
  ['28', 'Eure-et-Loir', '24', 'Centre', 'Chartres', '28085', 48.446, 1.489],
  ['29', 'Finistère', '53', 'Bretagne', 'Quimper', '29232', 47.996, -4.102],
  ['30', 'Gard', '76', 'Languedoc-Roussillon', 'Nîmes', '30189', 43.837, 4.36],
  ['31', 'Haute-Garonne', '76', 'Midi-Pyrénées', 'Toulouse', '31555', 43.605, 1.444],
  ['32', 'Gers', '76', 'Midi-Pyrénées', 'Auch', '32013', 43.646, 0.586],
  ['33', 'Gironde', '75', 'Aquitaine', 'Bordeaux', '33063', 44.838, -0.579],
  ['34', 'Hérault', '76', 'Languedoc-Roussillon', 'Montpellier', '34172', 43.611, 3.877],
  ['35', 'Ille-et-Vilaine', '53', 'Bretagne', 'Rennes', '35238', 48.117, -1.678],
  ['36', 'Indre', '24', 'Centre', 'Châteauroux', '36044', 46.811, 1.686],
  ['37', 'Indre-et-Loire', '24', 'Centre', 'Tours', '37261', 47.394, 0.685],
  ['38', 'Isère', '84', 'Rhône-Alpes', 'Grenoble', '38185', 45.188, 5.724],
  ['39', 'Jura', '27', 'Franche-Comté', 'Lons-le-Saunier', '39300', 46.675, 5.555],
  ['40', 'Landes', '75', 'Aquitaine', 'Mont-de-Marsan', '40192', 43.89, -0.5],
  ['41', 'Loir-et-Cher', '24', 'Centre', 'Blois', '41018', 47.586, 1.336],
  ['42', 'Loire', '84', 'Rhône-Alpes', 'Saint-Étienne', '42218', 45.439, 4.387],
  ['43', 'Haute-Loire', '84', 'Auvergne', 'Le Puy-en-Velay', '43157', 45.043, 3.885],
  ['44', 'Loire-Atlantique', '52', 'Pays de la Loire', 'Nantes', '44109', 47.218, -1.554],
  ['45', 'Loiret', '24', 'Centre', 'Orléans', '45234', 47.903, 1.909],
  ['46', 'Lot', '76', 'Midi-Pyrénées', 'Cahors', '46042', 44.448, 1.441],
  ['47', 'Lot-et-Garonne', '75', 'Aquitaine', 'Agen', '47001', 44.203, 0.616],
  ['48', 'Lozère', '76', 'Languedoc-Roussillon', 'Mende', '48095', 44.518, 3.5],
  ['49', 'Maine-et-Loire', '52', 'Pays de la Loire', 'Angers', '49007', 47.478, -0.563],
  ['50', 'Manche', '28', 'Basse-Normandie', 'Saint-Lô', '50502', 49.116, -1.091],
  ['51', 'Marne', '44', 'Champagne-Ardenne', 'Châlons-en-Champagne', '51108', 48.957, 4.363],
  ['52', 'Haute-Marne', '44', 'Champagne-Ardenne', 'Chaumont', '52121', 48.111, 5.139],
  ['53', 'Mayenne', '52', 'Pays de la Loire', 'Laval', '53130', 48.073, -0.77],
  ['54', 'Meurthe-et-Moselle', '44', 'Lorraine', 'Nancy', '54395', 48.692, 6.184],
  ['55', 'Meuse', '44', 'Lorraine', 'Bar-le-Duc', '55029', 48.773, 5.16],
  ['56', 'Morbihan', '53', 'Bretagne', 'Vannes', '56260', 47.658, -2.76],
  ['57', 'Moselle', '44', 'Lorraine', 'Metz', '57463', 49.119, 6.176],
  ['58', 'Nièvre', '27', 'Bourgogne', 'Nevers', '58194', 46.99, 3.159],
  ['59', 'Nord', '32', 'Nord-Pas-de-Calais', 'Lille', '59350', 50.629, 3.057],
  ['60', 'Oise', '32', 'Picardie', 'Beauvais', '60057', 49.43, 2.081],
  ['61', 'Orne', '28', 'Basse-Normandie', 'Alençon', '61001', 48.432, 0.091],
  ['62', 'Pas-de-Calais', '32', 'Nord-Pas-de-Calais', 'Arras', '62041', 50.291, 2.777],
  ['63', 'Puy-de-Dôme', '84', 'Auvergne', 'Clermont-Ferrand', '63113', 45.778, 3.087],
  ['64', 'Pyrénées-Atlantiques', '75', 'Aquitaine', 'Pau', '64445', 43.295, -0.37],
  ['65', 'Hautes-Pyrénées', '76', 'Midi-Pyrénées', 'Tarbes', '65440', 43.233, 0.078],
  ['66', 'Pyrénées-Orientales', '76', 'Languedoc-Roussillon', 'Perpignan', '66136', 42.699, 2.895],
  ['67', 'Bas-Rhin', '44', 'Alsace', 'Strasbourg', '67482', 48.573, 7.752],
  ['68', 'Haut-Rhin', '44', 'Alsace', 'Colmar', '68066', 48.079, 7.358],
  ['69', 'Rhône', '84', 'Rhône-Alpes', 'Lyon', '69123', 45.764, 4.836],
  ['70', 'Haute-Saône', '27', 'Franche-Comté', 'Vesoul', '70550', 47.62, 6.155],
  ['71', 'Saône-et-Loire', '27', 'Bourgogne', 'Mâcon', '71270', 46.307, 4.829],
  ['72', 'Sarthe', '52', 'Pays de la Loire', 'Le Mans', '72181', 48.006, 0.199],
  ['73', 'Savoie', '84', 'Rhône-Alpes', 'Chambéry', '73065', 45.564, 5.918],
  ['74', 'Haute-Savoie', '84', 'Rhône-Alpes', 'Annecy', '74010', 45.899, 6.129],
  ['75', 'Paris', '11', 'Île-de-France', 'Paris', '75056', 48.857, 2.352],
  ['76', 'Seine-Maritime', '28', 'Haute-Normandie', 'Rouen', '76540', 49.443, 1.1],
  ['77', 'Seine-et-Marne', '11', 'Île-de-France', 'Melun', '77288', 48.539, 2.661],
  ['78', 'Yvelines', '11', 'Île-de-France', 'Versailles', '78646', 48.804, 2.13],
  ['79', 'Deux-Sèvres', '75', 'Poitou-Charentes', 'Niort', '79191', 46.323, -0.465],
  ['80', 'Somme', '32', 'Picardie', 'Amiens', '80021', 49.894, 2.296],
  ['81', 'Tarn', '76', 'Midi-Pyrénées', 'Albi', '81004', 43.929, 2.148],
  ['82', 'Tarn-et-Garonne', '76', 'Midi-Pyrénées', 'Montauban', '82121', 44.018, 1.355],
  ['83', 'Var', '93', "Provence-Alpes-Côte d'Azur", 'Toulon', '83137', 43.124, 5.928],
  ['84', 'Vaucluse', '93', "Provence-Alpes-Côte d'Azur", 'Avignon', '84007', 43.949, 4.806],
  ['85', 'Vendée', '52', 'Pays de la Loire', 'La Roche-sur-Yon', '85191', 46.67, -1.426],
  ['86', 'Vienne', '75', 'Poitou-Charentes', 'Poitiers', '86194', 46.58, 0.34],
  ['87', 'Haute-Vienne', '75', 'Limousin', 'Limoges', '87085', 45.834, 1.261],
  ['88', 'Vosges', '44', 'Lorraine', 'Épinal', '88160', 48.173, 6.45],
  ['89', 'Yonne', '27', 'Bourgogne', 'Auxerre', '89024', 47.798, 3.567],
  ['90', 'Territoire de Belfort', '27', 'Franche-Comté', 'Belfort', '90010', 47.64, 6.863],
  ['91', 'Essonne', '11', 'Île-de-France', 'Évry-Courcouronnes', '91228', 48.629, 2.441],
  ['92', 'Hauts-de-Seine', '11', 'Île-de-France', 'Nanterre', '92050', 48.892, 2.207],
  ['93', 'Seine-Saint-Denis', '11', 'Île-de-France', 'Bobigny', '93008', 48.908, 2.44],
  ['94', 'Val-de-Marne', '11', 'Île-de-France', 'Créteil', '94028', 48.79, 2.455],
  ['95', "Val-d'Oise", '11', 'Île-de-France', 'Cergy', '95127', 49.036, 2.076],
  ['971', 'Guadeloupe', '01', 'Guadeloupe', 'Basse-Terre', '97105', 15.998, -61.726],
  ['972', 'Martinique', '02', 'Martinique', 'Fort-de-France', '97209', 14.616, -61.059],
  ['973', 'Guyane', '03', 'Guyane', 'Cayenne', '97302', 4.938, -52.326],
  ['974', 'La Réunion', '04', 'La Réunion', 'Saint-Denis', '97411', -20.882, 55.45],
  ['976', 'Mayotte', '06', 'Mayotte', 'Mamoudzou', '97611', -12.781, 45.228],
];

/** Other towns with museums or venues: name, INSEE code, lat, lon (département = code prefix). */
const TOWNS = [
  ['Arles', '13004', 43.677, 4.631], ['Aix-en-Provence', '13001', 43.529, 5.447],
  ['Cannes', '06029', 43.552, 7.017], ['Antibes', '06004', 43.58, 7.125], ['Menton', '06083', 43.775, 7.497],
  ['Vence', '06157', 43.722, 7.112], ['Bayonne', '64102', 43.493, -1.475], ['Biarritz', '64122', 43.483, -1.559],
  ['Saint-Malo', '35288', 48.649, -2.025], ['Vitré', '35360', 48.124, -1.209], ['Brest', '29019', 48.39, -4.486],
  ['Pont-Aven', '29217', 47.855, -3.747], ['Lorient', '56121', 47.748, -3.37], ['Le Havre', '76351', 49.494, 0.108],
  ['Dieppe', '76217', 49.923, 1.078], ['Fécamp', '76259', 49.757, 0.375], ['Honfleur', '14333', 49.419, 0.233],
  ['Bayeux', '14047', 49.276, -0.703], ['Cherbourg-en-Cotentin', '50129', 49.633, -1.616],
  ['Reims', '51454', 49.258, 4.032], ['Épernay', '51230', 49.041, 3.96], ['Mulhouse', '68224', 47.75, 7.336],
  ['Roubaix', '59512', 50.691, 3.174], ['Tourcoing', '59599', 50.724, 3.161], ['Dunkerque', '59183', 51.034, 2.377],
  ['Villeneuve-d\'Ascq', '59009', 50.623, 3.145], ['Cambrai', '59122', 50.176, 3.235], ['Valenciennes', '59606', 50.358, 3.523],
  ['Calais', '62193', 50.951, 1.858], ['Boulogne-sur-Mer', '62160', 50.726, 1.614], ['Lens', '62498', 50.432, 2.833],
  ['Saint-Quentin', '02691', 49.848, 3.287], ['Compiègne', '60159', 49.418, 2.826], ['Chantilly', '60141', 49.194, 2.471],
  ['Fontainebleau', '77186', 48.405, 2.701], ['Saint-Germain-en-Laye', '78551', 48.898, 2.094],
  ['Sceaux', '92071', 48.776, 2.29], ['Saint-Denis', '93066', 48.936, 2.358], ['Vincennes', '94080', 48.847, 2.439],
  ['Écouen', '95205', 49.019, 2.383], ['Auvers-sur-Oise', '95039', 49.072, 2.17], ['Castres', '81065', 43.606, 2.241],
  ['Sète', '34301', 43.403, 3.693], ['Béziers', '34032', 43.344, 3.216], ['Lodève', '34142', 43.731, 3.319],
  ['Narbonne', '11262', 43.184, 3.004], ['Collioure', '66053', 42.525, 3.083], ['Céret', '66049', 42.485, 2.748],
  ['Millau', '12145', 44.098, 3.078], ['Figeac', '46102', 44.609, 2.032], ['Lourdes', '65286', 43.095, -0.046],
  ['Roanne', '42187', 46.036, 4.068], ['Vienne', '38544', 45.526, 4.874], ['Évian-les-Bains', '74119', 46.401, 6.59],
  ['Cognac', '16102', 45.696, -0.329], ['Rochefort', '17299', 45.942, -0.958], ['Saintes', '17415', 45.745, -0.633],
  ['Sarlat-la-Canéda', '24520', 44.89, 1.216], ['Les Eyzies', '24172', 44.937, 1.013], ['Arcachon', '33009', 44.658, -1.168],
  ['Libourne', '33243', 44.915, -0.244], ['Amboise', '37003', 47.412, 0.982], ['Chinon', '37072', 47.167, 0.242],
  ['Cholet', '49099', 47.06, -0.879], ['Saumur', '49328', 47.26, -0.077], ['Guérande', '44069', 47.328, -2.429],
  ['Saint-Nazaire', '44184', 47.273, -2.214], ['Dinan', '22050', 48.455, -2.05], ['Lannion', '22113', 48.733, -3.457],
  ['Beaune', '21054', 47.025, 4.84], ['Autun', '71014', 46.951, 4.299], ['Cluny', '71137', 46.434, 4.659],
  ['Le Creusot', '71153', 46.807, 4.416], ['Sens', '89387', 48.197, 3.283], ['Vézelay', '89446', 47.466, 3.744],
  ['Montbéliard', '25388', 47.51, 6.798], ['Ornans', '25434', 47.106, 6.144], ['Dole', '39198', 47.092, 5.49],
  ['Arbois', '39013', 46.903, 5.774], ['Lunéville', '54329', 48.589, 6.496], ['Sarreguemines', '57631', 49.11, 7.068],
  ['Verdun', '55545', 49.16, 5.384], ['Sélestat', '67462', 48.259, 7.454], ['Langres', '52269', 47.862, 5.333],
  ['Sedan', '08409', 49.702, 4.94], ['Moissac', '82112', 44.105, 1.085], ['Uzès', '30334', 44.012, 4.42],
  ['Alès', '30007', 44.125, 4.081], ['Orange', '84087', 44.138, 4.807], ['Carpentras', '84031', 44.055, 5.048],
  ["L'Isle-sur-la-Sorgue", '84054', 43.919, 5.051], ['Hyères', '83069', 43.12, 6.13], ['Fréjus', '83061', 43.433, 6.737],
  ['Saint-Tropez', '83119', 43.27, 6.64], ['Sartène', '2A272', 41.621, 8.975], ['Corte', '2B096', 42.306, 9.15],
  ['Saint-Pierre', '97416', -21.339, 55.478], ['Saint-Paul', '97415', -21.009, 55.27],
  ['Pointe-à-Pitre', '97120', 16.241, -61.533], ['Saint-Laurent-du-Maroni', '97311', 5.498, -54.031],
  ['Le Lamentin', '97213', 14.613, -61.0], ['Annonay', '07010', 45.24, 4.671], ['Oyonnax', '01283', 46.256, 5.655],
  ['Vichy', '03310', 46.128, 3.426], ['Montluçon', '03185', 46.34, 2.603], ['Thiers', '63430', 45.856, 3.548],
  ['Riom', '63300', 45.894, 3.113], ['Grasse', '06069', 43.658, 6.923], ['Nogent-sur-Seine', '10268', 48.494, 3.502],
];

export const DEPARTEMENTS = ROWS.map(([code, nom, region, ancienneRegion, chefLieu, insee, lat, lon]) => ({
  code, nom, region, regionNom: REGIONS[region], ancienneRegion,
  communes: [{ nom: chefLieu, insee, lat, lon }],
}));

const byCode = new Map(DEPARTEMENTS.map((d) => [d.code, d]));
for (const [nom, insee, lat, lon] of TOWNS) {
  const dep = byCode.get(insee.startsWith('97') ? insee.slice(0, 3) : insee.slice(0, 2));
  dep.communes.push({ nom, insee, lat, lon });
}

/** Every commune with its département attached, for picking venues anywhere. */
export const COMMUNES = DEPARTEMENTS.flatMap((d) => d.communes.map((c) => ({ ...c, departement: d })));

/** A postal code that looks right for a commune (not the INSEE code: they differ in real life). */
export function postalCode(commune, rnd) {
  const dep = commune.departement.code;
  if (dep === '2A' || dep === '2B') return `20${dep === '2A' ? 0 : 2}${rnd.int(0, 9)}0`;
  if (dep.length === 3) return `${dep}${rnd.int(0, 9)}0`;
  return `${dep}${rnd.int(0, 9)}${rnd.int(0, 9)}0`;
}

/** "ILE-DE-FRANCE": the upper-case, accent-free labels of older exports. */
export const shout = (text) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase();
