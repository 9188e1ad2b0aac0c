/**
 * fta-origin: is a product originating under a free trade agreement, on which
 * criterion, and why. Agreement data is imported separately from
 * `fta-origin/agreements/<id>` and passed in.
 *
 * @module
 */
export { evaluateOrigin, evaluateNormalizedOrigin } from './evaluate/evaluateOrigin.js';
export type { EvaluateOriginOptions, OriginResult, ProductDetermination, MaterialStatus } from './evaluate/evaluateOrigin.js';
export { findProductRule } from './evaluate/findProductRule.js';
export type { FindProductRuleResult } from './evaluate/findProductRule.js';
export { evaluateRuleTree } from './evaluate/evaluateRuleTree.js';
export type { TraceNode, RuleTreeResult } from './evaluate/evaluateRuleTree.js';
export { computeRegionalValueContent } from './criteria/regionalValueContent.js';
export { safeParseShipment } from './input/normalizeShipment.js';
export type { NormalizedShipment, NormalizedMaterial, SafeParseShipmentResult } from './input/normalizeShipment.js';
export { shipmentSchema, materialSchema, productSchema, moneySchema } from './input/schema.js';
export type { ShipmentInput, Shipment, MaterialInput, Money, Evidence } from './input/schema.js';
export { compileAgreement, hashText } from './rules/compileAgreement.js';
export type { CompiledAgreement, CompiledRow, RuleDataIssue, CompileAgreementResult } from './rules/compileAgreement.js';
export { agreementFactsSchema, psrFileSchema, psrRowSchema } from './rules/schema.js';
export type { AgreementFacts, PsrFile, PsrRow, Citation } from './rules/schema.js';
export { parseRuleExpression } from './rules/parseRuleExpression.js';
export { formatRuleExpression, formatSelector } from './rules/formatRuleExpression.js';
export { PROCESSES } from './rules/processes.js';
export type * from './rules/ast.js';
export { renderExplanation } from './report/renderExplanation.js';
export { renderMessage, MESSAGES } from './report/messages.js';
export type { Language } from './report/messages.js';
export type { Issue, IssueCode } from './issues.js';
export { normalizeHsCode } from './hs/hsCode.js';
export * as rational from './money/rational.js';
export { citationSchema } from './rules/schema.js';
export { evidenceSchema } from './input/schema.js';
export type { IntermediateBomInput } from './input/schema.js';
export type { NormalizedBom, NormalizedProduct } from './input/normalizeShipment.js';
export type { OriginBasis, MaterialVerdict, Reason, LeafOutcome, CriterionContext, ClassifiedMaterial, ProductFacts } from './criteria/types.js';
export type { ParseRuleExpressionResult, RuleSyntaxIssue } from './rules/parseRuleExpression.js';
export type { RenderExplanationOptions } from './report/renderExplanation.js';
export type { ProcessDefinition } from './rules/processes.js';
export type { ConcreteMethod } from './criteria/regionalValueContent.js';
export type { Catalogue } from './report/messages.js';
export { findPreferences } from './preferences/findPreferences.js';
export type {
  FindPreferencesOptions,
  PreferencesResult,
  AgreementPreference,
  ExcludedAgreement,
  ProofOption,
  Suggestion,
} from './preferences/findPreferences.js';
export type { TranspositionRecord } from './evaluate/transposeShipment.js';
export { transposeHsCode } from './hs/transposeHsCode.js';
export type { HsCorrelationTables, TransposeHsCodeResult } from './hs/transposeHsCode.js';
export type { CountryFacts } from './rules/schema.js';
export { renderPreferences } from './report/renderPreferences.js';
export { countryFactsSchema } from './rules/schema.js';
export type { HsVersion } from './input/normalizeShipment.js';
export type { CompileAgreementOptions } from './rules/compileAgreement.js';
export { recordDetermination, replayDetermination } from './preferences/determinationRecord.js';
export type { DeterminationRecord, RecordDifference, ReplayResult } from './preferences/determinationRecord.js';
export { renderWorksheet } from './report/renderWorksheet.js';
export type { RenderWorksheetOptions } from './report/renderWorksheet.js';
export { LIBRARY_VERSION } from './version.js';
