/**
 * Tokens of the ECS cluster query language ("Cluster query language" in the ECS developer guide):
 * `subject operator [argument]`, joined by `&&`/`and`, `||`/`or`, `!`/`not` and parentheses.
 *
 * Words (subjects, word operators, keywords, bare arguments) are all WORD tokens: whether
 * `and` or `in` is a keyword or a value depends on where it stands, so the parser decides.
 * Symbol operators (`== != > >= < <= =~ !~ !in !exists`) and punctuation are their own tokens.
 *
 * Choice: a bare word runs until whitespace or one of `( ) [ ] , = ! < > & | ' "`; an argument
 * containing any of those (a regex like `(t2|m5).*`, a value with spaces) is written in single or
 * double quotes, as AWS's own example `ec2InstanceId in ['i-abcd1234', 'i-wxyx7890']` does.
 * Inside quotes a backslash escapes the next character.
 */
import { invalidParameter } from '../../../aws/errors';

export type TokenKind = 'word' | 'string' | 'op' | 'and' | 'or' | 'not' | '(' | ')' | '[' | ']' | ',' | 'end';

export interface Token {
  kind: TokenKind;
  /** The word, the unquoted string, or the operator symbol. */
  text: string;
  /** 0-based offset in the expression. */
  pos: number;
}

/** Symbol operators, longest first so `>=` wins over `>`. */
const SYMBOL_OPERATORS = ['!exists', '!in', '==', '!=', '>=', '<=', '=~', '!~', '>', '<'];

const STOP = new Set([' ', '\t', '\n', '\r', '(', ')', '[', ']', ',', '=', '!', '<', '>', '&', '|', "'", '"']);

/** Where an error points: "at position 12 (…near 'xyz')". Positions are 1-based for people. */
export function at(pos: number, expression: string): string {
  const near = expression.slice(pos, pos + 12);
  return near ? `at position ${pos + 1} (near '${near}')` : `at position ${pos + 1} (the end of the expression)`;
}

export function queryError(expression: string, problem: string) {
  return invalidParameter(`Invalid cluster query expression "${expression}": ${problem}.`);
}

export function tokenize(expression: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = expression.length;
  while (i < n) {
    const c = expression[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (c === '(' || c === ')' || c === '[' || c === ']' || c === ',') {
      tokens.push({ kind: c, text: c, pos: i });
      i++;
      continue;
    }
    if (c === '&' || c === '|') {
      if (expression[i + 1] !== c) throw queryError(expression, `'${c}' must be doubled ('${c}${c}') ${at(i, expression)}`);
      tokens.push({ kind: c === '&' ? 'and' : 'or', text: c + c, pos: i });
      i += 2;
      continue;
    }
    if (c === "'" || c === '"') {
      const start = i;
      let text = '';
      i++;
      while (i < n && expression[i] !== c) {
        if (expression[i] === '\\' && i + 1 < n) i++;
        text += expression[i];
        i++;
      }
      if (i >= n) throw queryError(expression, `the quoted string opened ${at(start, expression)} is never closed`);
      i++;
      tokens.push({ kind: 'string', text, pos: start });
      continue;
    }
    const symbol = SYMBOL_OPERATORS.find((op) => expression.startsWith(op, i) && (!/[a-z]$/.test(op) || !isWordChar(expression[i + op.length])));
    if (symbol) {
      tokens.push({ kind: 'op', text: symbol, pos: i });
      i += symbol.length;
      continue;
    }
    if (c === '!') {
      tokens.push({ kind: 'not', text: '!', pos: i });
      i++;
      continue;
    }
    if (c === '=') throw queryError(expression, `'=' is not an operator (use '==' or '=~') ${at(i, expression)}`);
    const start = i;
    while (i < n && !STOP.has(expression[i])) i++;
    tokens.push({ kind: 'word', text: expression.slice(start, i), pos: start });
  }
  tokens.push({ kind: 'end', text: '', pos: n });
  return tokens;
}

const isWordChar = (c: string | undefined) => c !== undefined && !STOP.has(c);
