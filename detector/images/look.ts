/**
 * The look of a site: the perceptual hash of its home page's above-the-fold screenshot. It survives a rebuilt DOM
 * (same picture, new markup) and a removed logo (a small area of a whole screen), which is the evasion that defeats
 * logo-based visual detectors; it is a layout signal, combined with the DOM layout by the stronger of the two.
 */
import type { DetectorThresholds, Evidence, PageFeatures, SiteProfile } from '../types.ts';
import { hashDistance } from './photos.ts';

type LookEvidence = Extract<Evidence, { kind: 'look' }>;

/** The home page's screenshot hash (the shallowest path with one), else the first page that has one. */
export function siteLook(pages: PageFeatures[]): string | null {
  const withLook = pages.filter((p) => p.look);
  if (withLook.length === 0) return null;
  const home = withLook.find((p) => p.path === '/' || p.path === '');
  return (home ?? [...withLook].sort((a, b) => a.path.length - b.path.length)[0]).look ?? null;
}

export interface LookSignal {
  value: number | null;
  evidence: LookEvidence[];
}

export function lookSignal(ref: SiteProfile, cand: SiteProfile, t: DetectorThresholds): LookSignal {
  if (!ref.look || !cand.look) return { value: null, evidence: [] };
  const distance = hashDistance(ref.look, cand.look);
  return { value: Math.max(0, 1 - distance / t.lookZeroDistance), evidence: [{ kind: 'look', distance }] };
}
