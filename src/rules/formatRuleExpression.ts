import type { MaterialSelector, RuleNode, SelectorItem, ValueBasis } from './ast.js';

const BASIS_WORD: Record<ValueBasis, string> = {
  ex_works: 'EXW',
  fob: 'FOB',
  transaction_value: 'TV',
  net_cost: 'NC',
};

const LEVEL_WORD = {
  chapter: 'CC',
  heading: 'CTH',
  subheading: 'CTSH',
  tariff_item: 'CTI',
  none: 'AnyHeading',
} as const;

const PREFIX: Record<number, string> = { 2: 'ch', 4: 'h', 6: 'sh', 8: 'ti', 10: 'ti' };

function formatItem(item: SelectorItem): string {
  if (item.type === 'tag') return `tag:${item.tag}`;
  const p = PREFIX[item.from.length] ?? 'ti';
  return item.from === item.to ? `${p}${item.from}` : `${p}${item.from}..${p}${item.to}`;
}

/** Writes a material selector in rule-language form, e.g. `[ch02, h1101..h1108]`. */
export function formatSelector(selector: MaterialSelector): string {
  return selector.length === 1 ? formatItem(selector[0]!) : `[${selector.map(formatItem).join(', ')}]`;
}

function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * Writes a rule tree back in the compact rule language; the output parses back
 * to an equal tree (`parseRuleExpression(formatRuleExpression(r))` gives `r`).
 *
 * @example
 * ```ts
 * formatRuleExpression({ kind: 'tariff_shift', level: 'heading', except: [{ type: 'hs', from: '1701', to: '1701' }] });
 * // → 'CTH(except: h1701)'
 * ```
 */
export function formatRuleExpression(node: RuleNode, parent?: 'any_of' | 'all_of'): string {
  switch (node.kind) {
    case 'any_of': {
      const s = node.of.map((n) => formatRuleExpression(n, 'any_of')).join(' or ');
      return parent ? `(${s})` : s;
    }
    case 'all_of': {
      const s = node.of.map((n) => formatRuleExpression(n, 'all_of')).join(' and ');
      return parent === 'all_of' ? `(${s})` : s;
    }
    case 'wholly_obtained':
      return 'WO';
    case 'produced_exclusively':
      return 'PE';
    case 'tariff_shift': {
      const args: string[] = [];
      if (node.except) args.push(`except: ${formatSelector(node.except)}`);
      if (node.allow) args.push(`allow: ${formatSelector(node.allow)}`);
      if (node.sameLevelMax) args.push(`same: ${node.sameLevelMax.percent}% ${BASIS_WORD[node.sameLevelMax.basis]}`);
      const name = LEVEL_WORD[node.level];
      return args.length ? `${name}(${args.join(', ')})` : name;
    }
    case 'max_non_originating':
      return `MaxNOM(${node.percent}% ${BASIS_WORD[node.basis]}${node.materials ? `, of: ${formatSelector(node.materials)}` : ''})`;
    case 'regional_value_content': {
      const args = [`${node.percent}% ${BASIS_WORD[node.basis]}`];
      if (node.method !== 'agreement_default') args.push(`method: ${node.method}`);
      if (node.materials) args.push(`of: ${formatSelector(node.materials)}`);
      return `RVC(${args.join(', ')})`;
    }
    case 'weight_limit': {
      const args = [`${node.percent}%`, `of: ${formatSelector(node.materials)}`];
      if (node.each) args.push('each');
      if (node.relativeTo) args.push(`relativeTo: ${formatSelector(node.relativeTo)}`);
      return `Weight(${args.join(', ')})`;
    }
    case 'materials_wholly_obtained':
      return `WOMaterials(${formatSelector(node.materials)})`;
    case 'manufacture_from':
      return `From(${formatSelector(node.materials)})`;
    case 'specific_process':
      return `Process(${node.process})`;
    case 'declared_condition':
      return `Declared(${node.id}, ${quote(node.text)})`;
  }
}
