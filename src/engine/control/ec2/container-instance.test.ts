import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { sandbox } from '../../testing/harness';
import { launchContainerInstances } from '../../testing/ec2-fixtures';
import { INSTANCE_TYPES } from '../../world/instance-types';
import { registeredMemoryMiB } from './container-instance';

describe('what a container instance registers', () => {
  it('registers 1,024 CPU units per vCPU and a little less memory than installed', () => {
    const s = sandbox();
    const [c5] = launchContainerInstances(s, { cluster: 'prod', count: 1, instanceType: 'c5.xlarge' });
    const ci = s.world.containerInstances[c5];
    expect(ci.registeredResources.cpu).toBe(4 * 1024);
    expect(ci.registeredResources.memory).toBeLessThan(8192);
    expect(ci.registeredResources.memory).toBeGreaterThan(8192 * 0.95);
  });

  it('matches the ECS guide: an 8 GiB instance registers 7985 MiB', () => {
    expect(registeredMemoryMiB(8192)).toBe(7985);
  });

  it('registered memory is below installed memory for every instance type, and never negative', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(INSTANCE_TYPES)), fc.integer({ min: 0, max: 512 }), (type, reserved) => {
        const m = registeredMemoryMiB(INSTANCE_TYPES[type].memoryMiB, reserved);
        return m < INSTANCE_TYPES[type].memoryMiB && m >= 0;
      }),
    );
  });

  it('ECS_RESERVED_MEMORY in the user data takes that many MiB off', () => {
    const s = sandbox();
    const [a] = launchContainerInstances(s, { cluster: 'prod', count: 1, instanceType: 'm5.large', agentConfig: ['ECS_RESERVED_MEMORY=256'] });
    expect(s.world.containerInstances[a].registeredResources.memory).toBe(7985 - 256);
  });

  it('allows ENI limit - 1 awsvpc tasks (c5.large 2, m5.xlarge 3)', () => {
    const s = sandbox();
    const [c5, m5] = [...launchContainerInstances(s, { cluster: 'prod', count: 1, instanceType: 'c5.large' }), ...launchContainerInstances(s, { cluster: 'prod', count: 1, instanceType: 'm5.xlarge' })];
    expect(s.world.containerInstances[c5].eniLimit).toBe(2);
    expect(s.world.containerInstances[m5].eniLimit).toBe(3);
  });

  it('carries the built-in attributes placement constraints use, with arm64 for Graviton types', () => {
    const s = sandbox();
    const [a] = launchContainerInstances(s, { cluster: 'prod', count: 1, instanceType: 'm6g.large', availabilityZones: ['us-east-1d'] });
    const ci = s.world.containerInstances[a];
    const attr = (n: string) => ci.attributes.find((x) => x.name === n)?.value;
    const ec2 = s.world.instances[ci.ec2InstanceId];
    expect(attr('ecs.availability-zone')).toBe('us-east-1d');
    expect(attr('ecs.instance-type')).toBe('m6g.large');
    expect(attr('ecs.os-type')).toBe('linux');
    expect(attr('ecs.cpu-architecture')).toBe('arm64');
    expect(attr('ecs.ami-id')).toBe(ec2.ImageId);
    expect(attr('ecs.vpc-id')).toBe(ec2.VpcId);
    expect(attr('ecs.subnet-id')).toBe(ec2.SubnetId);
    expect(ci.attributes.some((x) => x.name === 'ecs.capability.task-eni')).toBe(true);
    expect(ci.attributes.some((x) => x.name === 'com.amazonaws.ecs.capability.docker-remote-api.1.44')).toBe(true);
  });
});

describe('the instance type table', () => {
  it('has at least 20 types with the ENI limits ECS task networking relies on', () => {
    expect(Object.keys(INSTANCE_TYPES).length).toBeGreaterThanOrEqual(20);
    expect(INSTANCE_TYPES['c5.large'].maxEnis).toBe(3);
    expect(INSTANCE_TYPES['m5.large'].maxEnis).toBe(3);
    expect(INSTANCE_TYPES['m5.xlarge'].maxEnis).toBe(4);
    expect(INSTANCE_TYPES['m5.large'].trunkEnis).toBe(10);
    expect(INSTANCE_TYPES['t3.medium'].trunkEnis).toBeUndefined();
    expect(INSTANCE_TYPES['t4g.small'].architecture).toBe('arm64');
  });
});
