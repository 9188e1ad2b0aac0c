/**
 * Maintainer tool: turns the hand transcript of the RCEP product-specific rules
 * Viet Nam applies since 1 January 2023 (Appendix I "Quy tắc cụ thể mặt hàng" of
 * MOIT Circular 05/2022/TT-BCT as replaced by Circular 32/2022/TT-BCT, HS 2022)
 * into `rules/rcep/psr.json`, and writes `rules/rcep/import-report.md` with every
 * distinct criterion text and the expression it became.
 *
 *   npx tsx rules/tools/import-rcep.ts
 *   SHARED_DIR=/path npx tsx rules/tools/import-rcep.ts   (HS 2022 descriptions are read from ../shared)
 *
 * Input: `rules/rcep/source/psr.transcript.txt` (format in its header): one line
 * per table row, "<code> :: <criterion as printed>", where the code is printed as
 * in the table ("01" chapter, "03.01" heading, "0304.31" / "0409.00" subheading),
 * "@ <offset>" lines mark the read window the rows below come from, and a leading
 * "<" marks a row that begins at the end of the previous window.
 *
 * The criterion is read by a small grammar that follows point 7 of the Appendix:
 *   RVC40 → RVC(40% FOB) (an RVC of at least 40 % under Article 8 of Circular 05/2022, FOB-based);
 *   CC / CTH / CTSH → change of chapter / heading / subheading of non-originating materials;
 *   WO → WO; CR (chemical reaction rule) → Process(chemical_reaction);
 *   "A hoặc B" / "A, hoặc B" → A or B (point 4: any one criterion suffices);
 *   "X ngoại trừ từ Chương NN / nhóm AA.BB [đến|hoặc|, …] / phân nhóm AAAA.BB [và|hoặc|đến|, …]"
 *     → X(except: …) (point 6: the exclusion concerns non-originating materials).
 * Two-part criteria "1. X đối với|cho <goods>, 2. Y cho bất kỳ loại khác" become two
 * "ex" rows of the subheading (the caller chooses the part its product belongs to).
 * A criterion neither the grammar nor OVERRIDES covers stops the import.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, hsDescriptions, readTranscript, criterionTable, rowsPerChapter, writePsrFile } from './kit.js';
import { parseRuleExpression } from '../../src/rules/parseRuleExpression.js';
import type { PsrRow } from '../../src/rules/schema.js';

const dir = join(ROOT, 'rules/rcep');
const TRANSCRIPT = join(dir, 'source/psr.transcript.txt');
const SOURCE_ID = 'circ-32-2022-certo';
const SOURCE_FILE =
  'docs/legal/canonical/corpus/32-2022-tt-bct-thong-tu-so-32-2022-tt-bct-ngay-18-11-2022-sua-doi-thong-tu-so-05-2022-tt-bct-quy-dinh-qtxx-trong-rcep.md';
const SOURCE_CHARS = 280352;
const WINDOW = 16000;
/** Where the reading stopped (see README): the whole file has been read; the table ends before 272000. */
const READ_UP_TO = SOURCE_CHARS;

/** Criteria the grammar does not cover, with their hand translation. */
export const OVERRIDES: Record<string, { rule: string; note: string }> = {
  'CTSH với điều kiện phải có ít nhất 50% trọng lượng của nguyên liệu sử dụng được hoặc các nguyên liệu có xuất xứ, hoặc RVC40': {
    rule: '(CTSH and Declared(rcep_3808_originating_weight, "at least 50 % by weight of the material or materials used (the ingredient or ingredients the condition names) is originating")) or RVC(40% FOB)',
    note:
      'Heading 38.08: the condition on the weight of originating material is kept as a declaration, because its base (the weight of the material or materials concerned, not of the product) is not one the Weight() leaf measures. The cell is interleaved with the description in the converted text; it was reassembled in reading order and confirmed against the layout copy, which keeps the rule column apart (verification.md).',
  },
};

