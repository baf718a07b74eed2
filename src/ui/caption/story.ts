/**
 * The default scenario's caption (UI.md "First minute"): one sentence on what is happening now,
 * read from the world (instances, container instances, the service's deployments, target health),
 * never from timing guesses, so it is right at any playhead, after a rewind or an edit.
 */
import type { World } from '../../engine/world/types';
import type { Service, ServiceDeployment } from '../../engine/world/service-types';

const WORDS = ['No', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten'];
const count = (n: number) => WORDS[n] ?? String(n);
const plural = (n: number, one: string, many = `${one}s`) => `${n === 1 ? one : many}`;

function revisionOf(world: World, arn: string): string {
  const td = world.taskDefinitions[arn];
  return td ? `revision ${td.revision}` : (arn.split(':').at(-1) ?? arn);
}

function runningOf(world: World, service: Service, deployment: ServiceDeployment): number {
  return Object.values(world.tasks).filter(
    (t) => t.serviceArn === service.serviceArn && (t.deploymentId ?? t.startedBy) === deployment.id && t.lastStatus === 'RUNNING',
  ).length;
}

function healthyTargets(world: World, service: Service): { healthy: number; total: number } {
  let healthy = 0;
  let total = 0;
  for (const lb of service.loadBalancers) {
    const tg = lb.targetGroupArn ? world.targetGroups[lb.targetGroupArn] : undefined;
    for (const target of Object.values(tg?.targets ?? {})) {
      if (target.State === 'draining') continue;
      total++;
      if (target.State === 'healthy') healthy++;
    }
  }
  return { healthy, total };
}

/** What the default scenario is doing now, in a sentence or two; undefined before anything exists. */
export function storyCaption(world: World, clusterName: string, serviceName: string): string | undefined {
  const cluster = Object.values(world.clusters).find((c) => c.clusterName === clusterName && c.status === 'ACTIVE');
  if (!cluster) return undefined;
  const instances = Object.values(world.instances).filter((i) => i.ecsClusterName === clusterName && i.State.Name !== 'terminated');
  const zones = new Set(instances.map((i) => i.Placement.AvailabilityZone)).size;
  const registered = Object.values(world.containerInstances).filter((ci) => ci.clusterArn === cluster.clusterArn && ci.status === 'ACTIVE').length;
  const service = Object.values(world.services).find((s) => s.clusterArn === cluster.clusterArn && s.serviceName === serviceName && s.status === 'ACTIVE');

  if (!service) {
    if (instances.length === 0) return `Cluster ${clusterName} is empty: no container instance has registered yet.`;
    if (registered < instances.length) {
      return `${count(instances.length)} EC2 ${plural(instances.length, 'instance')} in ${count(zones).toLowerCase()} Availability ${plural(zones, 'Zone')} ${instances.length === 1 ? 'is' : 'are'} booting and registering with cluster ${clusterName} (${registered} of ${instances.length} ACTIVE).`;
    }
    return `${count(registered)} container ${plural(registered, 'instance')} ${registered === 1 ? 'is' : 'are'} ACTIVE in cluster ${clusterName}, ready for tasks.`;
  }

  const primary = service.deployments.find((d) => d.status === 'PRIMARY');
  const active = service.deployments.filter((d) => d.status === 'ACTIVE');
  const { healthy, total } = healthyTargets(world, service);
  const { maximumPercent, minimumHealthyPercent } = service.deploymentConfiguration;
  if (primary && active.length > 0) {
    const most = Math.floor((service.desiredCount * maximumPercent) / 100);
    const least = Math.ceil((service.desiredCount * minimumHealthyPercent) / 100);
    const old = active.map((d) => `${runningOf(world, service, d)} of ${revisionOf(world, d.taskDefinition)} (ACTIVE)`).join(', ');
    return `${revisionOf(world, primary.taskDefinition).replace(/^r/, 'R')} is rolling out: at most ${most} tasks (maximumPercent ${maximumPercent}), at least ${least} healthy (minimumHealthyPercent ${minimumHealthyPercent}). Running: ${runningOf(world, service, primary)} of ${revisionOf(world, primary.taskDefinition)} (PRIMARY), ${old}.`;
  }
  const running = primary ? runningOf(world, service, primary) : 0;
  if (running < service.desiredCount || (total > 0 && healthy < service.desiredCount)) {
    const health = total > 0 ? `; the load balancer health-checks each one (${healthy} of ${service.desiredCount} targets healthy)` : '';
    return `Service ${serviceName} is starting ${count(service.desiredCount).toLowerCase()} tasks: ECS places them across the Availability Zones (${running} of ${service.desiredCount} RUNNING)${health}.`;
  }
  const revision = primary ? revisionOf(world, primary.taskDefinition) : '';
  const done = primary && world.taskDefinitions[primary.taskDefinition]?.revision !== 1 && primary.rolloutState === 'COMPLETED';
  if (done) return `The rollout is COMPLETED: all ${running} tasks run ${revision}, and service ${serviceName} has reached a steady state. Drag the timeline back to watch it again.`;
  return `Service ${serviceName} runs ${running} tasks of ${revision} behind the load balancer, all targets healthy, traffic flowing. In this scenario a new task definition revision rolls out about half a minute later.`;
}
