/** The demo universe plus one clone nobody links to, announces or would generate as a lookalike. */
import { DEMO_UNIVERSE, type Universe } from '../../demo/index.ts';

export const HIDDEN_CLONE = 'verger-calme.test';

export function universeWithHiddenClone(): Universe {
  const model = DEMO_UNIVERSE.hosts.find((h) => h.host === 'annonces-maison-bis.test');
  if (model?.content.kind !== 'classifieds') throw new Error('the demo universe changed: no re-skinned clone');
  return {
    ...DEMO_UNIVERSE,
    hosts: [
      ...DEMO_UNIVERSE.hosts,
      {
        ...model,
        host: HIDDEN_CLONE,
        description: 'Clone under an unrelated name, present only in a feed.',
        content: { kind: 'classifieds', site: { ...model.content.site, domain: HIDDEN_CLONE } },
        discovery: [],
      },
    ],
  };
}
