/** The demo universe plus clones nobody links to, announces or would generate as lookalikes. */
import { DEMO_UNIVERSE, type Universe } from '../../demo/index.ts';

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
