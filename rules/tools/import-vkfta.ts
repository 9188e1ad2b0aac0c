/**
 * Maintainer tool: turns the hand transcript of the Viet Nam – Korea FTA product
 * specific rules in force since 1 August 2022 (the HS 2017 list issued with
 * Circular 09/2022/TT-BCT of the Ministry of Industry and Trade) into
 * `rules/vkfta/psr.json`, with a report of every distinct criterion text and its
 * expression (`rules/vkfta/import-report.md`).
 *
 *   npx tsx rules/tools/import-vkfta.ts          (descriptions from ../shared)
 *   SHARED_DIR=/path npx tsx rules/tools/import-vkfta.ts
 *
 * Input: `rules/vkfta/source/psr-hs2017.transcript.txt`, one line per run of
 * consecutive rows that carry the same criterion, in the order of the list:
 *   "0101.21 .29 .30 :: WO"   (".29" continues heading 0101; "0205.00" is a heading without subheadings)
 *   "@ 16000"                 (the rows below begin in the read window starting at that offset)
 * The criteria are in Vietnamese, verbatim (wrapped cells joined with single
 * spaces). The transcript was made by hand from a Markdown conversion of the
 * Circular's appendix; see its header and rules/vkfta/README.md.
 *
 * Each criterion is structured by a small grammar that follows the appendix's own
 * definitions (Điều 2(2): CC, CTH, CTSH, RVC(XX), WO): alternatives joined by
 * "hoặc" / "; hoặc"; "…, ngoại trừ từ <Chương|Nhóm|Phân nhóm> …" (an exception
 * to the change of classification); "…, với điều kiện nguyên liệu … phải đạt
 * tiêu chí WO" (materials of the named codes must be wholly obtained); "…, với
 * điều kiện trị giá của nguyên liệu không có xuất xứ thuộc … không vượt quá X%
 * trị giá FOB …" (a value cap on the non-originating materials of the named
 * codes); and rules split by product ("A. …: … B. …: …", one "ex" row per part).
 * Three texts the grammar does not cover carry a hand translation (OVERRIDES).
 * Nothing is guessed: a text neither the grammar nor the overrides cover, an HS
 * code in a rule that is not an HS 2017 code, a percentage of the text missing
 * from its expression, or a transcript that does not list every HS 2017
 * subheading exactly once, in order, stops the import.
 *
 * The list this one replaced (Annex 3-A as signed, HS 2012) was imported by the
 * previous version of this tool from `source/annex3a-part1..3.transcript.txt`;
 * those transcripts, their verification and import report are kept in `source/`
 * as history (see rules/vkfta/README.md, "History: the HS 2012 list").
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MaterialSelector, RuleNode } from '../../src/rules/ast.js';
import { formatRuleExpression } from '../../src/rules/formatRuleExpression.js';
import { parseRuleExpression } from '../../src/rules/parseRuleExpression.js';
import type { PsrRow } from '../../src/rules/schema.js';
import { ROOT, hsDescriptions, hsSubheadings, percentsOf, problemsSection, readTranscript } from './kit.js';

const DIR = join(ROOT, 'rules/vkfta');
const TRANSCRIPT = join(DIR, 'source/psr-hs2017.transcript.txt');
const SOURCE_FILE =
  'docs/legal/wiki/09-2022-tt-bct-thong-tu-so-09-2022-tt-bct-ngay-01-6-2022-sua-oi-bo-sung-mot-so-ieu-cua-thong-tu-so-40-2015-tt-bct-ngay-1.md';
const SOURCE_ID = 'circ-09-2022-certo';
const WINDOW = 16000;
/** Length of the converted file: the last read window ends there. */
const SOURCE_LENGTH = 1476622;
/** The list has one row for every HS 2017 subheading (Comtrade's 999999 pseudo-code aside). */
const EXPECTED_CODES = 5387;

const MILK_DECLARATION =
  'Declared(vkfta_milk_non_party_weight, "the materials of or from milk imported from a non-Party weigh no more than 50% of all the materials of or from milk used to make the good")';
