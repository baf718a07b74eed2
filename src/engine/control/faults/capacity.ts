/**
 * Capacity during an AvailabilityZoneOutage (outage.ts describes the model): what RunInstances
 * and Fargate placement may use. Kept free of heavy imports: aws/ec2/run-instances.ts and
 * control/fargate/provision.ts call it.
 */
import type { Simulation } from '../../simulation';
import type { Subnet, World } from '../../world/types';
import { AwsError } from '../../aws/errors';
import { isZoneOut, zonesOut } from './state';

export const FARGATE_SWEEP_EVENT = 'faults.fargateSweep';

/** Fargate's RunTask failure reason when it has no capacity in the task's AZs. */
export const FARGATE_CAPACITY_UNAVAILABLE = 'Capacity is unavailable at this time. Please try again later or in a different availability zone';

/**
 * Fargate placement during an outage (called by control/fargate/provision.ts): the subnets
 * outside impaired AZs. When every given subnet is in an impaired AZ the task is placed there
 * anyway and a sweep right after stops it with Fargate's capacity message.
 */
export function fargateSubnetsAvoidingOutage(sim: Simulation, subnets: Subnet[]): Subnet[] {
  if (zonesOut(sim.world).length === 0) return subnets;
  const usable = subnets.filter((s) => !isZoneOut(sim.world, s.AvailabilityZone));
  const avoided = [...new Set(subnets.filter((s) => isZoneOut(sim.world, s.AvailabilityZone)).map((s) => s.AvailabilityZone))];
  if (avoided.length === 0) return subnets;
  if (usable.length > 0) {
    sim.emit({ source: 'ecs', kind: 'task.placement', resource: avoided.join(','), message: `Fargate has no capacity in ${avoided.join(', ')} (AvailabilityZoneOutage): the task goes to a subnet in another AZ.` });
    return usable;
  }
  sim.schedule(0, { type: FARGATE_SWEEP_EVENT });
  return subnets;
}

/**
 * RunInstances during an outage (called by aws/ec2/run-instances.ts): an explicit subnet or AZ in
 * an impaired zone fails as EC2 fails a launch it has no capacity for.
 */
export function assertZoneHasCapacity(world: World, az: string, instanceType: string): void {
  if (!isZoneOut(world, az)) return;
  const others = world.availabilityZones.filter((z) => !isZoneOut(world, z));
  throw new AwsError(
    'InsufficientInstanceCapacity',
    `We currently do not have sufficient ${instanceType} capacity in the Availability Zone you requested (${az}). Our system will be working on provisioning additional capacity. ` +
      `You can currently get ${instanceType} capacity by not specifying an Availability Zone in your request or choosing ${others.join(', ')}.`,
  );
}

/** The AZs RunInstances may choose itself (no subnet or AZ given): those not impaired, if any. */
export function zonesWithCapacity<T extends { AvailabilityZone: string }>(world: World, subnets: T[]): T[] {
  const usable = subnets.filter((s) => !isZoneOut(world, s.AvailabilityZone));
  return usable.length > 0 ? usable : subnets;
}
