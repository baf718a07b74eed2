import { describe, it, expect } from 'vitest';
import { transportAction } from './keyboard';

/** A stand-in for a DOM element: `closest` answers whether it sits inside `inside`. */
const element = (inside: string | null) => ({ closest: (selector: string) => (inside && selector.split(', ').includes(inside) ? {} : null) });

describe('the transport keys', () => {
  it('Space toggles play and Right arrow steps, from anywhere that does not use the key itself', () => {
    expect(transportAction(' ', element(null), false)).toBe('togglePlay');
    expect(transportAction('ArrowRight', element(null), false)).toBe('stepToNextEvent');
    expect(transportAction('ArrowRight', null, false)).toBe('stepToNextEvent');
  });

  it('leave typing, buttons, the timeline slider and canvas nodes alone', () => {
    expect(transportAction(' ', element('input'), false)).toBeUndefined();
    expect(transportAction(' ', element('textarea'), false)).toBeUndefined();
    expect(transportAction(' ', element('button'), false)).toBeUndefined();
    expect(transportAction('ArrowRight', element('[role="slider"]'), false)).toBeUndefined();
    expect(transportAction('ArrowRight', element('.react-flow__node'), false)).toBeUndefined();
  });

  it('ignore other keys and modified keys', () => {
    expect(transportAction('ArrowLeft', element(null), false)).toBeUndefined();
    expect(transportAction(' ', element(null), true)).toBeUndefined();
  });
});
