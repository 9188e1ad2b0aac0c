/**
 * The UK–Viet Nam FTA (UKVFTA) rule data, compiled. Import it from
 * `fta-origin/agreements/ukvfta` so that only this agreement's data is bundled.
 *
 * @example
 * ```ts
 * import { evaluateOrigin } from 'fta-origin';
 * import { ukvfta } from 'fta-origin/agreements/ukvfta';
 * evaluateOrigin(shipment, ukvfta).status; // → 'originating'
 * ```
 * @module
 */
import { data } from '../generated/ukvfta.js';
import type { CompiledAgreement } from '../rules/compileAgreement.js';

export const ukvfta: CompiledAgreement = data;
export default ukvfta;
