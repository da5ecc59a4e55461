/** The demo universe plus clones nobody links to, announces or would generate as lookalikes. */
import { DEMO_UNIVERSE, type Universe, type UniverseHost } from '../../demo/index.ts';

export const HIDDEN_CLONE = 'verger-calme.test';
/** A second one, for tests where names come in several ways. */
export const OTHER_HIDDEN_CLONE = 'colline-douce.test';

export function universeWithHiddenClone(hosts: string[] = [HIDDEN_CLONE]): Universe {
  const model = DEMO_UNIVERSE.hosts.find((h) => h.host === 'annonces-maison-bis.test');
  if (model?.content.kind !== 'classifieds') throw new Error('the demo universe changed: no re-skinned clone');
  const site = model.content.site;
  return {
    ...DEMO_UNIVERSE,
    hosts: [
      ...DEMO_UNIVERSE.hosts,
      ...hosts.map((host) => ({
        ...model,
        host,
        description: 'Clone under an unrelated name, present only in a feed.',
        content: { kind: 'classifieds' as const, site: { ...site, domain: host } },
        discovery: [],
      })),
    ],
  };
}

/** A copy of the demo's photo-only clone (new template, texts, phones, trackers; the ad photos on its ad pages). */
export const PHOTO_ONLY_CLONE = 'ruisseau-clair.test';

export function universeWithPhotoOnlyClone(host = PHOTO_ONLY_CLONE): Universe {
  const model = DEMO_UNIVERSE.hosts.find((h) => h.host === 'services-domicile2.test');
  if (model?.content.kind !== 'classifieds') throw new Error('the demo universe changed: no photo-only clone');
  return {
    ...DEMO_UNIVERSE,
    hosts: [
      ...DEMO_UNIVERSE.hosts,
      {
        ...model,
        host,
        description: 'Photo-only clone under an unrelated name, present only in a feed.',
        content: { ...model.content, site: { ...model.content.site, domain: host } },
        discovery: [],
      },
    ],
  };
}

/** Photo-only gallery clones of Services Domicile (its ad photos re-encoded, captions only: no ad text, no phone). */
export const GALLERY_CLONES = [1, 2, 3, 4, 5].map((i) => `photos-jardin-${i}.test`);

const GALLERY_CAPTIONS = [
  'Salle de bain refaite à neuf',
  'Haie taillée au printemps',
  'Terrasse nettoyée',
  'Cuisine repeinte',
  'Parquet poncé et vitrifié',
  'Allée de jardin désherbée',
  'Volets repeints',
  'Évier débouché, siphon changé',
  'Pelouse tondue',
];

/** A photo-only gallery of Services Domicile under `host`: its ad photos re-encoded, a caption each, nothing else. */
export function galleryHost(host: string): UniverseHost {
  const model = DEMO_UNIVERSE.hosts.find((h) => h.host === 'services-domicile.test');
  if (model?.content.kind !== 'classifieds' || !model.content.photos)
    throw new Error('the demo universe changed: Services Domicile shows no photos');
  const photos = { ...model.content.photos, dir: 'galerie', variant: 'copy' as const };
  return {
    host,
    role: 'clone',
    cloneOf: 'services-domicile',
    description: 'Photo-only gallery: the monitored site’s ad photos with captions, no text ad, no phone.',
    content: { kind: 'gallery', title: 'Nos réalisations', photos, captions: GALLERY_CAPTIONS },
    discovery: [],
  };
}

/** The demo universe plus `hosts`, each a gallery of the monitored site's ad photos, known to nobody. */
export function universeWithGalleryClones(hosts: string[] = GALLERY_CLONES.slice(0, 1)): Universe {
  return { ...DEMO_UNIVERSE, hosts: [...DEMO_UNIVERSE.hosts, ...hosts.map(galleryHost)] };
}
