import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRuleExpression } from '../../src/rules/formatRuleExpression.js';
import { parseRuleExpression } from '../../src/rules/parseRuleExpression.js';
import type { MaterialSelector, RuleNode } from '../../src/rules/ast.js';

const roundTrip = (text: string) => {
  const r = parseRuleExpression(text);
  if (!r.success) throw new Error(r.issue.message);
  return formatRuleExpression(r.rule);
};

describe('parseRuleExpression', () => {
  it('reads alternatives in legal order, and binds "and" tighter than "or"', () => {
    const r = parseRuleExpression('CTH or MaxNOM(70% EXW) and Process(dyeing)');
    expect(r).toEqual({
      success: true,
      rule: {
        kind: 'any_of',
        of: [
          { kind: 'tariff_shift', level: 'heading' },
          { kind: 'all_of', of: [{ kind: 'max_non_originating', percent: '70', basis: 'ex_works' }, { kind: 'specific_process', process: 'dyeing' }] },
        ],
      },
    });
  });
  it('reads exceptions, allowances and same-heading shares', () => {
    const r = parseRuleExpression('CTH(except: [h1701, ch01..ch03], same: 20% EXW)');
    expect(r.success && r.rule).toEqual({
      kind: 'tariff_shift',
      level: 'heading',
      except: [{ type: 'hs', from: '1701', to: '1701' }, { type: 'hs', from: '01', to: '03' }],
      sameLevelMax: { percent: '20', basis: 'ex_works' },
    });
  });
  it('round-trips every form of the language', () => {
    for (const text of [
      'WO',
      'PE',
      'CC(except: sh121120)',
      'CTSH or RVC(40% FOB)',
      'AnyHeading(except: [h4011, h4012])',
      'CTH(allow: tag:mustard_flour)',
      'RVC(45% NC, method: net_cost)',
      'RVC(50% FOB, method: focused_value, of: [h8501, h8504])',
      'Weight(20%, of: [ch04, tag:sugar], each)',
      'Weight(30%, of: ch24, relativeTo: ch24)',
      'WOMaterials(ch03)',
      'From([h7206, h7207])',
      'Process(weaving) and (Process(dyeing) or Process(coating))',
      'Declared(boards, "boards not cut to size \\"raw\\"")',
      'MaxNOM(30% EXW, of: h9613)',
      'CTI',
    ]) {
      expect(roundTrip(text)).toBe(text);
    }
  });
  it('reports the first syntax problem with its offset', () => {
    expect(parseRuleExpression('CTH or')).toMatchObject({ success: false, issue: { code: 'rule_syntax', offset: 6 } });
    expect(parseRuleExpression('MaxNOM(70%)')).toMatchObject({ success: false, issue: { message: expect.stringContaining('basis') } });
    expect(parseRuleExpression('Foo')).toMatchObject({ success: false, issue: { message: expect.stringContaining('unknown rule') } });
    expect(parseRuleExpression('CTH(except: h17)')).toMatchObject({ success: false });
    expect(parseRuleExpression('CTH(except: h1708..h1701)')).toMatchObject({ success: false });
    expect(parseRuleExpression('AnyHeading(same: 20% EXW)')).toMatchObject({ success: false });
  });
});


const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
const item = fc.oneof(
  fc.constantFrom(2, 4, 6, 8).chain((n) =>
    fc.tuple(digits(n), digits(n)).map(([a, b]) => ({ type: 'hs' as const, from: a < b ? a : b, to: a < b ? b : a })),
  ),
  fc.stringMatching(/^[a-z][a-z_]{0,8}$/).filter((t) => t !== 'tag').map((tag) => ({ type: 'tag' as const, tag })),
);
const selector: fc.Arbitrary<MaterialSelector> = fc.array(item, { minLength: 1, maxLength: 3 });
const percent = fc.oneof(fc.integer({ min: 0, max: 100 }).map(String), fc.constantFrom('47.5', '12.25'));
const basis = fc.constantFrom('ex_works', 'fob', 'transaction_value', 'net_cost' as const);
const leaf: fc.Arbitrary<RuleNode> = fc.oneof(
  fc.constant({ kind: 'wholly_obtained' } as const),
  fc.record({ kind: fc.constant('tariff_shift' as const), level: fc.constantFrom('chapter', 'heading', 'subheading', 'tariff_item' as const), except: selector }),
  fc.record({ kind: fc.constant('max_non_originating' as const), percent, basis, materials: selector }),
  fc.record({ kind: fc.constant('regional_value_content' as const), percent, basis, method: fc.constantFrom('build_down', 'build_up', 'net_cost', 'agreement_default' as const) }),
  fc.record({ kind: fc.constant('weight_limit' as const), percent, materials: selector, each: fc.boolean() }),
  fc.record({ kind: fc.constant('materials_wholly_obtained' as const), materials: selector }),
  fc.record({ kind: fc.constant('specific_process' as const), process: fc.constantFrom('weaving', 'dyeing') }),
  fc.record({ kind: fc.constant('declared_condition' as const), id: fc.stringMatching(/^[a-z][a-z_]{0,10}$/), text: fc.string() }),
);
const tree: fc.Arbitrary<RuleNode> = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, leaf, tie('any'), tie('all')),
  any: fc.array(tie('node'), { minLength: 2, maxLength: 3 }).map((of) => ({ kind: 'any_of', of }) as RuleNode),
  all: fc.array(tie('node'), { minLength: 2, maxLength: 3 }).map((of) => ({ kind: 'all_of', of }) as RuleNode),
})).node as fc.Arbitrary<RuleNode>;

/** Nested nodes of the same kind flatten when written out, so compare flattened trees. */
function flatten(n: RuleNode): RuleNode {
  if (n.kind !== 'any_of' && n.kind !== 'all_of') return n;
  const of = n.of.map(flatten).flatMap((c) => (c.kind === n.kind ? (c as typeof n).of : [c]));
  return { kind: n.kind, of };
}

describe('rule language round trip', () => {
  it('parse(format(tree)) gives the tree back', () => {
    fc.assert(
      fc.property(tree, (t) => {
        const r = parseRuleExpression(formatRuleExpression(t));
        expect(r.success).toBe(true);
        if (r.success) expect(flatten(r.rule)).toEqual(flatten(t));
      }),
    );
  });
});
