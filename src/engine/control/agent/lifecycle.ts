/**
 * The container agent's side of a task's start, one kernel event per step:
 *
 *   PROVISIONING --agent.provisioned--> PENDING (ENI ATTACHED for awsvpc)
 *   PENDING: image pulls (pullStartedAt .. pullStoppedAt), then containers start in dependsOn
 *   order, each RUNNING `startupSeconds` (image behaviour) after the agent starts it
 *   every container started --> ACTIVATING --agent.activated--> RUNNING (startedAt)
 *
 * Every handler first checks that its task is still there and still wanted (desiredStatus
 * RUNNING, the expected lastStatus): an event for a task that was stopped meanwhile is stale and
 * ignored. While the instance's agent is disconnected the step waits (see connection.ts).
 */
import type { KernelEvent } from '../../kernel/kernel';
import type { Simulation } from '../../simulation';
import type { Task } from '../../world/types';
import { liveTask, setTaskStatus } from '../tasks/status';
import { stopTask } from '../tasks/stop';
import { deferIfDisconnected } from './connection';
import { containerDefinitionOf, containerInstanceOf, containerNamed } from './definitions';
import { dependencyState } from './dependencies';
import { scheduleFirstHealthCheck } from './health';
import { planPull } from './pull';
import { recordPull } from '../../aws/ecr/resolve';
import { wakeTargetsOfTask } from '../elb/parking';

/** Standalone tasks have nothing to register (no load balancer, no Cloud Map) while ACTIVATING. */
export const ACTIVATING_SECONDS = 1;

export function onProvisioned(sim: Simulation, event: KernelEvent): void {
  const task = liveTask(sim, event.taskArn);
  if (!task || task.lastStatus !== 'PROVISIONING' || deferIfDisconnected(sim, task, event)) return;
  for (const a of task.attachments) {
    a.status = 'ATTACHED';
    sim.emit({ source: 'ecs', kind: 'task.attachment', resource: task.taskArn, message: `Elastic network interface ${detail(a.details, 'networkInterfaceId')} ATTACHED (private IP ${detail(a.details, 'privateIPv4Address')}).` });
  }
  setTaskStatus(sim, task, 'PENDING', task.attachments.length ? 'the task network interface is attached; pulling images' : 'pulling images');
  startPulls(sim, task);
}

/** Bridge/host tasks on EC2 start at PENDING: the agent picks them up and pulls at once. */
export function onPickedUp(sim: Simulation, event: KernelEvent): void {
  const task = liveTask(sim, event.taskArn);
  if (!task || task.lastStatus !== 'PENDING' || task.pullStartedAt !== undefined || deferIfDisconnected(sim, task, event)) return;
  startPulls(sim, task);
}

function startPulls(sim: Simulation, task: Task): void {
  task.pullStartedAt = sim.now;
  const cache = containerInstanceOf(sim, task)?.pulledImageDigests ?? [];
  let longest = 0;
  let failure: { name: string; reason: string; seconds: number } | undefined;
  for (const c of task.containers) {
    const plan = planPull(sim, task, c.image, cache);
    if (!plan.ok) {
      if (!failure) failure = { name: c.name, reason: plan.reason, seconds: plan.seconds };
      continue;
    }
    c.imageDigest = plan.image.imageDigest;
    c.behavior = { ...plan.image.behavior };
    // ECR records a pull when the manifest is fetched (DescribeImages lastRecordedPullTime).
    if (plan.image.repositoryArn) recordPull(sim.world, plan.image.repositoryArn, plan.image.imageDigest, sim.now);
    longest = Math.max(longest, plan.seconds);
    sim.emit({
      source: 'ecs',
      kind: 'task.pull',
      resource: task.taskArn,
      message: plan.cached
        ? `Container ${c.name}: image ${c.image} (${plan.image.imageDigest.slice(0, 19)}) is already on this instance; only the manifest is fetched (${plan.seconds} s).`
        : `Container ${c.name}: pulling ${c.image} (${(plan.image.sizeInBytes / 1048576).toFixed(0)} MiB from ${plan.image.source === 'ecr' ? 'Amazon ECR' : 'a public registry'}), about ${plan.seconds} s.`,
    });
  }
  if (failure) sim.schedule(failure.seconds, { type: 'agent.pullFailed', taskArn: task.taskArn, container: failure.name, reason: failure.reason });
  else sim.schedule(longest, { type: 'agent.pullComplete', taskArn: task.taskArn });
}

