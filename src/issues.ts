/**
 * Issues: problems with the input or limits of the data, each with a stable
 * snake_case `code`, the `path` of the input it concerns and `params` for the
 * message. Messages in English and Vietnamese are rendered from `code` and
 * `params` (src/report/messages.ts); `message` carries the English text.
 *
 * @module
 */

/** A stable, documented issue code. */
export type IssueCode =
  // input
  | 'invalid_type'
  | 'invalid_format'
  | 'invalid_value'
  | 'required'
  | 'float_amount'
  | 'invalid_hs_code'
  | 'invalid_date'
  | 'duplicate_material_id'
  | 'missing_exchange_rate'
  | 'unknown_agreement'
  // data limits and judgement calls
  | 'rule_not_found'
  | 'rule_data_unverified'
  | 'rule_data_limitation'
  | 'psr_not_in_force'
  | 'psr_superseded'
  | 'general_rule_on_caller_statement'
  | 'treatment_unknown'
  | 'minimal_operations_unknown'
  | 'rule_alternatives_incomplete'
  | 'subdivision_required'
  | 'unknown_subdivision'
  | 'hs_code_too_short'
  | 'hs_version_mismatch'
  | 'hs_transposition_ambiguous'
  | 'missing_value'
  | 'missing_weight'
  | 'operations_not_declared'
  | 'unknown_operation'
  | 'declaration_missing'
  | 'judgement_required'
  | 'textile_data_needed'
  | 'evidence_expired'
  | 'evidence_not_yet_valid'
  | 'conditional_cumulation_not_confirmed'
  | 'agreement_not_in_force'
  | 'country_not_party';

export interface Issue {
  readonly code: IssueCode;
  /** `error` makes the input invalid; `warning` limits or qualifies the answer. */
  readonly severity: 'error' | 'warning';
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly params?: Readonly<Record<string, string>>;
}

export function makeIssue(
  code: IssueCode,
  path: readonly (string | number)[],
  message: string,
  params?: Record<string, string>,
  severity: 'error' | 'warning' = 'warning',
): Issue {
  return params ? { code, severity, path, message, params } : { code, severity, path, message };
}
