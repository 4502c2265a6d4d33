/**
 * Draws a laid-out plan graph as SVG, only what is in view, so the DOM stays small (≤ ~2,000
 * elements) and one redraw stays far below a 50 ms frame whatever the graph size:
 * - detail mode (readable zoom): one `<g>` per node inside the visible area (plus a margin):
 *   a rounded rect coloured by kind through CSS classes on theme variables, label and meta text
 *   (textContent only; failures carry ✕ in the text and a class, not only a colour); edges whose
 *   bounding box meets the area, by kind (caused solid, next dashed, handoff thick, dataflow
 *   dotted) with an arrowhead marker;
 * - overview mode (zoomed far out, or too many nodes in view): no text; all edges of a kind are one
 *   `<path>`, all node boxes of a class are one `<path>`. Clicks are hit-tested by position.
 */
import { setAttr } from '../components/dom';
import type { GraphNodeView, PlanGraphView } from '../../src/core/protocol';
import { edgeId, nodeAriaLabel, nodeLabel, nodeMeta } from './graphModel';
import type { LayoutResult, PlacedNode, Point } from './layoutTypes';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Below this zoom, text is unreadable: draw the overview. */
export const DETAIL_MIN_SCALE = 0.35;
/** Most node groups drawn in detail mode; more in view switches to the overview. */
export const MAX_DETAIL_NODES = 400;

export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | undefined> = {},
  text?: string,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) setAttr(el, k, v);
  if (text !== undefined) el.textContent = text;
  return el;
}

/** The arrowhead marker; put once in the drawing's <defs>. */
export function arrowMarker(): SVGMarkerElement {
  const marker = svg('marker', {
    id: 'graph-arrow',
    viewBox: '0 0 10 10',
    refX: 9,
    refY: 5,
    markerWidth: 9,
    markerHeight: 9,
    orient: 'auto-start-reverse',
    markerUnits: 'userSpaceOnUse',
  });
  marker.append(svg('path', { d: 'M0,0 L10,5 L0,10 z', class: 'graph-arrowhead' }));
  return marker;
}

