/**
 * Evaluates a cluster query against container instances. A tree is compiled once into a
 * predicate (regular expressions and dates prepared up front), then run per instance.
 *
 * Semantics (choices where AWS's page is silent, written down here):
 * - Every subject yields a list of values: none when absent (an attribute the instance lacks, or
 *   one set without a value), several for task:group (the groups of the tasks on the instance).
 *   `attribute:NAME exists` asks only whether the attribute is there, with or without a value.
 *   A positive operator (==, >, >=, <, <=, in, =~, exists) holds when any value satisfies it; a
 *   negative one (!=, !in, !~, !exists) is exactly the negation of its positive form. So
 *   `task:group != web` means "no task of group web here" (like AWS's anti-affinity example
 *   `not(task:group == web)`), and `attribute:stack != prod` also holds where stack is unset.
 * - Ordering: registeredAt compares instants, agentVersion compares versions part by part,
 *   runningTasksCount compares numbers; attribute values compare as numbers when both sides are
 *   numbers, else as strings (code-point order).
 * - task:group reads the tasks that hold resources on the instance (every task placed there and
 *   not yet STOPPED: see control/resources.ts, which keeps `taskGroupCounts`).
 * - runningTasksCount counts the instance's tasks whose lastStatus is RUNNING, as ECS's field does.
 */
import { SIM_EPOCH_MS, type ContainerInstance, type World } from '../../../world/types';
import type { Operator, QueryNode } from './ast';
import { compareVersions, compilePattern, parseCount, parseQueryDate, parseVersion } from './values';

/** What evaluation may need beyond the instance itself; built once per placement. */
export interface QueryContext {
  runningTasksCount(containerInstance: ContainerInstance): number;
}

export type InstancePredicate = (containerInstance: ContainerInstance, ctx: QueryContext) => boolean;

/** A context that counts RUNNING tasks per instance with one pass over the tasks, on first use. */
export function queryContext(world: World): QueryContext {
  let running: Map<string, number> | undefined;
  return {
    runningTasksCount(ci) {
      if (!running) {
        running = new Map();
        for (const taskArn in world.tasks) {
          const task = world.tasks[taskArn];
          if (task.lastStatus === 'RUNNING' && task.containerInstanceArn) {
            running.set(task.containerInstanceArn, (running.get(task.containerInstanceArn) ?? 0) + 1);
          }
        }
      }
      return running.get(ci.containerInstanceArn) ?? 0;
    },
  };
}

const NEGATION: Partial<Record<Operator, Operator>> = { '!=': '==', '!in': 'in', '!~': '=~', '!exists': 'exists' };

export function compileQuery(node: QueryNode): InstancePredicate {
  switch (node.kind) {
    case 'and': {
      const l = compileQuery(node.left);
      const r = compileQuery(node.right);
      return (ci, ctx) => l(ci, ctx) && r(ci, ctx);
    }
    case 'or': {
      const l = compileQuery(node.left);
      const r = compileQuery(node.right);
      return (ci, ctx) => l(ci, ctx) || r(ci, ctx);
    }
    case 'not': {
      const inner = compileQuery(node.operand);
      return (ci, ctx) => !inner(ci, ctx);
    }
    case 'compare': {
      const positive = NEGATION[node.operator];
      if (positive) {
        const test = compileCompare(node.subject, positive, node.value, node.values);
        return (ci, ctx) => !test(ci, ctx);
      }
      return compileCompare(node.subject, node.operator, node.value, node.values);
    }
  }
}

type Value = string | number;
type Getter = (ci: ContainerInstance, ctx: QueryContext) => Value[];

function subjectGetter(subject: string): Getter {
  if (subject.startsWith('attribute:')) {
    const name = subject.slice('attribute:'.length);
    return (ci) => {
      const attr = ci.attributes.find((a) => a.name === name);
      return attr?.value === undefined ? [] : [attr.value];
    };
  }
  switch (subject) {
    case 'agentConnected':
      return (ci) => [String(ci.agentConnected)];
    case 'agentVersion':
      return (ci) => [ci.versionInfo.agentVersion];
    case 'ec2InstanceId':
      return (ci) => [ci.ec2InstanceId];
    case 'registeredAt':
      return (ci) => [SIM_EPOCH_MS + ci.registeredAt * 1000];
    case 'runningTasksCount':
      return (ci, ctx) => [ctx.runningTasksCount(ci)];
    case 'task:group':
      return (ci) => Object.keys(ci.taskGroupCounts ?? {}).filter((g) => (ci.taskGroupCounts?.[g] ?? 0) > 0);
  }
  throw new Error(`unknown cluster query subject ${subject}`);
}

/** Turns an argument into something comparable with the subject's values: -1/0/1 ordering. */
function comparator(subject: string, arg: string): (v: Value) => number {
  if (subject === 'registeredAt') {
    const t = parseQueryDate(arg) ?? NaN;
    return (v) => Math.sign((v as number) - t);
  }
  if (subject === 'runningTasksCount') {
    const n = parseCount(arg) ?? NaN;
    return (v) => Math.sign((v as number) - n);
  }
  if (subject === 'agentVersion') {
    const want = parseVersion(arg) ?? [];
    return (v) => Math.sign(compareVersions(parseVersion(String(v)) ?? [], want));
  }
  const argNumber = Number(arg);
  const numeric = arg.trim() !== '' && Number.isFinite(argNumber);
  return (v) => {
    const s = String(v);
    const n = Number(s);
    if (numeric && s.trim() !== '' && Number.isFinite(n)) return Math.sign(n - argNumber);
    return s < arg ? -1 : s > arg ? 1 : 0;
  };
}

/** `==` is string equality (AWS's table), except for the typed subjects: dates, versions, counts. */
function equality(subject: string, arg: string): (v: Value) => boolean {
  if (subject === 'registeredAt' || subject === 'runningTasksCount' || subject === 'agentVersion') {
    const cmp = comparator(subject, arg);
    return (v) => cmp(v) === 0;
  }
  return (v) => String(v) === arg;
}

function compileCompare(subject: string, operator: Operator, value: string | undefined, values: string[] | undefined): InstancePredicate {
  const get = subjectGetter(subject);
  if (operator === 'exists') {
    if (subject.startsWith('attribute:')) {
      const name = subject.slice('attribute:'.length);
      return (ci) => ci.attributes.some((a) => a.name === name); // an attribute may have no value
    }
    return (ci, ctx) => get(ci, ctx).length > 0;
  }
  if (operator === '=~') {
    const re = compilePattern(value ?? '');
    if (typeof re === 'string') throw new Error(re);
    return (ci, ctx) => get(ci, ctx).some((v) => re.test(String(v)));
  }
  if (operator === 'in') {
    const tests = (values ?? []).map((arg) => equality(subject, arg));
    return (ci, ctx) => get(ci, ctx).some((v) => tests.some((eq) => eq(v)));
  }
  if (operator === '==') {
    const eq = equality(subject, value ?? '');
    return (ci, ctx) => get(ci, ctx).some(eq);
  }
  const cmp = comparator(subject, value ?? '');
  const holds: Record<string, (c: number) => boolean> = {
    '>': (c) => c > 0,
    '>=': (c) => c >= 0,
    '<': (c) => c < 0,
    '<=': (c) => c <= 0,
  };
  const ok = holds[operator];
  return (ci, ctx) => get(ci, ctx).some((v) => ok(cmp(v)));
}
