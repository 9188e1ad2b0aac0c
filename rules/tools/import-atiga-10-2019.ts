/**
 * Maintainer tool: builds `rules/atiga/psr-10-2019.json` (HS 2017), the earlier ATIGA
 * list ("edition") that Viet Nam applied from 5 September 2019 until the HS 2022 list
 * of Circular 03/2023/TT-BCT replaced it on 1 April 2023, with a report in
 * `rules/atiga/import-report-10-2019.md`.
 *
 *   npx tsx rules/tools/import-atiga-10-2019.ts       (reads ../shared for HS 2017 descriptions)
 *
 * Inputs
 * - `rules/atiga/source/psr-10-2019.transcript.txt`: hand transcript of Circular
 *   10/2019/TT-BCT. Part 1 is Phụ lục I, one line per table row
 *   (`0201.10 :: RVC40 hoặc CC`); part 2 is Phụ lục II, the textile lists, one line per
 *   code (`II :: b :: 5007.10`, `II :: c :: ex.9619.00 :: - - Từ bông`). `@ <offset>`
 *   lines give the read windows.
 * - `rules/atiga/translations.json`: the product-group readings of the three textile
 *   workings (the same texts as Phụ lục II's lists a, b and c; see README), chosen per
 *   line with the current importer's `groupOf`.
 * - `rules/atiga/source/ahtn-list.transcript.txt` and `rules/hs/correlation.json`: the
 *   AHTN 2022 list of Circular 03/2023 (most likely the ITA list), carried back to
 *   HS 2017 only to flag the subheadings where ATIGA Article 28(3) may add a route;
 *   the ITA lists in force in 2019-2023 were not read.
 *
 * The criterion grammar is that of the current list (RVC40/RVC35, CC, CTH, CTSH, WO,
 * "ngoại trừ từ …" exceptions, "hoặc" alternatives, a few long phrases, labelled
 * break-down parts), written again here for the 2019 wording: no semicolons, lower-case
 * phrases, ranges written "A - B". Anything outside these tables stops the import.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, checkRowRule, hsDescriptions, hsSubheadings, problemsSection, readTranscript } from './kit.js';
import { type ListWording, type RowWording, criterionRows, groupOf, readAlternative } from './import-atiga.js';

const DIR = join(ROOT, 'rules/atiga');
const TRANSCRIPT = 'rules/atiga/source/psr-10-2019.transcript.txt';
const SOURCE = 'moit-tt10-2019';
const SRC_PATH =
  'TinsuAI/certo@f341a094209fb96ac3cdc2f551ebfde043387f06 docs/legal/wiki/10-2019-tt-bct-thong-tu-sua-oi-bo-sung-thong-tu-so-22-2016-tt-bct-ngay-03-thang-10-nam-2016-cua-bo-truong-bo-cong-thuong.md';
const WINDOW = 16000;
const GENERAL = 'RVC(40% FOB) or CTH';
const TEXTILE = '«TEXTILE»';

type Section = 'a' | 'b' | 'c';
interface Row {
  code: string; // six digits
  text: string;
  offset: number;
}
interface ListLine {
  section: Section;
  /** Six or eight digits. */
  code: string;
  ex: boolean;
  description?: string;
  offset: number;
  /** Position in its list, counted from 1 (the circular does not number the lines). */
  position: number;
}

// ---------------------------------------------------------------------------
// Criterion grammar (2019 wording)
// ---------------------------------------------------------------------------

const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** Long phrases standing for one alternative, keyed by their lower-case wording. */
const PHRASES: Record<string, { rule: string; note: string }> = {
  [norm('không yêu cầu chuyển đổi mã số hàng hóa với điều kiện hàng hóa được sản xuất bằng phương pháp tinh chế')]: {
    rule: 'Process(refining)',
    note: 'The phrase allowing no change of classification when the good is made by refining is read as the process "refining", declared by the producer.',
  },
  [norm('không yêu cầu chuyển đổi mã số hàng hóa với điều kiện có sự chuyển đổi từ da ướt sang da khô')]: {
    rule: 'Declared(atiga_wet_to_dry_leather, "The leather was converted in the exporting Member State from the wet state to the dry (crust) state")',
    note: 'No change of classification is needed where the leather goes from the wet to the dry state: only the producer can attest it. The printed criterion repeats "hoặc" ("hoặc hoặc"); it is read as one "or".',
  },
  [norm('không yêu cầu chuyển đổi mã số hàng hóa với điều kiện máy móc, dụng cụ và thiết bị này được sản xuất từ các bộ phận thuộc cùng phân nhóm được sản xuất riêng cho máy móc, dụng cụ hoặc thiết bị đó')]: {
    rule: 'Declared(atiga_parts_same_subheading, "The apparatus is made from parts of its own subheading that were produced specifically for that apparatus (no change of classification required)")',
    note: 'No change of classification is needed where the apparatus is built from parts of its own subheading made for it: only the producer can attest it.',
  },
  [norm('ghi âm hoặc những hoạt động ghi tương tự khác lên các thiết bị trắng hoặc chưa ghi sẽ coi là có xuất xứ cho dù có chuyển đổi mã số hàng hóa hay không')]: {
    rule: 'Declared(atiga_recording, "Sound or similar recording onto blank or unrecorded media was carried out in the exporting Member State")',
    note: 'Recording onto blank media confers origin with or without a change of classification: the producer declares the recording.',
  },
};
const phraseStarts = Object.keys(PHRASES).map((p) => p.split(' hoặc ')[0]!);

