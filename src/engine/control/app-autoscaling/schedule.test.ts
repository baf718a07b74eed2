import { describe, it, expect } from 'vitest';
import { nextRun, parseSchedule, zonedToUtc } from './schedule';
import { activities, desiredCount, RESOURCE_ID, serviceSandbox, TARGET } from './test-fixtures';

const H = 3600;
const D = 86400;

describe('schedule expressions (time 0 = 2025-01-01T00:00:00Z, a Wednesday)', () => {
  it('at() runs once at that wall-clock time, in its Timezone', () => {
    expect(nextRun(parseSchedule('at(2025-01-01T06:00:00)'), 0, { createdAt: 0 })).toBe(6 * H);
    expect(nextRun(parseSchedule('at(2025-01-01T06:00:00)'), 6 * H, { createdAt: 0 })).toBeUndefined();
    expect(nextRun(parseSchedule('at(2025-01-01T06:00:00)'), 0, { createdAt: 0, timeZone: 'America/New_York' })).toBe(11 * H);
  });

  it('rate() runs every period from its creation', () => {
    const r = parseSchedule('rate(2 hours)');
    expect(nextRun(r, 100, { createdAt: 100 })).toBe(100 + 2 * H);
    expect(nextRun(r, 100 + 2 * H, { createdAt: 100 })).toBe(100 + 4 * H);
  });

  it('cron() with day-of-week 2-6 = MON-FRI skips the weekend', () => {
    const c = parseSchedule('cron(0 9 ? * 2-6 *)');
    expect(nextRun(c, 0, { createdAt: 0 })).toBe(9 * H); // Wed
    expect(nextRun(c, 2 * D + 9 * H, { createdAt: 0 })).toBe(5 * D + 9 * H); // Fri -> Mon 6 Jan
    expect(nextRun(parseSchedule('cron(0 9 ? * MON-FRI *)'), 2 * D + 9 * H, { createdAt: 0 })).toBe(5 * D + 9 * H);
  });

  it('respects EndTime and converts time zones across daylight saving', () => {
    expect(nextRun(parseSchedule('rate(1 day)'), 0, { createdAt: 0, endTime: D / 2 })).toBeUndefined();
    expect(zonedToUtc(Date.UTC(2025, 6, 1, 12), 'Europe/Paris')).toBe(Date.UTC(2025, 6, 1, 10));
    expect(zonedToUtc(Date.UTC(2025, 0, 1, 12), 'Europe/Paris')).toBe(Date.UTC(2025, 0, 1, 11));
  });

  it('rejects malformed expressions', () => {
    for (const bad of ['cron(0 9 * * * *)', 'cron(0 9 * *)', 'rate(0 minutes)', 'at(2025-02-30T00:00:00)', 'every day']) expect(() => parseSchedule(bad)).toThrow();
  });
});

describe('scheduled actions change the bounds, then the desired count', () => {
  it('at night lowers MaxCapacity and with it the desired count, with AWS\'s causes', () => {
    const s = serviceSandbox({ desiredCount: 6, min: 2, max: 10 });
    s.call('application-autoscaling:PutScheduledAction', { ...TARGET, ScheduledActionName: 'night-time', Schedule: 'cron(0 22 * * ? *)', ScalableTargetAction: { MinCapacity: 1, MaxCapacity: 3 } });
    s.advance(22 * H - 1);
    expect(desiredCount(s)).toBe(6);
    s.advance(1);
    expect(desiredCount(s)).toBe(3);
    const [bounds, desired] = activities(s);
    expect(bounds).toMatchObject({ Description: 'Setting min capacity to 1 and max capacity to 3', Cause: 'scheduled action name night-time was triggered', StatusMessage: 'Successfully set min capacity to 1 and max capacity to 3' });
    expect(desired).toMatchObject({ Description: 'Setting desired count to 3.', Cause: 'maximum capacity was set to 3' });
    const [t] = s.output('application-autoscaling:DescribeScalableTargets', { ServiceNamespace: 'ecs', ResourceIds: [RESOURCE_ID] }).ScalableTargets;
    expect([t.MinCapacity, t.MaxCapacity]).toEqual([1, 3]);
  });

  it('a rate action raises MinCapacity and the desired count follows; a deleted action stops', () => {
    const s = serviceSandbox({ desiredCount: 1, min: 1, max: 10 });
    s.call('application-autoscaling:PutScheduledAction', { ...TARGET, ScheduledActionName: 'warm', Schedule: 'rate(1 hour)', ScalableTargetAction: { MinCapacity: 4 } });
    s.advance(H);
    expect(desiredCount(s)).toBe(4);
    expect(activities(s).at(-1)!.Cause).toBe('minimum capacity was set to 4');
    s.call('application-autoscaling:DeleteScheduledAction', { ...TARGET, ScheduledActionName: 'warm' });
    const before = activities(s).length;
    s.advance(3 * H);
    expect(activities(s).length).toBe(before);
  });

  it('validates the action', () => {
    const s = serviceSandbox();
    s.callExpectingError('application-autoscaling:PutScheduledAction', { ...TARGET, ScheduledActionName: 'x', Schedule: 'rate(1 hour)', ScalableTargetAction: {} }, 'ValidationException', 'At least one of minimum capacity and maximum capacity should be provided');
    s.callExpectingError('application-autoscaling:PutScheduledAction', { ...TARGET, ScheduledActionName: 'x', Schedule: 'cron(0 9 * * * *)', ScalableTargetAction: { MinCapacity: 1 } }, 'ValidationException', 'must be "?"');
    s.callExpectingError('application-autoscaling:PutScheduledAction', { ...TARGET, ScheduledActionName: 'x', Schedule: 'rate(1 hour)', Timezone: 'Mars/Olympus', ScalableTargetAction: { MinCapacity: 1 } }, 'ValidationException', 'Invalid timezone');
    s.callExpectingError('application-autoscaling:DeleteScheduledAction', { ...TARGET, ScheduledActionName: 'x' }, 'ObjectNotFoundException', 'No scheduled action found');
  });
});
