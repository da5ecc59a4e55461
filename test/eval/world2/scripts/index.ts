/** Renders a world-2 site with its script's templates: path → HTML. */
import type { ScriptName, Site } from '../model.ts';
import { renderClassifiedListing } from './classified-listing.ts';
import { renderClassipress } from './classipress.ts';
import { renderOsclassBender } from './osclass-bender.ts';
import { renderDirectory, renderForum, renderPress } from './others.ts';
import { renderWpAdverts } from './wpadverts.ts';
import { renderYclasDefault } from './yclas-default.ts';

export const SCRIPTS: ScriptName[] = [
  'osclass-bender',
  'yclas-default',
  'wpadverts',
  'classipress',
  'classified-listing',
];

const renderers: Record<ScriptName, (site: Site) => Map<string, string>> = {
  'osclass-bender': renderOsclassBender,
  'yclas-default': renderYclasDefault,
  wpadverts: renderWpAdverts,
  classipress: renderClassipress,
  'classified-listing': renderClassifiedListing,
};

export function renderWorld2Site(site: Site): Map<string, string> {
  if (site.kind === 'press') return renderPress(site);
  if (site.kind === 'forum') return renderForum(site);
  if (site.kind === 'directory') return renderDirectory(site);
  return renderers[site.script](site);
}