/** English wording of the goods named in two-part criteria (the "ex" of each row). */
const EX_EN: Record<string, string> = {
  'cá chép (Catla catla, Osteochilus hasselti, Leptobarbus hoeveni, Cyprinus spp. (trừ Cyprinus carpio), Carassius spp. (trừ Carassius carassius), Labeo spp., Megalobrama spp.)':
    'Carp: Catla catla, Osteochilus hasselti, Leptobarbus hoeveni, Cyprinus spp. (other than Cyprinus carpio), Carassius spp. (other than Carassius carassius), Labeo spp., Megalobrama spp.',
  'côn trùng': 'Of insects',
  'các sản phẩm thay thế thuốc lá đã sản xuất': 'Manufactured tobacco substitutes',
  'axetal và hemiacetal peroxit': 'Acetal peroxides and hemiacetal peroxides',
};
const EX_OTHER = 'Any other product of the subheading';

/** Rows whose cell the converted text interleaves with the description (reassembled in reading order, see the transcript). */
const ROW_NOTES: Record<string, string> = {
  '2909.60':
    'The criterion cell is interleaved with the description in the converted text; it was reassembled in reading order and confirmed against the layout copy, which keeps the rule column apart (verification.md).',
  '8541.42':
    'The criterion cell is interleaved with the description in the converted text; it was reassembled in reading order and confirmed against the layout copy (verification.md).',
  '8541.43':
    'The criterion cell is interleaved with the description in the converted text; it was reassembled in reading order and confirmed against the layout copy (verification.md).',
  '8543.40':
    'Copied as printed: the exception names subheading 8539.52 (LED lamps), as does the cell of 8543.70; both copies of the source print it so (verification.md). That an e-cigarette subheading excludes LED lamps rather than 8543.70 is unexpected; the official English HS 2022 list was not read to confirm it.',
  '8543.70':
    'Copied as printed: the exception names subheading 8539.52 (LED lamps), as does the cell of 8543.40; both copies of the source print it so (verification.md). The official English HS 2022 list was not read to confirm it.',
};

/** "Chương 01", "nhóm 31.02 đến 31.04", "nhóm 50.04 hoặc 50.05", "phân nhóm 8504.31, 8504.33 hoặc 8504.34" → selectors. */
export function exceptList(list: string): string[] {
  let m: RegExpMatchArray | null;
  if ((m = list.match(/^Chương (\d{1,2})$/))) return [`ch${m[1]!.padStart(2, '0')}`];
  const level = list.match(/^(phân nhóm|nhóm) (.+)$/);
  if (!level) throw new Error(`unreadable exception list "${list}"`);
  const sub = level[1] === 'phân nhóm';
  const code = (c: string): string => {
    if (sub && /^\d{4}\.\d\d$/.test(c)) return `sh${c.replace('.', '')}`;
    if (!sub && /^\d\d\.\d\d$/.test(c)) return `h${c.replace('.', '')}`;
    throw new Error(`unreadable code "${c}" in exception list "${list}"`);
  };
  const range = level[2]!.match(/^(\S+) đến (\S+)$/);
  if (range) return [`${code(range[1]!)}..${code(range[2]!)}`];
  return level[2]!.split(/,\s*|\s+(?:hoặc|và)\s+/).map((c) => code(c.trim()));
}

function alternative(alt: string): string {
  let m: RegExpMatchArray | null;
  if ((m = alt.match(/^RVC(\d+)$/))) return `RVC(${m[1]}% FOB)`;
  if (alt === 'CR') return 'Process(chemical_reaction)';
  if ((m = alt.match(/^(WO|CC|CTH|CTSH)$/))) return m[1]!;
  if ((m = alt.match(/^(CC|CTH|CTSH) ngoại trừ từ (.+)$/))) {
    const sel = exceptList(m[2]!);
    return `${m[1]}(except: ${sel.length === 1 ? sel[0] : `[${sel.join(', ')}]`})`;
  }
  throw new Error(`criterion not covered by the grammar: "${alt}"`);
}

/** One criterion (without parts) → rule expression. "hoặc" inside an exception list ("nhóm 50.04 hoặc 50.05") is not a split. */
export function translate(text: string): { rule: string; note?: string } {
  if (OVERRIDES[text]) return OVERRIDES[text];
  const alts = text.split(/,? hoặc (?=(?:WO|CC|CTH|CTSH|CR|RVC\d+)\b)/).map((a) => a.trim());
  return { rule: alts.map(alternative).join(' or ') };
}

