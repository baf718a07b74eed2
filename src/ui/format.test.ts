import { describe, it, expect } from 'vitest';
import { formatElapsed, formatSimDate, percent, shortResource } from './format';

describe('the clock', () => {
  it('shows simulated seconds as hours, minutes and seconds', () => {
    expect(formatElapsed(0)).toBe('00:00:00');
    expect(formatElapsed(125.9)).toBe('00:02:05');
    expect(formatElapsed(3 * 3600 + 61)).toBe('03:01:01');
  });

  it('shows the simulated wall-clock time the API reports, from 2025-01-01 UTC', () => {
    expect(formatSimDate(0)).toBe('2025-01-01 00:00:00 UTC');
    expect(formatSimDate(86_400 + 90)).toBe('2025-01-02 00:01:30 UTC');
  });
});

describe('shortResource', () => {
  it('keeps the last segment of an ARN and leaves ids alone', () => {
    expect(shortResource('arn:aws:ecs:us-east-1:123456789012:task/prod/abc123')).toBe('abc123');
    expect(shortResource('arn:aws:ecs:us-east-1:123456789012:cluster/prod')).toBe('prod');
    expect(shortResource('i-0abc')).toBe('i-0abc');
  });
});

describe('percent', () => {
  it('is clamped to 0..100 and 0 when there is nothing registered', () => {
    expect(percent(512, 2048)).toBe(25);
    expect(percent(5, 0)).toBe(0);
    expect(percent(-1, 10)).toBe(0);
    expect(percent(20, 10)).toBe(100);
  });
});
