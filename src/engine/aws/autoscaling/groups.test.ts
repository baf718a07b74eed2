import { describe, it, expect } from 'vitest';
import { sandbox } from '../../testing/harness';
import { describeGroup, ecsGroup, ecsLaunchTemplate, isSettled, subnets } from './test-fixtures';

const create = (extra: Record<string, unknown>) => ({
  AutoScalingGroupName: 'asg',
  LaunchTemplate: { LaunchTemplateName: 'ecs-nodes' },
  MinSize: 1,
  MaxSize: 3,
  AvailabilityZones: ['us-east-1a'],
  ...extra,
});

describe('CreateAutoScalingGroup', () => {
  it('DesiredCapacity defaults to MinSize, with the API defaults AWS documents', () => {
    const s = sandbox();
    ecsLaunchTemplate(s);
    s.call('autoscaling:CreateAutoScalingGroup', create({ MinSize: 2, MaxSize: 5 }));
    const g = describeGroup(s);
    expect(g).toMatchObject({
      MinSize: 2,
      MaxSize: 5,
      DesiredCapacity: 2,
      DefaultCooldown: 300,
      HealthCheckType: 'EC2',
      HealthCheckGracePeriod: 0,
      TerminationPolicies: ['Default'],
      NewInstancesProtectedFromScaleIn: false,
      AvailabilityZones: ['us-east-1a'],
      LaunchTemplate: { LaunchTemplateName: 'ecs-nodes', Version: '$Default' },
    });
    expect(g.AutoScalingGroupARN).toMatch(/^arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:[0-9a-f-]{36}:autoScalingGroupName\/asg$/);
    expect(g.CreatedTime).toBeInstanceOf(Date);
  });

  it('answers bad bounds with the ValidationError texts AWS uses', () => {
    const s = sandbox();
    ecsLaunchTemplate(s);
    s.callExpectingError('autoscaling:CreateAutoScalingGroup', create({ MinSize: 2, MaxSize: 1 }), 'ValidationError', 'Max bound, 1, must be greater than or equal to min bound, 2')
      .callExpectingError('autoscaling:CreateAutoScalingGroup', create({ DesiredCapacity: 5 }), 'ValidationError', 'Desired capacity:5 must be between the specified min size:1 and max size:3')
      .callExpectingError('autoscaling:CreateAutoScalingGroup', create({ MinSize: undefined }), 'ValidationError', "Value null at 'minSize' failed to satisfy constraint: Member must not be null");
  });

  it('needs zones or subnets, and a launch template that exists', () => {
    const s = sandbox();
    ecsLaunchTemplate(s);
    s.callExpectingError('autoscaling:CreateAutoScalingGroup', create({ AvailabilityZones: undefined }), 'ValidationError', 'At least one Availability Zone or VPC Subnet is required.')
      .callExpectingError('autoscaling:CreateAutoScalingGroup', create({ LaunchTemplate: { LaunchTemplateName: 'nope' } }), 'ValidationError', 'You must use a valid fully-formed launch template. The specified launch template, with template name nope, does not exist.')
      .callExpectingError('autoscaling:CreateAutoScalingGroup', create({ LaunchTemplate: undefined }), 'ValidationError', 'Valid requests must contain either LaunchTemplate')
      .callExpectingError('autoscaling:CreateAutoScalingGroup', create({ VPCZoneIdentifier: 'subnet-0000', AvailabilityZones: undefined }), 'ValidationError', "The subnet ID 'subnet-0000' does not exist");
  });

  it('a second group with the same name fails with AlreadyExists', () => {
    const s = sandbox();
    ecsLaunchTemplate(s);
    s.call('autoscaling:CreateAutoScalingGroup', create({}));
    s.callExpectingError('autoscaling:CreateAutoScalingGroup', create({}), 'AlreadyExists', 'AutoScalingGroup by this name already exists - A group with the name asg already exists');
  });

  it('VPCZoneIdentifier subnets give the group their AZs', () => {
    const s = sandbox();
    ecsGroup(s, { zones: 2 });
    expect(describeGroup(s)).toMatchObject({ AvailabilityZones: ['us-east-1a', 'us-east-1b'], VPCZoneIdentifier: subnets(s, 2) });
  });
});

