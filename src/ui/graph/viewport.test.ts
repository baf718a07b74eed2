import { describe, it, expect } from 'vitest';
import { createSessionStore } from '../../store/session';
import { noFrames } from '../../store/test-frames';
import { defaultScenario } from '../../scenario/default';
import { toGraph } from './toGraph';
import { frameNodes, initialViewport, READABLE_ZOOM } from './viewport';
import type { SandboxNode } from './types';

const card = (id: string, type: string, x: number, y: number, width: number, height: number) =>
  ({ id, type, position: { x, y }, width, height, data: {} }) as unknown as SandboxNode;

describe('the first view', () => {
  it('frames the cluster, the service and the load balancer chain of the default scenario at a readable zoom on a 1440x900 screen', () => {
    const store = createSessionStore({ scenario: defaultScenario, frames: noFrames });
    store.getState().seek(120);
    const nodes = toGraph(store.getState().sim.world, 120).nodes;
    // The canvas of a 1440x900 window: 1440 - palette 208 - inspector 360, 900 - header, time bar, bottom panel.
    const [width, height] = [872, 515];
    // The caption over the canvas keeps 64 px at the top (caption/StoryCaption.tsx CAPTION_HEIGHT).
    const top = 64;
    const view = initialViewport(nodes, width, height, top);
    expect(view.zoom).toBeGreaterThanOrEqual(0.75);
    for (const n of nodes.filter((n) => !n.parentId && ['cluster', 'service', 'loadBalancer', 'listener', 'targetGroup'].includes(n.type ?? ''))) {
      const left = n.position.x * view.zoom + view.x;
      const y = n.position.y * view.zoom + view.y;
      expect(left, n.id).toBeGreaterThanOrEqual(0);
      expect(y, n.id).toBeGreaterThanOrEqual(top);
      expect(left + (n.width ?? 0) * view.zoom, n.id).toBeLessThanOrEqual(width);
      expect(y + (n.height ?? 0) * view.zoom, n.id).toBeLessThanOrEqual(height);
    }
  });

  it('centres what fits, never magnifying past 1', () => {
    expect(frameNodes([card('a', 'cluster', 0, 0, 100, 100)], 1000, 500)).toEqual({ x: 450, y: 200, zoom: 1 });
  });

  it('keeps a readable zoom when the focus is too big, showing it from its top-left corner', () => {
    const view = frameNodes([card('a', 'cluster', 100, 50, 4000, 3000)], 800, 400);
    expect(view.zoom).toBe(READABLE_ZOOM);
    expect(view.x).toBe(Math.round(20 - 100 * READABLE_ZOOM));
    expect(view.y).toBe(Math.round(20 - 50 * READABLE_ZOOM));
  });

  it('frames every top-level node when there is no cluster, service or load balancer yet', () => {
    const view = frameNodes([card('r', 'registry', 0, 0, 200, 100)], 400, 300);
    expect(initialViewport([card('r', 'registry', 0, 0, 200, 100)], 400, 300)).toEqual(view);
  });
});
