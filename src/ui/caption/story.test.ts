import { describe, it, expect } from 'vitest';
import { createSessionStore } from '../../store/session';
import { noFrames } from '../../store/test-frames';
import { CLUSTER, defaultScenario, ROLLOUT_AT_SECONDS, SERVICE } from '../../scenario/default';
import { storyCaption } from './story';

// The caption is read from the world, so it says what the world is doing at any playhead.
const captionAt = (t: number) => {
  const store = createSessionStore({ scenario: defaultScenario, frames: noFrames });
  store.getState().seek(t);
  return storyCaption(store.getState().sim.world, CLUSTER, SERVICE);
};

describe('the default scenario caption follows the story', () => {
  it('first says the three instances are booting and registering with cluster prod', () => {
    expect(captionAt(1)).toMatch(/^Three EC2 instances in three Availability Zones are booting and registering with cluster prod \(0 of 3 ACTIVE\)/);
  });

  it('then that service web is starting its four tasks, with how many RUNNING and healthy', () => {
    expect(captionAt(75)).toMatch(/^Service web is starting four tasks: .*\(\d of 4 RUNNING\)/);
  });

  it('during the rollout states the deployment bounds: at most 8 tasks, at least 2 healthy, and the counts per deployment', () => {
    const text = captionAt(ROLLOUT_AT_SECONDS + 15);
    expect(text).toMatch(/^Revision 2 is rolling out: at most 8 tasks \(maximumPercent 200\), at least 2 healthy \(minimumHealthyPercent 50\)\./);
    expect(text).toMatch(/\d of revision 2 \(PRIMARY\), \d of revision 1 \(ACTIVE\)/);
  });

  it('ends with the rollout COMPLETED and every task on revision 2', () => {
    expect(captionAt(ROLLOUT_AT_SECONDS + 900)).toMatch(/^The rollout is COMPLETED: all 4 tasks run revision 2/);
  });

  it('says nothing before the cluster exists', () => {
    const store = createSessionStore({ scenario: { ...defaultScenario, steps: [] }, frames: noFrames });
    expect(storyCaption(store.getState().sim.world, CLUSTER, SERVICE)).toBeUndefined();
  });
});