/** Break-down labels of the 2019 list, with the part of the subheading (or of the production) each covers. */
const LABELS: Record<string, string> = {
  'Đối với hàng hóa được sản xuất từ nguyên liệu thuộc nhóm 7208': 'Goods produced from materials of heading 7208 (hot-rolled flat products), as the circular distinguishes them',
  'Đối với hàng hóa được sản xuất từ nguyên liệu thuộc nhóm 7209': 'Goods produced from materials of heading 7209 (cold-rolled flat products), as the circular distinguishes them',
  'Bằng thép': 'Of steel other than stainless steel',
  'Bằng thép không gỉ': 'Of stainless steel',
};

const LEAF = /^(?:RVC\d|CC\b|CTH\b|CTSH\b|WO\b|Quy tắc hàng dệt may)/;

/** The 2019 list's wording for the shared alternative reader of import-atiga.ts. */
const WORDING_2019: ListWording = {
  range: '-',
  phrase: (alt) => PHRASES[norm(alt)],
  cutSewnNote:
    'The 2019 wording has no semicolons; "… và sản phẩm phải được cắt và may tại lãnh thổ của bất kỳ nước thành viên nào" is read as one alternative (the change of classification together with cutting and sewing in a Member State), beside RVC40 and the textile rule, as the 2023 list spells it out with semicolons.',
};

/** Alternatives joined by "hoặc"; a "hoặc" inside an exception list or a phrase does not start an alternative. */
function alternatives(text: string, problems: string[], where: string, notes: Set<string>): string {
  const pieces = text.split(/\s+hoặc\s+/);
  const alts: string[] = [];
  for (const piece of pieces) {
    if (piece === 'hoặc') continue; // "hoặc hoặc" (4106.40)
    const starts = LEAF.test(piece) || phraseStarts.some((p) => norm(piece).startsWith(p));
    if (alts.length && !starts) alts[alts.length - 1] += ` hoặc ${piece}`;
    else alts.push(piece);
  }
  return alts.map((a) => readAlternative(a.trim(), problems, where, notes, WORDING_2019)).join(' or ');
}

export interface Parsed {
  parts: { label?: string; rule: string }[];
  notes: string[];
}

export function parseCriterion(text: string, problems: string[], where: string): Parsed {
  const notes = new Set<string>();
  const labelled = /^(Đối với [^:]+|Bằng thép(?: không gỉ)?):\s*/;
  if (!labelled.test(text)) return { parts: [{ rule: alternatives(text.replace(/hoặc hoặc/g, 'hoặc'), problems, where, notes) }], notes: [...notes] };
  const parts: { label?: string; rule: string }[] = [];
  for (const seg of text.split(/;\s*(?=Đối với |Bằng thép)/)) {
    const m = labelled.exec(seg);
    const label = m ? LABELS[m[1]!] : undefined;
    if (!m || !label) {
      problems.push(`${where}: no reading for the break-down part "${seg}"`);
      continue;
    }
    parts.push({ label, rule: alternatives(seg.slice(m[0].length).trim(), problems, where, notes) });
  }
  return { parts, notes: [...notes] };
}

// ---------------------------------------------------------------------------
// Transcript
// ---------------------------------------------------------------------------

