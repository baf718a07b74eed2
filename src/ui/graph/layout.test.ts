import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { bandLayout } from './layout';
import { nodeId, toGraph } from './toGraph';
import { CI_B, CLUSTER_ARN, LB_ARN, LISTENER_ARN, SERVICE_ARN, TD_ARN, TG_ARN, sampleWorld, task, withService } from './fixtures';
import type { Graph } from './types';
import type { World } from '../../engine/world/types';
import type { TrafficState } from '../../engine/world/traffic-types';

/** Clients sending 40 requests per second to web-alb (only what the canvas reads). */
function withTraffic(world: World): World {
  const source = { loadBalancerArn: LB_ARN, loadBalancerName: 'web-alb', path: '/', host: 'web-alb', requestsPerSecond: 40, pattern: 'constant' as const, since: 0, carry: 0 };
  const state: Pick<TrafficState, 'sources' | 'lastTick'> = { sources: { k: source }, lastTick: { at: 0, loadBalancers: {}, targetGroups: {} } };
  world.traffic = state as TrafficState;
  return world;
}

const full = () => toGraph(withTraffic(withService(sampleWorld())), 200);
const box = (graph: Graph, id: string) => {
  const n = graph.nodes.find((node) => node.id === id)!;
  return { x: n.position.x, y: n.position.y, w: n.width ?? 0, h: n.height ?? 0 };
};

describe('the top-level layout (bands)', () => {
  it('does not move the bands when the registry grows (another repository, another image): only what is below it in its column', () => {
    const world = withTraffic(withService(sampleWorld()));
    const before = toGraph(world, 200);
    for (let i = 0; i < 5; i++) {
      const arn = `${Object.keys(world.repositories)[0]}-${i}`;
      world.repositories[arn] = { ...Object.values(world.repositories)[0], repositoryArn: arn, repositoryName: `extra-${i}` };
    }
    const after = toGraph(world, 200);
    for (const id of [nodeId.service(SERVICE_ARN), nodeId.loadBalancer(LB_ARN), nodeId.targetGroup(TG_ARN), nodeId.cluster(CLUSTER_ARN)]) {
      expect(box(after, id), id).toEqual(box(before, id));
    }
    expect(box(after, nodeId.taskDefinition(TD_ARN)).y).toBeGreaterThan(box(before, nodeId.taskDefinition(TD_ARN)).y);
  });

  it('puts the request path in one row, in the order requests flow: load balancer, listener, target group', () => {
    const g = full();
    const [lb, listener, tg] = [box(g, nodeId.loadBalancer(LB_ARN)), box(g, nodeId.listener(LISTENER_ARN)), box(g, nodeId.targetGroup(TG_ARN))];
    expect(lb.y).toBe(listener.y);
    expect(listener.y).toBe(tg.y);
    expect(lb.x + lb.w).toBeLessThan(listener.x);
    expect(listener.x + listener.w).toBeLessThan(tg.x);
  });

  it('puts the service in that row, before the load balancer, and the cluster below both', () => {
    const g = full();
    const [service, lb, cluster] = [box(g, nodeId.service(SERVICE_ARN)), box(g, nodeId.loadBalancer(LB_ARN)), box(g, nodeId.cluster(CLUSTER_ARN))];
    expect(service.y).toBe(lb.y);
    expect(service.x).toBeLessThan(lb.x);
    expect(cluster.y).toBeGreaterThan(Math.max(service.y + service.h, lb.y + lb.h));
    expect(cluster.x).toBeLessThanOrEqual(service.x);
  });

  it('puts the clients above the load balancer they send to, and the task definitions left of the service', () => {
    const g = full();
    const clients = g.nodes.find((n) => n.type === 'trafficSource')!;
    const lb = box(g, nodeId.loadBalancer(LB_ARN));
    expect(clients.position.y + (clients.height ?? 0)).toBeLessThan(lb.y);
    expect(clients.position.x).toBeGreaterThanOrEqual(lb.x);
    const td = box(g, nodeId.taskDefinition(TD_ARN));
    expect(td.x + td.w).toBeLessThan(box(g, nodeId.service(SERVICE_ARN)).x);
  });

  it('keeps the cluster where it is when a task appears and the service card grows by a deployment', () => {
    const world = withService(sampleWorld());
    const before = bandLayout(toGraph(world, 200));
    world.tasks.t9 = task('99999999zzzz', 'PENDING', CI_B, { createdAt: 150, ec2InstanceId: 'i-b' });
    world.services[SERVICE_ARN].deployments = world.services[SERVICE_ARN].deployments.slice(0, 1);
    const after = bandLayout(toGraph(world, 200));
    expect(after[nodeId.cluster(CLUSTER_ARN)]).toEqual(before[nodeId.cluster(CLUSTER_ARN)]);
  });

  it('never overlaps two top-level nodes, whichever resources exist', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.integer({ min: 0, max: 4 }), (service, traffic, extraTasks) => {
        let world = sampleWorld();
        if (service) world = withService(world);
        if (service && traffic) world = withTraffic(world);
        for (let i = 0; i < extraTasks; i++) world.tasks[`x${i}`] = task(`${i}`.padStart(12, '9'), 'RUNNING', CI_B, { ec2InstanceId: 'i-b' });
        const g = toGraph(world, 200);
        const boxes = g.nodes.filter((n) => !n.parentId).map((n) => box(g, n.id));
        for (const a of boxes) for (const b of boxes) {
          if (a === b) continue;
          expect(a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h).toBe(false);
        }
      }),
    );
  });
});
