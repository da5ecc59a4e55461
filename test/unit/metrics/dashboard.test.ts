/**
 * docs/grafana-dashboard.json queries only what `phenix serve` exports: every metric name exists in the registry and
 * every label a panel groups or filters by is one of that metric's labels (prom-client refuses a value with a label
 * it was not declared with). The dashboard is a Grafana import file: a Prometheus data-source input, panels with a
 * position and at least one query each.
 */
import { readFileSync } from 'node:fs';
import { Counter, Gauge, Histogram } from 'prom-client';
import { describe, expect, it } from 'vitest';
import type { Executor } from '../../../db/index.ts';
import { createMetrics } from '../../../metrics/index.ts';

interface Panel {
  title: string;
  gridPos?: { w: number; h: number };
  targets?: { expr: string; datasource?: unknown }[];
}
const dashboard = JSON.parse(readFileSync(new URL('../../../docs/grafana-dashboard.json', import.meta.url), 'utf8'));
const panels = dashboard.panels as Panel[];
const queries = panels.flatMap((p) => (p.targets ?? []).map((t) => ({ panel: p.title, expr: t.expr })));

/** Label names a query uses on a metric: `by (…)` groupings and `{label="…"}` selectors (le is the histogram's). */
function labelsUsed(expr: string): string[] {
  const names = new Set<string>();
  for (const [, list] of expr.matchAll(/\bby \(([^)]*)\)/g)) for (const l of list.split(',')) names.add(l.trim());
  for (const [, l] of expr.matchAll(/[{,]\s*([a-z_]+)\s*!?=~?/g)) names.add(l);
  names.delete('le');
  names.delete('');
  return [...names];
}

describe('the Grafana dashboard', () => {
  // The registry's declarations only: no scrape happens, so the database is never read.
  const { registry } = createMetrics({ db: {} as Executor });

  it('is an import file with a Prometheus input and placed panels, each with a query', () => {
    expect(dashboard.__inputs).toEqual([expect.objectContaining({ type: 'datasource', pluginId: 'prometheus' })]);
    expect(panels.length).toBeGreaterThanOrEqual(8);
    for (const p of panels) {
      expect(p.gridPos, p.title).toMatchObject({ w: expect.any(Number), h: expect.any(Number) });
      expect(p.targets?.length, p.title).toBeGreaterThan(0);
    }
  });

  it.each(queries)('$panel: queries metrics and labels the service exports ($expr)', ({ expr }) => {
    let depth = 0;
    for (const ch of expr) {
      depth += ch === '(' ? 1 : ch === ')' ? -1 : 0;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
    const names = [...expr.matchAll(/\bphenix_[a-z_]+/g)].map(([n]) => n.replace(/_(bucket|sum|count)$/, ''));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const metric = registry.getSingleMetric(name);
      expect(metric, `${name} is not exported`).toBeDefined();
      const labels = Object.fromEntries(labelsUsed(expr).map((l) => [l, 'x']));
      if (Object.keys(labels).length === 0) continue;
      // prom-client throws on a label the metric was not declared with.
      if (metric instanceof Counter) metric.inc(labels, 1);
      else if (metric instanceof Gauge) metric.set(labels, 1);
      else if (metric instanceof Histogram) metric.observe(labels, 1);
      else throw new Error(`${name}: unexpected metric type`);
    }
  });

  it('would see a label the metric does not have', () => {
    const alerts = registry.getSingleMetric('phenix_alerts') as Gauge;
    expect(() => alerts.set({ domain: 'x' }, 1)).toThrow(/label/i);
    expect(labelsUsed('max by (verdict, status) (phenix_alerts{status="open"})').sort()).toEqual(['status', 'verdict']);
  });
});