const MILK_NOTE =
  "The proviso weighs the milk materials imported from a non-Party against all the milk materials used. The rule language weighs non-originating materials against the product or a tagged set, and 'imported from a non-Party' is not the same set as 'non-originating', so the proviso is a declaration. The list prints '; hoặc RVC(45)', so the proviso qualifies CTH only.";
const TEXTILE_PRINTING =
  'CTH; hoặc việc in hay nhuộm phải đi kèm với ít nhất hai công đoạn sơ chế hoặc hoàn thiện sản phẩm; hoặc RVC(40)';

/** Hand translations of the criteria the grammar does not cover. */
export const OVERRIDES: Record<string, { rule: string; note: string }> = {
  'CTH, với điều kiện trọng lượng các nguyên liệu sữa/từ sữa nhập khẩu từ một nước không phải là thành viên không được vượt quá 50% trọng lượng của toàn bộ nguyên liệu sữa/từ sữa để sản xuất ra sản phẩm thuộc Nhóm 04.03; hoặc RVC(45)':
    { rule: `CTH and ${MILK_DECLARATION} or RVC(45% FOB)`, note: MILK_NOTE },
  'CTH, với điều kiện trọng lượng các nguyên liệu sữa/từ sữa nhập khẩu từ một nước không phải là thành viên không được vượt quá 50% trọng lượng của toàn bộ nguyên liệu sữa/từ sữa để sản xuất ra sản phẩm thuộc Phân nhóm 0406.30; hoặc RVC(45)':
    { rule: `CTH and ${MILK_DECLARATION} or RVC(45% FOB)`, note: MILK_NOTE },
  [TEXTILE_PRINTING]: {
    rule: 'CTH or Process(printing) or Process(dyeing) and Declared(vkfta_dyeing_two_operations, "the dyeing was accompanied by at least two preparatory or finishing operations") or RVC(40% FOB)',
    note: "The middle alternative reads 'printing or dyeing must be accompanied by at least two preparatory or finishing operations': 'in hay nhuộm' is one subject, so the two operations qualify both. The process catalogue's 'printing' already means printing with at least two preparatory or finishing operations; 'dyeing' has no such variant, so for dyeing the two operations are a declaration. Both processes are met when the producer declares them among its operations.",
  },
};

/** Notes for texts the grammar covers but that are printed irregularly (kept verbatim). */
export const TEXT_NOTES: Record<string, string> = {
  'RVC(40), với điều kiện nguyên liệu thuộc Phân nhóm 1211.20 1302.14 và 1302.19 phải đạt tiêu chí WO':
    "Printed without a comma between '1211.20' and '1302.14'; read as the list 1211.20, 1302.14 and 1302.19, as in 3301.90.",
  'CTH; hoặc RVC(40) với điều kiện nguyên liệu thuộc các Phân nhóm 1211.20, 1212.21, 1212.29, 1302.14 và 1302.19 phải đạt tiêu chí WO':
    "Printed without a comma before 'với điều kiện'. The semicolon before 'hoặc' makes the proviso qualify RVC(40) only. The HS 2012 list named 1212.20 (an HS 2007 code) and 1211.20, 1212.20 and 1302.19; this list names the HS 2017 codes 1212.21 and 1212.29 and adds 1302.14 (ephedra extracts, split from 1302.19 in HS 2017).",
  'CTH, với điều kiện nguyên liệu lấy từ các Chương 1, 2, và 5 phải đạt tiêu chí WO; hoặc RVC 40%, với điều kiện nguyên liệu từ các Chương 1, 2, và 5 phải đạt tiêu chí WO':
    "The second proviso reads 'nguyên liệu từ' where 1602.42 reads 'nguyên liệu lấy từ' ('materials from'); the same meaning, translated the same. 'RVC 40%' is RVC(40).",
  'CTH, với điều kiện trị giá của nguyên liệu không có xuất xứ thuộc Nhóm 24.03 không vượt quá 60% trị giá FOB của sản phẩm.': 'The text ends with a full stop as printed.',
  'CTH hoặc RVC(50)':
    'Printed as RVC(50) for 8907.10 only (8907.90 and the other vessels read RVC(40)). Annex 3-A as signed also reads RVC(50) for this subheading, so both lists agree; kept as printed.',
};