/** "1. X đối với <goods>, 2. Y cho bất kỳ loại khác" → [{goods, X}, {other, Y}], or null for a one-part criterion. */
export function parts(text: string): { ex: string; exVi: string; criterion: string }[] | null {
  const m = text.match(/^1\. (.+?) (?:đối với|cho) (.+), 2\. (.+?) (?:cho bất kỳ loại khác|đối với các loại khác)$/);
  if (!m) return null;
  const goods = m[2]!;
  const en = EX_EN[goods];
  if (!en) throw new Error(`no English wording for the goods "${goods}" of "${text}"`);
  return [
    { ex: en, exVi: goods, criterion: m[1]! },
    { ex: EX_OTHER, exVi: 'bất kỳ loại khác', criterion: m[3]! },
  ];
}

/** "01" → "01", "03.01" → "0301", "0304.31" → "030431". */
function scopeOf(printed: string): string {
  if (/^\d\d$/.test(printed)) return printed;
  if (/^\d\d\.\d\d$/.test(printed)) return printed.replace('.', '');
  if (/^\d{4}\.\d\d$/.test(printed)) return printed.replace('.', '');
  throw new Error(`bad code "${printed}"`);
}

/**
 * One table row of an RCEP list transcript ("<code> :: <criterion>"; a leading "<" marks a row begun at the end of
 * the previous window): its printed code and scope, checked to be listed once and to be a code of the nomenclature,
 * its criterion with spacing normalised, and the characters it was read from. Split rows are collected in `split`.
 */
export function tableRow(
  codePart: string,
  textPart: string,
  offset: number,
  o: { readonly desc: ReadonlyMap<string, string>; readonly hs: string; readonly seen: Set<string>; readonly split: string[]; readonly window: number; readonly sourceChars: number },
  problems: string[],
): { printed: string; scope: string; text: string; start: number; end: number } {
  const continued = codePart.startsWith('<');
  const printed = continued ? codePart.slice(1) : codePart;
  const scope = scopeOf(printed);
  if (o.seen.has(scope)) throw new Error(`code ${printed} listed twice`);
  o.seen.add(scope);
  if (!o.desc.has(scope)) problems.push(`${printed} is not an ${o.hs} code`);
  if (continued) o.split.push(printed);
  return {
    printed,
    scope,
    text: textPart.replace(/\s+/g, ' ').trim(),
    start: continued ? offset - o.window : offset,
    end: Math.min(offset + o.window, o.sourceChars),
  };
}

type Entry = { rule: string; note?: string; count: number; codes: string[] };

