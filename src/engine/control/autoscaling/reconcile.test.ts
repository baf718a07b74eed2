import { describe, it, expect } from 'vitest';
import { sandbox, type Sandbox } from '../../testing/harness';
import { containerInstanceOf } from '../../testing/ec2-fixtures';
import { describeGroup, ecsGroup, inServiceByZone, isSettled } from '../../aws/autoscaling/test-fixtures';

const settle = (s: Sandbox) => s.advanceUntil(() => isSettled(s), 600);
const members = (s: Sandbox) => Object.values(s.world.autoScalingGroups.asg.instances);
const activities = (s: Sandbox) => s.output('autoscaling:DescribeScalingActivities', { AutoScalingGroupName: 'asg' }).Activities;

describe('an Auto Scaling group keeping its desired capacity', () => {
  it('launches the desired capacity; the instances go Pending -> InService and join the ECS cluster named in the template user data', () => {
    const s = sandbox({ seed: 5 });
    ecsGroup(s, { desired: 3 });
    s.advance(3);
    expect(describeGroup(s).Instances.map((i: any) => i.LifecycleState)).toEqual(['Pending', 'Pending', 'Pending']);
    settle(s);
    const ids = members(s).map((m) => m.InstanceId);
    expect(ids).toHaveLength(3);
    s.advance(60);
    for (const id of ids) {
      expect(containerInstanceOf(s, id)?.clusterArn).toBe('arn:aws:ecs:us-east-1:123456789012:cluster/prod');
      expect(s.world.instances[id].Tags).toContainEqual({ Key: 'aws:autoscaling:groupName', Value: 'asg' });
    }
  });

  it('spreads launches over its AZs, the emptiest first', () => {
    const s = sandbox();
    ecsGroup(s, { desired: 5 });
    settle(s);
    expect(inServiceByZone(s)).toEqual({ 'us-east-1a': 2, 'us-east-1b': 2, 'us-east-1c': 1 });
  });

  it('records activities with AWS-worded descriptions and causes, Successful once InService', () => {
    const s = sandbox();
    ecsGroup(s, { desired: 2 });
    settle(s);
    const list = activities(s);
    expect(list).toHaveLength(2);
    for (const a of list) {
      expect(a.Description).toMatch(/^Launching a new EC2 instance: i-0[0-9a-f]{16}$/);
      expect(a.Cause).toBe(
        'At 2025-01-01T00:00:00Z a user request created an AutoScalingGroup changing the desired capacity from 0 to 2.  ' +
          'At 2025-01-01T00:00:02Z an instance was started in response to a difference between desired and actual capacity, increasing the capacity from 0 to 2.',
      );
      expect(a).toMatchObject({ StatusCode: 'Successful', Progress: 100 });
      expect(JSON.parse(a.Details)).toHaveProperty('Availability Zone');
      expect(a.EndTime.getTime()).toBeGreaterThan(a.StartTime.getTime());
    }
  });

  it('scales in from the AZ with the most instances and never picks an instance protected from scale in', () => {
    const s = sandbox({ seed: 2 });
    ecsGroup(s, { desired: 4 });
    settle(s);
    const inA = members(s).filter((m) => m.AvailabilityZone === 'us-east-1a').map((m) => m.InstanceId);
    expect(inA).toHaveLength(2);
    s.call('autoscaling:SetInstanceProtection', { AutoScalingGroupName: 'asg', InstanceIds: [inA[0]], ProtectedFromScaleIn: true });
    s.call('autoscaling:SetDesiredCapacity', { AutoScalingGroupName: 'asg', DesiredCapacity: 3 });
    settle(s);
    const left = members(s).map((m) => m.InstanceId);
    expect(left).toContain(inA[0]);
    expect(left).not.toContain(inA[1]);
    expect(activities(s)[0].Cause).toMatch(/a user request explicitly set group desired capacity changing the desired capacity from 4 to 3\.  At .* shrinking the capacity from 4 to 3\./);
  });

  it('when every instance is protected, scale in waits and the log says why', () => {
    const s = sandbox();
    ecsGroup(s, { desired: 2, protect: true });
    settle(s);
    s.call('autoscaling:SetDesiredCapacity', { AutoScalingGroupName: 'asg', DesiredCapacity: 0 }).advance(60);
    expect(members(s).filter((m) => m.LifecycleState === 'InService')).toHaveLength(2);
    expect(s.messages('autoscaling.scaleInBlocked')).toHaveLength(1);
    expect(s.messages('autoscaling.scaleInBlocked')[0]).toMatch(/protected from scale in/);
    s.call('autoscaling:SetInstanceProtection', { AutoScalingGroupName: 'asg', InstanceIds: members(s).map((m) => m.InstanceId), ProtectedFromScaleIn: false });
    s.advanceUntil(() => Object.keys(s.world.autoScalingGroups.asg.instances).length === 0, 300);
  });

  it('replaces an instance terminated with ec2:TerminateInstances (EC2 health check)', () => {
    const s = sandbox();
    ecsGroup(s, { desired: 2 });
    settle(s);
    const [victim] = members(s);
    s.call('ec2:TerminateInstances', { InstanceIds: [victim.InstanceId] }).advance(15);
    const terminate = activities(s).find((a: any) => a.Description === `Terminating EC2 instance: ${victim.InstanceId}`);
    expect(terminate.Cause).toMatch(/an instance was taken out of service in response to an EC2 health check indicating it has been terminated or stopped\.$/);
    expect(describeGroup(s).Instances.find((i: any) => i.InstanceId === victim.InstanceId)).toMatchObject({ HealthStatus: 'Unhealthy', LifecycleState: 'Terminating' });
    settle(s);
    expect(members(s).map((m) => m.InstanceId)).not.toContain(victim.InstanceId);
    expect(inServiceByZone(s)).toEqual({ 'us-east-1a': 1, 'us-east-1b': 1, 'us-east-1c': 0 });
  });

  it('TerminateInstanceInAutoScalingGroup without decrement launches a replacement', () => {
    const s = sandbox();
    ecsGroup(s, { desired: 2 });
    settle(s);
    const [victim] = members(s);
    const out = s.output('autoscaling:TerminateInstanceInAutoScalingGroup', { InstanceId: victim.InstanceId, ShouldDecrementDesiredCapacity: false });
    expect(out.Activity).toMatchObject({ Description: `Terminating EC2 instance: ${victim.InstanceId}`, StatusCode: 'InProgress' });
    expect(out.Activity.Cause).toMatch(new RegExp(`instance ${victim.InstanceId} was taken out of service in response to a user request\\.$`));
    settle(s);
    expect(describeGroup(s).DesiredCapacity).toBe(2);
    expect(members(s).map((m) => m.InstanceId)).not.toContain(victim.InstanceId);
  });

  it('TerminateInstanceInAutoScalingGroup with decrement shrinks the group, but not below MinSize', () => {
    const s = sandbox();
    ecsGroup(s, { min: 1, desired: 2 });
    settle(s);
    const [a, b] = members(s);
    const out = s.output('autoscaling:TerminateInstanceInAutoScalingGroup', { InstanceId: a.InstanceId, ShouldDecrementDesiredCapacity: true });
    expect(out.Activity.Cause).toMatch(/was taken out of service in response to a user request, shrinking the capacity from 2 to 1\.$/);
    s.callExpectingError('autoscaling:TerminateInstanceInAutoScalingGroup', { InstanceId: b.InstanceId, ShouldDecrementDesiredCapacity: true }, 'ValidationError', 'Currently, desiredSize equals minSize (1).');
    settle(s);
    expect(members(s).map((m) => m.InstanceId)).toEqual([b.InstanceId]);
  });

  it('rebalances its zones after an unbalancing termination: launch first, then terminate in the fullest AZ', () => {
    const s = sandbox();
    ecsGroup(s, { desired: 6 });
    settle(s);
    for (const m of members(s).filter((x) => x.AvailabilityZone === 'us-east-1a')) {
      s.call('autoscaling:TerminateInstanceInAutoScalingGroup', { InstanceId: m.InstanceId, ShouldDecrementDesiredCapacity: true });
    }
    s.advanceUntil(() => isSettled(s) && Math.max(...Object.values(inServiceByZone(s))) - Math.min(...Object.values(inServiceByZone(s))) <= 1, 900);
    expect(Object.values(inServiceByZone(s)).sort()).toEqual([1, 1, 2]);
    expect(activities(s).some((a: any) => a.Cause.includes("an instance was launched to aid in balancing the group's zones."))).toBe(true);
  });

  it('DescribeAutoScalingInstances reports group, state and HEALTHY in capitals', () => {
    const s = sandbox();
    ecsGroup(s, { desired: 1 });
    settle(s);
    const [row] = s.output('autoscaling:DescribeAutoScalingInstances', {}).AutoScalingInstances;
    expect(row).toMatchObject({ AutoScalingGroupName: 'asg', LifecycleState: 'InService', HealthStatus: 'HEALTHY', ProtectedFromScaleIn: false });
  });

  it('launches from the template version "$Latest" names now, and scale in prefers instances of an older version', () => {
    const s = sandbox();
    ecsGroup(s, { desired: 3, zones: 1 });
    settle(s);
    s.call('ec2:CreateLaunchTemplateVersion', { LaunchTemplateName: 'ecs-nodes', SourceVersion: '1', LaunchTemplateData: { InstanceType: 'c5.large' } });
    s.call('autoscaling:SetDesiredCapacity', { AutoScalingGroupName: 'asg', DesiredCapacity: 4 });
    settle(s);
    const newest = members(s).find((m) => m.LaunchTemplate.Version === '2')!;
    expect(newest.InstanceType).toBe('c5.large');
    s.call('autoscaling:SetDesiredCapacity', { AutoScalingGroupName: 'asg', DesiredCapacity: 1 });
    settle(s);
    expect(members(s).map((m) => m.InstanceId)).toEqual([newest.InstanceId]);
    expect(s.messages('autoscaling.terminate').at(-1)).toMatch(/older launch template version/);
  });

  it('the same seed and calls give the same event log and activities', () => {
    const run = () => {
      const s = sandbox({ seed: 9 });
      ecsGroup(s, { desired: 4 });
      settle(s);
      s.call('ec2:TerminateInstances', { InstanceIds: [members(s)[1].InstanceId] });
      s.call('autoscaling:SetDesiredCapacity', { AutoScalingGroupName: 'asg', DesiredCapacity: 2 }).advance(300);
      return JSON.stringify([s.world.events, s.world.scalingActivities]);
    };
    expect(run()).toBe(run());
  });
});