/** English glosses of the part labels of split rules (the "ex" field keeps the printed Vietnamese label). */
const EX_GLOSS: Record<string, string> = {
  '0910.99': 'A: thyme and bay leaves; B: other',
  '1102.90': 'A: rice flour and rye flour; B: other',
  '8708.40': 'A: gear boxes; B: parts',
  '8708.50': 'A: drive-axles with differential and non-driving axles; B: parts',
  '8708.91': 'A: radiators; B: parts',
  '8708.92': 'A: silencers (mufflers) and exhaust pipes; B: parts',
};

const PART = /^A\.\s*(.+?)\s*:\s*(.+?)\s+B\.\s*(.+?)\s*:\s*(.+)$/;
const SPLIT_NOTE =
  'The list splits the rule for this subheading by product (parts A and B): one "ex" row per part, labelled as printed; the caller chooses which part the product is.';

/**
 * "Chương 12", "Chương 1, 2, và 5", "Nhóm 04.09 và 17.02", "Nhóm 50.04 cho đến
 * Nhóm 50.05", "Phân nhóm 1211.20, 1302.14 và 1302.19" → selector.
 */
export function selectorOf(list: string): string {
  const range = list.match(/^Nhóm (\d\d)\.(\d\d) cho đến Nhóm (\d\d)\.(\d\d)$/);
  if (range) return `h${range[1]}${range[2]}..h${range[3]}${range[4]}`;
  const m = list.match(/^(Chương|Phân nhóm|[Nn]hóm) (.+)$/);
  if (!m) throw new Error(`unreadable HS list "${list}"`);
  const kind = (m[1] ?? '').toLowerCase();
  const items = (m[2] ?? '')
    .split(/,?\s+và\s+|,\s*|\s+/)
    .map((x) => x.trim())
    .filter(Boolean)
    .map((x) => {
      if (kind === 'chương' && /^\d{1,2}$/.test(x)) return `ch${x.padStart(2, '0')}`;
      if (kind === 'nhóm' && /^\d\d\.\d\d$/.test(x)) return `h${x.replace('.', '')}`;
      if (kind === 'phân nhóm' && /^\d{4}\.\d\d$/.test(x)) return `sh${x.replace('.', '')}`;
      throw new Error(`"${x}" is not a ${kind} code in "${list}"`);
    });
  return items.length === 1 ? (items[0] ?? '') : `[${items.join(', ')}]`;
}

function proviso(p: string): string {
  let m: RegExpMatchArray | null;
  if ((m = p.match(/^nguyên liệu (?:lấy từ|thuộc|từ) (?:các )?(.+) phải đạt tiêu chí WO$/))) return `WOMaterials(${selectorOf(m[1] ?? '')})`;
  if ((m = p.match(/^trị giá của nguyên liệu không có xuất xứ thuộc (.+) không vượt quá (\d+(?:\.\d+)?)% trị giá FOB của sản phẩm\.?$/)))
    return `MaxNOM(${m[2]}% FOB, of: ${selectorOf(m[1] ?? '')})`;
  throw new Error(`proviso not covered by the grammar: "${p}"`);
}

function alternative(alt: string): string {
  const m = alt.match(/^(WO|CC|CTH|CTSH|RVC\((\d+(?:\.\d+)?)\)|RVC (\d+(?:\.\d+)?)%)(?:, ngoại trừ từ (.+?))?(?:,? với điều kiện (.+))?$/);
  if (!m) throw new Error(`criterion not covered by the grammar: "${alt}"`);
  const [, base = '', rvcA, rvcB, except, provided] = m;
  const rvc = rvcA ?? rvcB;
  if (except && (rvc || base === 'WO')) throw new Error(`an exception needs a change of classification: "${alt}"`);
  let out = rvc ? `RVC(${rvc}% FOB)` : base;
  if (except) out += `(except: ${selectorOf(except)})`;
  if (provided) out += ` and ${proviso(provided)}`;
  return out;
}

