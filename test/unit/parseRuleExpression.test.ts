import { describe, expect, it } from 'vitest';
import { formatRuleExpression } from '../../src/rules/formatRuleExpression.js';
import { parseRuleExpression } from '../../src/rules/parseRuleExpression.js';

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
