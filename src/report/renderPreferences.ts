import type { PreferencesResult } from '../preferences/findPreferences.js';
import { type Language, renderMessage } from './messages.js';
import { renderExplanation } from './renderExplanation.js';

/**
 * Renders the shipment-level answer: which agreements apply, which qualify, the
 * proof of origin to use, and each agreement's full explanation.
 *
 * @example
 * ```ts
 * console.log(renderPreferences(findPreferences(shipment, agreements), { language: 'vi' }));
 * ```
 */
export function renderPreferences(result: PreferencesResult, options: { readonly language?: Language } = {}): string {
  const lang = options.language ?? 'en';
  if (result.status === 'invalid_input') {
    return result.issues.map((i) => `invalid input: ${i.code} at ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n');
  }
  const s = result.shipment;
  const out: string[] = [renderMessage(lang, 'pref_heading', { from: s.exportingCountry, to: s.importingCountry, date: s.date })];
  result.ranked.forEach((p, i) => {
    const status = renderMessage(lang, `status_${p.origin.status}`);
    const detail = p.origin.status === 'originating' ? p.criterion : renderMessage(lang, p.origin.reason.key, p.origin.reason.params);
    out.push(`${i + 1}. ${p.agreement.shortName}: ${status}${detail ? ` — ${detail}` : ''}`);
    const best = p.proofs[0];
    if (p.waiver) out.push(`   ${renderMessage(lang, 'pref_waiver')}: ${p.waiver.text[lang]} (${p.waiver.cite.ref})`);
    if (best) {
      out.push(`   ${renderMessage(lang, 'pref_proof')}: ${best.name[lang]} — ${best.issuer[lang]}${best.why ? ` (${best.why})` : ''}${best.validityMonths ? `; ${renderMessage(lang, 'pref_validity', { months: String(best.validityMonths) })}` : ''}`);
      if (best.originCriterion) {
        out.push(`   ${renderMessage(lang, 'pref_criterion_box')}: ${best.originCriterion.text ? `${best.originCriterion.box ?? ''} "${best.originCriterion.text}"` : best.originCriterion.note[lang]}`);
      }
      for (const other of p.proofs.slice(1)) out.push(`      ${renderMessage(lang, 'pref_other_proof')}: ${other.name[lang]} [${other.usable}${other.why ? `: ${other.why}` : ''}]`);
    }
    if (p.validUntil) out.push(`   ${renderMessage(lang, `pref_valid_until${p.validUntil.reason === 'evidence_expires' ? '' : `_${p.validUntil.reason}`}`, { date: p.validUntil.date, id: p.validUntil.materialId ?? '' })}`);
    if (p.dutySaving) out.push(`   ${renderMessage(lang, 'pref_saving', { amount: p.dutySaving.amount, currency: p.dutySaving.currency, mfn: p.dutySaving.mfn, pref: p.dutySaving.preferential })}`);
    for (const m of p.margins) out.push(`   ${renderMessage(lang, 'pref_margin')}: ${m.expression} ${Object.entries(m.figures).map(([k, v]) => `${k}=${v}`).join(', ')}`);
    for (const b of p.blockingMaterials) {
      out.push(`   ${renderMessage(lang, 'pref_blocking')}: ${b.materialIds.join(', ')} (${b.expression}${b.value ? `; ${b.value} > ${b.allowed}` : ''})`);
      for (const m of b.perMaterial ?? []) out.push(`      ${renderMessage(lang, 'pref_must_not_exceed', { id: m.id, value: m.value, max: m.mustNotExceed })}`);
    }
    if (p.suggestion) out.push(`   ${renderMessage(lang, 'pref_suggestion')}: ${p.suggestion.text}`);
  });
  for (const e of result.excluded) out.push(`– ${e.shortName}: ${e.detail}`);
  if (result.nonPreferential) out.push('', `${result.nonPreferential.name[lang]}: ${result.nonPreferential.note[lang]}`);
  for (const n of result.notes) out.push(`(${n})`);
  for (const p of result.ranked) out.push('', renderExplanation(p.origin, { language: lang }));
  return out.join('\n');
}
