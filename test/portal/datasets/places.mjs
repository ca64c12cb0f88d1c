// Lieux culturels en GeoJSON: points ([lon, lat], as GeoJSON wants), a few without geometry.
import { COMMUNES } from '../france.mjs';
import { prng, seedOf } from '../prng.mjs';

const TYPES = ['Musée', 'Théâtre', 'Cinéma', 'Bibliothèque', 'Conservatoire', 'Salle de concert',
  "Centre d'art", 'Monument', 'Archives', 'Scène nationale'];
const LABELS = [null, null, null, 'Musée de France', 'Scène nationale', 'Maison des Illustres', 'Centre culturel de rencontre'];

export function placesGeoJson() {
  const rnd = prng(seedOf('lieux-culturels'));
  const features = [];
  for (let k = 1; k <= 360; k++) {
    const commune = rnd.pick(COMMUNES);
    const dep = commune.departement;
    const type = rnd.pick(TYPES);
    const lon = +(commune.lon + rnd.normal() * 0.015).toFixed(6);
    const lat = +(commune.lat + rnd.normal() * 0.015).toFixed(6);
    features.push({
      type: 'Feature',
      geometry: k % 120 === 0 ? null : { type: 'Point', coordinates: [lon, lat] },
      properties: {
        identifiant: `LC${String(k).padStart(5, '0')}`,
        nom: `${type} ${rnd.chance(0.5) ? `de ${commune.nom}` : `${rnd.pick(['Jean-Vilar', 'Molière', 'Le Rex', 'Louis-Aragon', 'Les Halles', 'La Coursive'])}`}`,
        type_equipement: type,
        label: rnd.pick(LABELS),
        commune: commune.nom,
        code_insee: commune.insee,
        departement: dep.nom,
        code_departement: dep.code,
        region: dep.regionNom,
        code_region: dep.region,
        fauteuils: type === 'Théâtre' || type === 'Cinéma' || type === 'Salle de concert' ? rnd.int(80, 1500) : null,
      },
    });
  }
  return { type: 'FeatureCollection', name: 'lieux-culturels', features };
}

export const placesBytes = () => Buffer.from(JSON.stringify(placesGeoJson()), 'utf8');
