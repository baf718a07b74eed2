/**
 * Simulated clients (sim:SetTraffic): one source per load balancer, port, host and path, with an
 * edge to its load balancer whose thickness grows with the request rate (its dashes flow while
 * the session plays: flow.ts).
 */
import { rateAt } from '../../../engine/control/traffic/patterns';
import { nodeId } from '../ids';
import { LAYOUT } from '../sizes';
import type { BuildContext } from './context';
import { flowStyle } from '../flow';

/** Edge stroke width for a request rate: 1.5 px idle, growing with the log of the rate, at most 9 px. */
export function trafficWidth(requestsPerSecond: number): number {
  return Math.min(9, 1.5 + Math.log2(1 + Math.max(0, requestsPerSecond)) * 0.9);
}

export function buildTraffic(ctx: BuildContext): void {
  const { world, nodes, edges, now } = ctx;
  const sources = Object.entries(world.traffic?.sources ?? {}).sort(([a], [b]) => a.localeCompare(b));
  for (const [key, source] of sources) {
    const id = nodeId.trafficSource(key);
    // Rounded so the node (and its edge) only change when the rate visibly does.
    const requestsPerSecond = Math.round(rateAt(source, now) * 10) / 10;
    nodes.push({
      id,
      type: 'trafficSource',
      position: { x: 0, y: 0 },
      data: {
        loadBalancerName: source.loadBalancerName,
        host: source.host,
        path: source.path,
        port: source.port,
        pattern: source.pattern,
        requestsPerSecond,
      },
      width: LAYOUT.trafficSource.width,
      height: LAYOUT.trafficSource.height,
    });
    if (!world.loadBalancers[source.loadBalancerArn]) continue;
    const target = nodeId.loadBalancer(source.loadBalancerArn);
    edges.push({
      id: `traffic:${id}->${target}`,
      source: id,
      target,
      label: `${requestsPerSecond} req/s`,
      style: { strokeWidth: trafficWidth(requestsPerSecond), ...flowStyle(requestsPerSecond) },
      className: requestsPerSecond > 0 ? 'sb-flow' : undefined,
      data: { relation: 'traffic', requestsPerSecond },
    });
  }
}
