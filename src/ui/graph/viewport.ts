/**
 * The first view of a scenario: not the whole graph fitted (tiny text), but what the story is
 * about — the clusters, the services and the load balancer chain — at a readable zoom. A pure
 * function of the top-level nodes and the canvas size, so the view is the same on every machine.
 */
import type { SandboxNode, SandboxNodeKind } from './types';

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** The kinds the first view frames (when there are any; else it frames everything). */
const FOCUS: ReadonlySet<SandboxNodeKind> = new Set(['cluster', 'service', 'loadBalancer', 'listener', 'targetGroup', 'capacityProvider']);
/** Screen pixels kept free around the framed nodes. */
const PADDING = 20;
/** Never magnify past 1: cards are drawn for zoom 1. */
const MAX_ZOOM = 1;
/**
 * Choice: below this zoom the cards' names (13 px) stop being readable at a glance, so when the
 * focus does not fit, the view stays at this zoom and shows the focus from its top-left corner
 * (the learner pans or presses fit for the rest). 0.55 frames the default scenario whole on a
 * 1280x720 screen (0.7 cut off its task chips and target group there), and stays above the
 * level of detail (nodes/detail.ts COMPACT_ZOOM), so every card is drawn in full.
 */
export const READABLE_ZOOM = 0.55;

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

function bounds(nodes: SandboxNode[]): Box | undefined {
  if (nodes.length === 0) return undefined;
  const x = Math.min(...nodes.map((n) => n.position.x));
  const y = Math.min(...nodes.map((n) => n.position.y));
  const right = Math.max(...nodes.map((n) => n.position.x + (n.width ?? 0)));
  const bottom = Math.max(...nodes.map((n) => n.position.y + (n.height ?? 0)));
  return { x, y, w: right - x, h: bottom - y };
}

/** The nodes the first view frames: the focus kinds if any exist, else every top-level node. */
export function focusNodes(nodes: SandboxNode[]): SandboxNode[] {
  const top = nodes.filter((n) => !n.parentId);
  const focus = top.filter((n) => FOCUS.has(n.type as SandboxNodeKind));
  return focus.length ? focus : top;
}

/**
 * The viewport that frames `nodes` in a canvas of width x height pixels, below `top` pixels kept
 * free (for the caption over the canvas).
 */
export function frameNodes(nodes: SandboxNode[], width: number, canvasHeight: number, top = 0, minZoom = READABLE_ZOOM): Viewport {
  const box = bounds(nodes);
  const height = canvasHeight - top;
  if (!box || width <= 0 || height <= 0) return { x: 0, y: 0, zoom: 1 };
  const fit = Math.min(MAX_ZOOM, (width - 2 * PADDING) / Math.max(1, box.w), (height - 2 * PADDING) / Math.max(1, box.h));
  const zoom = Math.max(fit, Math.min(minZoom, MAX_ZOOM));
  // Centred on each axis where it fits; else from the top-left corner.
  const offset = (size: number, start: number, extent: number) =>
    extent * zoom <= size - 2 * PADDING ? (size - extent * zoom) / 2 - start * zoom : PADDING - start * zoom;
  return { x: Math.round(offset(width, box.x, box.w)), y: Math.round(top + offset(height, box.y, box.h)), zoom: Math.round(zoom * 1000) / 1000 };
}

/** The first view of a scenario: its focus framed at a readable zoom, below `top` pixels kept free. */
export function initialViewport(nodes: SandboxNode[], width: number, height: number, top = 0): Viewport {
  return frameNodes(focusNodes(nodes), width, height, top);
}

/**
 * What the first view depends on: the focus nodes' boxes (a cluster growing by a row of task
 * chips re-frames it, so the chips stay in view while the view follows the story).
 */
export function viewKey(nodes: SandboxNode[], width: number, height: number, top = 0): string {
  const boxes = focusNodes(nodes).map((n) => `${n.id}@${n.position.x},${n.position.y},${n.width ?? 0},${n.height ?? 0}`);
  return `${width}x${height}-${top}|${boxes.join('|')}`;
}
