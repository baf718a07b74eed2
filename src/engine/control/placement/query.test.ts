import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createWorld } from '../../world/create';
import { SIM_EPOCH_MS } from '../../world/types';
import { addContainerInstance, addTaskDefinition, placeTaskOn } from '../../testing/placement-fixtures';
import { matchesClusterQuery, parseClusterQuery, printClusterQuery } from './query';
import { ALL_OPERATORS, WORD_OPERATORS, takesList, takesNothing, type QueryNode } from './query/ast';
import { AwsError } from '../../aws/errors';

function world() {
  const w = createWorld();
  const g2 = addContainerInstance(w, { az: 'us-east-1a', instanceType: 'g2.2xlarge', agentVersion: '1.14.4', registeredAt: 86400, attributes: { stack: 'prod', weight: '10', flag: undefined } });
  const t2 = addContainerInstance(w, { az: 'us-east-1d', instanceType: 't2.small', agentVersion: '1.20.0', registeredAt: 3 * 86400, agentConnected: false, attributes: { weight: '9' } });
  const td = addTaskDefinition(w);
  placeTaskOn(w, g2, td, { group: 'service:production' });
  placeTaskOn(w, g2, td, { group: 'database', lastStatus: 'PENDING' });
  return { w, g2, t2 };
}

/** Which of the two instances match: "g2", "t2", "both" or "none". */
function which(expression: string): string {
  const { w, g2, t2 } = world();
  const ast = parseClusterQuery(expression);
  const a = matchesClusterQuery(w, g2, ast);
  const b = matchesClusterQuery(w, t2, ast);
  return a && b ? 'both' : a ? 'g2' : b ? 't2' : 'none';
}

function parseError(expression: string): AwsError {
  try {
    parseClusterQuery(expression);
  } catch (e) {
    if (e instanceof AwsError) return e;
    throw e;
  }
  throw new Error(`"${expression}" parsed, but an error was expected`);
}

// Sim day 1 = 2025-01-02, day 3 = 2025-01-04 (SIM_EPOCH is 2025-01-01T00:00:00Z).
const day = (n: number) => new Date(SIM_EPOCH_MS + n * 86400_000).toISOString().slice(0, 10);

