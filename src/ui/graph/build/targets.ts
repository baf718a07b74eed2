/**
 * Which task answers at each registered ELB target, and each task's target health (the ring on
 * its chip). Found as the load balancer finds it (control/elb/probe.ts): an `instance` target
 * (Id = EC2 instance id) is the task with a binding on that host port; an `ip` target (Id = a
 * private IPv4 address) is the awsvpc task whose ENI has that address.
 */
import type { TargetHealthState } from '../../../engine/world/elb-types';
import type { Task, World } from '../../../engine/world/types';
import type { TargetHealthBadge } from '../types';

export interface TargetRef {
  targetGroupArn: string;
  key: string;
  state: TargetHealthState;
  reason?: string;
  /** The task answering there, if one does. */
  taskArn?: string;
  /** For an instance target: the EC2 instance. */
  ec2InstanceId?: string;
}

/** Which state wins the ring when a task is a target of several groups: the one that needs attention. */
const RING_PRIORITY: TargetHealthState[] = ['unhealthy', 'draining', 'initial', 'unavailable', 'unused', 'healthy'];

export interface TargetIndex {
  targets: TargetRef[];
  byTask: Map<string, TargetHealthBadge>;
}

const ipOf = (task: Task) => task.attachments[0]?.details.find((d) => d.name === 'privateIPv4Address')?.value;

export function indexTargets(world: World, tasks: Task[]): TargetIndex {
  const byHostPort = new Map<string, Task>();
  const byIp = new Map<string, Task>();
  // Later (newer) tasks win; a STOPPED task only answers where no live task does.
  const ordered = [...tasks].sort((a, b) => Number(b.lastStatus !== 'STOPPED') - Number(a.lastStatus !== 'STOPPED'));
  for (const task of ordered.reverse()) {
    if (task.ec2InstanceId) {
      for (const c of task.containers) for (const b of c.networkBindings) byHostPort.set(`${task.ec2InstanceId}:${b.hostPort}`, task);
    }
    const ip = ipOf(task);
    if (ip) byIp.set(ip, task);
  }
  const targets: TargetRef[] = [];
  const byTask = new Map<string, TargetHealthBadge>();
  for (const tg of Object.values(world.targetGroups)) {
    for (const [key, target] of Object.entries(tg.targets)) {
      const task = tg.TargetType === 'ip' ? byIp.get(target.Id) : byHostPort.get(`${target.Id}:${target.Port}`);
      targets.push({
        targetGroupArn: tg.TargetGroupArn,
        key,
        state: target.State,
        reason: target.Reason,
        taskArn: task?.taskArn,
        ec2InstanceId: tg.TargetType === 'instance' ? target.Id : undefined,
      });
      if (!task) continue;
      const previous = byTask.get(task.taskArn);
      if (!previous || RING_PRIORITY.indexOf(target.State) < RING_PRIORITY.indexOf(previous.state)) {
        byTask.set(task.taskArn, { state: target.State, reason: target.Reason, targetGroupName: tg.TargetGroupName });
      }
    }
  }
  return { targets, byTask };
}
