// Fréquentation des monuments nationaux: a JSON array as an Opendatasoft export writes it
// (`geo_point_2d: [lat, lon]`, numbers as numbers, nulls for closed years).
import { prng, seedOf } from '../prng.mjs';

/** name, commune, INSEE, département, région, lat, lon */
const MONUMENTS = [
  ['Arc de triomphe', 'Paris', '75056', 'Paris', 'Île-de-France', 48.8738, 2.295],
  ['Panthéon', 'Paris', '75056', 'Paris', 'Île-de-France', 48.8462, 2.3464],
  ['Sainte-Chapelle', 'Paris', '75056', 'Paris', 'Île-de-France', 48.8554, 2.345],
  ['Conciergerie', 'Paris', '75056', 'Paris', 'Île-de-France', 48.856, 2.3458],
  ['Tours de la cathédrale Notre-Dame', 'Paris', '75056', 'Paris', 'Île-de-France', 48.853, 2.3499],
  ['Hôtel de la Marine', 'Paris', '75056', 'Paris', 'Île-de-France', 48.8667, 2.3223],
  ['Basilique cathédrale de Saint-Denis', 'Saint-Denis', '93066', 'Seine-Saint-Denis', 'Île-de-France', 48.9356, 2.3596],
  ['Château de Vincennes', 'Vincennes', '94080', 'Val-de-Marne', 'Île-de-France', 48.8428, 2.4355],
  ['Villa Savoye', 'Poissy', '78498', 'Yvelines', 'Île-de-France', 48.9245, 2.0283],
  ['Domaine national de Saint-Cloud', 'Saint-Cloud', '92064', 'Hauts-de-Seine', 'Île-de-France', 48.8398, 2.2127],
  ['Château de Champs-sur-Marne', 'Champs-sur-Marne', '77083', 'Seine-et-Marne', 'Île-de-France', 48.8531, 2.6036],
  ['Abbaye du Mont-Saint-Michel', 'Le Mont-Saint-Michel', '50353', 'Manche', 'Normandie', 48.636, -1.5115],
  ['Château d\'Angers', 'Angers', '49007', 'Maine-et-Loire', 'Pays de la Loire', 47.4701, -0.5599],
  ['Château d\'Azay-le-Rideau', 'Azay-le-Rideau', '37014', 'Indre-et-Loire', 'Centre-Val de Loire', 47.2591, 0.4663],
  ['Château de Chaumont', 'Chaumont-sur-Loire', '41045', 'Loir-et-Cher', 'Centre-Val de Loire', 47.4806, 1.1831],
  ['Cloître de la Psalette', 'Tours', '37261', 'Indre-et-Loire', 'Centre-Val de Loire', 47.3955, 0.6941],
  ['Palais Jacques Cœur', 'Bourges', '18033', 'Cher', 'Centre-Val de Loire', 47.0829, 2.3963],
  ['Cité de Carcassonne', 'Carcassonne', '11069', 'Aude', 'Occitanie', 43.2065, 2.3637],
  ['Tours et remparts d\'Aigues-Mortes', 'Aigues-Mortes', '30003', 'Gard', 'Occitanie', 43.5667, 4.1917],
  ['Site archéologique d\'Ensérune', 'Nissan-lez-Enserune', '34183', 'Hérault', 'Occitanie', 43.3103, 3.1153],
  ['Château de Montal', 'Saint-Jean-Lespinasse', '46262', 'Lot', 'Occitanie', 44.8555, 1.8583],
  ['Château d\'If', 'Marseille', '13055', 'Bouches-du-Rhône', "Provence-Alpes-Côte d'Azur", 43.2798, 5.3253],
  ['Site archéologique de Glanum', 'Saint-Rémy-de-Provence', '13100', 'Bouches-du-Rhône', "Provence-Alpes-Côte d'Azur", 43.7739, 4.8326],
  ['Abbaye du Thoronet', 'Le Thoronet', '83136', 'Var', "Provence-Alpes-Côte d'Azur", 43.4603, 6.2639],
  ['Villa Kérylos', 'Beaulieu-sur-Mer', '06011', 'Alpes-Maritimes', "Provence-Alpes-Côte d'Azur", 43.7066, 7.3363],
  ['Monastère royal de Brou', 'Bourg-en-Bresse', '01053', 'Ain', 'Auvergne-Rhône-Alpes', 46.1981, 5.2347],
  ['Château de Chareil-Cintrat', 'Chareil-Cintrat', '03058', 'Allier', 'Auvergne-Rhône-Alpes', 46.2667, 3.2333],
  ['Abbaye de Cluny', 'Cluny', '71137', 'Saône-et-Loire', 'Bourgogne-Franche-Comté', 46.4344, 4.6592],
  ['Château de Bussy-Rabutin', 'Bussy-le-Grand', '21118', "Côte-d'Or", 'Bourgogne-Franche-Comté', 47.5558, 4.5269],
  ['Palais du Tau', 'Reims', '51454', 'Marne', 'Grand Est', 49.2533, 4.0339],
  ['Tours de la cathédrale de Reims', 'Reims', '51454', 'Marne', 'Grand Est', 49.2536, 4.0342],
  ['Château de Pierrefonds', 'Pierrefonds', '60491', 'Oise', 'Hauts-de-France', 49.3472, 2.98],
  ['Château de Coucy', 'Coucy-le-Château-Auffrique', '02217', 'Aisne', 'Hauts-de-France', 49.5206, 3.3161],
  ['Tours de la cathédrale d\'Amiens', 'Amiens', '80021', 'Somme', 'Hauts-de-France', 49.8947, 2.3022],
  ['Château de Cadillac', 'Cadillac', '33081', 'Gironde', 'Nouvelle-Aquitaine', 44.6372, -0.3186],
  ['Abbaye de Charroux', 'Charroux', '86061', 'Vienne', 'Nouvelle-Aquitaine', 46.1431, 0.4039],
  ['Grotte de Font-de-Gaume', 'Les Eyzies', '24172', 'Dordogne', 'Nouvelle-Aquitaine', 44.9356, 1.0264],
  ['Tours de La Rochelle', 'La Rochelle', '17300', 'Charente-Maritime', 'Nouvelle-Aquitaine', 46.1558, -1.1539],
  ['Site des mégalithes de Locmariaquer', 'Locmariaquer', '56116', 'Morbihan', 'Bretagne', 47.5714, -2.9478],
  ['Alignements de Carnac', 'Carnac', '56034', 'Morbihan', 'Bretagne', 47.5953, -3.0764],
  ['Maison de George Sand', 'Nohant-Vic', '36143', 'Indre', 'Centre-Val de Loire', 46.6292, 1.9757],
];

export function monumentRecords() {
  const rnd = prng(seedOf('monuments'));
  const records = [];
  for (const [monument, commune, insee, departement, region, lat, lon] of MONUMENTS) {
    const base = Math.round(Math.exp(11.5 + 1.1 * rnd.normal()));
    for (const annee of [2019, 2020, 2021, 2022]) {
      const factor = { 2019: 1, 2020: 0.35, 2021: 0.55, 2022: 0.95 }[annee];
      records.push({
        monument, annee, region, departement, commune, code_insee: insee,
        frequentation: annee === 2020 && rnd.chance(0.1) ? null : Math.round(base * factor * (0.9 + 0.2 * rnd.next())),
        dont_gratuit: null,
        geo_point_2d: [lat, lon],
      });
    }
  }
  return records;
}

export const monumentsBytes = () => Buffer.from(JSON.stringify(monumentRecords()), 'utf8');
