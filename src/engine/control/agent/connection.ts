/**
 * A disconnected container agent (containerInstance.agentConnected false).
 *
 * AWS: when the agent loses its connection to ECS, the containers already on the host keep
 * running, but ECS sees no state changes and cannot hand the agent new work (StopTask only records
 * desiredStatus STOPPED); when the agent reconnects it reports and acts on what it missed.
 *
 * Model (a simple, faithful choice): every agent step of an EC2 task waits while its instance's
 * agent is disconnected, re-checking every AGENT_RETRY_SECONDS; running containers therefore go on
 * running unchanged. When the host itself is gone (instance shutting down or terminated, or the
 * container instance deregistered) nothing waits: the containers died with the host and the steps
 * run so the task can reach STOPPED.
 */
import type { KernelEvent } from '../../kernel/kernel';
import type { Simulation } from '../../simulation';
import type { Task } from '../../world/types';
import { containerInstanceOf } from './definitions';

export const AGENT_RETRY_SECONDS = 10;

export function hostGone(sim: Simulation, task: Task): boolean {
  if (task.launchType !== 'EC2') return false;
  const ci = containerInstanceOf(sim, task);
  if (!ci || ci.status === 'INACTIVE') return true;
  const ec2 = Object.hasOwn(sim.world.instances, ci.ec2InstanceId) ? sim.world.instances[ci.ec2InstanceId] : undefined;
  return !ec2 || ec2.State.Name === 'shutting-down' || ec2.State.Name === 'terminated';
}

/** True (and the event re-scheduled) when the task's agent is disconnected. */
export function deferIfDisconnected(sim: Simulation, task: Task, event: KernelEvent): boolean {
  if (task.launchType !== 'EC2' || hostGone(sim, task)) return false;
  const ci = containerInstanceOf(sim, task);
  if (!ci || ci.agentConnected) return false;
  sim.schedule(AGENT_RETRY_SECONDS, event);
  return true;
}
