/**
 * AvailabilityZoneOutage: one AZ is impaired, as AWS customers see it in a real AZ event.
 *
 * The model (a documented choice; AWS publishes no exact behaviour for an impairment):
 *  - EC2 instances there stay `running` (they are not terminated) but cannot be reached: their
 *    container agents disconnect (tasks keep their last known state, placement skips the instances
 *    with AGENT, task changes wait) and load balancer health checks to targets there time out
 *    (Target.Timeout), so the targets become unhealthy and the ALB stops routing to them.
 *  - Fargate tasks there are lost: they stop with stopCode TerminationNotice (choice: ECS has no
 *    stop code for a lost zone; TerminationNotice is the one for capacity going away).
 *  - Nothing new starts there: ec2:RunInstances into the AZ fails with
 *    InsufficientInstanceCapacity (EC2's message), RunInstances without a subnet or AZ picks
 *    another AZ, and Fargate places new tasks only in the other AZs' subnets. A Fargate task whose
 *    subnets are all in impaired AZs fails to start with Fargate's capacity message.
 *  - When the outage ends (ClearFault or its duration), agents reconnect (unless another fault
 *    holds them) and health checks reach the targets again; the lost Fargate tasks stay stopped.
 */
import type { KernelEvent } from '../../kernel/kernel';
import type { Simulation } from '../../simulation';
import type { World } from '../../world/types';
import { stopTask } from '../tasks/stop';
import { disconnectAgent, reconnectAgentIfFree } from './instances';
import { zonesOut } from './state';
import { FARGATE_CAPACITY_UNAVAILABLE } from './capacity';

export const zoneLostReason = (az: string) => `Task stopped: the Availability Zone ${az} is impaired (AvailabilityZoneOutage) and the task's Fargate capacity there was lost.`;

const liveInstancesIn = (world: World, az: string) =>
  Object.values(world.instances).filter((i) => i.Placement.AvailabilityZone === az && (i.State.Name === 'running' || i.State.Name === 'pending'));

export function beginOutage(sim: Simulation, az: string): void {
  const instances = liveInstancesIn(sim.world, az);
  for (const i of instances) disconnectAgent(sim, i, `the Availability Zone ${az} is impaired`);
  stopFargateTasksInImpairedZones(sim);
}

export function endOutage(sim: Simulation, az: string): void {
  for (const i of liveInstancesIn(sim.world, az)) reconnectAgentIfFree(sim, i);
}

/**
 * Stops every Fargate task not yet stopping in an impaired AZ: one that had started (startedAt)
 * lost its capacity; one still starting could not get any (TaskFailedToStart).
 */
export function stopFargateTasksInImpairedZones(sim: Simulation): void {
  const out = zonesOut(sim.world);
  if (out.length === 0) return;
  for (const task of Object.values(sim.world.tasks)) {
    if (task.launchType !== 'FARGATE' || task.desiredStatus !== 'RUNNING' || !out.includes(task.availabilityZone)) continue;
    if (task.startedAt === undefined) stopTask(sim, task.taskArn, 'TaskFailedToStart', FARGATE_CAPACITY_UNAVAILABLE);
    else stopTask(sim, task.taskArn, 'TerminationNotice', zoneLostReason(task.availabilityZone));
  }
}

export { FARGATE_SWEEP_EVENT } from './capacity';

export const onFargateSweep = (sim: Simulation, _event: KernelEvent) => stopFargateTasksInImpairedZones(sim);