export function onPullFailed(sim: Simulation, event: KernelEvent): void {
  const task = liveTask(sim, event.taskArn);
  if (!task || task.lastStatus !== 'PENDING' || deferIfDisconnected(sim, task, event)) return;
  const reason = String(event.reason);
  task.pullStoppedAt = sim.now;
  const c = containerNamed(task, event.container);
  if (c) c.reason = reason;
  sim.emit({ source: 'ecs', kind: 'task.pull', resource: task.taskArn, message: `Container ${String(event.container)}: ${reason}` });
  stopTask(sim, task.taskArn, 'TaskFailedToStart', reason);
}

export function onPullComplete(sim: Simulation, event: KernelEvent): void {
  const task = liveTask(sim, event.taskArn);
  if (!task || task.lastStatus !== 'PENDING' || deferIfDisconnected(sim, task, event)) return;
  task.pullStoppedAt = sim.now;
  const ci = containerInstanceOf(sim, task);
  if (ci) {
    const cache = new Set(ci.pulledImageDigests ?? []);
    for (const c of task.containers) if (c.imageDigest) cache.add(c.imageDigest);
    ci.pulledImageDigests = [...cache];
  }
  sim.emit({ source: 'ecs', kind: 'task.pull', resource: task.taskArn, message: `Images pulled in ${(sim.now - (task.pullStartedAt ?? sim.now)).toFixed(1)} s; starting containers.` });
  startReadyContainers(sim, task);
}

/** Starts every container whose dependsOn conditions now hold; stops the task if one never can. */
export function startReadyContainers(sim: Simulation, task: Task): void {
  if (task.desiredStatus !== 'RUNNING' || task.pullStoppedAt === undefined) return;
  for (const c of task.containers) {
    if (c.lastStatus !== 'PENDING' || c.startingAt !== undefined) continue;
    const state = dependencyState(task, c.name, containerDefinitionOf(sim, task, c.name)?.dependsOn);
    if (state.state === 'wait') continue;
    if (state.state === 'impossible') {
      c.lastStatus = 'STOPPED';
      c.reason = state.reason;
      sim.emit({ source: 'ecs', kind: 'task.container', resource: task.taskArn, message: `Container ${c.name} cannot start: ${state.reason}` });
      stopTask(sim, task.taskArn, task.startedAt === undefined ? 'TaskFailedToStart' : 'EssentialContainerExited', state.reason);
      return;
    }
    c.startingAt = sim.now;
    const startup = c.behavior?.startupSeconds ?? 5;
    sim.schedule(startup, { type: 'agent.containerStarted', taskArn: task.taskArn, container: c.name });
  }
}

export function onContainerStarted(sim: Simulation, event: KernelEvent): void {
  const task = liveTask(sim, event.taskArn);
  const c = task && containerNamed(task, event.container);
  if (!task || !c || c.lastStatus !== 'PENDING' || deferIfDisconnected(sim, task, event)) return;
  c.lastStatus = 'RUNNING';
  c.startedAt = sim.now;
  wakeTargetsOfTask(sim, task); // a container that starts answers health checks
  task.version += 1;
  const ports = c.networkBindings.map((b) => `${b.hostPort}->${b.containerPort}/${b.protocol}`).join(', ');
  sim.emit({ source: 'ecs', kind: 'task.container', resource: task.taskArn, message: `Container ${c.name} is RUNNING${ports ? ` (host ports ${ports})` : ''}.` });
  if (c.behavior?.exitAfterSeconds !== undefined) {
    sim.schedule(c.behavior.exitAfterSeconds, { type: 'agent.containerExited', taskArn: task.taskArn, container: c.name });
  }
  scheduleFirstHealthCheck(sim, task, c);
  startReadyContainers(sim, task);
  maybeActivate(sim, task);
}

/** Once every container has started (or run and exited), the task moves to ACTIVATING. */
export function maybeActivate(sim: Simulation, task: Task): void {
  if (task.desiredStatus !== 'RUNNING' || task.lastStatus !== 'PENDING') return;
  if (!task.containers.every((c) => c.startedAt !== undefined)) return;
  setTaskStatus(sim, task, 'ACTIVATING', 'every container has started');
  sim.schedule(ACTIVATING_SECONDS, { type: 'agent.activated', taskArn: task.taskArn });
}

export function onActivated(sim: Simulation, event: KernelEvent): void {
  const task = liveTask(sim, event.taskArn);
  if (!task || task.lastStatus !== 'ACTIVATING' || deferIfDisconnected(sim, task, event)) return;
  task.startedAt = sim.now;
  setTaskStatus(sim, task, 'RUNNING', `started ${(sim.now - task.createdAt).toFixed(1)} s after it was created`);
}

const detail = (details: { name: string; value: string }[], name: string) => details.find((d) => d.name === name)?.value ?? '';
