/**
 * An EC2 container instance going away (TerminateInstances).
 *
 * - shutting-down: the OS shuts down, stopping Docker and the agent. The agent disconnects and its
 *   tasks stop. Choice of stopCode (ECS documents none for a lost host): TerminationNotice, with the
 *   stoppedReason ECS shows for tasks whose host was terminated, "Host EC2 (instance i-...)
 *   terminated."
 * - terminated: ECS deregisters the container instance of a terminated instance automatically
 *   (status INACTIVE), so it leaves ListContainerInstances and the cluster's counts.
 */
import type { EventHandler, Simulation } from '../../simulation';
import type { Ec2Instance } from '../../world/types';
import { instanceState } from '../../aws/ec2/shapes';
import { stopTask } from '../tasks/stop';
import { markAllServicesChanged } from '../services/changes';
import { wakeTargetsAt } from '../elb/parking';

export const hostTerminatedReason = (instanceId: string) => `Host EC2 (instance ${instanceId}) terminated.`;

/** Moves a pending/running instance to shutting-down and stops what runs on it. */
export function beginShutdown(sim: Simulation, instance: Ec2Instance): void {
  const id = instance.InstanceId;
  instance.State = instanceState('shutting-down');
  markAllServicesChanged(sim.world);
  wakeTargetsAt(sim, instance.InstanceId);
  instance.StateTransitionReason = `User initiated (${gmt(sim.date(sim.now))})`;
  instance.StateReason = { Code: 'Client.UserInitiatedShutdown', Message: 'Client.UserInitiatedShutdown: User initiated shutdown' };
  sim.emit({ source: 'ec2', kind: 'ec2.instance.state', resource: id, message: `Instance ${id} is shutting down (TerminateInstances).`, detail: { state: 'shutting-down' } });

  const ci = instance.containerInstanceArn ? sim.world.containerInstances[instance.containerInstanceArn] : undefined;
  if (ci && ci.status !== 'INACTIVE') {
    ci.agentConnected = false;
    ci.version += 1;
    const tasks = Object.values(sim.world.tasks).filter((t) => t.containerInstanceArn === ci.containerInstanceArn && t.lastStatus !== 'STOPPED');
    sim.emit({
      source: 'ecs',
      kind: 'agent.disconnected',
      resource: ci.containerInstanceArn,
      message: `The ECS container agent on ${id} disconnected: the instance is shutting down. ${tasks.length === 0 ? 'It had no tasks.' : `Its ${tasks.length} task(s) stop.`}`,
    });
    for (const task of tasks) stopTask(sim, task.taskArn, 'TerminationNotice', hostTerminatedReason(id));
  }
}

export const instanceTerminated: EventHandler = (sim, event) => {
  const instance = sim.world.instances[event.instanceId as string];
  if (!instance || instance.State.Name !== 'shutting-down') return;
  instance.State = instanceState('terminated');
  markAllServicesChanged(sim.world);
  wakeTargetsAt(sim, instance.InstanceId);
  const id = instance.InstanceId;
  sim.emit({ source: 'ec2', kind: 'ec2.instance.state', resource: id, message: `Instance ${id} is terminated.`, detail: { state: 'terminated' } });
  const ci = instance.containerInstanceArn ? sim.world.containerInstances[instance.containerInstanceArn] : undefined;
  if (ci && ci.status !== 'INACTIVE') {
    ci.status = 'INACTIVE';
    ci.agentConnected = false;
    ci.statusReason = `Instance ${id} was terminated.`;
    ci.version += 1;
    sim.emit({
      source: 'ecs',
      kind: 'containerInstance.deregistered',
      resource: ci.containerInstanceArn,
      message: `Container instance ${ci.containerInstanceArn.split('/').pop()} (${id}) is INACTIVE: its EC2 instance was terminated, so ECS deregistered it from the cluster.`,
    });
  }
};

/** "2025-01-01 00:03:10 GMT", as in EC2's StateTransitionReason. */
function gmt(d: Date): string {
  return `${d.toISOString().slice(0, 19).replace('T', ' ')} GMT`;
}
