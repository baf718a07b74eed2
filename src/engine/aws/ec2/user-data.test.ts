import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { agentConfig, decodeUserData, encodeUserData } from './user-data';

describe('user data as EC2 takes it and the ECS agent reads it', () => {
  it('base64 round-trips any UTF-8 text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => decodeUserData(encodeUserData(text)) === text));
  });

  it('rejects text that is not base64 with EC2 message', () => {
    expect(() => decodeUserData('not base64!')).toThrow('Invalid BASE64 encoding of user data.');
  });

  it('reads ECS_CLUSTER from the echo line the ECS guide shows', () => {
    expect(agentConfig(encodeUserData('#!/bin/bash\necho ECS_CLUSTER=prod >> /etc/ecs/ecs.config\n')).cluster).toBe('prod');
  });

  it('reads quoted values, and the last line wins as in an env file', () => {
    const text = 'echo "ECS_CLUSTER=first" >> /etc/ecs/ecs.config\ncat <<EOF >> /etc/ecs/ecs.config\nECS_CLUSTER=\'second\'\nEOF\n';
    expect(agentConfig(encodeUserData(text)).cluster).toBe('second');
  });

  it('has no cluster when the user data sets none (the agent then uses "default")', () => {
    expect(agentConfig(encodeUserData('#!/bin/bash\necho ECS_ENABLE_TASK_IAM_ROLE=true >> /etc/ecs/ecs.config\n')).cluster).toBeUndefined();
    expect(agentConfig(undefined).cluster).toBeUndefined();
  });

  it('does not mistake ECS_CLUSTER_X or MY_ECS_CLUSTER for ECS_CLUSTER', () => {
    expect(agentConfig(encodeUserData('MY_ECS_CLUSTER=a\n')).cluster).toBeUndefined();
  });

  it('reads ECS_RESERVED_MEMORY in MiB', () => {
    expect(agentConfig(encodeUserData('ECS_CLUSTER=a\nECS_RESERVED_MEMORY=256\n')).reservedMemoryMiB).toBe(256);
  });
});
