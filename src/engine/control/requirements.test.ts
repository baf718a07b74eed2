import { describe, it, expect } from 'vitest';
import type { ContainerDefinition } from '@aws-sdk/client-ecs';
import type { TaskDefinition } from '../world/types';
import { taskRequirements } from './requirements';

const td = (containerDefinitions: ContainerDefinition[], extra: Partial<TaskDefinition> = {}): TaskDefinition => ({
  taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:1',
  family: 'web',
  revision: 1,
  status: 'ACTIVE',
  registeredAt: 0,
  containerDefinitions,
  ...extra,
});

describe('taskRequirements (what a task reserves on a container instance)', () => {
  it('sums container cpu, and per container memoryReservation when set, else memory', () => {
    const req = taskRequirements(td([
      { name: 'a', cpu: 256, memory: 1024, memoryReservation: 300 },
      { name: 'b', cpu: 128, memory: 200 },
      { name: 'c' },
    ]));
    expect(req).toMatchObject({ cpu: 384, memory: 500, eni: false });
  });

  it('reserves the task-level cpu and memory when they are set, each on its own', () => {
    expect(taskRequirements(td([{ name: 'a', cpu: 256, memory: 300 }], { cpu: '1024', memory: '2048' }))).toMatchObject({ cpu: 1024, memory: 2048 });
    expect(taskRequirements(td([{ name: 'a', cpu: 256, memory: 300 }], { memory: '2048' }))).toMatchObject({ cpu: 256, memory: 2048 });
  });

  it('reads "1 vCPU" and "2 GB" as 1024 units and 2048 MiB, and RunTask overrides win over the task definition', () => {
    expect(taskRequirements(td([], { cpu: '1 vCPU', memory: '2 GB' }))).toMatchObject({ cpu: 1024, memory: 2048 });
    expect(taskRequirements(td([], { cpu: '1024', memory: '2048' }), { cpu: '512', memory: '1024' })).toMatchObject({ cpu: 512, memory: 1024 });
  });

  it('in bridge mode (the default) a hostPort of 0 or omitted is a dynamic port, a set one is static', () => {
    const req = taskRequirements(td([
      { name: 'a', memory: 128, portMappings: [{ containerPort: 80 }, { containerPort: 81, hostPort: 0 }, { containerPort: 443, hostPort: 8443 }] },
      { name: 'b', memory: 128, portMappings: [{ containerPort: 53, protocol: 'udp' }, { containerPort: 54, hostPort: 5454, protocol: 'udp' }] },
    ]));
    expect(req).toMatchObject({ tcpPorts: [8443], udpPorts: [5454], dynamicTcpPorts: 2, dynamicUdpPorts: 1 });
    expect(req.portMappings).toContainEqual({ containerName: 'a', containerPort: 443, hostPort: 8443, protocol: 'tcp' });
  });

  it('in host mode the container port is the host port', () => {
    const req = taskRequirements(td([{ name: 'a', memory: 128, portMappings: [{ containerPort: 80 }, { containerPort: 9000, hostPort: 9000 }] }], { networkMode: 'host' }));
    expect(req).toMatchObject({ tcpPorts: [80, 9000], dynamicTcpPorts: 0 });
  });

  it('in awsvpc mode the task needs an ENI and no host ports of the instance', () => {
    const req = taskRequirements(td([{ name: 'a', memory: 128, portMappings: [{ containerPort: 80, hostPort: 80 }] }], { networkMode: 'awsvpc' }));
    expect(req).toMatchObject({ eni: true, tcpPorts: [], dynamicTcpPorts: 0 });
  });
});
