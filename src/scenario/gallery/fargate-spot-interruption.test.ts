import { describe, it, expect } from 'vitest';
import { fargateSpotInterruption, INTERRUPT_AT_SECONDS } from './fargate-spot-interruption';
import { describeService, play, tasksOf } from './play';

const interrupted = () => {
  const step = fargateSpotInterruption.steps.find((s) => 'call' in s && s.call === 'sim:InjectFault');
  return step && 'call' in step ? String(step.input?.target) : '';
};

describe('a Fargate Spot interruption', () => {
  it('puts the base of 2 on FARGATE and shares the other 4 with FARGATE_SPOT before the interruption', () => {
    const sim = play({ ...fargateSpotInterruption, steps: fargateSpotInterruption.steps.filter((s) => !('call' in s && s.call === 'sim:InjectFault')) });
    const split = tasksOf(sim, 'api').reduce<Record<string, number>>((m, t) => ({ ...m, [t.capacityProviderName!]: (m[t.capacityProviderName!] ?? 0) + 1 }), {});
    expect(split).toEqual({ FARGATE: 4, FARGATE_SPOT: 2 });
  });

  it('stops the Spot task with SpotInterruption, "Your Spot Task was interrupted.", and the service replaces it', () => {
    const sim = play(fargateSpotInterruption);
    const task = sim.world.tasks[interrupted()];
    expect(task.capacityProviderName).toBe('FARGATE_SPOT');
    expect(task).toMatchObject({ lastStatus: 'STOPPED', stopCode: 'SpotInterruption', stoppedReason: 'Your Spot Task was interrupted.' });
    const running = tasksOf(sim, 'api').filter((t) => t.lastStatus === 'RUNNING');
    expect(running).toHaveLength(6);
    expect(running.some((t) => t.createdAt > INTERRUPT_AT_SECONDS)).toBe(true);
    const d = describeService(sim, 'api');
    expect(d.runningCount).toBe(6);
  });
});
