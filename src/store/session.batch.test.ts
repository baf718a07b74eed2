import { describe, it, expect } from 'vitest';
import { createSessionStore } from './session';
import { defaultScenario } from '../scenario/default';
import { noFrames } from './test-frames';
import { straightRun, worldJson } from './straight-run';

// A form that creates several resources makes several API calls; the learner made one edit.
const at100 = () => {
  const store = createSessionStore({ scenario: defaultScenario, frames: noFrames });
  store.getState().advance(100);
  return store;
};

describe('the session store: several calls as one edit (batch)', () => {
  it('records every call of a batch at the playhead, together, and undoes them in one step', () => {
    const store = at100();
    const before = worldJson(store.getState().sim);
    store.getState().batch((call) => {
      call('ecr:CreateRepository', { repositoryName: 'api' });
      call('ecs:CreateCluster', { clusterName: 'staging' });
    });
    expect(store.getState().commands.map((c) => [c.at, c.call])).toEqual([
      [100, 'ecr:CreateRepository'],
      [100, 'ecs:CreateCluster'],
    ]);
    store.getState().undo();
    expect(store.getState().commands).toEqual([]);
    expect(store.getState().canUndo).toBe(false);
    expect(worldJson(store.getState().sim)).toBe(before);
  });

  it('redoes a batch in one step too', () => {
    const store = at100();
    store.getState().batch((call) => {
      call('ecr:CreateRepository', { repositoryName: 'api' });
      call('ecs:CreateCluster', { clusterName: 'staging' });
    });
    const withBatch = worldJson(store.getState().sim);
    store.getState().undo();
    store.getState().redo();
    expect(store.getState().commands).toHaveLength(2);
    expect(worldJson(store.getState().sim)).toBe(withBatch);
  });

  it('keeps what succeeded before a failed call, as AWS would, and that part is still one undo step', () => {
    const store = at100();
    const results = store.getState().batch((call) => [
      call('ecr:CreateRepository', { repositoryName: 'api' }),
      call('ecs:RunTask', { cluster: 'nope', taskDefinition: 'web' }),
    ]);
    expect(results[1].error?.code).toBe('ClusterNotFoundException');
    expect(store.getState().commands.map((c) => c.call)).toEqual(['ecr:CreateRepository']);
    expect(Object.values(store.getState().sim.world.repositories).map((r) => r.repositoryName)).toContain('api');
    store.getState().undo();
    expect(store.getState().commands).toEqual([]);
    expect(Object.values(store.getState().sim.world.repositories).map((r) => r.repositoryName)).not.toContain('api');
  });

  it('adds no undo step when every call of the batch failed', () => {
    const store = at100();
    store.getState().call('ecr:CreateRepository', { repositoryName: 'first' });
    store.getState().batch((call) => call('ecs:RunTask', { cluster: 'nope', taskDefinition: 'web' }));
    store.getState().undo();
    expect(store.getState().commands).toEqual([]);
    expect(store.getState().canUndo).toBe(false);
  });

  it('gives the same world as the same calls made one by one (and as a straight replay)', () => {
    const one = at100();
    one.getState().batch((call) => {
      call('ecr:CreateRepository', { repositoryName: 'api' });
      call('ecs:RunTask', { cluster: 'prod', taskDefinition: 'web', count: 1, launchType: 'EC2' });
    });
    const two = at100();
    two.getState().call('ecr:CreateRepository', { repositoryName: 'api' });
    two.getState().call('ecs:RunTask', { cluster: 'prod', taskDefinition: 'web', count: 1, launchType: 'EC2' });
    one.getState().advance(60);
    two.getState().advance(60);
    expect(worldJson(one.getState().sim)).toBe(worldJson(two.getState().sim));
    expect(worldJson(one.getState().sim)).toBe(worldJson(straightRun(defaultScenario, one.getState().commands, 160)));
  });

  it('a batch in the past forks once and says how many later edits it discarded', () => {
    const store = at100();
    store.getState().call('ecr:CreateRepository', { repositoryName: 'later' });
    store.getState().seek(50);
    store.getState().batch((call) => {
      call('ecr:CreateRepository', { repositoryName: 'api' });
      call('ecr:CreateRepository', { repositoryName: 'worker' });
    });
    expect(store.getState().forkNotice).toEqual({ discarded: 1, at: 50 });
    store.getState().undo();
    expect(store.getState().commands.map((c) => c.input.repositoryName)).toEqual(['later']);
  });
});