/** One criterion (no A/B parts) → expression. Alternatives are joined by "hoặc" or "; hoặc" before a criterion. */
function ruleOf(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .split(/\s*;\s*hoặc\s+|\s+hoặc\s+(?=(?:WO|CC|CTH|CTSH)\b|RVC[ (])/)
    .map((a) => alternative(a.trim()))
    .join(' or ');
}

export interface Translation {
  /** One entry per row to write: without `ex` for a plain rule, one per part for a split rule. */
  readonly parts: readonly { readonly ex?: string; readonly rule: string }[];
  readonly note?: string;
  readonly how: 'grammar' | 'override';
}

/** How one list words its criteria: hand translations, notes, the A/B split pattern, and the plain-criterion reader. */
export interface ListGrammar {
  readonly overrides: Readonly<Record<string, { rule: string; note: string }>>;
  readonly notes: Readonly<Record<string, string>>;
  readonly part: RegExp;
  readonly splitNote: string;
  readonly ruleOf: (text: string) => string;
}

/** A criterion text → expression(s): a hand translation, an A/B split into two "ex" parts, or one plain rule. */
export function translateWith(g: ListGrammar, text: string): Translation {
  const o = g.overrides[text];
  if (o) return { parts: [{ rule: o.rule }], note: o.note, how: 'override' };
  const split = text.match(g.part);
  if (split) {
    const [, exA = '', ruleA = '', exB = '', ruleB = ''] = split;
    return { parts: [{ ex: `A. ${exA}`, rule: g.ruleOf(ruleA) }, { ex: `B. ${exB}`, rule: g.ruleOf(ruleB) }], note: g.notes[text] ?? g.splitNote, how: 'grammar' };
  }
  const note = g.notes[text];
  return { parts: [{ rule: g.ruleOf(text) }], ...(note ? { note } : {}), how: 'grammar' };
}

/** A criterion text of the list → expression(s). */
export const translate = (text: string): Translation => translateWith({ overrides: OVERRIDES, notes: TEXT_NOTES, part: PART, splitNote: SPLIT_NOTE, ruleOf }, text);

/** Percentages a criterion states: "RVC(40)", "RVC 40%", "60%". */
export function textPercents(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/RVC\((\d+(?:\.\d+)?)\)/g)) out.add(String(Number(m[1])));
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)\s*%/g)) out.add(String(Number(m[1])));
  return out;
}

/** Every material selector of a rule (exceptions, allowances, materials, bases), to check the codes they name. */
export function selectorsOf(node: RuleNode, out: MaterialSelector[] = []): MaterialSelector[] {
  if (node.kind === 'any_of' || node.kind === 'all_of') node.of.forEach((n) => selectorsOf(n, out));
  else {
    for (const key of ['except', 'allow', 'materials', 'relativeTo'] as const) {
      const s = (node as Partial<Record<typeof key, MaterialSelector>>)[key];
      if (s) out.push(s);
    }
  }
  return out;
}

/**
 * Checks one translated criterion: every expression parses and is in canonical form, names only codes of the list's
 * HS version, and states exactly the percentages the text states (a dropped or invented threshold stops the import).
 */
