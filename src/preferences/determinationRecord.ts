import type { CompiledAgreement } from '../rules/compileAgreement.js';
import { LIBRARY_VERSION } from '../version.js';
import { type FindPreferencesOptions, type PreferencesResult, findPreferences } from './findPreferences.js';

/**
 * Everything needed to reproduce a determination later: the input as given,
 * the options, the library version, the version (content hash) of each
 * agreement's rule data, and the result. Plain JSON: store it with the C/O file.
 */
export interface DeterminationRecord {
  readonly kind: 'fta-origin/determination';
  readonly formatVersion: 1;
  readonly libraryVersion: string;
  readonly agreements: readonly { readonly id: string; readonly dataHash: string }[];
  readonly input: unknown;
  readonly options: FindPreferencesOptions;
  readonly result: PreferencesResult;
}

/** One way a replayed determination differs from the recorded one. */
export interface RecordDifference {
  readonly agreement?: string;
  readonly what: 'library_version' | 'rule_data' | 'agreement_missing' | 'applicability' | 'status' | 'criterion' | 'proof' | 'valid_until' | 'input_validity';
  readonly before: string;
  readonly after: string;
}

export interface ReplayResult {
  readonly same: boolean;
  readonly differences: readonly RecordDifference[];
  readonly result: PreferencesResult;
}

/**
 * Runs {@link findPreferences} and wraps input, options, versions and result in
 * a record that {@link replayDetermination} can check later.
 *
 * @example
 * ```ts
 * const record = recordDetermination(shipment, agreements);
 * fs.writeFileSync('determination.json', JSON.stringify(record));
 * ```
 */
export function recordDetermination(input: unknown, agreements: readonly CompiledAgreement[], options: FindPreferencesOptions = {}): DeterminationRecord {
  return {
    kind: 'fta-origin/determination',
    formatVersion: 1,
    libraryVersion: LIBRARY_VERSION,
    agreements: agreements.map((a) => ({ id: a.facts.id, dataHash: a.dataHash })),
    input,
    options,
    result: findPreferences(input, agreements, options),
  };
}

type Summary = Map<string, { status: string; criterion: string; proof: string; validUntil: string }>;

function summarize(r: PreferencesResult): Summary {
  const out: Summary = new Map();
  if (r.status !== 'ok') return out;
  for (const p of r.ranked) {
    out.set(p.agreement.id, {
      status: p.origin.status,
      criterion: p.criterion ?? '',
      proof: p.proofs[0]?.id ?? '',
      validUntil: p.validUntil?.date ?? '',
    });
  }
  return out;
}

/**
 * Recomputes a recorded determination with the agreements given (typically the
 * current rule data) and reports every difference: library and rule-data
 * versions, and per agreement the applicability, verdict, criterion, proof and
 * validity.
 *
 * @example
 * ```ts
 * const replay = replayDetermination(record, agreements);
 * replay.same; // → false after a rule-data update changed the verdict
 * replay.differences; // → [{ what: 'rule_data', agreement: 'ukvfta', before: '…', after: '…' }, …]
 * ```
 */
export function replayDetermination(record: DeterminationRecord, agreements: readonly CompiledAgreement[]): ReplayResult {
  const differences: RecordDifference[] = [];
  if (record.libraryVersion !== LIBRARY_VERSION) differences.push({ what: 'library_version', before: record.libraryVersion, after: LIBRARY_VERSION });
  const byId = new Map(agreements.map((a) => [a.facts.id, a]));
  for (const a of record.agreements) {
    const now = byId.get(a.id);
    if (!now) differences.push({ agreement: a.id, what: 'agreement_missing', before: a.dataHash, after: '' });
    else if (now.dataHash !== a.dataHash) differences.push({ agreement: a.id, what: 'rule_data', before: a.dataHash, after: now.dataHash });
  }
  const used = record.agreements.map((a) => byId.get(a.id)).filter((a): a is CompiledAgreement => a !== undefined);
  const result = findPreferences(record.input, used, record.options);
  if (result.status !== record.result.status) differences.push({ what: 'input_validity', before: record.result.status, after: result.status });
  const before = summarize(record.result);
  const after = summarize(result);
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(id);
    const n = after.get(id);
    if (!b || !n) {
      differences.push({ agreement: id, what: 'applicability', before: b ? 'applies' : 'excluded', after: n ? 'applies' : 'excluded' });
      continue;
    }
    for (const key of ['status', 'criterion', 'proof', 'validUntil'] as const) {
      if (b[key] !== n[key]) differences.push({ agreement: id, what: key === 'validUntil' ? 'valid_until' : key, before: b[key], after: n[key] });
    }
  }
  const verdictChanged = differences.some((d) => d.what !== 'library_version' && d.what !== 'rule_data');
  return { same: !verdictChanged, differences, result };
}
