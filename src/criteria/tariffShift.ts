import { isSelected } from '../hs/hsCode.js';
import { makeIssue } from '../issues.js';
import { compare, parseConstant, percentAmount, sum } from '../money/rational.js';
import type { ClassifiedMaterial, Criterion, LeafOutcome, MaterialVerdict } from './types.js';
import { isOutcome, productValue, showMoney, verdict } from './shared.js';

const DIGITS = { chapter: 2, heading: 4, subheading: 6, tariff_item: 8, none: 0 } as const;

/**
 * Change of tariff classification (CC, CTH, CTSH, CTI, or none), with excepted
 * materials, freely allowed materials and a value allowance for materials of the
 * product's own heading/subheading.
 */
export const tariffShift: Criterion<'tariff_shift'> = {
  kind: 'tariff_shift',
  tolerable: true,
  run(node, ctx): LeafOutcome {
    const digits = DIGITS[node.level];
    const product = ctx.product.hsCode;
    if (digits > product.length) {
      return {
        status: 'undetermined',
        reason: { key: 'hs_code_too_short', params: { digits: String(digits) } },
        issues: [makeIssue('hs_code_too_short', [...ctx.product.path, 'hsCode'], `a change of tariff item needs an ${digits}-digit product code`)],
      };
    }
    const verdicts: MaterialVerdict[] = [];
    const offending: ClassifiedMaterial[] = [];
    const sameLevel: ClassifiedMaterial[] = [];
    const tooShort: ClassifiedMaterial[] = [];
    const prefix = product.slice(0, digits);
    const materials = ctx.materials;
    for (let i = 0; i < materials.length; i++) {
      const m = materials[i]!;
      if (m.originating) continue;
      const code = m.material.hsCode;
      if (node.allow && isSelected(node.allow, code, m.material.tags)) {
        verdicts.push(verdict(m, 'allowed'));
        continue;
      }
      if (node.except && isSelected(node.except, code, m.material.tags)) {
        offending.push(m);
        verdicts.push(verdict(m, 'offending'));
        continue;
      }
      if (digits === 0) {
        verdicts.push(verdict(m, 'ok'));
        continue;
      }
      if (code.length < digits) {
        tooShort.push(m);
        verdicts.push(verdict(m, 'to_judge'));
        continue;
      }
      if (code.startsWith(prefix)) {
        sameLevel.push(m);
        continue;
      }
      verdicts.push(verdict(m, 'ok'));
    }
    const figures: Record<string, string> = {};
    if (sameLevel.length > 0) {
      if (node.sameLevelMax) {
        const base = productValue(ctx, node.sameLevelMax.basis);
        if (isOutcome(base)) return base;
        const used = sum(sameLevel.map((m) => m.nonOriginatingAmount));
        const allowed = percentAmount(parseConstant(node.sameLevelMax.percent), base);
        figures.sameLevelValue = showMoney(used);
        figures.sameLevelAllowed = showMoney(allowed);
        const within = compare(used, allowed) <= 0;
        for (const m of sameLevel) verdicts.push(verdict(m, within ? 'same_level_allowed' : 'offending'));
        if (!within) offending.push(...sameLevel);
      } else {
        for (const m of sameLevel) verdicts.push(verdict(m, 'offending'));
        offending.push(...sameLevel);
      }
    }
    if (offending.length > 0) {
      return { status: 'not_met', offending, reason: { key: 'tariff_shift_not_met', params: { count: String(offending.length) } }, figures, materials: verdicts };
    }
    if (tooShort.length > 0) {
      return {
        status: 'undetermined',
        reason: { key: 'material_code_too_short', params: { ids: tooShort.map((m) => m.material.id).join(', ') } },
        materials: verdicts,
        issues: tooShort.map((m) => makeIssue('hs_code_too_short', [...m.material.path, 'hsCode'], `material "${m.material.id}" needs an ${digits}-digit code for this rule`)),
      };
    }
    return { status: 'met', reason: { key: 'tariff_shift_met' }, figures, materials: verdicts };
  },
};
