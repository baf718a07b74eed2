/**
 * Test fixtures for capacity providers: cluster `prod`, an Auto Scaling group `asg` of m5.large
 * instances joining it (aws/autoscaling/test-fixtures.ts), capacity provider `cp` on the group,
 * associated with the cluster; and a task definition `web` (bridge, 1024 CPU units, 2048 MiB: an
 * m5.large, 2048 units and 7985 MiB registered, takes two).
 */
import { sandbox, type Sandbox } from '../../testing/harness';
import { ecsGroup } from '../../aws/autoscaling/test-fixtures';
import { registerTaskDefinition } from '../../testing/task-fixtures';

export interface ProviderSetup {
  seed?: number;
  min?: number;
  max?: number;
  desired?: number;
  managedScaling?: Record<string, unknown> | null;
  managedTerminationProtection?: 'ENABLED' | 'DISABLED';
  /** Make cp the cluster's default strategy (weight 1). */
  asDefault?: boolean;
}

export function providerSandbox(o: ProviderSetup = {}): Sandbox {
  const s = sandbox({ seed: o.seed ?? 1 });
  const mtp = o.managedTerminationProtection ?? 'ENABLED';
  ecsGroup(s, { min: o.min ?? 0, max: o.max ?? 10, desired: o.desired ?? 0, protect: mtp === 'ENABLED' });
  s.call('ecs:CreateCapacityProvider', {
    name: 'cp',
    autoScalingGroupProvider: {
      autoScalingGroupArn: s.world.autoScalingGroups.asg.AutoScalingGroupARN,
      ...(o.managedScaling === null ? {} : { managedScaling: { status: 'ENABLED', ...(o.managedScaling ?? {}) } }),
      managedTerminationProtection: mtp,
    },
  });
  s.call('ecs:PutClusterCapacityProviders', {
    cluster: 'prod',
    capacityProviders: ['cp'],
    defaultCapacityProviderStrategy: o.asDefault ? [{ capacityProvider: 'cp', weight: 1 }] : [],
  });
  registerTaskDefinition(s, { family: 'web', containerDefinitions: [{ name: 'app', image: 'nginx:latest', cpu: 1024, memory: 2048, essential: true }] });
  return s;
}

export const runOnProvider = (s: Sandbox, count: number, extra: Record<string, unknown> = {}) =>
  s.output('ecs:RunTask', { cluster: 'prod', taskDefinition: 'web', count, capacityProviderStrategy: [{ capacityProvider: 'cp', weight: 1 }], ...extra });

export const liveTasks = (s: Sandbox) => Object.values(s.world.tasks).filter((t) => t.lastStatus !== 'STOPPED');
export const countStatus = (s: Sandbox, status: string) => Object.values(s.world.tasks).filter((t) => t.lastStatus === status).length;
export const group = (s: Sandbox) => s.world.autoScalingGroups.asg;
export const provider = (s: Sandbox) => s.world.capacityProviders!.cp;
