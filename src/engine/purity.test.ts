/**
 * src/engine is pure, deterministic TypeScript: no UI framework, no DOM, no wall clock, no
 * unseeded randomness, no Node built-ins (it runs in the browser and in the headless runner).
 * This test reads every engine source file and fails on any of those.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.(test|bench)\.tsx?$/.test(name) ? [path] : [];
  });
}

const forbidden: [RegExp, string][] = [
  [/from\s+['"](react|react-dom|zustand|@xyflow\/[\w-]+|reactflow)(\/[^'"]*)?['"]/, 'imports a UI library'],
  [/from\s+['"]node:|require\(/, 'imports a Node built-in'],
  [/\b(window|document|localStorage|sessionStorage|navigator)\s*\./, 'touches the DOM'],
  [/\bDate\.now\s*\(|new Date\(\s*\)/, 'reads the wall clock'],
  [/\bperformance\.now\s*\(/, 'reads the wall clock'],
  [/\bMath\.random\s*\(/, 'uses unseeded randomness'],
  [/\bsetTimeout\s*\(|\bsetInterval\s*\(|\brequestAnimationFrame\s*\(/, 'uses real timers'],
];

/** The SDK may be imported for its types only, never a client. */
const sdkValueImport = /^\s*import\s+(?!type\b)[^;]*from\s+['"]@aws-sdk\//m;

describe('the engine', () => {
  const files = sources(root);

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it('imports no UI library, touches no DOM, reads no wall clock and uses only seeded randomness', () => {
    const problems: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      for (const [pattern, what] of forbidden) {
        if (pattern.test(text)) problems.push(`${relative(root, file)} ${what}`);
      }
      if (sdkValueImport.test(text)) problems.push(`${relative(root, file)} imports an AWS SDK client (types only)`);
    }
    expect(problems).toEqual([]);
  });

  it('would catch a file that used Math.random (the check itself works)', () => {
    const text = 'export const roll = () => Math.random();';
    expect(forbidden.some(([p]) => p.test(text))).toBe(true);
    expect(sdkValueImport.test("import { ECSClient } from '@aws-sdk/client-ecs';")).toBe(true);
    expect(sdkValueImport.test("import type { Task } from '@aws-sdk/client-ecs';")).toBe(false);
  });
});
