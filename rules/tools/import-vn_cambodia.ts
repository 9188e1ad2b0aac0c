/**
 * Maintainer tool: writes `rules/vn_cambodia/psr.json` and `rules/vn_cambodia/import-report.md`.
 *
 *   npx tsx rules/tools/import-vn_cambodia.ts
 *
 * Circular 17/2011/TT-BCT (Form X / Form S) has no origin criteria of its own: its Article 3 says that, apart
 * from its Articles 1 and 2, origin is determined by applying "as appropriate" the ATIGA rules-of-origin
 * circular (21/2010/TT-BCT, repealed on 15 November 2016 by Circular 22/2016/TT-BCT). The rule data of
 * `rules/vn_cambodia` is therefore the ATIGA data of `rules/atiga` as Viet Nam applies it now, taken over
 * unchanged: this tool copies the product-specific rows from `rules/atiga/psr.json`, and checks that the parts of
 * `rules/vn_cambodia/agreement.json` that are carried over from `rules/atiga/agreement.json` (value basis, RVC
 * methods, de minimis, minimal operations, packing and accessories, general rule, chapter completeness, the
 * sources they cite) are still identical, so that a later change to the ATIGA data is not silently left behind.
 * What is this agreement's own (parties, dates, Form X, cumulation between the two Parties only, limitations,
 * the `unverified` status) stays hand-written in agreement.json and is checked here only for the invariants the
 * README explains.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AgreementFacts, PsrFile } from '../../src/rules/schema.js';
import { ROOT, finishImport, problemsSection, rowsPerChapter, writePsrFile } from './kit.js';

const dir = join(ROOT, 'rules/vn_cambodia');
const atigaDir = join(ROOT, 'rules/atiga');

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Fields of agreement.json that must equal the ATIGA data, by the reading of Circular 17/2011 Article 3. */
const CARRIED = ['hsVersion', 'valueBasis', 'rvc', 'tolerance', 'minimalOperations', 'treatment'] as const;

function main(): void {
  const problems: string[] = [];
  const atigaPsr = readJson<PsrFile>(join(atigaDir, 'psr.json'));
  const atiga = readJson<AgreementFacts>(join(atigaDir, 'agreement.json'));
  const own = readJson<AgreementFacts>(join(dir, 'agreement.json'));

  for (const key of CARRIED) {
    if (!same(own[key], atiga[key])) problems.push(`agreement.json \`${key}\` differs from rules/atiga/agreement.json: copy it again (and re-read the README's reasons)`);
  }
  if (atigaPsr.hsVersion !== own.hsVersion) problems.push(`psr HS version ${atigaPsr.hsVersion} differs from agreement.json ${own.hsVersion}`);
  if (own.generalRule?.rule !== atiga.generalRule?.rule) problems.push(`general rule "${own.generalRule?.rule}" differs from ATIGA's "${atiga.generalRule?.rule}"`);
  if (!same(own.completeness.chapters, atiga.completeness.chapters)) problems.push('completeness.chapters differs from the ATIGA data');
  if (own.completeness.status !== 'unverified') problems.push(`completeness.status is "${own.completeness.status}"; it must stay "unverified" while the ATIGA rules apply only by the reading of Article 3 (README)`);

  // Cumulation: only the two Parties, no partial cumulation (README, "Cumulation").
  const c = own.cumulation;
  if (!same([...c.bilateral].sort(), ['KH', 'VN']) || c.partial || c.conditional.length) problems.push('cumulation must count Viet Nam and Cambodia only, without partial or conditional cumulation');
  if (own.proofWaivers.length) problems.push('proofWaivers must stay empty: ATIGA\'s low-value waiver concerns Form D and is not carried over');

  // Every ATIGA source the carried-over data cites must be present with the same title and address.
  const ownSources = new Map(own.sources.map((s) => [s.id, s]));
  const atigaSources = new Map(atiga.sources.map((s) => [s.id, s]));
  const cited = new Set<string>(atigaPsr.rows.map((r) => r.cite.source));
  for (const key of ['rvc', 'tolerance', 'minimalOperations'] as const) {
    const v = atiga[key] as { cite?: { source: string } } | undefined;
    if (v?.cite) cited.add(v.cite.source);
  }
  for (const t of atiga.treatment.cite) cited.add(t.source);
  for (const id of [...cited].sort()) {
    const a = atigaSources.get(id);
    const o = ownSources.get(id);
    if (!a) problems.push(`source "${id}" is cited by the ATIGA data but missing from rules/atiga sources`);
    else if (!o) problems.push(`source "${id}" (cited by the carried-over ATIGA data) is missing from agreement.json sources`);
    else if (a.title !== o.title || a.url !== o.url) problems.push(`source "${id}" differs from the ATIGA entry (title or url)`);
  }

  const rows = atigaPsr.rows;
  const ids = new Set<string>();
  for (const r of rows) {
    if (ids.has(r.id)) problems.push(`row id ${r.id} twice`);
    ids.add(r.id);
  }
  writePsrFile(dir, 'vn_cambodia', atigaPsr.hsVersion, rows, atigaPsr.gaps);

  const incomplete = rows.filter((r) => r.incomplete !== undefined).length;
  const ex = rows.filter((r) => r.ex !== undefined).length;
  const bySource = new Map<string, number>();
  for (const r of rows) bySource.set(r.cite.source, (bySource.get(r.cite.source) ?? 0) + 1);
  const chapters = rowsPerChapter(rows);
  const report = [
    '# VN–Cambodia (Form X) PSR import report',
    '',
    'Generated by `rules/tools/import-vn_cambodia.ts`: the ATIGA rows of `rules/atiga/psr.json`, copied unchanged.',
    '',
    `- rows: ${rows.length} (${ex} "ex" rows; ${incomplete} flagged incomplete, as in the ATIGA data), ${atigaPsr.hsVersion}`,
    `- gaps: ${atigaPsr.gaps.length}`,
    `- chapters with rows: ${chapters.size}`,
    `- carried-over fields checked: ${CARRIED.join(', ')}, generalRule.rule, completeness.chapters, ${cited.size} cited sources`,
    `- problems: ${problems.length}`,
    '',
    '## Why the rows are the ATIGA rows',
    '',
    '- Circular 17/2011/TT-BCT Article 3: apart from its Articles 1 (Form X, Form S) and 2 (validity, retroactive issue), origin is determined and the related provisions are applied "một cách thích hợp" (as appropriate) under Circular 21/2010/TT-BCT, the ATIGA rules-of-origin circular.',
    '- Circular 22/2016/TT-BCT Article 4(2) repealed Circular 21/2010/TT-BCT from 15 November 2016. No text read says where the reference in Circular 17/2011 now points; the data takes the ATIGA rules as Viet Nam applies them today (Circular 22/2016 as amended, product-specific rules of Circular 03/2023/TT-BCT), which is why `completeness.status` is `unverified`.',
    '',
    '## Rows by cited source',
    '',
    ...[...bySource].map(([s, n]) => `- ${s}: ${n}`),
    '',
    '## Rows per chapter',
    '',
    [...chapters].map(([ch, n]) => `${ch}: ${n}`).join(', '),
    '',
    ...problemsSection(problems),
  ].join('\n');
  finishImport(dir, report, problems, [4, 10]);
}

main();
