import { describe, it, expect, vi } from 'vitest';
import { startAutosave } from './persistence';
import { createSessionStore } from '../../store/session';
import { noFrames } from '../../store/test-frames';
import { AUTOSAVE_KEY, exportFileName, openFile, openLink, readAutosave, writeAutosave } from './session-io';
import { makeEnvelope } from '../../scenario/envelope';
import { shareHash } from '../../scenario/link';
import { defaultScenario } from '../../scenario/default';

const envelope = makeEnvelope(defaultScenario, [{ at: 100, call: 'ecs:RunTask', input: { cluster: 'prod', taskDefinition: 'web' } }], 150);

function memoryStorage(initial: Record<string, string> = {}) {
  const data = { ...initial };
  return { data, getItem: (k: string) => data[k] ?? null, setItem: (k: string, v: string) => void (data[k] = v) };
}

describe('opening a session', () => {
  it('from a share link in the URL', () => {
    expect(openLink(`https://sandbox.example/${shareHash(envelope)}`)?.envelope).toEqual(envelope);
    expect(openLink('#')).toBeUndefined();
  });

  it('from a corrupt link gives an error message that says the work was kept', () => {
    expect(openLink('#s=abc%def')?.message).toMatchObject({ kind: 'error', text: expect.stringMatching(/damaged.*Your current work was kept\.$/) });
  });

  it('from the autosave; a corrupt autosave is ignored with an info message', () => {
    const storage = memoryStorage();
    writeAutosave(storage, envelope);
    expect(readAutosave(storage)?.envelope).toEqual(envelope);
    expect(readAutosave(memoryStorage({ [AUTOSAVE_KEY]: '{"format":"ecs-sandbox","vers' }))?.message?.kind).toBe('info');
    expect(readAutosave(memoryStorage())).toBeUndefined();
  });

  it('from an exported file, or a plain scenario file', () => {
    expect(openFile('a.json', JSON.stringify(envelope)).envelope).toEqual(envelope);
    expect(openFile('s.json', JSON.stringify({ seed: 3, steps: [{ advance: 5 }] })).envelope).toMatchObject({ commands: [], playhead: 0, scenario: { seed: 3 } });
  });

  it('from a file that is not JSON or not a session says which file and why', () => {
    expect(openFile('notes.json', 'hello').message?.text).toMatch(/^notes.json is not valid JSON/);
    expect(openFile('x.json', JSON.stringify({ format: 'ecs-sandbox', version: 1, scenario: { steps: [] }, playhead: -3 })).message?.text).toMatch(/playhead/);
  });

  it('exports under a file name made from the scenario name', () => {
    expect(exportFileName(makeEnvelope({ ...defaultScenario, name: 'Blue/green: web & API!' }, [], 0))).toBe('ecs-sandbox-blue-green-web-api.json');
    expect(exportFileName(makeEnvelope({ ...defaultScenario, name: undefined }, [], 0))).toBe('ecs-sandbox-session.json');
  });
});

describe('the autosave', () => {
  it('writes the session at most every 2 s while it changes, and once more when stopped', () => {
    vi.useFakeTimers();
    try {
      const storage = memoryStorage();
      const store = createSessionStore({ scenario: defaultScenario, frames: noFrames });
      const stop = startAutosave(store, storage, 2000);
      store.getState().advance(5);
      store.getState().advance(5);
      expect(storage.data[AUTOSAVE_KEY]).toBeUndefined();
      vi.advanceTimersByTime(2000);
      expect(JSON.parse(storage.data[AUTOSAVE_KEY]).playhead).toBe(10);
      store.getState().advance(5);
      stop();
      expect(JSON.parse(storage.data[AUTOSAVE_KEY]).playhead).toBe(15);
    } finally {
      vi.useRealTimers();
    }
  });
});
