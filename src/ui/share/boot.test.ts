import { describe, it, expect } from 'vitest';
import { initialSession } from './boot';
import { AUTOSAVE_KEY } from './session-io';
import { makeEnvelope } from '../../scenario/envelope';
import { shareHash } from '../../scenario/link';
import { defaultScenario } from '../../scenario/default';

const linked = makeEnvelope({ ...defaultScenario, name: 'linked' }, [], 30);
const saved = makeEnvelope({ ...defaultScenario, name: 'saved' }, [], 60);
const storage = (value?: string) => ({ getItem: (k: string) => (k === AUTOSAVE_KEY && value !== undefined ? value : null), setItem: () => {} });

describe('the session the page opens with', () => {
  it('is the link when there is one, even over an autosave', () => {
    expect(initialSession(shareHash(linked), storage(JSON.stringify(saved)))).toMatchObject({ from: 'link', envelope: { playhead: 30 } });
  });

  it('is the autosave when the link is corrupt, with the link error in the banner', () => {
    const boot = initialSession('#s=%%%', storage(JSON.stringify(saved)));
    expect(boot).toMatchObject({ from: 'autosave', envelope: { playhead: 60 }, message: { kind: 'error' } });
  });

  it('is the default scenario when there is neither, and says so when the autosave was corrupt', () => {
    expect(initialSession('', storage())).toEqual({ from: 'default', message: undefined });
    expect(initialSession('', storage('not json'))).toMatchObject({ from: 'default', message: { kind: 'info' } });
  });
});
