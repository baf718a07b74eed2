import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseTaskCpu, parseTaskMemory } from './units';
import { fargateMemoryChoices, isValidFargateSize } from './fargate';

describe('task-level cpu and memory (RegisterTaskDefinition: vCPU and GB become units and MiB)', () => {
  it('reads CPU units and vCPUs', () => {
    expect(parseTaskCpu('1024')).toBe(1024);
    expect(parseTaskCpu(512)).toBe(512);
    expect(parseTaskCpu('1 vCPU')).toBe(1024);
    expect(parseTaskCpu('0.5 vcpu')).toBe(512);
    expect(parseTaskCpu(undefined)).toBeUndefined();
  });

  it('reads MiB and GB', () => {
    expect(parseTaskMemory('2048')).toBe(2048);
    expect(parseTaskMemory('2 GB')).toBe(2048);
    expect(parseTaskMemory('0.5GB')).toBe(512);
  });

  it('refuses what it cannot read with InvalidParameterException', () => {
    for (const bad of ['', 'fast', '-1', '1.5', '2 TB']) expect(() => parseTaskMemory(bad)).toThrow("Invalid 'memory' setting for task.");
    expect(() => parseTaskCpu('1 core')).toThrow("Invalid 'cpu' setting for task.");
  });

  it('a whole number of vCPUs always reads as 1024 units each', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 192 }), (n) => parseTaskCpu(`${n} vCPU`) === n * 1024));
  });
});

describe('Fargate task sizes (the table in aws-semantics.md)', () => {
  it('256 CPU takes 512, 1024 or 2048 MiB', () => {
    expect(fargateMemoryChoices(256)).toEqual([512, 1024, 2048]);
  });

  it('ranges step as documented', () => {
    expect(fargateMemoryChoices(512)).toEqual([1024, 2048, 3072, 4096]);
    expect(isValidFargateSize(4096, 30720)).toBe(true);
    expect(isValidFargateSize(4096, 31744)).toBe(false);
    expect(isValidFargateSize(8192, 20480)).toBe(true);
    expect(isValidFargateSize(8192, 18432)).toBe(false);
    expect(isValidFargateSize(16384, 122880)).toBe(true);
    expect(isValidFargateSize(16384, 36864)).toBe(false);
    expect(isValidFargateSize(1024, 1024)).toBe(false);
    expect(isValidFargateSize(3072, 8192)).toBe(false);
  });
});
