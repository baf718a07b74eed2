/**
 * The envelope: a whole session as data (what a share link, an exported file and the autosave
 * hold): the initial scenario, the user's command log and the playhead. Versioned like
 * excalidraw's and tldraw's documents: `format` says what it is, `version` which shape, and
 * loading runs the numbered migrations (migrations.ts) up to ENVELOPE_VERSION, validates with zod,
 * fills defaults and keeps unknown fields.
 */
import { z } from 'zod';
import { parseScenario, ScenarioError, type Scenario } from './schema';

export const ENVELOPE_FORMAT = 'ecs-sandbox';
export const ENVELOPE_VERSION = 1;

/**
 * Choice: a link opens at most 24 simulated hours in (computing further on open could take long);
 * the sandbox itself runs further if played.
 */
export const MAX_PLAYHEAD_SECONDS = 24 * 3600;

/** A user edit: an API call made at a simulated time (the command log's entries). */
export interface Command {
  at: number;
  call: string;
  input: Record<string, unknown>;
}

export interface Envelope {
  format: typeof ENVELOPE_FORMAT;
  version: typeof ENVELOPE_VERSION;
  scenario: Scenario;
  commands: Command[];
  /** Simulated seconds the session was looking at. */
  playhead: number;
  /** Unknown fields are kept (a newer app's additions survive a round trip through this one). */
  [extra: string]: unknown;
}

export class EnvelopeError extends Error {}

const command = z
  .object({
    at: z.number().finite().nonnegative('at must be simulated seconds >= 0'),
    call: z.string().min(1, 'call must name an action, e.g. "ecs:RunTask"'),
    input: z.record(z.string(), z.unknown()).default({}),
  })
  .passthrough();

const envelopeShape = z
  .object({
    format: z.literal(ENVELOPE_FORMAT),
    version: z.literal(ENVELOPE_VERSION),
    scenario: z.unknown(),
    commands: z.array(command).default([]),
    playhead: z.number().finite().min(0, 'playhead must be >= 0').max(MAX_PLAYHEAD_SECONDS, `playhead must be at most ${MAX_PLAYHEAD_SECONDS} s (24 h)`).default(0),
  })
  .passthrough();

/** Validates a current-version envelope (after migrations); throws EnvelopeError naming the field. */
export function parseEnvelope(data: unknown): Envelope {
  const parsed = envelopeShape.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new EnvelopeError(`${issue.path.join('.') || 'envelope'}: ${issue.message}`);
  }
  let scenario: Scenario;
  try {
    scenario = parseScenario(parsed.data.scenario);
  } catch (e) {
    if (e instanceof ScenarioError) throw new EnvelopeError(`scenario: ${e.message.replace(/^scenario: /, '')}`);
    throw e;
  }
  const commands = parsed.data.commands as Command[];
  for (let i = 1; i < commands.length; i++) {
    if (commands[i].at < commands[i - 1].at) throw new EnvelopeError(`commands.${i}.at: commands must be in time order (${commands[i].at} s comes after ${commands[i - 1].at} s)`);
  }
  return { ...parsed.data, format: ENVELOPE_FORMAT, version: ENVELOPE_VERSION, scenario, commands, playhead: parsed.data.playhead };
}

export function makeEnvelope(scenario: Scenario, commands: readonly Command[], playhead: number): Envelope {
  return { format: ENVELOPE_FORMAT, version: ENVELOPE_VERSION, scenario, commands: [...commands], playhead };
}
