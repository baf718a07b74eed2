/**
 * Submitting a form: its planned calls in order through `call` (the session store's batch, so
 * together they are one edit: one undo step, one group in the command log). The first error
 * stops the run; the outcome says which call failed, in the engine's (AWS's) words, under which
 * field, and which calls already took effect (they are kept, as AWS keeps them), so nothing is
 * half-done silently.
 */
import type { CallResult } from '../../engine/simulation';
import type { FieldSpec, PlannedCall } from './types';

export interface RunFailure {
  call: string;
  label: string;
  code: string;
  message: string;
  /** The field the error concerns, if the message or the call says; else it is form-wide. */
  field?: string;
}

export interface RunOutcome {
  ok: boolean;
  outputs: unknown[];
  /** Calls that succeeded, in order ("create the load balancer"). */
  done: { call: string; label: string }[];
  failure?: RunFailure;
  /** Canvas node ids of what was created, in order. */
  nodeIds: string[];
}

/** The field whose AWS parameter names appear in the message as a word, else the call's field. */
export function fieldForError(message: string, fields: FieldSpec[], fallback?: string): string | undefined {
  for (const field of fields) {
    for (const param of field.params ?? [field.name]) {
      if (new RegExp(`(^|[^A-Za-z])${param.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^A-Za-z]|$)`).test(message)) return field.name;
    }
  }
  return fallback;
}

export function runPlan(plan: PlannedCall[], call: (name: string, input: unknown) => CallResult, fields: FieldSpec[]): RunOutcome {
  const outputs: unknown[] = [];
  const done: RunOutcome['done'] = [];
  const nodeIds: string[] = [];
  for (const step of plan) {
    let input: unknown;
    try {
      input = step.input(outputs);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      return { ok: false, outputs, done, nodeIds, failure: { call: step.call, label: step.label, code: 'ClientException', message, field: step.field } };
    }
    const result = call(step.call, input);
    if (result.error) {
      const failure = { call: step.call, label: step.label, ...result.error, field: fieldForError(result.error.message, fields, step.field) };
      return { ok: false, outputs, done, nodeIds, failure };
    }
    outputs.push(result.output);
    done.push({ call: step.call, label: step.label });
    const id = step.nodeId?.(result.output);
    if (id) nodeIds.push(id);
  }
  return { ok: true, outputs, done, nodeIds };
}

/** The sentence shown when a multi-call form stopped midway. */
export function partialMessage(outcome: RunOutcome): string | undefined {
  if (outcome.ok || !outcome.failure) return undefined;
  const f = outcome.failure;
  const failed = `${f.call} (${f.label}) failed: ${f.code}: ${f.message}`;
  if (outcome.done.length === 0) return failed;
  return `${failed} Already done, and kept (Undo takes them back in one step): ${outcome.done.map((d) => `${d.call} (${d.label})`).join(', ')}.`;
}
