import { describe, it, expect } from 'vitest';
import { createSessionStore } from '../../store/session';
import { noFrames } from '../../store/test-frames';
import { blueGreenCanary, DEPLOY_AT_SECONDS } from '../../scenario/gallery/blue-green-canary';
import { toGraph } from './toGraph';
import type { ListenerNode, ServiceNode, TaskNode } from './types';

// The gallery's blue/green canary: CodeDeployDefault.ECSCanary10Percent5Minutes sends 10% of
// production traffic to the green task set for 5 minutes, then 100%, then removes the blue one.
function graphAt(t: number) {
  const store = createSessionStore({ scenario: blueGreenCanary, frames: noFrames });
  store.getState().seek(t);
  return toGraph(store.getState().sim.world, t);
}
const service = (t: number) => graphAt(t).nodes.find((n) => n.type === 'service') as ServiceNode;
const forwardLabels = (t: number) =>
  graphAt(t)
    .edges.filter((e) => e.data?.relation === 'forward')
    .map((e) => `${e.target.split('/').at(-2)} ${e.label}`);

describe('toGraph: blue/green with task sets and CodeDeploy', () => {
  it('draws the service\'s one task set before the deployment: PRIMARY, scale 100%, behind web-blue', () => {
    expect(service(DEPLOY_AT_SECONDS - 60).data.taskSets?.map((t) => [t.status, t.taskDefinition, t.scale, t.targetGroups])).toEqual([
      ['PRIMARY', 'web:1', 100, ['web-blue']],
    ]);
  });

  it('during the canary draws both task sets, the green one ACTIVE behind web-green, and the CodeDeploy deployment InProgress at 10%', () => {
    const data = service(DEPLOY_AT_SECONDS + 120).data;
    expect(data.taskSets?.map((t) => [t.status, t.taskDefinition, t.targetGroups[0], t.runningCount])).toEqual([
      ['PRIMARY', 'web:1', 'web-blue', 3],
      ['ACTIVE', 'web:2', 'web-green', 3],
    ]);
    expect(data.codeDeploy).toMatchObject({ status: 'InProgress', greenWeight: 10, deploymentConfigName: 'CodeDeployDefault.ECSCanary10Percent5Minutes' });
  });

  it('labels each production forward edge with its target group\'s weight, and says on the listener what CodeDeploy is doing', () => {
    const g = graphAt(DEPLOY_AT_SECONDS + 120);
    const prod = g.nodes.find((n) => n.type === 'listener' && (n as ListenerNode).data.port === 80) as ListenerNode;
    const labels = g.edges.filter((e) => e.source === prod.id && e.data?.relation === 'forward').map((e) => e.label).sort();
    expect(labels).toEqual(['10%', '90%']);
    expect(prod.data.codeDeploy).toBe('CodeDeploy InProgress: 10% → web-green');
    expect(prod.data.defaultAction).toBe('forward to web-blue 90%, web-green 10%');
  });

  it('badges each task with its task set, so blue and green tasks tell apart at a glance', () => {
    const chips = graphAt(DEPLOY_AT_SECONDS + 120).nodes.filter((n): n is TaskNode => n.type === 'task' && n.data.lastStatus === 'RUNNING');
    const byStatus = (s: string) => chips.filter((c) => c.data.deployment?.status === s).map((c) => c.data.taskDefinition);
    expect(byStatus('PRIMARY')).toEqual(['web:1', 'web:1', 'web:1']);
    expect(byStatus('ACTIVE')).toEqual(['web:2', 'web:2', 'web:2']);
    expect(chips.every((c) => c.data.deployment?.taskSet)).toBe(true);
  });

  it('after the shift all production traffic goes to green (100%), green is PRIMARY, and in the end only it is left', () => {
    expect(service(DEPLOY_AT_SECONDS + 400).data.taskSets?.map((t) => [t.status, t.taskDefinition])).toEqual([
      ['PRIMARY', 'web:2'],
      ['ACTIVE', 'web:1'],
    ]);
    const end = service(DEPLOY_AT_SECONDS + 700).data;
    expect(end.taskSets?.map((t) => [t.status, t.taskDefinition])).toEqual([['PRIMARY', 'web:2']]);
    expect(end.codeDeploy).toMatchObject({ status: 'Succeeded', greenWeight: 100 });
    expect(forwardLabels(DEPLOY_AT_SECONDS + 700)).toEqual(expect.arrayContaining(['web-green 100%', 'web-blue 0%']));
  });

  it('keeps the service card tall enough for its task sets and the CodeDeploy line', () => {
    const node = service(DEPLOY_AT_SECONDS + 120);
    expect(node.height).toBe(100 + 2 * 42 + 22);
  });
});
