import type {
  MaterialSelector,
  Percent,
  RuleNode,
  RvcMethod,
  SelectorItem,
  TariffShiftLevel,
  ValueBasis,
} from './ast.js';

/** A problem found while reading a rule expression, with its character offset. */
export interface RuleSyntaxIssue {
  readonly code: 'rule_syntax';
  readonly message: string;
  readonly offset: number;
}

/** Outcome of {@link parseRuleExpression}: the tree, or the first syntax problem. */
export type ParseRuleExpressionResult =
  | { readonly success: true; readonly rule: RuleNode }
  | { readonly success: false; readonly issue: RuleSyntaxIssue };

type Token =
  | { t: 'ident'; v: string; at: number }
  | { t: 'number'; v: string; at: number }
  | { t: 'string'; v: string; at: number }
  | { t: 'punct'; v: '(' | ')' | '[' | ']' | ',' | ':' | '%' | '..'; at: number }
  | { t: 'end'; at: number };

class SyntaxFailure extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (src.startsWith('..', i)) {
      out.push({ t: 'punct', v: '..', at: i });
      i += 2;
      continue;
    }
    if ('()[],:%'.includes(c)) {
      out.push({ t: 'punct', v: c as '(', at: i });
      i++;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let v = '';
      while (j < src.length && src[j] !== '"') {
        if (src[j] === '\\' && j + 1 < src.length) j++;
        v += src[j];
        j++;
      }
      if (j >= src.length) throw new SyntaxFailure('unterminated string', i);
      out.push({ t: 'string', v, at: i });
      i = j + 1;
      continue;
    }
    const num = /^\d+(?:\.\d+)?(?![A-Za-z_])/.exec(src.slice(i));
    if (num) {
      out.push({ t: 'number', v: num[0], at: i });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(src.slice(i));
    if (id) {
      out.push({ t: 'ident', v: id[0], at: i });
      i += id[0].length;
      continue;
    }
    throw new SyntaxFailure(`unexpected character '${c}'`, i);
  }
  out.push({ t: 'end', at: src.length });
  return out;
}

const BASES: Record<string, ValueBasis> = {
  EXW: 'ex_works',
  FOB: 'fob',
  TV: 'transaction_value',
  NC: 'net_cost',
};

const SHIFT_LEVELS: Record<string, TariffShiftLevel> = {
  CC: 'chapter',
  CTH: 'heading',
  CTSH: 'subheading',
  CTI: 'tariff_item',
  AnyHeading: 'none',
};

const RVC_METHODS: readonly RvcMethod[] = ['build_down', 'build_up', 'net_cost', 'focused_value'];

