/**
 * Who answers a load balancer's health check: finds what listens at a target and answers from
 * that container's image behaviour (`healthy`, world/image-behavior.ts).
 *
 *  - instance targets (Id = EC2 instance id): a RUNNING container of a RUNNING task on that
 *    instance with a TCP network binding whose hostPort is the health check port (bridge mode's
 *    dynamic ports, host mode's static ones).
 *  - ip targets (Id = private IPv4): the task whose ENI attachment has that privateIPv4Address,
 *    and its RUNNING container with that containerPort (awsvpc: host port = container port).
 *
 * Answers, with AWS's reason codes (TargetHealth API reference):
 *  - the instance is not running, or no task owns the IP: nothing answers at all, the probe
 *    times out: Target.Timeout ("Request timed out").
 *  - the host is there but nothing listens on the port: the connection is refused, "an error
 *    while establishing a connection to the target": Target.FailedHealthChecks.
 *  - a container listens and its image is unhealthy: for HTTP/HTTPS health checks it answers a
 *    code outside the matcher: Target.ResponseCodeMismatch with statusCode 503 (choice: what a
 *    typical failing /health endpoint answers). A TCP health check only opens a connection, so
 *    an unhealthy but listening container passes it (as on AWS).
 */
import type { Container, Task, World } from '../../world/types';
import type { RegisteredTarget, TargetGroup } from '../../world/elb-types';
import { DEFAULT_IMAGE_BEHAVIOR } from '../../world/image-behavior';
import { faultedProbe } from '../faults/probe';
import { tasksHeldOnInstance } from '../../world/task-index';

export type ProbeFailureReason = 'Target.Timeout' | 'Target.ResponseCodeMismatch' | 'Target.FailedHealthChecks';

export interface ProbeResult {
  ok: boolean;
  reason?: ProbeFailureReason;
  /** The HTTP status the target answered (ResponseCodeMismatch's description lists it). */
  statusCode?: number;
  /** Which task answered (or was found at the target), for the event log. */
  taskArn?: string;
}

/** The port the health check goes to: the target's port for "traffic-port", else the set port. */
export function healthCheckPortOf(tg: TargetGroup, target: Pick<RegisteredTarget, 'Port'>): number {
  return tg.HealthCheckPort === 'traffic-port' ? target.Port : Number(tg.HealthCheckPort);
}

const serving = (t: Task) => t.lastStatus === 'RUNNING';
const listening = (c: Container) => c.lastStatus === 'RUNNING';

export function probeTarget(world: World, targetGroup: TargetGroup, target: Pick<RegisteredTarget, 'Id' | 'Port'>): ProbeResult {
  const port = healthCheckPortOf(targetGroup, target);
  const found = targetGroup.TargetType === 'instance' ? findOnInstance(world, target.Id, port) : findAtIp(world, target.Id, port);
  // Faults (control/faults/probe.ts): targets in an impaired AZ time out; HealthCheckFailure answers 503.
  const faulted = faultedProbe(world, targetGroup, target.Id, typeof found === 'string' ? undefined : found.task);
  if (faulted) return faulted;
  if (found === 'no-host') return { ok: false, reason: 'Target.Timeout' };
  if (found === 'refused') return { ok: false, reason: 'Target.FailedHealthChecks' };
  const { task, container } = found;
  const healthy = container.behavior?.healthy ?? DEFAULT_IMAGE_BEHAVIOR.healthy; // withDefaultBehavior's answer, without a copy per probe
  if (healthy || targetGroup.HealthCheckProtocol === 'TCP') return { ok: true, statusCode: healthy ? 200 : undefined, taskArn: task.taskArn };
  return { ok: false, reason: 'Target.ResponseCodeMismatch', statusCode: 503, taskArn: task.taskArn };
}

type Found = { task: Task; container: Container } | 'no-host' | 'refused';

/**
 * Only tasks holding resources on the instance can be RUNNING there, so the search reads the
 * container instance's index of them (world/task-index.ts: about ten tasks, not every task of the
 * world at every health check); an instance without the index (older worlds) walks every task.
 */
function findOnInstance(world: World, instanceId: string, port: number): Found {
  const instance = world.instances[instanceId];
  if (!instance || instance.State.Name !== 'running') return 'no-host';
  for (const task of tasksHeldOnInstance(world, instanceId) ?? Object.values(world.tasks)) {
    if (task.ec2InstanceId !== instanceId || !serving(task)) continue;
    const container = task.containers.find((c) => listening(c) && c.networkBindings.some((b) => b.protocol === 'tcp' && b.hostPort === port));
    if (container) return { task, container };
  }
  return 'refused';
}

function findAtIp(world: World, ip: string, port: number): Found {
  const task = Object.values(world.tasks).find(
    (t) => t.lastStatus !== 'STOPPED' && t.attachments.some((a) => a.status === 'ATTACHED' && a.details.some((d) => d.name === 'privateIPv4Address' && d.value === ip)),
  );
  if (!task) return 'no-host';
  if (!serving(task)) return 'refused';
  const definition = world.taskDefinitions[task.taskDefinitionArn];
  const container = task.containers.find((c) => {
    if (!listening(c)) return false;
    if (c.networkBindings.some((b) => b.protocol === 'tcp' && b.containerPort === port)) return true;
    const def = definition?.containerDefinitions.find((d) => d.name === c.name);
    return (def?.portMappings ?? []).some((m) => m.containerPort === port && (m.protocol ?? 'tcp') === 'tcp');
  });
  return container ? { task, container } : 'refused';
}
