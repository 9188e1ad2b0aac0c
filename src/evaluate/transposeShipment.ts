import type { HsVersion, NormalizedMaterial, NormalizedShipment } from '../input/normalizeShipment.js';
import { type Issue, makeIssue } from '../issues.js';
import { transposeHsCode } from '../hs/transposeHsCode.js';
import type { CompiledAgreement } from '../rules/compileAgreement.js';

/** What was mapped from the input's HS version onto the rules', for the result. */
export interface TranspositionRecord {
  readonly from: string;
  readonly to: string;
  readonly product: { readonly from: string; readonly to: string; readonly by: 'caller' | 'correlation' };
  /** `candidates`: the goods of the code are split between several codes; the verdict must hold for each of them. */
  readonly materials: readonly { readonly id: string; readonly from: string; readonly to: string; readonly by: 'caller' | 'correlation' | 'candidates' }[];
}

export type TransposeShipmentResult =
  | { readonly success: true; readonly shipment: NormalizedShipment; readonly record: TranspositionRecord }
  | { readonly success: false; readonly issues: readonly Issue[] };

/**
 * Puts every HS code of a shipment into the rule set's HS version. A code the
 * caller gives for that version (`hsCodes`) wins; otherwise the UNSD correlation
 * decides when it is one-to-one; a code whose goods are split between several
 * codes is never guessed: the result lists the candidates.
 */
export function transposeShipment(s: NormalizedShipment, agreement: CompiledAgreement): TransposeShipmentResult {
  const from = s.product.hsVersion;
  const to = agreement.hsVersion as HsVersion;
  const tables = agreement.transpositions ?? {};
  const issues: Issue[] = [];
  const records: { id: string; from: string; to: string; by: 'caller' | 'correlation' | 'candidates' }[] = [];

  const map = (code: string, given: string | undefined, path: readonly (string | number)[]): { code: string; by: 'caller' | 'correlation' } | undefined => {
    if (given) return { code: given, by: 'caller' };
    const r = transposeHsCode(code, from, to, tables);
    if (r.status === 'mapped') return { code: r.code, by: 'correlation' };
    if (r.status === 'ambiguous') {
      const candidates = r.candidates.join(', ');
      issues.push(
        makeIssue('hs_transposition_ambiguous', [...path, 'hsCodes', to], `${from} ${code} corresponds to several ${to} codes (${candidates}): give the ${to} code`, {
          code,
          from,
          to,
          candidates,
        }),
      );
    } else {
      issues.push(
        makeIssue('hs_version_mismatch', [...path, 'hsCode'], `the rules are keyed on ${to} and no correlation from ${from} is available: give the ${to} code`, { given: from, needed: to }),
      );
    }
    return undefined;
  };

  const mapMaterials = (ms: readonly NormalizedMaterial[]): NormalizedMaterial[] =>
    ms.map((m) => {
      // A material code split between several codes is kept with all of them: the
      // evaluation then has to reach the same verdict for each (it matters only if
      // the material turns out non-originating).
      const split = m.hsCodes[to] ? undefined : transposeHsCode(m.hsCode, from, to, tables);
      if (split?.status === 'ambiguous') {
        records.push({ id: m.id, from: m.hsCode, to: split.candidates.join('|'), by: 'candidates' });
        const bom = m.bom ? { ...m.bom, materials: mapMaterials(m.bom.materials) } : undefined;
        return { ...m, hsCode: split.candidates[0]!, hsCandidates: split.candidates, bom };
      }
      const r = map(m.hsCode, m.hsCodes[to], m.path);
      if (r && r.code !== m.hsCode) records.push({ id: m.id, from: m.hsCode, to: r.code, by: r.by });
      const bom = m.bom ? { ...m.bom, materials: mapMaterials(m.bom.materials) } : undefined;
      return { ...m, hsCode: r?.code ?? m.hsCode, ...(bom ? { bom } : {}) };
    });

  const product = map(s.product.hsCode, s.product.hsCodes[to], ['product']);
  const materials = mapMaterials(s.product.materials);
  if (issues.length > 0 || !product) return { success: false, issues };
  return {
    success: true,
    shipment: { ...s, product: { ...s.product, hsCode: product.code, hsVersion: to, materials } },
    record: { from, to, product: { from: s.product.hsCode, to: product.code, by: product.by }, materials: records },
  };
}
