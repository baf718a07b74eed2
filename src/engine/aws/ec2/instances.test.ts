import { describe, it, expect } from 'vitest';
import { sandbox } from '../../testing/harness';
import { ECS_AMI_ID } from '../../testing/ec2-fixtures';

const launch = (s: ReturnType<typeof sandbox>, extra: Record<string, unknown> = {}) =>
  s.output('ec2:RunInstances', { ImageId: ECS_AMI_ID, InstanceType: 't3.small', MinCount: 1, MaxCount: 1, ...extra }).Instances[0].InstanceId as string;

describe('ec2:DescribeInstances', () => {
  it('filters by instance-id, instance-state-name, availability-zone and tag:KEY', () => {
    const s = sandbox();
    const a = launch(s, { Placement: { AvailabilityZone: 'us-east-1a' }, TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'env', Value: 'prod' }] }] });
    const b = launch(s, { Placement: { AvailabilityZone: 'us-east-1b' } });
    const ids = (filters: unknown[]) => s.output('ec2:DescribeInstances', { Filters: filters }).Reservations.flatMap((r: any) => r.Instances.map((i: any) => i.InstanceId));
    expect(ids([{ Name: 'instance-id', Values: [b] }])).toEqual([b]);
    expect(ids([{ Name: 'availability-zone', Values: ['us-east-1a'] }])).toEqual([a]);
    expect(ids([{ Name: 'tag:env', Values: ['prod'] }])).toEqual([a]);
    expect(ids([{ Name: 'instance-state-name', Values: ['pending'] }])).toEqual([a, b]);
    s.advance(30);
    expect(ids([{ Name: 'instance-state-name', Values: ['pending'] }])).toEqual([]);
    expect(ids([{ Name: 'instance-state-name', Values: ['running'] }])).toEqual([a, b]);
  });

  it('groups instances by reservation and rejects unknown ids', () => {
    const s = sandbox();
    s.call('ec2:RunInstances', { ImageId: ECS_AMI_ID, InstanceType: 't3.small', MinCount: 2, MaxCount: 2 });
    launch(s);
    const out = s.output('ec2:DescribeInstances', {});
    expect(out.Reservations.map((r: any) => r.Instances.length)).toEqual([2, 1]);
    s.callExpectingError('ec2:DescribeInstances', { InstanceIds: ['i-0123456789abcdef0'] }, 'InvalidInstanceID.NotFound', "The instance ID 'i-0123456789abcdef0' does not exist");
  });
});

describe('ec2:TerminateInstances', () => {
  it('reports shutting-down with the previous state, then the instance is terminated shortly after', () => {
    const s = sandbox();
    const id = launch(s);
    s.advance(30);
    const out = s.output('ec2:TerminateInstances', { InstanceIds: [id] });
    expect(out.TerminatingInstances).toEqual([{ InstanceId: id, CurrentState: { Code: 32, Name: 'shutting-down' }, PreviousState: { Code: 16, Name: 'running' } }]);
    s.advance(60);
    expect(s.world.instances[id].State).toEqual({ Code: 48, Name: 'terminated' });
    expect(s.world.instances[id].StateReason?.Code).toBe('Client.UserInitiatedShutdown');
    // terminating again changes nothing
    expect(s.output('ec2:TerminateInstances', { InstanceIds: [id] }).TerminatingInstances[0].PreviousState.Name).toBe('terminated');
  });

  it('a pending instance that is terminated never becomes running', () => {
    const s = sandbox();
    const id = launch(s);
    s.call('ec2:TerminateInstances', { InstanceIds: [id] }).advance(120);
    expect(s.world.instances[id].State.Name).toBe('terminated');
    expect(s.messages('ec2.instance.state').some((m) => m.includes('is running'))).toBe(false);
  });

  it('answers InvalidInstanceID errors', () => {
    const s = sandbox();
    s.callExpectingError('ec2:TerminateInstances', { InstanceIds: ['web-1'] }, 'InvalidInstanceID.Malformed');
    s.callExpectingError('ec2:TerminateInstances', { InstanceIds: ['i-0123456789abcdef0'] }, 'InvalidInstanceID.NotFound');
    s.callExpectingError('ec2:TerminateInstances', {}, 'MissingParameter');
  });
});

describe('the default network', () => {
  it('has one default VPC and one default subnet per AZ', () => {
    const s = sandbox();
    const vpcs = s.output('ec2:DescribeVpcs', { Filters: [{ Name: 'is-default', Values: ['true'] }] }).Vpcs;
    expect(vpcs).toHaveLength(1);
    const subnets = s.output('ec2:DescribeSubnets', { Filters: [{ Name: 'vpc-id', Values: [vpcs[0].VpcId] }] }).Subnets;
    expect(subnets.map((x: any) => x.AvailabilityZone)).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d', 'us-east-1e', 'us-east-1f']);
    expect(subnets.every((x: any) => x.DefaultForAz && x.AvailableIpAddressCount === 4091)).toBe(true);
    const zones = s.output('ec2:DescribeAvailabilityZones', {}).AvailabilityZones;
    expect(zones[0]).toMatchObject({ ZoneName: 'us-east-1a', ZoneId: 'use1-az1', State: 'available' });
    s.callExpectingError('ec2:DescribeSubnets', { SubnetIds: ['subnet-nope'] }, 'InvalidSubnetID.NotFound');
  });
});
