/** ec2:TerminateInstances and ec2:DescribeInstances. */
import type { DescribeInstancesResult, InstanceStateChange, TerminateInstancesResult } from '@aws-sdk/client-ec2';
import type { Simulation } from '../../simulation';
import type { Ec2Instance } from '../../world/types';
import { AwsError } from '../errors';
import { optionalArray, type Input } from '../validate';
import { beginShutdown } from '../../control/ec2/terminate';
import { BOOT_SECONDS } from '../../control/ec2/timing';
import { matchesFilters, readFilters, tagField } from './filters';
import { reservationOutput } from './shapes';

const INSTANCE_ID = /^i-([0-9a-f]{8}|[0-9a-f]{17})$/;

function instanceIds(input: Input, required: boolean): string[] | undefined {
  const ids = optionalArray<unknown>(input, 'InstanceIds', 'InvalidParameterValue');
  if (ids === undefined || ids.length === 0) {
    if (required) throw new AwsError('MissingParameter', 'The request must contain the parameter InstanceIds');
    return undefined;
  }
  for (const id of ids) {
    if (typeof id !== 'string' || !INSTANCE_ID.test(id)) throw new AwsError('InvalidInstanceID.Malformed', `Invalid id: "${String(id)}"`);
  }
  return ids as string[];
}

function requireInstances(sim: Simulation, ids: string[]): Ec2Instance[] {
  const missing = ids.filter((id) => !sim.world.instances[id]);
  if (missing.length === 1) throw new AwsError('InvalidInstanceID.NotFound', `The instance ID '${missing[0]}' does not exist`);
  if (missing.length > 1) throw new AwsError('InvalidInstanceID.NotFound', `The instance IDs '${missing.join(', ')}' do not exist`);
  return ids.map((id) => sim.world.instances[id]);
}

export function terminateInstances(sim: Simulation, input: Input): TerminateInstancesResult {
  const ids = instanceIds(input, true) as string[];
  const instances = requireInstances(sim, [...new Set(ids)]);
  const TerminatingInstances: InstanceStateChange[] = instances.map((instance) => {
    const PreviousState = { ...instance.State };
    // Terminating an instance that is already shutting down or terminated changes nothing (EC2).
    if (instance.State.Name === 'pending' || instance.State.Name === 'running' || instance.State.Name === 'stopped' || instance.State.Name === 'stopping') {
      beginShutdown(sim, instance);
      sim.schedule(sim.random.between(BOOT_SECONDS.terminated[0], BOOT_SECONDS.terminated[1]), { type: 'ec2.instanceTerminated', instanceId: instance.InstanceId });
    }
    return { InstanceId: instance.InstanceId, CurrentState: { ...instance.State }, PreviousState };
  });
  return { TerminatingInstances };
}

const INSTANCE_FILTERS = ['instance-id', 'instance-state-name', 'instance-state-code', 'instance-type', 'availability-zone', 'subnet-id', 'vpc-id', 'image-id', 'private-ip-address', 'reservation-id', 'iam-instance-profile.arn', 'tag-key', 'tag-value'];

function instanceField(i: Ec2Instance, name: string): string[] | undefined {
  switch (name) {
    case 'instance-id': return [i.InstanceId];
    case 'instance-state-name': return [i.State.Name];
    case 'instance-state-code': return [String(i.State.Code)];
    case 'instance-type': return [i.InstanceType];
    case 'availability-zone': return [i.Placement.AvailabilityZone];
    case 'subnet-id': return [i.SubnetId];
    case 'vpc-id': return [i.VpcId];
    case 'image-id': return [i.ImageId];
    case 'private-ip-address': return [i.PrivateIpAddress];
    case 'reservation-id': return i.ReservationId ? [i.ReservationId] : [];
    case 'iam-instance-profile.arn': return i.IamInstanceProfile?.Arn ? [i.IamInstanceProfile.Arn] : [];
    default: return tagField(i.Tags, name);
  }
}

/**
 * Reservations in launch order, each with its matching instances. Choice: EC2 keeps terminated
 * instances visible for about an hour; the simulator keeps them visible.
 */
export function describeInstances(sim: Simulation, input: Input): DescribeInstancesResult {
  const ids = instanceIds(input, false);
  const filters = readFilters(input);
  const candidates = ids ? requireInstances(sim, ids) : Object.values(sim.world.instances);
  const matching = candidates.filter((i) => matchesFilters(filters, (name) => instanceField(i, name), INSTANCE_FILTERS));
  const byReservation = new Map<string, Ec2Instance[]>();
  for (const i of matching) {
    const key = i.ReservationId ?? `r-${i.InstanceId.slice(2)}`;
    byReservation.set(key, [...(byReservation.get(key) ?? []), i]);
  }
  return { Reservations: [...byReservation].map(([id, list]) => reservationOutput(sim, id, list)) };
}