function readInput(problems: string[]): { rows: Row[]; list: ListLine[] } {
  const rows: Row[] = [];
  const list: ListLine[] = [];
  const positions: Record<Section, number> = { a: 0, b: 0, c: 0 };
  const onWindow = (_: number, line: string, n: number) => {
    if (!/^@ \d+$/.test(line)) problems.push(`transcript line ${n}: unreadable window "${line}"`);
  };
  for (const { offset, parts, line, lineNumber } of readTranscript(join(ROOT, TRANSCRIPT), { onWindow })) {
    if (offset < 0) problems.push(`transcript line ${lineNumber}: row before any window`);
    if (parts[0] === 'II') {
      const [, sec, printed, description] = parts;
      const m = /^(ex\.)?(\d{4})\.(\d{2})(?:\.(\d{2}))?$/.exec(printed ?? '');
      if ((sec !== 'a' && sec !== 'b' && sec !== 'c') || !m) {
        problems.push(`transcript line ${lineNumber}: unreadable list line "${line}"`);
        continue;
      }
      const section = sec as Section;
      const ex = Boolean(m[1]);
      const code = m[2]! + m[3]! + (m[4] ?? '');
      if ((ex || code.length === 8) !== Boolean(description)) problems.push(`transcript line ${lineNumber}: an "ex" or 8-digit line needs its description, others none`);
      list.push({ section, code, ex, ...(description ? { description } : {}), offset, position: ++positions[section] });
      continue;
    }
    const m = /^(\d{4})\.(\d{2}) :: (.+)$/.exec(line);
    if (!m) problems.push(`transcript line ${lineNumber}: unreadable "${line}"`);
    else rows.push({ code: m[1]! + m[2]!, text: m[3]!, offset });
  }
  return { rows, list };
}

const dotted = (c: string): string => `${c.slice(0, 4)}.${c.slice(4, 6)}${c.length > 6 ? `.${c.slice(6)}` : ''}`;
const windowRef = (offset: number): string => `${SRC_PATH}, characters ${offset}-${offset + WINDOW}`;

