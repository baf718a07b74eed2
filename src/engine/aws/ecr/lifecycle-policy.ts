/**
 * Parses and validates a lifecycle policy text as PutLifecyclePolicy / StartLifecyclePolicyPreview do.
 *
 * AWS answers InvalidParameterException "Invalid parameter at 'LifecyclePolicyText' failed to
 * satisfy constraint: 'Lifecycle policy validation failure: ...'". The schema failures below use
 * AWS's JSON-schema wording (e.g. "object has missing required properties ([\"rules\"])",
 * "instance failed to match exactly one schema (matched 0 out of 2)" for a countType/countUnit
 * mismatch, "numeric instance is lower than the required minimum (minimum: 1, found: 0)").
 * The rule-level checks (unique rulePriority, tag lists only with tagged, at most four `*`,
 * `any` last, one untagged rule) are AWS's rules; their wording is ours, as AWS's exact texts
 * were not found.
 */
import { AwsError } from '../errors';
import type { LifecyclePolicy, LifecycleRule, LifecycleSelection } from '../../control/ecr/lifecycle-evaluate';

const PREFIX = "Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: 'Lifecycle policy validation failure: ";
const fail = (detail: string) => new AwsError('InvalidParameterException', `${PREFIX}${detail}'`);

const RULE_PROPS = ['rulePriority', 'description', 'selection', 'action'];
const SELECTION_PROPS = ['tagStatus', 'tagPrefixList', 'tagPatternList', 'countType', 'countUnit', 'countNumber'];
const MAX_WILDCARDS = 4;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const typeName = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : Number.isInteger(v) ? 'integer' : typeof v);

function checkProps(o: Record<string, unknown>, required: string[], allowed: string[]): void {
  const missing = required.filter((p) => !(p in o)).sort();
  if (missing.length) throw fail(`object has missing required properties (${JSON.stringify(missing)})`);
  const extra = Object.keys(o).filter((p) => !allowed.includes(p)).sort();
  if (extra.length) throw fail(`object instance has properties which are not allowed by the schema: (${JSON.stringify(extra)})`);
}

function checkType(v: unknown, type: 'integer' | 'string' | 'object' | 'array'): void {
  const actual = typeName(v);
  const ok = type === 'integer' ? actual === 'integer' : type === 'object' ? isObject(v) : actual === type;
  if (!ok) throw fail(`instance type (${actual}) does not match any allowed primitive type (allowed: ["${type}"])`);
}

function checkEnum(v: unknown, values: string[]): void {
  if (typeof v !== 'string' || !values.includes(v)) throw fail(`instance value (${JSON.stringify(v)}) not found in enum (possible values: ${JSON.stringify(values)})`);
}

function parseSelection(raw: unknown, priority: number): LifecycleSelection {
  checkType(raw, 'object');
  const s = raw as Record<string, unknown>;
  checkProps(s, ['countNumber', 'countType', 'tagStatus'], SELECTION_PROPS);
  checkEnum(s.tagStatus, ['any', 'tagged', 'untagged']);
  checkType(s.countNumber, 'integer');
  if ((s.countNumber as number) < 1) throw fail(`numeric instance is lower than the required minimum (minimum: 1, found: ${s.countNumber})`);
  // AWS's schema has one branch per countType: imageCountMoreThan without countUnit,
  // sinceImagePushed with countUnit "days". Anything else matches neither.
  const byCount = s.countType === 'imageCountMoreThan' && s.countUnit === undefined;
  const byAge = s.countType === 'sinceImagePushed' && s.countUnit === 'days';
  if (!byCount && !byAge) throw fail('instance failed to match exactly one schema (matched 0 out of 2)');
  const lists: Partial<Pick<LifecycleSelection, 'tagPrefixList' | 'tagPatternList'>> = {};
  for (const field of ['tagPrefixList', 'tagPatternList'] as const) {
    const v = s[field];
    if (v === undefined) continue;
    checkType(v, 'array');
    for (const item of v as unknown[]) checkType(item, 'string');
    lists[field] = [...(v as string[])];
  }
  const tagStatus = s.tagStatus as LifecycleSelection['tagStatus'];
  if (lists.tagPrefixList && lists.tagPatternList) {
    throw fail(`rule ${priority}: a rule may specify either tagPrefixList or tagPatternList, but not both`);
  }
  const list = lists.tagPrefixList ?? lists.tagPatternList;
  if (tagStatus === 'tagged' && !list?.length) {
    throw fail(`rule ${priority}: tagPrefixList or tagPatternList is required when tagStatus is tagged`);
  }
  if (tagStatus !== 'tagged' && list !== undefined) {
    throw fail(`rule ${priority}: tagPrefixList and tagPatternList can only be used when tagStatus is tagged`);
  }
  for (const pattern of lists.tagPatternList ?? []) {
    if ((pattern.match(/\*/g) ?? []).length > MAX_WILDCARDS) {
      throw fail(`rule ${priority}: the tag pattern '${pattern}' has more than ${MAX_WILDCARDS} wildcards (*)`);
    }
  }
  return {
    tagStatus,
    ...lists,
    countType: s.countType as LifecycleSelection['countType'],
    ...(byAge ? { countUnit: 'days' as const } : {}),
    countNumber: s.countNumber as number,
  };
}

function parseRule(raw: unknown): LifecycleRule {
  checkType(raw, 'object');
  const r = raw as Record<string, unknown>;
  checkProps(r, ['action', 'rulePriority', 'selection'], RULE_PROPS);
  checkType(r.rulePriority, 'integer');
  if ((r.rulePriority as number) < 1) throw fail(`numeric instance is lower than the required minimum (minimum: 1, found: ${r.rulePriority})`);
  if (r.description !== undefined) checkType(r.description, 'string');
  checkType(r.action, 'object');
  const action = r.action as Record<string, unknown>;
  checkProps(action, ['type'], ['type']);
  checkEnum(action.type, ['expire']);
  const priority = r.rulePriority as number;
  return {
    rulePriority: priority,
    ...(r.description !== undefined ? { description: r.description as string } : {}),
    selection: parseSelection(r.selection, priority),
    action: { type: 'expire' },
  };
}

/** The policy, or InvalidParameterException naming what is wrong. */
export function parseLifecyclePolicy(text: string): LifecyclePolicy {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw fail('Could not map policyString into LifecyclePolicy.');
  }
  if (!isObject(doc)) throw fail('Could not map policyString into LifecyclePolicy.');
  checkProps(doc, ['rules'], ['rules']);
  checkType(doc.rules, 'array');
  const rules = (doc.rules as unknown[]).map(parseRule);
  if (rules.length === 0) throw fail('array is too short: must have at least 1 elements but instance has 0 elements');
  const seen = new Set<number>();
  for (const rule of rules) {
    if (seen.has(rule.rulePriority)) throw fail(`rulePriority ${rule.rulePriority} is used by more than one rule; every rule needs a unique rulePriority`);
    seen.add(rule.rulePriority);
  }
  const highest = Math.max(...rules.map((r) => r.rulePriority));
  for (const rule of rules) {
    if (rule.selection.tagStatus === 'any' && rule.rulePriority !== highest) {
      throw fail(`rule ${rule.rulePriority} has tagStatus any, so it must have the highest rulePriority (${highest} is higher)`);
    }
  }
  const untagged = rules.filter((r) => r.selection.tagStatus === 'untagged');
  if (untagged.length > 1) {
    throw fail(`only one rule may select untagged images (rules ${untagged.map((r) => r.rulePriority).join(' and ')} both do)`);
  }
  return { rules };
}
