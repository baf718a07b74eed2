/**
 * Prints a cluster query tree back as an expression that parses to the same tree: compound parts
 * in parentheses, values quoted when they hold a character that would end a bare word.
 */
import { takesList, takesNothing, type QueryNode } from './ast';

const BARE = /^[^\s()[\],=!<>&|'"]+$/;

export function quoteValue(value: string): string {
  return BARE.test(value) ? value : `'${value.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}

export function printQuery(node: QueryNode): string {
  switch (node.kind) {
    case 'and':
      return `(${printQuery(node.left)}) and (${printQuery(node.right)})`;
    case 'or':
      return `(${printQuery(node.left)}) or (${printQuery(node.right)})`;
    case 'not':
      return `not (${printQuery(node.operand)})`;
    case 'compare': {
      const head = `${node.subject} ${node.operator}`;
      if (takesNothing(node.operator)) return head;
      if (takesList(node.operator)) return `${head} [${(node.values ?? []).map(quoteValue).join(', ')}]`;
      return `${head} ${quoteValue(node.value ?? '')}`;
    }
  }
}
