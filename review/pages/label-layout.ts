/**
 * Places the labels of a drawing's edges so that no two label boxes intersect (nor any obstacle, such as node
 * names): each label tries spots along its edge, then beside it; a label with no free spot goes to a strip under
 * the drawing, one after the other, where nothing else is drawn. Pure geometry, so it can be tested on dense graphs.
 */

export interface Box {
  /** Top-left corner. */
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface EdgeLabel {
  from: { x: number; y: number };
  to: { x: number; y: number };
  w: number;
  h: number;
}

export interface LabelLayout {
  boxes: Box[];
  /** Height the drawing must grow by to hold the strip of labels that found no spot on their edge. */
  extraHeight: number;
}

const ALONG = [0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78];
const GAP = 2;

export function intersects(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

export function layoutLabels(
  labels: EdgeLabel[],
  o: { width: number; height: number; obstacles?: Box[] },
): LabelLayout {
  const taken: Box[] = [...(o.obstacles ?? [])];
  const boxes: Box[] = [];
  let stripX = GAP;
  let rowHeight = 0;
  const stripRows: number[] = [];
  const inside = (b: Box) => b.x >= 0 && b.y >= 0 && b.x + b.w <= o.width && b.y + b.h <= o.height;
  for (const l of labels) {
    const dx = l.to.x - l.from.x;
    const dy = l.to.y - l.from.y;
    const len = Math.hypot(dx, dy) || 1;
    // Unit normal to the edge: the label may step aside of its edge by one or two of its own heights.
    const nx = -dy / len;
    const ny = dx / len;
    let placed: Box | undefined;
    for (const side of [0, 1, -1, 2, -2]) {
      for (const t of ALONG) {
        const cx = l.from.x + dx * t + nx * side * (l.h + GAP);
        const cy = l.from.y + dy * t + ny * side * (l.h + GAP);
        const box = { x: cx - l.w / 2, y: cy - l.h / 2, w: l.w, h: l.h };
        if (inside(box) && !taken.some((b) => intersects(b, box))) {
          placed = box;
          break;
        }
      }
      if (placed) break;
    }
    if (!placed) {
      // The strip under the drawing: labels side by side, wrapping to a new row at the drawing's width.
      if (stripX + l.w > o.width && stripX > GAP) {
        stripRows.push(rowHeight);
        stripX = GAP;
        rowHeight = 0;
      }
      const y = o.height + GAP + stripRows.reduce((s, h) => s + h + GAP, 0);
      placed = { x: stripX, y, w: l.w, h: l.h };
      stripX += l.w + GAP;
      rowHeight = Math.max(rowHeight, l.h);
    }
    taken.push(placed);
    boxes.push(placed);
  }
  const used = stripX > GAP ? [...stripRows, rowHeight] : stripRows;
  const extraHeight = used.length ? used.reduce((s, h) => s + h + GAP, 0) + GAP : 0;
  return { boxes, extraHeight };
}
