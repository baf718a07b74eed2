import { describe, it, expect } from 'vitest';
import { sandbox } from '../../testing/harness';

const td = (family: string) => ({ family, containerDefinitions: [{ name: 'app', image: 'nginx', memory: 128 }] });
const arn = (name: string) => `arn:aws:ecs:us-east-1:123456789012:task-definition/${name}`;

/** web:1..3 (web:2 deregistered), api:1, web-worker:1 (deregistered), registered out of order. */
function world() {
  return sandbox()
    .call('ecs:RegisterTaskDefinition', td('web'))
    .call('ecs:RegisterTaskDefinition', td('web-worker'))
    .call('ecs:RegisterTaskDefinition', td('web'))
    .call('ecs:RegisterTaskDefinition', td('api'))
    .call('ecs:RegisterTaskDefinition', td('web'))
    .call('ecs:DeregisterTaskDefinition', { taskDefinition: 'web:2' })
    .call('ecs:DeregisterTaskDefinition', { taskDefinition: 'web-worker:1' });
}

describe('ListTaskDefinitions', () => {
  it('lists ACTIVE revisions by default, sorted by family name then revision', () => {
    expect(world().output('ecs:ListTaskDefinitions').taskDefinitionArns).toEqual([arn('api:1'), arn('web:1'), arn('web:3')]);
  });

  it('sort DESC reverses the order', () => {
    expect(world().output('ecs:ListTaskDefinitions', { sort: 'DESC' }).taskDefinitionArns).toEqual([arn('web:3'), arn('web:1'), arn('api:1')]);
  });

  it('familyPrefix is the full family name, not a prefix', () => {
    const s = world().call('ecs:RegisterTaskDefinition', td('web-worker'));
    expect(s.output('ecs:ListTaskDefinitions', { familyPrefix: 'web' }).taskDefinitionArns).toEqual([arn('web:1'), arn('web:3')]);
  });

  it('status INACTIVE lists deregistered revisions', () => {
    expect(world().output('ecs:ListTaskDefinitions', { status: 'INACTIVE' }).taskDefinitionArns).toEqual([arn('web:2'), arn('web-worker:1')]);
  });

  it('pages with maxResults and nextToken', () => {
    const s = world();
    const first = s.output('ecs:ListTaskDefinitions', { maxResults: 2 });
    expect(first.taskDefinitionArns).toEqual([arn('api:1'), arn('web:1')]);
    const second = s.output('ecs:ListTaskDefinitions', { maxResults: 2, nextToken: first.nextToken });
    expect(second).toEqual({ taskDefinitionArns: [arn('web:3')] });
  });

  it('rejects an unknown status, sort or maxResults out of 1-100', () => {
    world()
      .callExpectingError('ecs:ListTaskDefinitions', { status: 'GONE' }, 'InvalidParameterException')
      .callExpectingError('ecs:ListTaskDefinitions', { sort: 'UP' }, 'InvalidParameterException')
      .callExpectingError('ecs:ListTaskDefinitions', { maxResults: 101 }, 'InvalidParameterException');
  });
});

describe('ListTaskDefinitionFamilies', () => {
  it('lists every family alphabetically by default (status ALL)', () => {
    expect(world().output('ecs:ListTaskDefinitionFamilies').families).toEqual(['api', 'web', 'web-worker']);
  });

  it('familyPrefix is a real prefix here', () => {
    expect(world().output('ecs:ListTaskDefinitionFamilies', { familyPrefix: 'web' }).families).toEqual(['web', 'web-worker']);
  });

  it('ACTIVE keeps families with an ACTIVE revision; INACTIVE keeps families with none', () => {
    const s = world();
    expect(s.output('ecs:ListTaskDefinitionFamilies', { status: 'ACTIVE' }).families).toEqual(['api', 'web']);
    expect(s.output('ecs:ListTaskDefinitionFamilies', { status: 'INACTIVE' }).families).toEqual(['web-worker']);
  });
});
