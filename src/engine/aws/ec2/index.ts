/** The ec2: actions the simulator answers. */
import type { Action } from '../../simulation';
import { runInstances } from './run-instances';
import { describeInstances, terminateInstances } from './instances';
import { describeAvailabilityZones, describeSubnets, describeVpcs } from './network';

export const ec2Actions: Record<string, Action> = {
  'ec2:RunInstances': runInstances,
  'ec2:TerminateInstances': terminateInstances,
  'ec2:DescribeInstances': describeInstances,
  'ec2:DescribeVpcs': describeVpcs,
  'ec2:DescribeSubnets': describeSubnets,
  'ec2:DescribeAvailabilityZones': describeAvailabilityZones,
};