export function checkTranslation(text: string, t: Translation, knownCode: (c: string) => boolean, hs: string, problems: string[]): void {
  const inRule = new Set<string>();
  for (const p of t.parts) {
    const parsed = parseRuleExpression(p.rule);
    if (!parsed.success) throw new Error(`expression for "${text}" does not parse: ${parsed.issue.message}`);
    if (formatRuleExpression(parsed.rule) !== p.rule) throw new Error(`expression "${p.rule}" is not in canonical form: ${formatRuleExpression(parsed.rule)}`);
    for (const sel of selectorsOf(parsed.rule))
      for (const item of sel) if (item.type === 'hs') for (const c of new Set([item.from, item.to])) if (!knownCode(c)) throw new Error(`"${text}": ${c} is not an ${hs} code`);
    percentsOf(parsed.rule, inRule);
  }
  const inText = textPercents(text);
  for (const x of inText) if (!inRule.has(x)) problems.push(`"${text}": ${x}% of the text is missing from the expression`);
  for (const x of inRule) if (!inText.has(x)) problems.push(`"${text}": ${x}% of the expression is not in the text`);
}

/** The report's tables: every criterion text with its expression(s), the notes on them, and codes / rows per chapter. */
export function criterionReport(
  texts: ReadonlyMap<string, Translation & { count: number; example: string }>,
  seen: ReadonlySet<string>,
  rows: readonly PsrRow[],
  words: { readonly rows: string; readonly text: string; readonly intro: string; readonly codes: string },
): { readonly overrides: number; readonly lines: string[] } {
  const byChapter = new Map<string, { rows: number; codes: number }>();
  for (const c of seen) {
    const e = byChapter.get(c.slice(0, 2)) ?? { rows: 0, codes: 0 };
    e.codes++;
    byChapter.set(c.slice(0, 2), e);
  }
  for (const r of rows) byChapter.get(r.scope.slice(0, 2))!.rows++;
  const esc = (x: string) => x.replace(/\|/g, '\\|');
  const sorted = [...texts].sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1));
  const lines = [
    words.intro,
    '',
    `| ${words.rows} | first row | ${words.text} | expression | how |`,
    '|---|---|---|---|---|',
    ...sorted.map(
      ([text, e]) =>
        `| ${e.count} | ${e.example} | ${esc(text)} | ${e.parts.map((p) => `${p.ex ? `${esc(p.ex)}: ` : ''}\`${esc(p.rule)}\``).join('<br>')} | ${e.how}${e.note ? ' (note)' : ''} |`,
    ),
    '',
    '## Notes on the rows',
    '',
    ...sorted.filter(([, e]) => e.note).map(([text, e]) => `- **${esc(text)}** (${e.count} ${e.count === 1 ? 'row' : 'rows'}): ${e.note}`),
    '',
    '## Rows per chapter',
    '',
    `${words.codes} / rows written:`,
    '',
    [...byChapter].map(([ch, e]) => `${ch}:${e.codes}/${e.rows}`).join(' '),
    '',
  ];
  return { overrides: sorted.filter(([, e]) => e.how === 'override').length, lines };
}

/** One transcript line: a run of list rows carrying the same criterion text, and the read window it starts in. */
export interface ListLine {
  readonly offset: number;
  readonly codes: readonly { readonly code: string; readonly shown: string }[];
  readonly text: string;
}

/**
 * Turns the transcript lines into rows: each criterion text is translated and checked once; each code must be a
 * subheading of the list's HS version, listed once and in order. Returns the rows, the texts with their counts and
 * the codes seen.
 */
export function collectRows(
  lines: readonly ListLine[],
  o: {
    readonly translate: (text: string) => Translation;
    /** The nomenclature of the list's HS version (code → description). */
    readonly desc: ReadonlyMap<string, string>;
    readonly hs: string;
    /** How many subheadings the list must give (every one of its HS version). */
    readonly expected: number;
    /** Texts with a hand translation or note: each must occur. */
    readonly handled: readonly string[];
    readonly cite: (line: ListLine, shown: string) => PsrRow['cite'];
    readonly note: (entryNote: string | undefined, ex: string | undefined, shown: string) => string | undefined;
  },
  problems: string[],
): { rows: PsrRow[]; texts: Map<string, Translation & { count: number; example: string }>; seen: Set<string>; complete: boolean } {
  const subheadings = new Set(hsSubheadings(o.desc));
  const knownCode = (c: string) => (c.length === 2 || c.length === 4 ? o.desc.has(c) : subheadings.has(c));
  const rows: PsrRow[] = [];
  const texts = new Map<string, Translation & { count: number; example: string }>();
  const seen = new Set<string>();
  let previous = '';
  for (const line of lines) {
    let entry = texts.get(line.text);
    if (!entry) {
      const t = o.translate(line.text);
      checkTranslation(line.text, t, knownCode, o.hs, problems);
      entry = { ...t, count: 0, example: line.codes[0]?.shown ?? '' };
      texts.set(line.text, entry);
    }
    for (const { code, shown } of line.codes) {
      if (seen.has(code)) throw new Error(`code ${shown} listed twice`);
      if (!subheadings.has(code)) throw new Error(`code ${shown} is not an ${o.hs} subheading`);
      if (code <= previous) throw new Error(`code ${shown} is out of list order (after ${previous})`);
      seen.add(code);
      previous = code;
      entry.count++;
      const cite = o.cite(line, shown);
      const e = entry;
      e.parts.forEach((p, i) => {
        const note = o.note(e.note, p.ex, shown);
        rows.push({
          id: p.ex === undefined ? code : `${code}.${i + 1}`,
          scope: code,
          ...(p.ex !== undefined ? { ex: p.ex } : {}),
          description: o.desc.get(code) ?? '',
          rule: p.rule,
          text: line.text,
          cite,
          ...(note ? { note } : {}),
        });
      });
    }
  }
  // Completeness: the list gives every subheading of its HS version exactly once; every hand translation is used.
  if (seen.size !== o.expected) problems.push(`${seen.size} codes read, ${o.expected} expected`);
  const missing = [...subheadings].filter((c) => !seen.has(c));
  if (missing.length) problems.push(`${o.hs} subheadings without a row: ${missing.join(', ')}`);
  for (const k of o.handled) if (!texts.has(k)) problems.push(`override or note for a text that does not occur: "${k}"`);
  return { rows, texts, seen, complete: missing.length === 0 && seen.size === o.expected };
}

/** "0101.21 .29 .30" → the codes of a run (".29" continues the heading before it), with the text to show for each. */
export function codeRun(run: string, where: string): { code: string; shown: string }[] {
  let heading = '';
  return run
    .trim()
    .split(/\s+/)
    .map((tok) => {
      if (/^\d{4}\.\d\d$/.test(tok)) {
        heading = tok.slice(0, 4);
        return { code: heading + tok.slice(5), shown: tok };
      }
      if (/^\.\d\d$/.test(tok) && heading) return { code: heading + tok.slice(1), shown: `${heading}${tok}` };
      throw new Error(`bad code token "${tok}" in: ${where}`);
    });
}

interface Line {
  offset: number;
  codes: { code: string; shown: string }[];
  text: string;
}

function parseTranscript(): Line[] {
  const lines: Line[] = [];
  let previous = -1;
  const onWindow = (next: number, line: string) => {
    if (!Number.isInteger(next) || next % WINDOW !== 0 || next <= previous || next >= SOURCE_LENGTH) throw new Error(`bad window marker "${line}"`);
    previous = next;
  };
  for (const { offset, line } of readTranscript(TRANSCRIPT, { onWindow })) {
    const sep = line.indexOf(' :: ');
    if (sep < 0 || offset < 0) throw new Error(`malformed transcript line: ${line}`);
    const text = line.slice(sep + 4).trim();
    const codes = codeRun(line.slice(0, sep), line);
    lines.push({ offset, codes, text });
  }
  return lines;
}

function main(): void {
  const desc = hsDescriptions('HS2017');
  const problems: string[] = [];

  const lines = parseTranscript();
  const { rows, texts, seen, complete } = collectRows(
    lines,
    {
      translate,
      desc,
      hs: 'HS 2017',
      expected: EXPECTED_CODES,
      handled: [...Object.keys(OVERRIDES), ...Object.keys(TEXT_NOTES)],
      cite: (line, shown) => ({
        source: SOURCE_ID,
        ref: `Phụ lục (Quy tắc cụ thể mặt hàng), Điều 3, ${shown}; ${SOURCE_FILE}, characters ${line.offset}-${Math.min(line.offset + WINDOW, SOURCE_LENGTH)}`,
      }),
      note: (entryNote, ex, shown) => [entryNote, ex !== undefined && EX_GLOSS[shown] ? `Parts in English: ${EX_GLOSS[shown]}.` : undefined].filter(Boolean).join(' ') || undefined,
    },
    problems,
  );

  for (const k of Object.keys(EX_GLOSS)) if (!rows.some((r) => r.scope === k.replace('.', '') && r.ex !== undefined)) problems.push(`gloss for ${k}, which is not a split row`);

  const psr = { $schema: '../../docs/schema/psr.schema.json', agreement: 'vkfta', hsVersion: 'HS2017', rows, gaps: [] };
  if (!problems.length) writeFileSync(join(DIR, 'psr.json'), `${JSON.stringify(psr, null, 2)}\n`);

  const tables = criterionReport(texts, seen, rows, {
    rows: 'rows',
    text: 'criterion (verbatim)',
    intro: 'Rows = list rows carrying the text. The text is verbatim as transcribed (Vietnamese, as printed).',
    codes: 'list codes',
  });
  const exRows = rows.filter((r) => r.ex !== undefined).length;
  const report = [
    '# VKFTA PSR import report',
    '',
    'Generated by `rules/tools/import-vkfta.ts` from `source/psr-hs2017.transcript.txt` (the product specific rules issued with Circular 09/2022/TT-BCT, HS 2017, in force from 1 August 2022).',
    '',
    `- List rows read: ${seen.size} (every HS 2017 subheading once, in order: ${complete ? 'yes' : 'NO'}).`,
    `- Rows written to psr.json: ${rows.length} (${exRows} of them "ex" rows: ${exRows / 2} split subheadings with two parts each).`,
    `- Gaps: none. Every subheading has its row.`,
    `- Distinct criterion texts: ${texts.size}; translated by the grammar: ${texts.size - tables.overrides}; by hand (overrides): ${tables.overrides}.`,
    `- Problems: ${problems.length}.`,
    '',
    '## How the criteria are read',
    '',
    'The abbreviations are those of the appendix, Điều 2(2): CC, CTH and CTSH are changes of classification at the 2-, 4- and 6-digit level for every non-originating material; RVC(XX) is a regional value content of at least XX % calculated by the formula of Article 4(2) of Annex I to Circular 40/2015/TT-BCT (build-down on the FOB value, see agreement.json `rvc`); WO is wholly obtained under Article 3 of that Annex. "RVC 40%" (printed so in some provisos) is RVC(40).',
    '',
    '- "A hoặc B", "A; hoặc B": alternatives (`or`). Điều 1(3): meeting one of them is enough.',
    '- "…, ngoại trừ từ Chương/Nhóm/Phân nhóm …": the change of classification may not come from the named codes (`CC(except: …)`); Điều 1(5) says materials of the excluded codes must be originating.',
    '- "…, với điều kiện nguyên liệu (lấy từ | thuộc | từ) … phải đạt tiêu chí WO": the materials of the named codes must be wholly obtained (`and WOMaterials(…)`). Each alternative carries its own proviso, as printed.',
    '- "…, với điều kiện trị giá của nguyên liệu không có xuất xứ thuộc … không vượt quá X% trị giá FOB của sản phẩm": `and MaxNOM(X% FOB, of: …)`.',
    '- "A. …: … B. …: …": the subheading is split by product; one "ex" row per part.',
    '',
    '## Criterion texts',
    '',
    ...tables.lines,
    ...problemsSection(problems),
  ].join('\n');
  writeFileSync(join(DIR, 'import-report.md'), report);
  console.log(report.split('\n').slice(4, 9).join('\n'));
  if (problems.length) {
    console.error(`${problems.length} problem(s), psr.json not written: see rules/vkfta/import-report.md`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