type Arg =
  | { kind: 'percent'; percent: Percent; basis?: ValueBasis; at: number }
  | { kind: 'selector'; selector: MaterialSelector; at: number }
  | { kind: 'word'; word: string; at: number }
  | { kind: 'string'; text: string; at: number };

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.pos]!;
  }
  private next(): Token {
    return this.tokens[this.pos++]!;
  }
  private isPunct(v: string): boolean {
    const t = this.peek();
    return t.t === 'punct' && t.v === v;
  }
  private isWord(v: string): boolean {
    const t = this.peek();
    return t.t === 'ident' && t.v === v;
  }
  private expectPunct(v: string): void {
    const t = this.next();
    if (t.t !== 'punct' || t.v !== v) throw new SyntaxFailure(`expected '${v}'`, t.at);
  }

  parseAll(): RuleNode {
    const node = this.parseOr();
    const t = this.peek();
    if (t.t !== 'end') throw new SyntaxFailure('unexpected text after the rule', t.at);
    return node;
  }

  private parseOr(): RuleNode {
    const parts = [this.parseAnd()];
    while (this.isWord('or')) {
      this.next();
      parts.push(this.parseAnd());
    }
    return parts.length === 1 ? parts[0]! : { kind: 'any_of', of: parts };
  }

  private parseAnd(): RuleNode {
    const parts = [this.parseUnary()];
    while (this.isWord('and')) {
      this.next();
      parts.push(this.parseUnary());
    }
    return parts.length === 1 ? parts[0]! : { kind: 'all_of', of: parts };
  }

  private parseUnary(): RuleNode {
    if (this.isPunct('(')) {
      this.next();
      const inner = this.parseOr();
      this.expectPunct(')');
      return inner;
    }
    return this.parseLeaf();
  }

  private parseArgs(): { positional: Arg[]; named: Map<string, Arg>; flags: Set<string> } {
    const positional: Arg[] = [];
    const named = new Map<string, Arg>();
    const flags = new Set<string>();
    if (!this.isPunct('(')) return { positional, named, flags };
    this.next();
    if (this.isPunct(')')) {
      this.next();
      return { positional, named, flags };
    }
    for (;;) {
      const t = this.peek();
      const after = this.tokens[this.pos + 1]!;
      if (t.t === 'ident' && after.t === 'punct' && after.v === ':' && t.v !== 'tag') {
        this.next();
        this.next();
        if (named.has(t.v)) throw new SyntaxFailure(`argument '${t.v}' given twice`, t.at);
        named.set(t.v, this.parseArgValue());
      } else {
        const value = this.parseArgValue();
        if (value.kind === 'word' && !isHsItemWord(value.word)) flags.add(value.word);
        positional.push(value);
      }
      if (this.isPunct(',')) {
        this.next();
        continue;
      }
      this.expectPunct(')');
      return { positional, named, flags };
    }
  }

  private parseArgValue(): Arg {
    const t = this.peek();
    if (t.t === 'number') {
      this.next();
      this.expectPunct('%');
      const b = this.peek();
      if (b.t === 'ident' && BASES[b.v]) {
        this.next();
        return { kind: 'percent', percent: t.v, basis: BASES[b.v]!, at: t.at };
      }
      return { kind: 'percent', percent: t.v, at: t.at };
    }
    if (t.t === 'string') {
      this.next();
      return { kind: 'string', text: t.v, at: t.at };
    }
    if (t.t === 'punct' && t.v === '[') {
      this.next();
      const items: SelectorItem[] = [];
      for (;;) {
        items.push(this.parseSelectorItem());
        if (this.isPunct(',')) {
          this.next();
          continue;
        }
        this.expectPunct(']');
        return { kind: 'selector', selector: items, at: t.at };
      }
    }
    if (t.t === 'ident' && (isHsItemWord(t.v) || t.v === 'tag')) {
      return { kind: 'selector', selector: [this.parseSelectorItem()], at: t.at };
    }
    if (t.t === 'ident') {
      this.next();
      return { kind: 'word', word: t.v, at: t.at };
    }
    throw new SyntaxFailure('expected an argument', t.at);
  }

  private parseSelectorItem(): SelectorItem {
    const t = this.next();
    if (t.t !== 'ident') throw new SyntaxFailure('expected an HS item (ch01, h0101, sh010121) or tag:word', t.at);
    if (t.v === 'tag') {
      this.expectPunct(':');
      const w = this.next();
      if (w.t !== 'ident') throw new SyntaxFailure('expected a tag word', w.at);
      return { type: 'tag', tag: w.v };
    }
    const from = hsDigits(t.v);
    if (from === undefined) throw new SyntaxFailure(`'${t.v}' is not an HS item`, t.at);
    if (this.isPunct('..')) {
      this.next();
      const e = this.next();
      const to = e.t === 'ident' ? hsDigits(e.v) : undefined;
      if (to === undefined || to.length !== from.length) {
        throw new SyntaxFailure('a range must end with an HS item of the same level', e.at);
      }
      if (to < from) throw new SyntaxFailure('a range must not run backwards', e.at);
      return { type: 'hs', from, to };
    }
    return { type: 'hs', from, to: from };
  }

  private parseLeaf(): RuleNode {
    const t = this.next();
    if (t.t !== 'ident') throw new SyntaxFailure('expected a rule', t.at);
    const name = t.v;
    const { positional, named, flags } = this.parseArgs();
    const fail = (msg: string): never => {
      throw new SyntaxFailure(`${name}: ${msg}`, t.at);
    };
    const allowOnly = (names: string[], nPositional: number) => {
      for (const k of named.keys()) if (!names.includes(k)) fail(`unknown argument '${k}'`);
      if (positional.length > nPositional) fail('too many arguments');
    };
    const selectorArg = (a: Arg | undefined, what: string): MaterialSelector => {
      if (!a || a.kind !== 'selector') return fail(`${what} must be a material selector`);
      return a.selector;
    };
    const percentArg = (a: Arg | undefined, needBasis: boolean): { percent: Percent; basis?: ValueBasis } => {
      if (!a || a.kind !== 'percent') return fail('expected a percentage such as 40% FOB');
      if (needBasis && !a.basis) fail('the percentage needs a basis (EXW, FOB, TV or NC)');
      return a.basis ? { percent: a.percent, basis: a.basis } : { percent: a.percent };
    };

    if (name === 'WO' || name === 'PE') {
      allowOnly([], 0);
      return name === 'WO' ? { kind: 'wholly_obtained' } : { kind: 'produced_exclusively' };
    }
    const level = SHIFT_LEVELS[name];
    if (level) {
      allowOnly(['except', 'allow', 'same'], 0);
      const node: {
        kind: 'tariff_shift';
        level: TariffShiftLevel;
        except?: MaterialSelector;
        allow?: MaterialSelector;
        sameLevelMax?: { percent: Percent; basis: ValueBasis };
      } = { kind: 'tariff_shift', level };
      if (named.has('except')) node.except = selectorArg(named.get('except'), 'except');
      if (named.has('allow')) node.allow = selectorArg(named.get('allow'), 'allow');
      if (named.has('same')) {
        if (level === 'none') fail("'same' has no meaning without a change of classification");
        const p = percentArg(named.get('same'), true);
        node.sameLevelMax = { percent: p.percent, basis: p.basis! };
      }
      return node;
    }
    switch (name) {
      case 'MaxNOM': {
        allowOnly(['of'], 1);
        const p = percentArg(positional[0], true);
        return named.has('of')
          ? { kind: 'max_non_originating', percent: p.percent, basis: p.basis!, materials: selectorArg(named.get('of'), 'of') }
          : { kind: 'max_non_originating', percent: p.percent, basis: p.basis! };
      }
      case 'RVC': {
        allowOnly(['method', 'of'], 1);
        const p = percentArg(positional[0], true);
        const m = named.get('method');
        let method: RvcMethod = 'agreement_default';
        if (m) {
          if (m.kind !== 'word' || !RVC_METHODS.includes(m.word as RvcMethod)) {
            fail(`method must be one of ${RVC_METHODS.join(', ')}`);
          }
          method = (m as { word: RvcMethod }).word;
        }
        const node = { kind: 'regional_value_content' as const, percent: p.percent, basis: p.basis!, method };
        if (named.has('of')) {
          if (method !== 'focused_value') fail("'of' is only for the focused value method");
          return { ...node, materials: selectorArg(named.get('of'), 'of') };
        }
        if (method === 'focused_value') fail("the focused value method needs 'of'");
        return node;
      }
      case 'Weight': {
        allowOnly(['of', 'relativeTo'], 2);
        const p = percentArg(positional[0], false);
        if (p.basis) fail('a weight limit takes a bare percentage');
        if (positional.length === 2 && !flags.has('each')) fail("the only flag is 'each'");
        const node = {
          kind: 'weight_limit' as const,
          percent: p.percent,
          materials: selectorArg(named.get('of'), 'of'),
          each: flags.has('each'),
        };
        return named.has('relativeTo') ? { ...node, relativeTo: selectorArg(named.get('relativeTo'), 'relativeTo') } : node;
      }
      case 'WOMaterials':
        allowOnly([], 1);
        return { kind: 'materials_wholly_obtained', materials: selectorArg(positional[0], 'the argument') };
      case 'From':
        allowOnly([], 1);
        return { kind: 'manufacture_from', materials: selectorArg(positional[0], 'the argument') };
      case 'Process': {
        allowOnly([], 1);
        const a = positional[0];
        if (!a || a.kind !== 'word') return fail('expected a process name');
        return { kind: 'specific_process', process: a.word };
      }
      case 'Declared': {
        allowOnly([], 2);
        const [idArg, textArg] = positional;
        if (!idArg || idArg.kind !== 'word') return fail('expected an identifier');
        if (!textArg || textArg.kind !== 'string') return fail('expected the condition text in quotes');
        return { kind: 'declared_condition', id: idArg.word, text: textArg.text };
      }
      default:
        return fail('unknown rule name');
    }
  }
}

