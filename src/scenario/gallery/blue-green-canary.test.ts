import { describe, it, expect } from 'vitest';
import { blueGreenCanary, DEPLOY_AT_SECONDS, TERMINATION_WAIT_MINUTES } from './blue-green-canary';
import { describeService, play, tasksOf } from './play';
import { listenerWeights } from '../../engine/control/codedeploy/traffic';
import type { Simulation } from '../../engine/simulation';

/** The production listener's share (%) of the green target group, and the live tasks per revision. */
function sample(s: Simulation) {
  const listener = Object.values(s.world.listeners).find((l) => l.Port === 80);
  const green = Object.values(s.world.targetGroups).find((g) => g.TargetGroupName === 'web-green');
  const share = listener && green ? (listenerWeights(s, listener.ListenerArn)[green.TargetGroupArn] ?? 0) : 0;
  const live = tasksOf(s, 'web').filter((t) => t.lastStatus !== 'STOPPED');
  return { at: s.now, share, blue: live.filter((t) => t.taskDefinitionArn.endsWith('web:1')).length, green: live.filter((t) => t.taskDefinitionArn.endsWith('web:2')).length };
}

describe('blue/green with CodeDeployDefault.ECSCanary10Percent5Minutes', () => {
  const samples: ReturnType<typeof sample>[] = [];
  const sim = play(blueGreenCanary, { after: 300, sample: (s) => samples.push(sample(s)) });
  const shiftAt = samples.find((x) => x.share > 0)!.at;
  const fullAt = samples.find((x) => x.share === 100)!.at;

  it('sends 10% of production traffic to green for 5 minutes, then 100%', () => {
    expect(shiftAt).toBeGreaterThan(DEPLOY_AT_SECONDS);
    expect(samples.filter((x) => x.at >= shiftAt && x.at < fullAt).every((x) => x.share === 10)).toBe(true);
    expect(fullAt - shiftAt).toBe(300);
    expect(samples.filter((x) => x.at >= fullAt).every((x) => x.share === 100)).toBe(true);
  });

  it('keeps the blue tasks for the termination wait after the shift, then removes them', () => {
    const wait = TERMINATION_WAIT_MINUTES * 60;
    expect(samples.filter((x) => x.at >= fullAt && x.at < fullAt + wait).every((x) => x.blue === 3 && x.green === 3)).toBe(true);
    const goneAt = samples.find((x) => x.at > fullAt && x.blue === 0)!.at;
    expect(goneAt).toBeGreaterThanOrEqual(fullAt + wait);
    expect(goneAt).toBeLessThanOrEqual(fullAt + wait + 120);
    expect(sample(sim)).toMatchObject({ blue: 0, green: 3, share: 100 });
  });

  it('ends Succeeded with the service on revision 2', () => {
    expect(sim.world.events.some((e) => e.source === 'codedeploy' && /Succeeded\./.test(e.message))).toBe(true);
    expect(describeService(sim, 'web').taskDefinition).toMatch(/web:2$/);
  });
});