function main(): void {
  const desc = hsDescriptions('HS2022');
  const problems: string[] = [];
  const rows: PsrRow[] = [];
  const texts = new Map<string, Entry>();
  const split: string[] = [];
  const exRows: string[] = [];
  const seen = new Set<string>();
  for (const { offset, parts: fields, line } of readTranscript(TRANSCRIPT)) {
    const [codePart, textPart] = fields;
    if (codePart === undefined || !textPart || offset < 0) throw new Error(`malformed transcript line: ${line}`);
    const { printed, scope, text, start, end } = tableRow(codePart, textPart, offset, { desc, hs: 'HS 2022', seen, split, window: WINDOW, sourceChars: SOURCE_CHARS }, problems);
    const cite = { source: SOURCE_ID, ref: `Phụ lục I, ${printed}, ${SOURCE_FILE}, characters ${start}-${end}` };
    const twoParts = parts(text);
    const pieces = twoParts ?? [{ ex: '', exVi: '', criterion: text }];
    pieces.forEach((p, i) => {
      const t = translate(p.criterion);
      const parsed = parseRuleExpression(t.rule);
      if (!parsed.success) throw new Error(`expression for "${p.criterion}" does not parse: ${parsed.issue.message}`);
      const entry = texts.get(p.criterion) ?? { ...t, count: 0, codes: [] };
      entry.count++;
      if (entry.codes.length < 3) entry.codes.push(printed);
      texts.set(p.criterion, entry);
      const base = desc.get(scope) ?? '';
      rows.push({
        id: twoParts ? `${scope}.${i + 1}` : scope,
        scope,
        ...(twoParts ? { ex: p.ex } : {}),
        description: twoParts ? `${base}: ${p.ex}` : base,
        rule: t.rule,
        text: twoParts ? `${p.criterion} (${i === 0 ? `đối với ${p.exVi}` : 'cho bất kỳ loại khác'}; tiêu chí in: "${text}")` : text,
        cite,
        ...(t.note || ROW_NOTES[printed] ? { note: [t.note, ROW_NOTES[printed]].filter(Boolean).join(' ') } : {}),
      });
    });
    if (twoParts) exRows.push(printed);
  }
  // Nesting: a heading or chapter row must not share its codes with rows of the same level.
  const scopes = [...seen];
  for (const s of scopes) {
    const inner = scopes.filter((o) => o !== s && o.startsWith(s));
    if (inner.length) problems.push(`${s} has a row and so do ${inner.join(', ')} (the most specific would apply)`);
  }

  writePsrFile(dir, 'rcep', 'HS2022', rows);

  const level = (n: number) => rows.filter((r) => r.scope.length === n).length;
  const chapters = rowsPerChapter(rows);
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const report = [
    '# RCEP PSR import report',
    '',
    'Generated by `npx tsx rules/tools/import-rcep.ts` from `source/psr.transcript.txt` (Appendix I "Quy tắc cụ thể',
    'mặt hàng" of Circular 32/2022/TT-BCT, HS 2022, as converted in TinsuAI/certo).',
    '',
    `- Rows: ${rows.length} from ${seen.size} table rows (${level(2)} chapter-level, ${level(4)} heading-level, ${level(6)} subheading-level; ${exRows.length} table rows with a two-part criterion give two "ex" rows each: ${exRows.join(', ')}).`,
    `- Distinct criterion texts: ${texts.size}; each maps to one expression below, and every expression parses.`,
    `- Rows whose cell begins at the end of one read window and ends in the next (cited over both): ${split.join(', ') || 'none'}.`,
    `- Rows per chapter: ${[...chapters].map(([c, n]) => `${c}:${n}`).join(' ')}.`,
    `- Coverage: characters 0-${READ_UP_TO} of ${SOURCE_CHARS} were read: the headnotes and the whole table, Chapters 01-97`,
    '  (the table ends in the window starting at 256000; Phụ lục II, the Form RCEP, follows it and has no rows).',
    '- Gaps (law without a rule): none. Annex 3A gives a rule for every good.',
    '',
    'Reading of the criteria (Appendix I, points 4-7): any one of several criteria suffices ("hoặc" → `or`); a change of',
    'tariff classification (CC = chapter, CTH = heading, CTSH = subheading) and its exclusions ("ngoại trừ từ …" →',
    '`except:`) concern non-originating materials only; RVC40 = a regional value content of at least 40 % calculated',
    'under Article 8 of Circular 05/2022/TT-BCT (FOB-based) → `RVC(40% FOB)`; WO = wholly obtained (a good meeting PE',
    'also qualifies, point 7(đ)); CR = the chemical reaction rule (point 7(e)) → `Process(chemical_reaction)`, the',
    'process id of src/rules/processes.ts, met when the producer declares that operation.',
    '',
    'Two-part criteria ("1. X đối với <goods>, 2. Y cho bất kỳ loại khác") give two "ex" rows of the same subheading; the',
    'row `text` keeps the part and, in quotes, the whole cell as printed.',
    '',
    ...criterionTable(texts, OVERRIDES),
    '',
    '## Problems',
    '',
    ...(problems.length ? problems.map((p) => `- ${p}`) : ['None.']),
    '',
  ].join('\n');
  writeFileSync(join(dir, 'import-report.md'), report);
  console.log(`psr.json: ${rows.length} rows from ${seen.size} table rows; ${texts.size} distinct criteria; ${problems.length} problem(s)`);
  if (problems.length) {
    for (const p of problems) console.error(`  ${p}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