describe('UpdateAutoScalingGroup and SetDesiredCapacity', () => {
  it('a new MinSize above the desired capacity raises it, a new MaxSize below lowers it', () => {
    const s = sandbox();
    ecsGroup(s, { min: 0, max: 5, desired: 1 });
    s.call('autoscaling:UpdateAutoScalingGroup', { AutoScalingGroupName: 'asg', MinSize: 3 });
    expect(describeGroup(s).DesiredCapacity).toBe(3);
    s.call('autoscaling:UpdateAutoScalingGroup', { AutoScalingGroupName: 'asg', MinSize: 0, MaxSize: 2 });
    expect(describeGroup(s).DesiredCapacity).toBe(2);
    s.callExpectingError('autoscaling:UpdateAutoScalingGroup', { AutoScalingGroupName: 'asg', MaxSize: 1, DesiredCapacity: 2 }, 'ValidationError', 'Desired capacity:2 must be between the specified min size:0 and max size:1');
  });

  it('SetDesiredCapacity outside the bounds names the bound it breaks', () => {
    const s = sandbox();
    ecsGroup(s, { min: 1, max: 3 });
    s.callExpectingError('autoscaling:SetDesiredCapacity', { AutoScalingGroupName: 'asg', DesiredCapacity: 4 }, 'ValidationError', 'New SetDesiredCapacity value 4 is above max value 3 for the AutoScalingGroup.')
      .callExpectingError('autoscaling:SetDesiredCapacity', { AutoScalingGroupName: 'asg', DesiredCapacity: 0 }, 'ValidationError', 'New SetDesiredCapacity value 0 is below min value 1 for the AutoScalingGroup.')
      .callExpectingError('autoscaling:SetDesiredCapacity', { AutoScalingGroupName: 'nope', DesiredCapacity: 1 }, 'ValidationError', 'AutoScalingGroup name not found - AutoScalingGroup nope not found');
  });
});

describe('DeleteAutoScalingGroup', () => {
  it('refuses while instances remain, unless ForceDelete, which terminates them and then removes the group', () => {
    const s = sandbox();
    ecsGroup(s, { desired: 2 });
    s.advanceUntil(() => isSettled(s), 300);
    s.callExpectingError('autoscaling:DeleteAutoScalingGroup', { AutoScalingGroupName: 'asg' }, 'ResourceInUse', 'You cannot delete an AutoScalingGroup while there are instances or pending Spot instance request(s) still in the group.');
    s.call('autoscaling:DeleteAutoScalingGroup', { AutoScalingGroupName: 'asg', ForceDelete: true });
    s.advance(1);
    expect(describeGroup(s)).toMatchObject({ Status: 'Delete in progress', DesiredCapacity: 0 });
    const ids = Object.keys(s.world.instances);
    s.advance(120);
    expect(s.output('autoscaling:DescribeAutoScalingGroups', { AutoScalingGroupNames: ['asg'] }).AutoScalingGroups).toEqual([]);
    expect(ids.every((id) => s.world.instances[id].State.Name === 'terminated')).toBe(true);
  });

  it('refuses while an instance is still Terminating, and succeeds once it is gone', () => {
    const s = sandbox();
    ecsGroup(s, { desired: 1 });
    s.advanceUntil(() => isSettled(s), 300);
    s.call('autoscaling:TerminateInstanceInAutoScalingGroup', { InstanceId: Object.keys(s.world.instances)[0], ShouldDecrementDesiredCapacity: true });
    s.advance(3);
    expect(Object.values(s.world.autoScalingGroups.asg.instances).map((m) => m.LifecycleState)).toEqual(['Terminating']);
    s.callExpectingError('autoscaling:DeleteAutoScalingGroup', { AutoScalingGroupName: 'asg' }, 'ResourceInUse');
    s.advance(60);
    s.call('autoscaling:DeleteAutoScalingGroup', { AutoScalingGroupName: 'asg' });
  });
});