function main(): void {
  const problems: string[] = [];
  const desc = hsDescriptions('HS2017');
  const hs = new Set(hsSubheadings(desc));
  const tr = JSON.parse(readFileSync(join(DIR, 'translations.json'), 'utf8')) as { groups: { id: string; rule: string }[] };
  const groups = new Map(tr.groups.map((g) => [g.id, g.rule]));
  const { rows: table, list } = readInput(problems);

  // Checks on the transcript itself.
  let prev = '';
  for (const t of table) {
    if (!hs.has(t.code)) problems.push(`${dotted(t.code)}: not an HS 2017 subheading`);
    if (t.code <= prev) problems.push(`${dotted(t.code)}: out of order or repeated after ${dotted(prev)}`);
    prev = t.code;
  }
  for (const l of list) if (!hs.has(l.code.slice(0, 6))) problems.push(`Phụ lục II ${l.section}) ${dotted(l.code)}: not in an HS 2017 subheading`);

  // The textile list by subheading.
  const bySub = new Map<string, ListLine[]>();
  for (const l of list) bySub.set(l.code.slice(0, 6), [...(bySub.get(l.code.slice(0, 6)) ?? []), l]);
  const route = (l: ListLine): string => {
    const g = groupOf(l.section.toUpperCase() as 'A' | 'B' | 'C', l.code);
    const rule = groups.get(g);
    if (!rule) problems.push(`no textile group ${g} for ${l.section}) ${dotted(l.code)}`);
    return rule ?? 'WO';
  };
  const lineRef = (l: ListLine): string =>
    `Phụ lục II list ${l.section}), line ${l.position} (${l.ex ? 'ex.' : ''}${dotted(l.code)}${l.description ? ` "${l.description}"` : ''}), ${windowRef(l.offset)}`;

  // The 2023 AHTN (most likely ITA) list carried back to HS 2017, for flags only.
  const corr = (JSON.parse(readFileSync(join(ROOT, 'rules/hs/correlation.json'), 'utf8')) as { tables: Record<string, Record<string, string[]>> }).tables['HS2022>HS2017']!;
  const ahtn = readFileSync(join(DIR, 'source/ahtn-list.transcript.txt'), 'utf8')
    .split('\n')
    .filter((l) => /^\d{4}\.\d{2}\.\d{2}$/.test(l));
  const ita = new Map<string, string[]>();
  // A HS 2022 subheading spread over more than five HS 2017 subheadings (the new 8524, 8541.51/.59, 8549 and the
  // widened 8529.90) cannot be carried back item by item: it keeps its own code where HS 2017 has it, else it is
  // left out and listed in the report.
  const notCarried: string[] = [];
  for (const item of ahtn) {
    const s22 = item.replace(/\./g, '').slice(0, 6);
    const wide = (corr[s22]?.length ?? 1) > 5;
    if (wide && !hs.has(s22)) {
      notCarried.push(item);
      continue;
    }
    for (const s17 of wide ? [s22] : (corr[s22] ?? [s22])) {
      if (!hs.has(s17)) problems.push(`AHTN ${item}: HS 2017 correspondent ${s17} unknown`);
      ita.set(s17, [...new Set([...(ita.get(s17) ?? []), item])]);
    }
  }
  const itaFlag = (s: string): string =>
    `The AHTN 2022 list closing Circular 03/2023/TT-BCT (most likely the ITA list of ATIGA Article 28(3)) holds ${ita.get(s)!.join(', ')}, which falls in this HS 2017 subheading by the UNSD correlation. The ITA lists in force while this list applied (Phụ lục IV of Circular 22/2016/TT-BCT, then the appendix of Circular 25/2019/TT-BCT from 1 January 2020) were not read; Article 28(3) may let such goods originate by assembly from materials on the list. That route is not encoded, so a product failing this row is undetermined, not non-originating.`;
  const listedFlag = (lines: ListLine[], named: boolean): string =>
    `${lines.map(lineRef).join('; ')}: Phụ lục II of Circular 10/2019/TT-BCT lists ${lines.some((l) => l.ex || l.code.length === 8) ? 'part of this subheading' : 'this subheading'}, but ${named ? 'Phụ lục I does not name the textile rule in its criterion' : 'Phụ lục I has no row for it (the general rule applies)'}. Whether the listed working is a further way to originate here is not settled (the HS 2022 list of 2023 names the textile rule for these goods); it is not encoded, so a product failing this row is undetermined, not non-originating.`;

  const out: Record<string, unknown>[] = [];
  const texts = new Map<string, { rule: string; count: number; codes: string[]; notes: string[] }>();
  const push = (row: Record<string, unknown>): void => {
    checkRowRule(row, problems);
    out.push(row);
  };
  const flagsFor = (s: string, extra?: string): Record<string, string> => {
    const f = [extra, ita.has(s) ? itaFlag(s) : undefined].filter(Boolean);
    return f.length ? { incomplete: f.join(' ') } : {};
  };
  const wording: RowWording<ListLine> = {
    breakdownNote: 'Break-down rule of the circular: the caller chooses the part that applies.',
    textileNote:
      'The textile rule ("Quy tắc hàng dệt may", Phụ lục II of Circular 10/2019/TT-BCT) is the working of the list the good is on, translated per product group as for the 2023 list (translations.json, translation-notes.md); the three working texts of Phụ lục II read the same as ATIGA Attachment 1.',
    severalListsNote: 'The subheading is on more than one list; either working satisfies the textile rule.',
    otherGoodsNote: 'Paragraph 1 of Phụ lục II limits the textile rule to the goods on the "ex" lines; the other goods keep only the remaining alternatives.',
    route,
    lineRef,
    exLabel: (l) =>
      `${(l.description ?? '').replace(/^[-\s]+/, '').replace(/:$/, '') || 'part of the subheading'} (Phụ lục II list ${l.section}), line ${l.position}${l.code.length === 8 ? `, AHTN ${dotted(l.code)}` : ''})`,
    partNote: (l) => `Textile rule from ${lineRef(l)}; it covers only this part of the subheading (paragraph 1 of Phụ lục II).`,
  };

  const seen = new Set<string>();
  let flaggedListed = 0;
  for (const t of table) {
    seen.add(t.code);
    const where = `${dotted(t.code)} (window ${t.offset})`;
    const parsed = parseCriterion(t.text, problems, where);
    const flat = parsed.parts.map((p) => (p.label ? `[${p.label}] ${p.rule}` : p.rule)).join(' ‖ ');
    const entry = texts.get(t.text) ?? { rule: flat, count: 0, codes: [], notes: parsed.notes };
    entry.count++;
    if (entry.codes.length < 3) entry.codes.push(dotted(t.code));
    texts.set(t.text, entry);
    const base = {
      description: desc.get(t.code) ?? '',
      text: t.text,
      cite: { source: SOURCE, ref: `Phụ lục I, ${dotted(t.code)}, ${windowRef(t.offset)}` },
    };
    const hasTextile = parsed.parts.some((p) => p.rule.includes(TEXTILE));
    const lines = bySub.get(t.code) ?? [];
    if (hasTextile && !lines.length) {
      problems.push(`${where}: the criterion names the textile rule but Phụ lục II does not list the subheading`);
      continue;
    }
    if (!hasTextile && lines.length) flaggedListed++;
    const flags = flagsFor(t.code, !hasTextile && lines.length ? listedFlag(lines, true) : undefined);
    for (const row of criterionRows(t.code, parsed.parts, parsed.notes, lines, base, flags, wording, problems, where)) push(row);
  }

  // Subheadings without a Phụ lục I row but on the textile list or on the (proxy) ITA list: the general rule, flagged.
  const generalRows = new Set<string>();
  for (const s of [...new Set([...bySub.keys(), ...ita.keys()])].sort()) {
    if (seen.has(s)) continue;
    generalRows.add(s);
    const lines = bySub.get(s) ?? [];
    push({
      id: `g-${s}`,
      scope: s,
      description: desc.get(s) ?? '',
      rule: GENERAL,
      text: 'General rule of Article 28(1) of ATIGA (the subheading has no row in Phụ lục I of Circular 10/2019/TT-BCT)',
      cite: { source: 'atiga-text-vi', ref: 'Article 28(1)(a)-(b): regional value content of not less than 40 % or change of tariff heading' },
      note: 'No product-specific rule in Phụ lục I, so the general rule applies; the row exists only to carry the flag below.',
      ...flagsFor(s, lines.length ? listedFlag(lines, false) : undefined),
    });
  }
  out.sort((a, b) => String(a.scope).localeCompare(String(b.scope)) || String(a.id).localeCompare(String(b.id)));

  const counts = { a: 0, b: 0, c: 0 } as Record<Section, number>;
  for (const l of list) counts[l.section]++;
  const byChapter = new Map<string, number>();
  for (const t of table) byChapter.set(t.code.slice(0, 2), (byChapter.get(t.code.slice(0, 2)) ?? 0) + 1);
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const report = [
    '# ATIGA import report: earlier list of Circular 10/2019/TT-BCT (HS 2017)',
    '',
    'Generated by `rules/tools/import-atiga-10-2019.ts`; do not edit.',
    '',
    `- Source: Phụ lục I and II of Circular 10/2019/TT-BCT, transcript \`${TRANSCRIPT}\``,
    `- Phụ lục I rows read: ${table.length}`,
    `- Phụ lục II lines read: ${list.length} (list a ${counts.a}, b ${counts.b}, c ${counts.c}) on ${bySub.size} subheadings`,
    `- Subheadings on Phụ lục II whose Phụ lục I row does not name the textile rule: ${flaggedListed}; without a Phụ lục I row: ${[...bySub.keys()].filter((s) => !seen.has(s)).length}`,
    `- HS 2017 subheadings flagged from the 2023 AHTN list: ${ita.size} (${[...ita.keys()].filter((s) => !seen.has(s)).length} without a Phụ lục I row); AHTN items not carried back to HS 2017 (their HS 2022 subheading is new and spread over more than five HS 2017 subheadings): ${notCarried.length ? notCarried.join(', ') : 'none'}`,
    `- Rows written: ${out.length} (${out.filter((r) => r.ex).length} "ex" rows, ${generalRows.size} general-rule rows, ${out.filter((r) => r.incomplete).length} flagged incomplete)`,
    `- Problems: ${problems.length}`,
    '',
    '## Phụ lục I rows per chapter',
    '',
    [...byChapter].map(([c, n]) => `${c}: ${n}`).join(' · '),
    '',
    '## Every distinct criterion text',
    '',
    `${TEXTILE} stands for the working of the row's Phụ lục II line(s); "‖" separates the parts of a break-down rule.`,
    '',
    '| rows | criterion (verbatim) | expression | e.g. | reading |',
    '|---|---|---|---|---|',
    ...[...texts.entries()].sort((a, b) => b[1].count - a[1].count).map(([t, v]) => `| ${v.count} | ${esc(t)} | \`${esc(v.rule)}\` | ${v.codes.join(', ')} | ${esc(v.notes.join(' '))} |`),
    '',
    '## Differences from the current (2023) data',
    '',
    '- Subheadings on Phụ lục II whose 2019 criterion does not name the textile rule (flagged, no textile route added): ' +
      [...bySub.keys()].filter((s) => seen.has(s) && !table.find((t) => t.code === s)!.text.includes('Quy tắc hàng dệt may')).map(dotted).join(', '),
    '- Subheadings on Phụ lục II without a Phụ lục I row (general rule, flagged): ' + [...bySub.keys()].filter((s) => !seen.has(s)).map(dotted).join(', '),
    '',
    ...problemsSection(problems),
  ].join('\n');
  writeFileSync(join(DIR, 'import-report-10-2019.md'), report);
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  const psr = { $schema: '../../docs/schema/psr.schema.json', agreement: 'atiga', hsVersion: 'HS2017', rows: out, gaps: [] };
  writeFileSync(join(DIR, 'psr-10-2019.json'), `${JSON.stringify(psr, null, 2)}\n`);
  console.log(`atiga 10/2019: ${out.length} rows from ${table.length} table rows and ${list.length} textile lines`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
