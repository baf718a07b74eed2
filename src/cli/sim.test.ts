/**
 * The headless runner's contract (DESIGN.md): one JSON line per call, errors as data, malformed
 * files exit non-zero naming the step. Runs the real command.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'sim-'));
const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');

function runFile(content: string) {
  const file = join(dir, `s${Math.abs(hash(content))}.json`);
  writeFileSync(file, content);
  const r = spawnSync(tsx, ['src/cli/sim.ts', file], { encoding: 'utf8' });
  return { status: r.status, lines: r.stdout.split('\n').filter(Boolean), stderr: r.stderr };
}

function hash(s: string) {
  let h = 0;
  for (const c of s) h = (h * 31 + c.charCodeAt(0)) | 0;
  return h;
}

describe('npm run sim', () => {
  it('prints one line per call with the simulated time, and keeps going after a failing call', () => {
    const r = runFile(JSON.stringify({ seed: 3, steps: [{ call: 'nope:Thing' }, { advance: 90 }, { call: 'ecs:NoSuchAction', input: {} }] }));
    expect(r.status).toBe(0);
    const lines = r.lines.map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ at: 0, call: 'nope:Thing', error: { code: 'UnknownOperationException' } });
    expect(lines[1]).toMatchObject({ at: 90, call: 'ecs:NoSuchAction', error: { code: 'UnknownOperationException' } });
  });

  it('exits non-zero naming the step when a step is malformed', () => {
    const r = runFile(JSON.stringify({ steps: [{ advance: 1 }, { advance: 'soon' }] }));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/step 2/);
    expect(r.lines).toEqual([]);
  });

  it('exits non-zero when the file is not JSON', () => {
    const r = runFile('{"steps": [');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/not valid JSON/);
  });
});