const HS_WORD = /^(ch|h|sh|ti)(\d+)$/;
const HS_LENGTH: Record<string, number[]> = { ch: [2], h: [4], sh: [6], ti: [8, 10] };

function isHsItemWord(w: string): boolean {
  return hsDigits(w) !== undefined;
}

function hsDigits(w: string): string | undefined {
  const m = HS_WORD.exec(w);
  if (!m) return undefined;
  return HS_LENGTH[m[1]!]!.includes(m[2]!.length) ? m[2] : undefined;
}

/**
 * Reads a rule written in the compact rule language into a {@link RuleNode} tree.
 *
 * @example
 * ```ts
 * parseRuleExpression('CTH or MaxNOM(70% EXW)');
 * // → { success: true, rule: { kind: 'any_of', of: [
 * //     { kind: 'tariff_shift', level: 'heading' },
 * //     { kind: 'max_non_originating', percent: '70', basis: 'ex_works' } ] } }
 * ```
 */
export function parseRuleExpression(text: string): ParseRuleExpressionResult {
  try {
    return { success: true, rule: new Parser(tokenize(text)).parseAll() };
  } catch (e) {
    if (e instanceof SyntaxFailure) {
      return { success: false, issue: { code: 'rule_syntax', message: e.message, offset: e.offset } };
    }
    throw e;
  }
}
