import type { MaterialStatus, OriginResult } from '../evaluate/evaluateOrigin.js';
import type { TraceNode } from '../evaluate/evaluateRuleTree.js';
import { PROCESSES } from '../rules/processes.js';
import { type Language, renderMessage } from './messages.js';

/** Options of {@link renderExplanation}. */
export interface RenderExplanationOptions {
  readonly language?: Language;
}

const MARK = { met: '✔', not_met: '✘', undetermined: '?' } as const;

function figuresLine(f: Readonly<Record<string, string>> | undefined): string {
  if (!f) return '';
  const entries = Object.entries(f);
  if (entries.length === 0) return '';
  return ` [${entries.map(([k, v]) => `${k}=${v}`).join(', ')}]`;
}

function renderTrace(t: TraceNode, lang: Language, depth: number, out: string[]): void {
  const pad = '  '.repeat(depth);
  const params = t.reason.params?.process ? { ...t.reason.params, process: PROCESSES.get(t.reason.params.process)?.[lang] ?? t.reason.params.process } : t.reason.params;
  const reason = renderMessage(lang, t.reason.key, params);
  out.push(`${pad}${MARK[t.status]} ${t.expression} — ${renderMessage(lang, `node_${t.status}`)}: ${reason}${figuresLine(t.figures)}`);
  for (const m of t.materials ?? []) {
    out.push(`${pad}    · ${m.id} (HS ${m.hsCode}${m.value ? `, ${m.value}` : ''}${m.weight ? `, ${m.weight} kg` : ''}): ${m.verdict}`);
  }
  if (t.tolerance) {
    out.push(
      `${pad}    ⤷ ${
        t.tolerance.applied && t.tolerance.value !== undefined
          ? renderMessage(lang, 'tolerance_applied', { value: t.tolerance.value, allowed: t.tolerance.allowed ?? '', percent: t.tolerance.percent ?? '' })
          : renderMessage(lang, t.tolerance.applied ? 'tolerance_applied_note' : 'tolerance_not_applied', { note: t.tolerance.note ?? '' })
      } (${t.tolerance.materialIds.join(', ')})`,
    );
  }
  for (const c of t.children ?? []) renderTrace(c, lang, depth + 1, out);
}

function renderMaterials(ms: readonly MaterialStatus[], lang: Language, depth: number, out: string[]): void {
  for (const m of ms) {
    const state = !m.counted ? renderMessage(lang, 'not_counted') : m.originating ? renderMessage(lang, 'originating') : renderMessage(lang, 'non_originating');
    out.push(`${'  '.repeat(depth)}- ${m.id} (HS ${m.hsCode}, ${m.role}): ${m.value} — ${state} [${m.basis}]`);
    if (m.intermediate) {
      out.push(`${'  '.repeat(depth + 1)}${renderMessage(lang, `status_${m.intermediate.status}`)}: ${renderMessage(lang, m.intermediate.reason.key, m.intermediate.reason.params)}`);
      renderMaterials(m.intermediate.materials, lang, depth + 1, out);
    }
  }
}

/**
 * Renders an origin result as readable text, in English or Vietnamese: the
 * verdict, the rule with its legal source, the criterion met, every step of
 * the rule tree with its figures, the materials and the issues.
 *
 * @example
 * ```ts
 * console.log(renderExplanation(evaluateOrigin(shipment, ukvfta), { language: 'vi' }));
 * // → "UKVFTA: CÓ XUẤT XỨ — Đáp ứng quy tắc cụ thể mặt hàng. …"
 * ```
 */
export function renderExplanation(result: OriginResult, options: RenderExplanationOptions = {}): string {
  const lang = options.language ?? 'en';
  const out: string[] = [];
  out.push(`${result.agreement.shortName}: ${renderMessage(lang, `status_${result.status}`)} — ${renderMessage(lang, result.reason.key, result.reason.params)}`);
  if (result.shipment) {
    const s = result.shipment;
    out.push(`${renderMessage(lang, 'heading_product')}: HS ${result.hsCode}; ${s.exportingCountry} → ${s.importingCountry}, ${s.date}; ${s.currency}`);
  }
  const list = result.agreement.psrList;
  if (list) out.push(renderMessage(lang, list.until ? 'heading_psr_list_until' : 'heading_psr_list', { from: list.from, until: list.until ?? '' }));
  if (result.transposition) {
    const t = result.transposition;
    const moved = [`HS ${t.product.from} → ${t.product.to}`, ...t.materials.map((m) => `${m.id} ${m.from} → ${m.to}`)].join('; ');
    out.push(`${renderMessage(lang, 'heading_transposition', { from: t.from, to: t.to })}: ${moved}`);
  }
  if (result.rule) {
    out.push(`${renderMessage(lang, 'heading_rule')} ${result.rule.id} (${result.rule.scope}${result.rule.ex ? `, ex: ${result.rule.ex}` : ''}): ${result.rule.expression}`);
    out.push(`  “${result.rule.text.replace(/\n/g, ' ')}”`);
    out.push(`  ${result.rule.cite.source}: ${result.rule.cite.ref}`);
  }
  if (result.criterion) out.push(`${renderMessage(lang, 'heading_criterion')}: ${result.criterion}`);
  if (result.closest) out.push(`${renderMessage(lang, 'heading_closest')}: ${result.closest.expression} (✘ ${result.closest.failed.join('; ')})`);
  if (result.trace) {
    out.push('', `${renderMessage(lang, 'heading_trace')}:`);
    renderTrace(result.trace, lang, 1, out);
  }
  if (result.materials.length) {
    out.push('', `${renderMessage(lang, 'heading_materials')}:`);
    renderMaterials(result.materials, lang, 1, out);
  }
  if (result.issues.length) {
    out.push('', `${renderMessage(lang, 'heading_issues')}:`);
    for (const i of result.issues) {
      const text = lang === 'en' ? i.message : renderMessage(lang, `issue_${i.code}`, i.params);
      out.push(`  - [${i.severity}] ${i.code} @ ${i.path.join('.') || '(root)'}: ${text}`);
    }
  }
  return out.join('\n');
}