function pathOf(points: readonly Point[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
}

export interface Viewport {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  readonly scale: number;
}

const meets = (b: { x: number; y: number; width: number; height: number }, v: Viewport): boolean =>
  b.x <= v.x1 && b.x + b.width >= v.x0 && b.y <= v.y1 && b.y + b.height >= v.y0;

interface EdgeBox {
  readonly index: number;
  readonly points: readonly Point[];
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The drawing of one laid-out graph; `update` redraws for a viewport. */
export class GraphDrawing {
  private readonly edgeBoxes: EdgeBox[] = [];
  private readonly shown = new Map<string, SVGGElement>();
  private mode: 'detail' | 'overview' | undefined;

  constructor(
    private readonly layer: SVGGElement,
    private readonly graph: PlanGraphView,
    private readonly layout: LayoutResult,
    private readonly flagged: ReadonlySet<string>,
    /** Applies selection/focus state to a node group when it is (re)created. */
    private readonly decorate: (id: string, el: SVGGElement) => void,
  ) {
    graph.edges.forEach((_, i) => {
      const pts = layout.edges.get(edgeId(i));
      if (!pts || pts.length < 2) return;
      let x0 = Infinity,
        y0 = Infinity,
        x1 = -Infinity,
        y1 = -Infinity;
      for (const p of pts) {
        x0 = Math.min(x0, p.x);
        y0 = Math.min(y0, p.y);
        x1 = Math.max(x1, p.x);
        y1 = Math.max(y1, p.y);
      }
      this.edgeBoxes.push({ index: i, points: pts, x: x0, y: y0, width: x1 - x0, height: y1 - y0 });
    });
  }

  get nodeElements(): ReadonlyMap<string, SVGGElement> {
    return this.shown;
  }

  /** The node at a point of the drawing (graph coordinates), for clicks in overview mode. */
  nodeAt(x: number, y: number): string | undefined {
    for (const [id, b] of this.layout.nodes) if (x >= b.x && x <= b.x + b.width && y >= b.y && y <= b.y + b.height) return id;
    return undefined;
  }

  update(v: Viewport, selectedId: string | undefined): void {
    const inView: GraphNodeView[] = [];
    for (const n of this.graph.nodes) {
      const b = this.layout.nodes.get(n.id);
      if (b && meets(b, v)) inView.push(n);
    }
    if (v.scale < DETAIL_MIN_SCALE || inView.length > MAX_DETAIL_NODES) this.drawOverview(selectedId);
    else this.drawDetail(v, inView);
  }

  private drawDetail(v: Viewport, inView: readonly GraphNodeView[]): void {
    if (this.mode !== 'detail') {
      this.layer.replaceChildren(svg('g', { class: 'graph-edges', 'aria-hidden': 'true' }), svg('g', { class: 'graph-nodes' }));
      this.shown.clear();
      this.mode = 'detail';
    }
    const [edgesLayer, nodesLayer] = [this.layer.children[0], this.layer.children[1]];
    const edges: SVGPathElement[] = [];
    for (const e of this.edgeBoxes) {
      if (!meets(e, v)) continue;
      edges.push(svg('path', { d: pathOf(e.points), class: `graph-edge edge-${this.graph.edges[e.index].kind}`, 'marker-end': 'url(#graph-arrow)' }));
    }
    edgesLayer.replaceChildren(...edges);
    const keep = new Set(inView.map((n) => n.id));
    for (const [id, el] of this.shown) {
      if (keep.has(id)) continue;
      if (el.contains(document.activeElement)) continue; // never drop the focused node
      el.remove();
      this.shown.delete(id);
    }
    for (const n of inView) {
      if (this.shown.has(n.id)) continue;
      const el = this.nodeGroup(n, this.layout.nodes.get(n.id)!);
      this.shown.set(n.id, el);
      this.decorate(n.id, el);
      nodesLayer.append(el);
    }
  }

  /** A node group, drawn on demand (e.g. to focus a node outside the drawn area). */
  ensureNode(id: string): SVGGElement | undefined {
    const known = this.shown.get(id);
    if (known || this.mode !== 'detail') return known;
    const n = this.graph.nodes.find((x) => x.id === id);
    const b = this.layout.nodes.get(id);
    if (!n || !b) return undefined;
    const el = this.nodeGroup(n, b);
    this.shown.set(id, el);
    this.decorate(id, el);
    this.layer.children[1].append(el);
    return el;
  }

  private nodeGroup(n: GraphNodeView, box: PlacedNode): SVGGElement {
    const flagged = this.flagged.has(n.id);
    const classes = [
      'graph-node',
      `gkind-${n.kind}`,
      n.status === 'error' ? 'is-error' : '',
      flagged ? 'is-flagged' : '',
      n.groupId !== undefined ? 'in-group' : '',
    ];
    const el = svg('g', {
      class: classes.filter(Boolean).join(' '),
      transform: `translate(${box.x.toFixed(1)},${box.y.toFixed(1)})`,
      role: n.kind === 'group' ? 'button' : 'listitem',
      tabindex: -1,
      'aria-label': nodeAriaLabel(n, flagged),
      'data-testid': 'graph-node',
      'data-span-index': n.spanIndex,
      'data-node-id': n.id,
      ...(n.kind === 'group' ? { 'aria-expanded': n.expanded ? 'true' : 'false' } : {}),
    });
    if (n.kind === 'group') el.append(svg('rect', { class: 'graph-node-stack', x: 4, y: -4, width: box.width, height: box.height, rx: 6, ry: 6 }));
    el.append(svg('rect', { class: 'graph-node-box', width: box.width, height: box.height, rx: 6, ry: 6 }));
    el.append(svg('text', { class: 'graph-node-label', x: 10, y: 17 }, nodeLabel(n)));
    el.append(svg('text', { class: 'graph-node-meta', x: 10, y: 32 }, nodeMeta(n)));
    if (flagged) el.append(svg('text', { class: 'graph-node-flag', x: box.width - 8, y: 15, 'text-anchor': 'end' }, '⟳'));
    return el;
  }

  private drawOverview(selectedId: string | undefined): void {
    this.mode = 'overview';
    this.shown.clear();
    const edgeD = new Map<string, string[]>();
    for (const e of this.edgeBoxes) {
      const kind = this.graph.edges[e.index].kind;
      const list = edgeD.get(kind) ?? [];
      list.push(pathOf(e.points));
      edgeD.set(kind, list);
    }
    const boxD = new Map<string, string[]>();
    for (const n of this.graph.nodes) {
      const b = this.layout.nodes.get(n.id);
      if (!b) continue;
      const cls = `gkind-${n.kind}${n.status === 'error' ? ' is-error' : ''}${this.flagged.has(n.id) ? ' is-flagged' : ''}`;
      const list = boxD.get(cls) ?? [];
      list.push(`M${b.x.toFixed(1)},${b.y.toFixed(1)}h${b.width}v${b.height}h${-b.width}z`);
      boxD.set(cls, list);
    }
    const parts: SVGElement[] = [];
    for (const [kind, ds] of edgeD) parts.push(svg('path', { d: ds.join(' '), class: `graph-edge edge-${kind}`, 'aria-hidden': 'true' }));
    for (const [cls, ds] of boxD) parts.push(svg('path', { d: ds.join(' '), class: `graph-overview-boxes ${cls}`, 'aria-hidden': 'true' }));
    const sel = selectedId !== undefined ? this.layout.nodes.get(selectedId) : undefined;
    if (sel)
      parts.push(
        svg('rect', { class: 'graph-overview-selected', x: sel.x - 4, y: sel.y - 4, width: sel.width + 8, height: sel.height + 8, 'aria-hidden': 'true' }),
      );
    this.layer.replaceChildren(...parts);
  }

  get isOverview(): boolean {
    return this.mode === 'overview';
  }
}
