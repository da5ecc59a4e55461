import { describe, expect, it } from 'vitest';
import { type Box, intersects, layoutLabels } from '../../../review/pages/label-layout.ts';

/** A dense family: 24 candidates around the site, each joined to the site and to its 5 next neighbours. */
function denseGraph(n: number, size: number) {
  const c = size / 2;
  const nodes = Array.from({ length: n }, (_, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
    return { x: c + 200 * Math.cos(angle), y: c + 200 * Math.sin(angle) };
  });
  const edges = nodes.map((p) => ({ from: { x: c, y: c }, to: p }));
  for (let i = 0; i < n; i++) for (let k = 1; k <= 5; k++) edges.push({ from: nodes[i], to: nodes[(i + k) % n] });
  return { nodes: [{ x: c, y: c }, ...nodes], edges };
}

function overlaps(boxes: Box[]): [number, number][] {
  const bad: [number, number][] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) if (intersects(boxes[i], boxes[j])) bad.push([i, j]);
  return bad;
}

describe('layoutLabels', () => {
  it('places the labels of a dense graph so that no two boxes intersect, nor a node', () => {
    const size = 560;
    const { nodes, edges } = denseGraph(24, size);
    const labels = edges.map((e, i) => ({ ...e, w: i % 3 === 0 ? 90 : 22, h: 14 }));
    // The graph is dense enough that labels at the edges' midpoints would collide (what the page used to do).
    const midpoints = labels.map((l) => ({
      x: (l.from.x + l.to.x) / 2 - l.w / 2,
      y: (l.from.y + l.to.y) / 2 - l.h / 2,
      w: l.w,
      h: l.h,
    }));
    expect(overlaps(midpoints).length).toBeGreaterThan(0);
    const obstacles = nodes.map((p) => ({ x: p.x - 14, y: p.y - 14, w: 28, h: 28 }));
    const { boxes, extraHeight } = layoutLabels(labels, { width: size, height: size, obstacles });
    expect(boxes).toHaveLength(labels.length);
    expect(overlaps(boxes)).toEqual([]);
    for (const b of boxes) for (const o of obstacles) expect(intersects(b, o)).toBe(false);
    // Every box lies inside the drawing grown by the strip it asked for.
    for (const b of boxes) {
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.x + b.w).toBeLessThanOrEqual(size);
      expect(b.y + b.h).toBeLessThanOrEqual(size + extraHeight);
    }
  });

  it('keeps a label on its edge when there is room', () => {
    const { boxes, extraHeight } = layoutLabels([{ from: { x: 0, y: 50 }, to: { x: 200, y: 50 }, w: 20, h: 10 }], {
      width: 200,
      height: 100,
    });
    expect(boxes[0]).toEqual({ x: 90, y: 45, w: 20, h: 10 });
    expect(extraHeight).toBe(0);
  });
});