describe('the cluster query language (AWS "Cluster query language")', () => {
  it('selects instances by string equality of a built-in attribute, as `attribute:ecs.instance-type == t2.small` does', () => {
    expect(which('attribute:ecs.instance-type == t2.small')).toBe('t2');
    expect(which('attribute:ecs.instance-type equals t2.small')).toBe('t2');
    expect(which('attribute:ecs.instance-type != t2.small')).toBe('g2');
    expect(which('attribute:ecs.instance-type not_equals t2.small')).toBe('g2');
  });

  it('selects by argument list with in / !in, written in square brackets as AWS documents, or in parentheses', () => {
    expect(which('attribute:ecs.availability-zone in [us-east-1a, us-east-1b]')).toBe('g2');
    expect(which('attribute:ecs.availability-zone in (us-east-1a, us-east-1d)')).toBe('both');
    expect(which('attribute:ecs.availability-zone !in [us-east-1a]')).toBe('t2');
    expect(which('attribute:ecs.availability-zone not_in [us-east-1a]')).toBe('t2');
    expect(which("ec2InstanceId in ['i-00000000000000001', 'i-wxyx7890']")).toBe('g2');
  });

  it('matches Java-style patterns against the whole value (=~, matches, !~, not_matches)', () => {
    expect(which('attribute:ecs.instance-type =~ g2.*')).toBe('g2');
    expect(which('attribute:ecs.instance-type matches 2.*')).toBe('none');
    expect(which('attribute:ecs.instance-type !~ g2.*')).toBe('t2');
    expect(which("attribute:ecs.instance-type not_matches '(g2|t2)\\..*'")).toBe('none');
  });

  it('tests for an attribute with exists / !exists / not_exists, even one set without a value', () => {
    expect(which('attribute:stack exists')).toBe('g2');
    expect(which('attribute:stack !exists')).toBe('t2');
    expect(which('attribute:stack not_exists')).toBe('t2');
    expect(which('attribute:flag exists')).toBe('g2');
  });

  it('orders numbers, versions and dates with > >= < <= and their word forms', () => {
    expect(which('attribute:weight > 9')).toBe('g2'); // numeric, not "10" < "9" as strings
    expect(which('attribute:weight greater_than_equal 9')).toBe('both');
    expect(which('agentVersion < 1.14.5')).toBe('g2');
    expect(which('agentVersion less_than_equal 1.20.0')).toBe('both');
    expect(which('agentVersion greater_than 1.14.4')).toBe('t2');
    expect(which(`registeredAt < ${day(2)}`)).toBe('g2');
    expect(which(`registeredAt >= ${day(3)}T00:00:00Z`)).toBe('t2');
    expect(which(`registeredAt == ${day(1)}T00:00:00+00:00`)).toBe('g2');
    expect(which(`registeredAt less_than ${day(3)}T01:00:00+02:00`)).toBe('g2');
  });

  it('counts RUNNING tasks for runningTasksCount (a PENDING task does not count)', () => {
    expect(which('runningTasksCount == 1')).toBe('g2');
    expect(which('runningTasksCount == 0')).toBe('t2');
  });

  it('reads the agent connection for agentConnected and the EC2 id for ec2InstanceId', () => {
    expect(which('agentConnected == false')).toBe('t2');
    expect(which('ec2InstanceId == i-00000000000000002')).toBe('t2');
  });

  it('supports task affinity and anti-affinity with task:group (non-STOPPED tasks on the instance)', () => {
    expect(which('task:group == service:production')).toBe('g2');
    expect(which('task:group == database')).toBe('g2');
    expect(which('not(task:group == database)')).toBe('t2');
    expect(which('task:group != database')).toBe('t2');
    expect(which('task:group exists')).toBe('g2');
  });

  it('combines with && / and, || / or, ! / not, and not binds tighter than and, which binds tighter than or', () => {
    expect(which('attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d')).toBe('g2');
    expect(which('attribute:ecs.instance-type == t2.small || attribute:stack == prod')).toBe('both');
    expect(which('!attribute:stack exists')).toBe('t2');
    // a or b and c  ==  a or (b and c)
    expect(which('attribute:stack == prod or attribute:weight == 9 and attribute:weight == 10')).toBe('g2');
    expect(which('(attribute:stack == prod or attribute:weight == 9) and attribute:weight == 10')).toBe('g2');
    expect(which('(attribute:stack == prod or attribute:weight == 9) and attribute:weight == 9')).toBe('t2');
    // not a and b  ==  (not a) and b
    expect(which('not attribute:stack exists and attribute:weight == 9')).toBe('t2');
  });

  it('parses every operator in its symbol and word forms to the same tree', () => {
    for (const [word, symbol] of Object.entries(WORD_OPERATORS)) {
      const arg = takesNothing(symbol) ? '' : takesList(symbol) ? ' [a, b]' : ' x';
      expect(parseClusterQuery(`attribute:a ${word}${arg}`)).toEqual(parseClusterQuery(`attribute:a ${symbol}${arg}`));
    }
  });

  it('answers a bad expression with InvalidParameterException pointing at the position and what was expected', () => {
    const noOperator = parseError('attribute:stack prod');
    expect(noOperator.code).toBe('InvalidParameterException');
    expect(noOperator.message).toContain('expected an operator after');
    expect(noOperator.message).toContain('at position 17');
    expect(parseError('color == red').message).toContain('expected a subject');
    expect(parseError('attribute:a == b and').message).toContain('the end of the expression');
    expect(parseError('(attribute:a == b').message).toContain("expected ')'");
    expect(parseError('attribute:a in [x, y').message).toContain("expected ',' or ']'");
    expect(parseError('attribute:a in x').message).toContain('expected a list');
    expect(parseError('attribute:a = b').message).toContain("'=' is not an operator");
    expect(parseError("attribute:a == 'open").message).toContain('never closed');
    expect(parseError('attribute:a =~ (').message).toContain('expected a value');
    expect(parseError("attribute:a =~ '('").message).toContain('not a valid regular expression');
    expect(parseError('registeredAt < yesterday').message).toContain('is not a date');
    expect(parseError('runningTasksCount > many').message).toContain('not a whole number');
    expect(parseError('agentVersion >= latest').message).toContain('not an agent version');
    expect(parseError('runningTasksCount =~ 1').message).toContain('not valid for runningTasksCount');
    expect(parseError('attribute:a == b c').message).toContain("expected 'and', 'or'");
    expect(parseError('attribute:a == b & x').message).toContain("'&' must be doubled");
    expect(parseError('  ').message).toContain('empty');
  });

  it('prints any tree as an expression that parses back to the same tree', () => {
    const value = fc.oneof(fc.constantFrom('prod', 'us-east-1a', 'and', 'not', 'a b', "it's", 'x==y', '(p)', '', 'back\\slash', 'g2.*'), fc.string());
    const subject = fc.constantFrom('attribute:stack', 'attribute:ecs.instance-type', 'ec2InstanceId', 'agentConnected', 'task:group');
    const compare = fc.record({ subject, operator: fc.constantFrom(...ALL_OPERATORS.filter((o) => o !== '=~' && o !== '!~')), value, values: fc.array(value, { minLength: 1, maxLength: 3 }) }).map(({ subject: s, operator, value: v, values }): QueryNode => {
      const op = s.startsWith('attribute:') ? operator : (['==', '!=', 'in', '!in'] as const)[ALL_OPERATORS.indexOf(operator) % 4];
      if (takesNothing(op)) return { kind: 'compare', subject: s, operator: op };
      if (takesList(op)) return { kind: 'compare', subject: s, operator: op, values };
      return { kind: 'compare', subject: s, operator: op, value: v };
    });
    const tree = fc.letrec<{ node: QueryNode }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        compare,
        fc.record({ kind: fc.constant('and' as const), left: tie('node'), right: tie('node') }),
        fc.record({ kind: fc.constant('or' as const), left: tie('node'), right: tie('node') }),
        fc.record({ kind: fc.constant('not' as const), operand: tie('node') }),
      ),
    })).node;
    fc.assert(
      fc.property(tree, (node) => {
        expect(parseClusterQuery(printClusterQuery(node))).toEqual(node);
      }),
      { numRuns: 300 },
    );
  });
});
