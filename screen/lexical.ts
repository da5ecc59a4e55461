/**
 * Lexical closeness of a new name to the monitored names: brand tokens of the seeds (and site names) found in
 * the name, and the edit distance of its main label to every seed's. The score (0–1) only ORDERS screening:
 * operators pick unrelated names precisely because lookalikes are watched, so every name is screened anyway.
 */

const MIN_TOKEN = 4;

function mainLabel(hostname: string): string {
  const labels = hostname.split('.');
  // The label left of the public suffix is the brand part for the usual one-label suffixes; for x.co.uk it is
  // "co", which only weakens the ordering of such names, never their screening.
  return labels.length >= 2 ? labels[labels.length - 2] : hostname;
}

function tokensOf(label: string): string[] {
  return label.split(/[^a-z0-9]+/).filter((t) => t.length >= MIN_TOKEN);
}

/** Levenshtein distance, stopped early once it exceeds `max` (returns max + 1 then). */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length];
}

export interface LexicalSeeds {
  /** Seed hostnames of the monitored sites. */
  hostnames: readonly string[];
  /** Site names (their words count as brand tokens too). */
  names?: readonly string[];
}

export type LexicalScorer = (hostname: string) => number;

export function createLexicalScorer(seeds: LexicalSeeds): LexicalScorer {
  const labels = [...new Set(seeds.hostnames.map((h) => mainLabel(h.toLowerCase())))].filter((l) => l.length > 0);
  const tokens = new Set<string>();
  for (const label of labels) for (const t of tokensOf(label)) tokens.add(t);
  for (const name of seeds.names ?? []) for (const t of tokensOf(name.toLowerCase())) tokens.add(t);
  const tokenList = [...tokens];
  return (hostname) => {
    const label = mainLabel(hostname);
    let score = 0;
    // A brand token inside the name ("annonces-soleil-bis"): strong.
    for (const t of tokenList) if (hostname.includes(t)) score = Math.max(score, 0.6 + Math.min(0.3, t.length / 40));
    // Edit distance of the main label to a seed's, relative to its length (1 edit on 10 letters → 0.9).
    for (const seed of labels) {
      const max = Math.max(1, Math.floor(seed.length / 3));
      const d = boundedDistance(label, seed, max);
      if (d <= max) score = Math.max(score, 1 - d / Math.max(seed.length, 1));
    }
    return Math.round(score * 1000) / 1000;
  };
}
