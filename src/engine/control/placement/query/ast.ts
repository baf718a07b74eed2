/**
 * The cluster query language's syntax tree, its subjects and operators (ECS developer guide,
 * "Cluster query language"). Operators are kept in their symbol form; the word forms
 * (`equals`, `not_in`, ...) parse to the same node.
 */

export type Operator = '==' | '!=' | '>' | '>=' | '<' | '<=' | 'exists' | '!exists' | 'in' | '!in' | '=~' | '!~';

export type QueryNode =
  | { kind: 'and'; left: QueryNode; right: QueryNode }
  | { kind: 'or'; left: QueryNode; right: QueryNode }
  | { kind: 'not'; operand: QueryNode }
  /** `subject operator [argument]`: `value` for single arguments, `values` for in/!in lists. */
  | { kind: 'compare'; subject: string; operator: Operator; value?: string; values?: string[] };

/** Word forms, from the AWS operator table. */
export const WORD_OPERATORS: Record<string, Operator> = {
  equals: '==',
  not_equals: '!=',
  greater_than: '>',
  greater_than_equal: '>=',
  less_than: '<',
  less_than_equal: '<=',
  exists: 'exists',
  not_exists: '!exists',
  in: 'in',
  not_in: '!in',
  matches: '=~',
  not_matches: '!~',
};

export const ALL_OPERATORS: Operator[] = ['==', '!=', '>', '>=', '<', '<=', 'exists', '!exists', 'in', '!in', '=~', '!~'];

const EQUALITY_IN_MATCH: Operator[] = ['==', '!=', 'in', '!in', '=~', '!~'];
const COMPARISONS: Operator[] = ['==', '!=', '>', '>=', '<', '<='];

/**
 * The valid operators of each subject, as the AWS page lists them. `attribute:NAME` accepts every
 * operator. Choice: AWS does not list task:group's operators; we allow the string operators plus
 * exists/!exists (an instance "has any task").
 */
export const SUBJECT_OPERATORS: Record<string, Operator[]> = {
  agentConnected: EQUALITY_IN_MATCH,
  agentVersion: COMPARISONS,
  ec2InstanceId: EQUALITY_IN_MATCH,
  registeredAt: COMPARISONS,
  runningTasksCount: COMPARISONS,
  'task:group': [...EQUALITY_IN_MATCH, 'exists', '!exists'],
};

export const SUBJECT_LIST = 'agentConnected, agentVersion, attribute:NAME, ec2InstanceId, registeredAt, runningTasksCount, task:group';

export function operatorsOf(subject: string): Operator[] | undefined {
  if (subject.startsWith('attribute:') && subject.length > 'attribute:'.length) return ALL_OPERATORS;
  return SUBJECT_OPERATORS[subject];
}

/** `in`/`!in` take a list, `exists`/`!exists` nothing, the rest one value. */
export const takesList = (op: Operator) => op === 'in' || op === '!in';
export const takesNothing = (op: Operator) => op === 'exists' || op === '!exists';
