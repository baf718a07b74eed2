/**
 * Recursive-descent parser for the cluster query language. Grammar (precedence: not > and > or,
 * `and`/`or` associate to the left, as boolean operators usually do; AWS only says parentheses
 * set precedence):
 *
 *   expression := and-expr (('||' | 'or') and-expr)*
 *   and-expr   := unary (('&&' | 'and') unary)*
 *   unary      := ('!' | 'not') unary | '(' expression ')' | comparison
 *   comparison := SUBJECT OPERATOR [argument]
 *   argument   := value | list            (list only after in / !in; none after exists / !exists)
 *   list       := '[' value (',' value)* ']' | '(' value (',' value)* ')'
 *
 * AWS documents lists in square brackets (`in [us-east-1a, us-east-1b]`); we also accept
 * parentheses. Errors are InvalidParameterException naming the position and what was expected.
 */
import { at, queryError, tokenize, type Token } from './tokenizer';
import { SUBJECT_LIST, WORD_OPERATORS, operatorsOf, takesList, takesNothing, type Operator, type QueryNode } from './ast';
import { compilePattern, parseCount, parseQueryDate, parseVersion } from './values';

export function parseQuery(expression: string): QueryNode {
  if (expression.trim() === '') throw queryError(expression, 'the expression is empty');
  return new Parser(expression, tokenize(expression)).parseAll();
}

const describe = (t: Token) => (t.kind === 'end' ? 'the end of the expression' : `'${t.text}'`);

class Parser {
  private i = 0;
  constructor(
    private readonly expression: string,
    private readonly tokens: Token[],
  ) {}

  parseAll(): QueryNode {
    const node = this.parseOr();
    const t = this.peek();
    if (t.kind !== 'end') this.fail(`expected 'and', 'or' or the end of the expression`, t);
    return node;
  }

  private peek(): Token {
    return this.tokens[this.i];
  }

  private next(): Token {
    return this.tokens[this.i++];
  }

  private fail(expected: string, found: Token): never {
    throw queryError(this.expression, `${expected} ${at(found.pos, this.expression)}, found ${describe(found)}`);
  }

  private isWord(t: Token, word: string) {
    return t.kind === 'word' && t.text === word;
  }

  private parseOr(): QueryNode {
    let left = this.parseAnd();
    for (let t = this.peek(); t.kind === 'or' || this.isWord(t, 'or'); t = this.peek()) {
      this.next();
      left = { kind: 'or', left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): QueryNode {
    let left = this.parseUnary();
    for (let t = this.peek(); t.kind === 'and' || this.isWord(t, 'and'); t = this.peek()) {
      this.next();
      left = { kind: 'and', left, right: this.parseUnary() };
    }
    return left;
  }

  private parseUnary(): QueryNode {
    const t = this.peek();
    if (t.kind === 'not' || this.isWord(t, 'not')) {
      this.next();
      return { kind: 'not', operand: this.parseUnary() };
    }
    if (t.kind === '(') {
      this.next();
      const inner = this.parseOr();
      const close = this.next();
      if (close.kind !== ')') this.fail(`expected ')' to close the '(' ${at(t.pos, this.expression)}`, close);
      return inner;
    }
    return this.parseComparison();
  }

  private parseComparison(): QueryNode {
    const subjectToken = this.next();
    if (subjectToken.kind !== 'word') this.fail(`expected a subject (${SUBJECT_LIST})`, subjectToken);
    const subject = subjectToken.text;
    const allowed = operatorsOf(subject);
    if (!allowed) this.fail(`expected a subject (${SUBJECT_LIST})`, subjectToken);

    const opToken = this.next();
    const operator: Operator | undefined =
      opToken.kind === 'op' ? (opToken.text as Operator) : opToken.kind === 'word' && Object.hasOwn(WORD_OPERATORS, opToken.text) ? WORD_OPERATORS[opToken.text] : undefined;
    if (!operator) this.fail(`expected an operator after '${subject}' (==, !=, >, >=, <, <=, exists, !exists, in, !in, =~, !~ or their word forms)`, opToken);
    if (!allowed.includes(operator)) {
      throw queryError(this.expression, `the operator '${opToken.text}' is not valid for ${subject} ${at(opToken.pos, this.expression)}; valid operators: ${allowed.join(', ')}`);
    }

    if (takesNothing(operator)) return { kind: 'compare', subject, operator };
    if (takesList(operator)) {
      const values = this.parseList(operator);
      values.forEach((v) => this.checkValue(subject, operator, v, opToken));
      return { kind: 'compare', subject, operator, values };
    }
    const valueToken = this.next();
    if (valueToken.kind !== 'word' && valueToken.kind !== 'string') this.fail(`expected a value after '${opToken.text}'`, valueToken);
    this.checkValue(subject, operator, valueToken.text, valueToken);
    return { kind: 'compare', subject, operator, value: valueToken.text };
  }

  private parseList(operator: Operator): string[] {
    const open = this.next();
    if (open.kind !== '[' && open.kind !== '(') this.fail(`expected a list such as [a, b] after '${operator}'`, open);
    const close = open.kind === '[' ? ']' : ')';
    const values: string[] = [];
    for (;;) {
      const v = this.next();
      if (v.kind !== 'word' && v.kind !== 'string') this.fail('expected a value in the list', v);
      values.push(v.text);
      const sep = this.next();
      if (sep.kind === close) return values;
      if (sep.kind !== ',') this.fail(`expected ',' or '${close}' in the list`, sep);
    }
  }

  /** Arguments that must have a shape: dates, versions, counts, regular expressions. */
  private checkValue(subject: string, operator: Operator, value: string, token: Token) {
    const where = at(token.pos, this.expression);
    if (subject === 'registeredAt' && parseQueryDate(value) === undefined) {
      throw queryError(this.expression, `'${value}' ${where} is not a date (valid formats: 2018-06-18T22:28:28+00:00, 2018-06-18T22:28:28Z, 2018-06-18T22:28:28, 2018-06-18)`);
    }
    if (subject === 'agentVersion' && !parseVersion(value)) throw queryError(this.expression, `'${value}' ${where} is not an agent version such as 1.14.5`);
    if (subject === 'runningTasksCount' && parseCount(value) === undefined) throw queryError(this.expression, `'${value}' ${where} is not a whole number of tasks`);
    if (operator === '=~' || operator === '!~') {
      const compiled = compilePattern(value);
      if (typeof compiled === 'string') throw queryError(this.expression, `'${value}' ${where} is not a valid regular expression (${compiled})`);
    }
  }
}
