/**
 * The faults in effect (world.faults), and the questions other modules ask about them: is this
 * AZ out, is this agent held disconnected, do this task's health checks fail. Pure reads of world
 * data, cheap when no fault is active (the usual case).
 */
import type { Ec2Instance, Task, World } from '../../world/types';
import type { ActiveFault, FaultState, FaultType } from '../../world/fault-types';

/** The world's fault state (created on first use, for worlds from before faults existed). */
export function faultState(world: World): FaultState {
  if (!world.faults) world.faults = { active: {}, sequence: 0 };
  return world.faults;
}

/** Active lasting faults, oldest first. */
export function activeFaults(world: World): ActiveFault[] {
  return world.faults ? Object.values(world.faults.active) : [];
}

export function findFault(world: World, type: FaultType, target: string): ActiveFault | undefined {
  return activeFaults(world).find((f) => f.type === type && f.target === target);
}

/** True while an AvailabilityZoneOutage fault holds this AZ. */
export const isZoneOut = (world: World, availabilityZone: string): boolean => findFault(world, 'AvailabilityZoneOutage', availabilityZone) !== undefined;

/** The AZs under an outage now. */
export const zonesOut = (world: World): string[] => activeFaults(world).filter((f) => f.type === 'AvailabilityZoneOutage').map((f) => f.target);

/** Why the agent on this instance must stay disconnected (a fault holds it), or undefined. */
export function disconnectHeldBy(world: World, instance: Ec2Instance): ActiveFault | undefined {
  return findFault(world, 'AgentDisconnect', instance.InstanceId) ?? findFault(world, 'AvailabilityZoneOutage', instance.Placement.AvailabilityZone);
}

/** The service name of a task started by a service (group "service:NAME"), if any. */
export const serviceNameOfTask = (task: Task): string | undefined => (task.group.startsWith('service:') ? task.group.slice('service:'.length) : undefined);

/**
 * True while a HealthCheckFailure fault covers the task: one on its ARN, or one on the name of
 * the service that started it (every task of the service, current and future).
 */
export function healthCheckFaulted(world: World, task: Task): boolean {
  if (!world.faults) return false;
  const service = serviceNameOfTask(task);
  return activeFaults(world).some((f) => f.type === 'HealthCheckFailure' && (f.target === task.taskArn || (service !== undefined && f.target === service)));
}
