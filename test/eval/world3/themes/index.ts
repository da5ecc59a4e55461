/** Renders a world-3 site with its theme: every page as [absolute URL, HTML]. */
import type { Site } from '../model.ts';
import { renderAdsManager } from './adsmanager.ts';
import { renderDjClassifieds } from './dj-classifieds.ts';
import { renderDrupalViews } from './drupal-views.ts';
import { renderSigma } from './osclass-sigma.ts';
import { renderAggregator, renderGallery, renderPhpbb, renderPress } from './others.ts';

export function renderSite(site: Site): [string, string][] {
  const pages = (() => {
    switch (site.theme) {
      case 'osclass-sigma':
        return renderSigma(site);
      case 'dj-classifieds':
        return renderDjClassifieds(site);
      case 'adsmanager':
        return renderAdsManager(site);
      case 'drupal-views':
        return renderDrupalViews(site);
      case 'phpbb':
        return renderPhpbb(site);
      case 'press':
        return renderPress(site);
      case 'aggregator':
        return renderAggregator(site, new Map(Object.entries(site.credits ?? {})));
      case 'gallery':
        return renderGallery(site);
    }
  })();
  return pages.map((p) => [`https://${site.domain}${p.path}`, p.html]);
}
