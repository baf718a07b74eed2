import { describe, it, expect } from 'vitest';
import { sandbox } from '../../testing/harness';
import { launchContainerInstances } from '../../testing/ec2-fixtures';

describe('custom attributes on container instances', () => {
  it('PutAttributes adds an attribute that ListAttributes and cluster queries see', () => {
    const s = sandbox();
    const [a, b] = launchContainerInstances(s, { cluster: 'prod', count: 2 });
    const put = s.output('ecs:PutAttributes', { cluster: 'prod', attributes: [{ name: 'stack', value: 'prod', targetId: a }] });
    expect(put.attributes).toEqual([{ name: 'stack', value: 'prod', targetType: 'container-instance', targetId: a }]);
    expect(s.output('ecs:ListAttributes', { cluster: 'prod', targetType: 'container-instance', attributeName: 'stack' }).attributes).toEqual(put.attributes);
    expect(s.output('ecs:ListContainerInstances', { cluster: 'prod', filter: 'attribute:stack == prod' }).containerInstanceArns).toEqual([a]);
    expect(s.output('ecs:ListContainerInstances', { cluster: 'prod', filter: 'attribute:stack !exists' }).containerInstanceArns).toEqual([b]);
  });

  it('a short id needs targetType, and an unknown target is TargetNotFoundException', () => {
    const s = sandbox();
    const [a] = launchContainerInstances(s, { cluster: 'prod', count: 1 });
    const id = a.split('/').pop();
    s.callExpectingError('ecs:PutAttributes', { cluster: 'prod', attributes: [{ name: 'x', targetId: id }] }, 'InvalidParameterException', 'targetType');
    s.call('ecs:PutAttributes', { cluster: 'prod', attributes: [{ name: 'x', targetId: id, targetType: 'container-instance' }] });
    s.callExpectingError('ecs:PutAttributes', { cluster: 'prod', attributes: [{ name: 'x', targetId: 'nope', targetType: 'container-instance' }] }, 'TargetNotFoundException');
  });

  it('allows at most 10 custom attributes per container instance', () => {
    const s = sandbox();
    const [a] = launchContainerInstances(s, { cluster: 'prod', count: 1 });
    const attrs = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ name: `k${from + i}`, value: 'v', targetId: a }));
    s.call('ecs:PutAttributes', { cluster: 'prod', attributes: attrs(0, 10) });
    s.call('ecs:PutAttributes', { cluster: 'prod', attributes: [{ name: 'k3', value: 'changed', targetId: a }] }); // overwriting is fine
    s.callExpectingError('ecs:PutAttributes', { cluster: 'prod', attributes: attrs(10, 1) }, 'AttributeLimitExceededException', 'up to 10 custom attributes');
    s.callExpectingError('ecs:PutAttributes', { cluster: 'prod', attributes: attrs(20, 11) }, 'InvalidParameterException', 'up to 10 attributes in a single call');
    s.call('ecs:DeleteAttributes', { cluster: 'prod', attributes: [{ name: 'k0', targetId: a }] });
    s.call('ecs:PutAttributes', { cluster: 'prod', attributes: attrs(10, 1) });
    expect(s.world.containerInstances[a].attributes.find((x) => x.name === 'k3')?.value).toBe('changed');
  });

  it("does not let PutAttributes overwrite the agent's own ecs.* attributes", () => {
    const s = sandbox();
    const [a] = launchContainerInstances(s, { cluster: 'prod', count: 1 });
    s.callExpectingError('ecs:PutAttributes', { cluster: 'prod', attributes: [{ name: 'ecs.availability-zone', value: 'us-east-1f', targetId: a }] }, 'InvalidParameterException', 'reserved');
  });
});
