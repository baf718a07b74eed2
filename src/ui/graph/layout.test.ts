import { describe, it, expect } from 'vitest';
import ELK from 'elkjs/lib/elk.bundled.js';
import { elkLayout, layoutInput, rankLayout } from './layout';
import { nodeId, toGraph } from './toGraph';
import { CI_B, CLUSTER_ARN, LB_ARN, SERVICE_ARN, TG_ARN, sampleWorld, task, withService } from './fixtures';

describe('layout', () => {
  it('lays the top-level nodes out in the order things flow: load balancer, listener, target group, then the cluster', () => {
    const graph = toGraph(withService(sampleWorld()), 200);
    const p = rankLayout(graph);
    expect(p[nodeId.loadBalancer(LB_ARN)].x).toBeLessThan(p[nodeId.targetGroup(TG_ARN)].x);
    expect(p[nodeId.targetGroup(TG_ARN)].x).toBeLessThan(p[nodeId.cluster(CLUSTER_ARN)].x);
    expect(p[nodeId.service(SERVICE_ARN)].x).toBeLessThan(p[nodeId.cluster(CLUSTER_ARN)].x);
  });

  it('keeps the layout key when a task appears within its group\'s size bucket, so nothing is laid out again', () => {
    const world = withService(sampleWorld());
    const before = layoutInput(toGraph(world, 200)).key;
    world.tasks.t9 = task('99999999zzzz', 'PENDING', CI_B, { createdAt: 150, ec2InstanceId: 'i-b' });
    expect(layoutInput(toGraph(world, 200)).key).toBe(before);
  });

  it('changes the layout key when a top-level resource comes or goes', () => {
    const world = sampleWorld();
    const before = layoutInput(toGraph(world, 200)).key;
    expect(layoutInput(toGraph(withService(world), 200)).key).not.toBe(before);
  });

  it('lifts edges to nested nodes onto their top-level group (target group -> cluster)', () => {
    const { elk } = layoutInput(toGraph(withService(sampleWorld()), 200));
    expect(elk.edges?.map((e) => e.id)).toContain(`${nodeId.targetGroup(TG_ARN)}->${nodeId.cluster(CLUSTER_ARN)}`);
  });

  it('places every top-level node with elkjs without overlaps, the same way every run', async () => {
    const graph = toGraph(withService(sampleWorld()), 200);
    const { elk } = layoutInput(graph);
    const first = await elkLayout(structuredClone(elk), new ELK());
    const second = await elkLayout(structuredClone(elk), new ELK());
    expect(second).toEqual(first);
    const boxes = (elk.children ?? []).map((c) => ({ ...first[c.id], w: c.width ?? 0, h: c.height ?? 0 }));
    expect(boxes.length).toBeGreaterThan(5);
    for (const a of boxes) for (const b of boxes) {
      if (a === b) continue;
      const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
      expect(overlap).toBe(false);
    }
    expect(first[nodeId.loadBalancer(LB_ARN)].x).toBeLessThan(first[nodeId.cluster(CLUSTER_ARN)].x);
  });
});
