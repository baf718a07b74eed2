import { describe, it, expect } from 'vitest';
import { findSeries } from '../../aws/cloudwatch/store';
import { countStatus, group, liveTasks, provider, providerSandbox, runOnProvider } from './test-fixtures';

const dims = [
  { Name: 'ClusterName', Value: 'prod' },
  { Name: 'CapacityProviderName', Value: 'cp' },
];

describe('tasks of an Auto Scaling group provider with managed scaling', () => {
  it('wait in PROVISIONING (not a RunTask failure) when no instance has room, and run once scaled-out instances register', () => {
    const s = providerSandbox();
    const out = runOnProvider(s, 3);
    expect(out.failures).toEqual([]);
    expect(out.tasks.map((t: any) => [t.lastStatus, t.capacityProviderName, t.containerInstanceArn])).toEqual([
      ['PROVISIONING', 'cp', undefined],
      ['PROVISIONING', 'cp', undefined],
      ['PROVISIONING', 'cp', undefined],
    ]);
    s.advance(60);
    // 3 tasks of 1024 CPU units; an m5.large registers 2048: ECS estimates 2 instances.
    expect(group(s).DesiredCapacity).toBe(2);
    expect(s.world.scalingActivities[Object.keys(s.world.scalingActivities)[0]].Cause).toContain('a monitor alarm TargetTracking-asg-AlarmHigh-');
    s.advanceUntil(() => countStatus(s, 'RUNNING') === 3, 900);
    const hosts = new Set(liveTasks(s).map((t) => t.ec2InstanceId));
    expect(hosts.size).toBe(2);
    expect(s.messages('task.placement').some((m) => /waited \d+ s in PROVISIONING/.test(m))).toBe(true);
  });

  it('fail at once when managed scaling is DISABLED and the provider has no instance', () => {
    const s = providerSandbox({ managedScaling: null, managedTerminationProtection: 'DISABLED' });
    const out = runOnProvider(s, 1);
    expect(out.tasks).toEqual([]);
    expect(out.failures[0].reason).toBe('No Container Instances were found in your capacity provider.');
  });

  it('are stopped after 30 minutes in PROVISIONING when the group cannot grow (MaxSize 0)', () => {
    const s = providerSandbox({ max: 0 });
    const [task] = runOnProvider(s, 1).tasks;
    s.advance(29 * 60);
    expect(s.world.tasks[task.taskArn].lastStatus).toBe('PROVISIONING');
    expect(s.messages('capacity.blocked')[0]).toContain('is at its MaxSize 0');
    s.advance(120);
    expect(s.world.tasks[task.taskArn]).toMatchObject({ lastStatus: 'STOPPED', stopCode: 'TaskFailedToStart' });
  });
});

describe('CapacityProviderReservation = M / N x 100', () => {
  it('is 100 when no instance runs and no task needs one (M = N = 0), published to AWS/ECS/ManagedScaling', () => {
    const s = providerSandbox();
    s.advance(60);
    expect(provider(s).lastReservation).toMatchObject({ value: 100, m: 0, n: 0 });
    expect(findSeries(s.world, 'AWS/ECS/ManagedScaling', 'CapacityProviderReservation', dims)).toBeDefined();
  });

  it('is 200 when tasks wait and no instance runs (M > 0, N = 0)', () => {
    const s = providerSandbox();
    runOnProvider(s, 1);
    s.advance(60);
    expect(provider(s).lastReservation).toMatchObject({ value: 200, n: 0 });
  });

  it('is M / N x 100 otherwise: one of two instances busy gives 50', () => {
    const s = providerSandbox({ desired: 2 });
    s.advance(240);
    runOnProvider(s, 1, { placementStrategy: [{ type: 'binpack', field: 'cpu' }] });
    s.advance(60);
    expect(provider(s).lastReservation).toMatchObject({ value: 50, m: 1, n: 2 });
  });
});

describe('managed scaling steps', () => {
  it('scales out by at least minimumScalingStepSize', () => {
    const s = providerSandbox({ managedScaling: { minimumScalingStepSize: 3 } });
    runOnProvider(s, 1);
    s.advance(60);
    expect(group(s).DesiredCapacity).toBe(3);
  });

  it('scales out by at most maximumScalingStepSize at a time', () => {
    const s = providerSandbox({ managedScaling: { maximumScalingStepSize: 1 } });
    runOnProvider(s, 6);
    s.advance(60);
    expect(group(s).DesiredCapacity).toBe(1);
    s.advanceUntil(() => countStatus(s, 'RUNNING') === 6, 3600);
    expect(group(s).DesiredCapacity).toBe(3);
  });

  it('keeps spare capacity with a targetCapacity below 100', () => {
    const s = providerSandbox({ managedScaling: { targetCapacity: 50 } });
    runOnProvider(s, 2);
    s.advanceUntil(() => countStatus(s, 'RUNNING') === 2, 900);
    s.advance(120);
    // one busy instance (M = 1) at 50% target -> 2 instances
    expect(group(s).DesiredCapacity).toBe(2);
  });
});

describe('scale in', () => {
  it('waits 15 minutes below target, then terminates only instances without tasks (managed termination protection)', () => {
    const s = providerSandbox({ desired: 2 });
    s.advanceUntil(() => Object.values(s.world.containerInstances).filter((ci) => ci.capacityProviderName === 'cp').length === 2, 600);
    const [task] = runOnProvider(s, 1).tasks;
    s.advanceUntil(() => s.world.tasks[task.taskArn].lastStatus === 'RUNNING', 120);
    const busy = s.world.tasks[task.taskArn].ec2InstanceId!;
    s.advance(60);
    expect(group(s).instances[busy].ProtectedFromScaleIn).toBe(true);
    s.advance(11 * 60); // 13 one-minute datapoints below target so far
    expect(group(s).DesiredCapacity).toBe(2);
    s.advance(3 * 60);
    expect(group(s).DesiredCapacity).toBe(1);
    s.advance(300);
    expect(Object.keys(group(s).instances)).toEqual([busy]);
    expect(s.world.tasks[task.taskArn].lastStatus).toBe('RUNNING');
  });

  it('does not scale in while an instance is inside its instanceWarmupPeriod', () => {
    const s = providerSandbox({ desired: 1, managedScaling: { instanceWarmupPeriod: 3600 } });
    s.advance(30 * 60);
    expect(group(s).DesiredCapacity).toBe(1);
    expect(s.messages('capacity.blocked').some((m) => m.includes('warm-up'))).toBe(true);
    s.advance(40 * 60);
    expect(group(s).DesiredCapacity).toBe(0);
  });
});
