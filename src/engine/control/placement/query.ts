/**
 * OWNED BY: the placement work. Signatures fixed.
 *
 * The cluster query language (memberOf constraints, ListContainerInstances filter): a real
 * tokenizer + recursive-descent parser, errors in AWS's words (InvalidParameterException).
 * The pieces live in ./query/: tokenizer, parser, ast (subjects and operators), values (dates,
 * versions, regexes), evaluate (compiled predicates), print (tree -> expression).
 */
import type { World, ContainerInstance } from '../../world/types';
import type { QueryNode } from './query/ast';
import { parseQuery } from './query/parser';
import { compileQuery, queryContext } from './query/evaluate';

export type QueryAst = { kind: string; [k: string]: unknown };

export function parseClusterQuery(expression: string): QueryAst {
  return parseQuery(expression) as unknown as QueryAst;
}

/** Does this container instance satisfy the expression? (task:group looks at its non-STOPPED tasks.) */
export function matchesClusterQuery(world: World, containerInstance: ContainerInstance, ast: QueryAst): boolean {
  return compileQuery(ast as unknown as QueryNode)(containerInstance, queryContext(world));
}

export { printQuery as printClusterQuery } from './query/print';
