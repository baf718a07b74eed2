/**
 * The scenario file: what the headless runner reads and what the app loads. A scenario is data:
 * a seed, optional region/account, and a list of steps, each an API call or a time advance.
 * Validated with zod so a malformed file is answered with the step and field at fault.
 */
import { z } from 'zod';

export const callStep = z
  .object({
    call: z.string().min(1, 'call must name an action, e.g. "ecs:RunTask"'),
    input: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

export const advanceStep = z
  .object({
    advance: z.number().finite().nonnegative('advance must be a number of seconds >= 0'),
  })
  .strict();

export const step = z.union([callStep, advanceStep]);

export const scenario = z
  .object({
    name: z.string().optional(),
    description: z.string().optional(),
    seed: z.number().int().default(1),
    region: z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, 'region must look like us-east-1').default('us-east-1'),
    accountId: z.string().regex(/^\d{12}$/, 'accountId must be 12 digits').default('123456789012'),
    steps: z.array(z.unknown()),
  })
  .passthrough();

export type CallStep = z.infer<typeof callStep>;
export type AdvanceStep = z.infer<typeof advanceStep>;
export type Step = z.infer<typeof step>;
export interface Scenario {
  name?: string;
  description?: string;
  seed: number;
  region: string;
  accountId: string;
  steps: Step[];
  /** Unknown top-level fields are kept (a newer file read by an older app loses nothing). */
  [extra: string]: unknown;
}

export class ScenarioError extends Error {}

/** Parses a scenario (already JSON-decoded); throws ScenarioError naming the step at fault. */
export function parseScenario(data: unknown): Scenario {
  const top = scenario.safeParse(data);
  if (!top.success) {
    const issue = top.error.issues[0];
    throw new ScenarioError(`scenario: ${issue.path.join('.') || 'file'}: ${issue.message}`);
  }
  const steps = top.data.steps.map((raw, i) => {
    const parsed = step.safeParse(raw);
    if (parsed.success) return parsed.data;
    const shown = JSON.stringify(raw)?.slice(0, 120);
    const hint =
      raw && typeof raw === 'object' && !Array.isArray(raw)
        ? 'call' in raw
          ? parsed.error.issues.map((x) => `${x.path.join('.') || 'step'}: ${x.message}`).join('; ')
          : 'each step is {"call": "service:Action", "input": {...}} or {"advance": SECONDS}'
        : 'each step must be an object';
    throw new ScenarioError(`step ${i + 1} (${shown}): ${hint}`);
  });
  return { ...top.data, steps };
}
