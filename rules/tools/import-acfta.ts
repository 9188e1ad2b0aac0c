/**
 * Maintainer tool: turns the hand transcript of the ACFTA product-specific rules
 * (Circular 12/2019/TT-BCT, Phụ lục I "Quy tắc cụ thể mặt hàng", HS 2017) into
 * `rules/acfta/psr.json`, with a report of every distinct criterion text and its
 * expression in `rules/acfta/import-report.md`.
 *
 *   npx tsx rules/tools/import-acfta.ts          (descriptions from ../shared)
 *   SHARED_DIR=/path npx tsx rules/tools/import-acfta.ts
 *
 * Input: `rules/acfta/source/psr.transcript.txt`, one line per group of table rows
 * that carry the same criterion (column 4, "Tiêu chí xuất xứ"), in table order:
 *   "0101.21 .29 .30 :: WO"   (".29" continues the heading of the previous code)
 *   "@ 16000"                 (the rows below were read in the window starting there)
 * The transcript was made by hand from a Markdown conversion of the circular; see
 * rules/acfta/README.md.
 *
 * Criteria are structured by a small grammar built on the appendix's own notes
 * (note 8: WO, RVC(XX), CC, CTH, CTSH, production process rules 1-3; note 5:
 * alternatives; "ngoại trừ từ ..." exclusions). Texts the grammar does not cover
 * carry a hand translation in OVERRIDES. Chapter notes (27, 84, 85, 90) and note 6
 * of the appendix (RVC-only rules) are added as declared conditions.
 *
 * The general rule of Article 7(1) (for goods Phụ lục I does not list) differs by
 * chapter, so it is written as rows rather than as `generalRule`: one row per HS 2017
 * chapter and one per heading excepted in Article 7(1)(b), read from the circular's
 * articles in a second copy (GENERAL_SOURCE_ID). The engine takes the most specific
 * row, so a subheading row of Phụ lục I always wins over them (Article 7(2)).
 * Nothing is guessed: a text that neither the grammar nor the overrides cover, a code that is
 * not an HS 2017 subheading, a code listed twice or an expression that does not
 * parse stops the import (listed under Problems in the report).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRuleExpression } from '../../src/rules/parseRuleExpression.js';
import type { PsrRow } from '../../src/rules/schema.js';
import { ROOT, finishImport, hsDescriptions, problemsSection, readTranscript } from './kit.js';

const DIR = join(ROOT, 'rules/acfta');
const TRANSCRIPT = join(DIR, 'source/psr.transcript.txt');
const SOURCE_ID = 'certo-12-2019';
const SOURCE_FILE =
  'docs/legal/wiki/12-2019-tt-bct-thong-tu-quy-inh-quy-tac-xuat-xu-hang-hoa-trong-hiep-inh-khung-ve-hop-tac-kinh-te-toan-dien-giua-hiep-hoi.md';
const WINDOW = 16000;
/** The circular's articles (Điều 1-34), read in a second copy of the same repository: the copy above has them empty. */
const GENERAL_SOURCE_ID = 'certo-12-2019-articles';
const GENERAL_FILE =
  'docs/legal/canonical/corpus/12-2019-tt-bct-thong-tu-quy-dinh-quy-tac-xuat-xu-hang-hoa-trong-hiep-dinh-khung-ve-hop-tac-kinh-te-toan-dien-giua-hiep-h.md';

/** Production process rules of Phụ lục I note 8(e)-(h), as declared conditions (English in our own words). */
const PROCESS_RULES: Record<string, string> = {
  '1': 'Declared(acfta_process_rule_1, "Production process rule 1 (Circular 12/2019 Appendix I note 8(e)): manufacture through fibre-making (polymerisation, polycondensation and extrusion), spinning, twisting, texturising or braiding from a blend of, or from one of: silk; wool, fine or coarse animal hair; cotton fibres; vegetable textile fibres; synthetic or artificial filaments; synthetic or artificial staple fibres")',
  '2': 'Declared(acfta_process_rule_2, "Production process rule 2 (Circular 12/2019 Appendix I note 8(g)): manufacture from polymer (non-wovens), fibres (non-wovens), yarn (fabrics) or raw or unbleached fabric (finished fabrics) through one of these substantial transformations: needle punching, spun bonding or chemical bonding; weaving or knitting; crocheting, wadding or tufting; dyeing or printing and finishing; or wetting, coating, covering or laminating")',
  '3': 'Declared(acfta_process_rule_3, "Production process rule 3 (Circular 12/2019 Appendix I note 8(h)): manufacture through cutting and assembly of parts into a complete article (for apparel and tents), together with embroidery, embellishment or printing (for made-up articles), from raw or unbleached fabric or from finished fabric")',
};
const PROCESS_NOTE =
  'The production process rules of Appendix I note 8(e)-(h) describe the stages of manufacture carried out in a Member State; they are kept as declarations (the caller attests them) because the engine cannot check them from a bill of materials.';

const PACKING_ONLY_RETAIL =
  'Declared(acfta_not_retail_packing_only, "the change of tariff classification does not result only from packing or presentation for retail sale")';
const PACKING_ONLY_SALE =
  'Declared(acfta_not_sale_packing_only, "the change of tariff classification does not result only from packing or presentation for sale")';

const ANIMALS_RAISED =
  'Declared(acfta_animals_raised, "obtained from sheep, lambs or other animals raised in a Member State")';

/** Hand translations of the criteria the grammar does not cover. */
export const OVERRIDES: Record<string, { rule: string; note: string }> = {
  'Sản xuất từ chất béo hoặc dầu có xuất xứ thuần túy từ một trong các Nước thành viên': {
    rule: 'Declared(acfta_fats_wholly_obtained, "manufactured from fats or oils wholly obtained in a Member State")',
    note: 'The text names the fats or oils used, not a tariff selector, so it is a declaration rather than WOMaterials(...).',
  },
  'Thu được từ cừu, cừu non hoặc các loại động vật khác được nuôi lớn tại một trong các Nước thành viên': {
    rule: ANIMALS_RAISED,
    note: 'Obtained from animals raised in a Member State: a fact about the source animals that only the producer can attest.',
  },
  'CC hoặc RVC40. Đối với hàng hóa thu được bằng cách trộn đơn giản, các thành phần đầu vào vẫn giữ nguyên xuất xứ như trước khi trộn.': {
    rule: '(CC or RVC(40% FOB)) and Declared(acfta_not_simple_mixing, "the good was not obtained by simple mixing (for a good obtained by simple mixing the inputs keep the origin they had before mixing)")',
    note: 'The second sentence says that simple mixing leaves each input with its own origin; the engine cannot apportion origin between inputs, so a good obtained by simple mixing is left to the declaration (not met) rather than treated as originating.',
  },
};

/** "Chương 10", "Chương 7 và Chương 10", "Chương 10 và 11", "nhóm 1805", "nhóm 5106 đến 5108", "nhóm 7208, 7209", "nhóm 7208 hoặc 7211", "phân nhóm 3002.20" → selector. */
export function exceptSelector(list: string): string {
  let m: RegExpMatchArray | null;
  const many = (xs: string[]) => (xs.length === 1 ? (xs[0] ?? '') : `[${xs.join(', ')}]`);
  if ((m = list.match(/^Chương (\d+)(?: và (?:Chương )?(\d+))?$/)))
    return many([m[1], m[2]].filter((x): x is string => !!x).map((c) => `ch${c.padStart(2, '0')}`));
  if ((m = list.match(/^nhóm (\d{4}) đến (\d{4})$/))) return `h${m[1]}..h${m[2]}`;
  if ((m = list.match(/^nhóm (\d{4})((?:(?:, | hoặc )\d{4})*)$/)))
    return many([m[1] ?? '', ...(m[2] ?? '').split(/, | hoặc /).filter(Boolean)].map((h) => `h${h}`));
  if ((m = list.match(/^phân nhóm (\d{4})\.(\d{2})$/))) return `sh${m[1]}${m[2]}`;
  throw new Error(`unreadable exclusion "${list}"`);
}

/** One alternative of a criterion → expression. */
function alternative(alt: string): string {
  let m: RegExpMatchArray | null;
  if ((m = alt.match(/^RVC ?(\d+(?:\.\d+)?)%?$/))) return `RVC(${m[1]}% FOB)`;
  if ((m = alt.match(/^(WO|CC|CTH|CTSH)$/))) return m[1] ?? alt;
  if ((m = alt.match(/^Quy tắc quy trình sản xuất ([123])$/))) return PROCESS_RULES[m[1] ?? ''] ?? alt;
  if ((m = alt.match(/^(CC|CTH|CTSH),? ngoại trừ chuyển đổi mã số hàng hóa chỉ bằng cách đóng gói hoặc trưng bày để bán( lẻ)?$/)))
    return `(${m[1]} and ${m[2] ? PACKING_ONLY_RETAIL : PACKING_ONLY_SALE})`;
  if ((m = alt.match(/^(CC|CTH|CTSH),? ngoại trừ từ (.+)$/))) return `${m[1]}(except: ${exceptSelector(m[2] ?? '')})`;
  throw new Error(`criterion not covered by the grammar: "${alt}"`);
}

/** Splits a criterion into its alternatives: " hoặc " only where a new criterion starts (not inside "7208 hoặc 7211"). */
export function alternatives(text: string): string[] {
  return text.split(/ hoặc (?=RVC|WO\b|CC\b|CTH\b|CTSH\b|Quy tắc)/).map((a) => a.trim());
}

/** A criterion of the table → rule expression. */
export function translate(text: string): { rule: string; note?: string } {
  const o = OVERRIDES[text];
  if (o) return o;
  const alts = alternatives(text).map(alternative);
  const rule = alts.join(' or ');
  return /Quy tắc quy trình/.test(text) ? { rule, note: PROCESS_NOTE } : { rule };
}

/** Chapter notes of the table that restrict every rule of their chapter. */
const CHAPTER_NOTES: Record<string, { rule: string; note: string }> = {
  '27': {
    rule: 'Declared(acfta_ch27_not_simple_operations, "production went beyond simple mixing, dissolution in water or another solvent, removal of solvents including water, and adding or removing water of crystallisation (Chapter 27 note)")',
    note: 'Chapter 27 note of Appendix I: goods of the Chapter are not originating if production consists only of simple mixing, dissolution in water or another solvent, removal of solvents (including water), or adding or removing water of crystallisation; simple mixing needs no special skills, machines or equipment and excludes chemical reaction. Added as a declaration to every Chapter 27 row.',
  },
  '84': {
    rule: 'Declared(acfta_ch84_85_90_not_simple_assembly, "production went beyond simple assembly of parts into a complete product or disassembly into parts, and any change of classification relied on does not result only from gathering unassembled parts (chapter notes of Chapters 84, 85 and 90)")',
    note: 'Chapter note of Appendix I (Chapters 84, 85 and 90): goods are not originating if production consists only of simple assembly of parts into a complete product or disassembly into parts; where a change of classification results only from gathering unassembled parts into a product of another heading or subheading, the parts keep their origin. Added as a declaration to every row of the chapter.',
  },
};
CHAPTER_NOTES['85'] = CHAPTER_NOTES['84'] as { rule: string; note: string };
CHAPTER_NOTES['90'] = CHAPTER_NOTES['84'] as { rule: string; note: string };

/**
 * The final process of production performed in a Member State: required by Article 7(1)(a) for the RVC
 * path of the general rule, and by Appendix I note 6 where a product-specific rule allows only an RVC.
 * One declaration id for both (same fact), so a caller declares it once.
 */
const FINAL_PROCESS =
  'Declared(acfta_final_process_in_member_state, "the final process of production was performed in a Member State (Circular 12/2019 Article 7(1)(a); Appendix I note 6)")';

/** Appendix I note 6: where only an RVC criterion is allowed, the final process must be performed in a Member State. */
const RVC_ONLY = {
  rule: FINAL_PROCESS,
  note: 'Appendix I note 6: where a product-specific rule allows only a regional value content criterion, the final process of production must be performed in a Member State. Added as a declaration.',
};

/**
 * Article 7(1)(b): chapters whose unlisted goods may also qualify by a change of tariff heading (CTH):
 * 25, 26, 28, 29, 31, 39; 42-49; 57-59; 61, 62, 64; 66-71; 73-83; 86, 88; 91-97 (77 is not used in the HS).
 */
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => String(a + i).padStart(2, '0'));
export const CTH_CHAPTERS = new Set([
  '25', '26', '28', '29', '31', '39',
  ...range(42, 49), ...range(57, 59), '61', '62', '64', ...range(66, 71),
  ...range(73, 83).filter((c) => c !== '77'), '86', '88', ...range(91, 97),
]);
/** Article 7(1)(b): headings of those chapters that take RVC 40 % instead of CTH. */
export const RVC_ONLY_HEADINGS = ['2901', '2902', '3105', '3901', '3902', '3903', '3907', '3908'];

/** Article 7(1) verbatim (canonical copy, characters 0-16000). */
const ART_7_1_A =
  'Hàng hóa nêu tại khoản 3 Điều 5 Thông tư này, ngoại trừ hàng hóa quy định tại khoản 2 Điều này, được coi là có xuất xứ nếu: a) Hàng hóa có hàm lượng giá trị khu vực (RVC) không thấp hơn 40% trị giá FOB tính theo công thức quy định tại Điều 8 Thông tư này và công đoạn sản xuất cuối cùng được thực hiện tại một Nước thành viên';
const ART_7_1_B =
  'b) Hàng hóa thuộc các Chương 25, 26, 28, 29, 31 và 39; từ Chương 42 đến Chương 49; từ Chương 57 đến Chương 59; các Chương 61, 62, 64; từ Chương 66 đến Chương 71; từ Chương 73 đến Chương 83; các Chương 86 và 88; từ Chương 91 đến Chương 97 của Hệ thống hài hòa mô tả và mã hóa hàng hóa sử dụng nguyên liệu không có xuất xứ trải qua quá trình chuyển đổi mã số hàng hóa ở cấp độ 4 số (CTH), ngoại trừ các Nhóm 29.01, 29.02, 31.05, 39.01, 39.02, 39.03, 39.07, 39.08 áp dụng tiêu chí xuất xứ RVC 40%.';

/** The general rule of Article 7(1) as rows: one per HS 2017 chapter, one per heading excepted in 7(1)(b). */
export function generalRows(chapters: readonly string[]): PsrRow[] {
  const rvc = `RVC(40% FOB) and ${FINAL_PROCESS}`;
  const cite = (clause: string) => ({
    source: GENERAL_SOURCE_ID,
    ref: `Điều 7 khoản 1 ${clause} (Article 7(1)${clause === 'điểm a' ? '(a)' : clause === 'điểm b' ? '(b)' : '(a)-(b)'}), ${GENERAL_FILE}, characters 0-16000`,
  });
  const note =
    'General rule of Circular 12/2019/TT-BCT Article 7(1), for goods not listed in Phụ lục I: a subheading that Phụ lục I lists takes its own row instead (Article 7(2)), which the engine prefers as more specific.';
  const rows: PsrRow[] = [];
  for (const ch of chapters) {
    const cth = CTH_CHAPTERS.has(ch);
    rows.push({
      id: `general-ch${ch}`,
      scope: ch,
      description: `Goods of Chapter ${ch} not listed in Phụ lục I: general rule (Article 7(1)${cth ? '(a) or (b)' : '(a)'})`,
      rule: cth ? `(${rvc}) or CTH` : rvc,
      text: cth ? `${ART_7_1_A}; hoặc ${ART_7_1_B}` : `${ART_7_1_A}.`,
      cite: cite(cth ? 'điểm a và điểm b' : 'điểm a'),
      note: cth
        ? `${note} Chapter ${ch} is one of the chapters of Article 7(1)(b), so CTH is an alternative to RVC 40 % (with the final process in a Member State).`
        : `${note} Chapter ${ch} is not among the chapters of Article 7(1)(b), so only RVC 40 % with the final process in a Member State applies (Article 7(1)(a)).`,
    });
    for (const h of RVC_ONLY_HEADINGS.filter((x) => x.startsWith(ch))) {
      rows.push({
        id: `general-h${h}`,
        scope: h,
        description: `Goods of heading ${h.slice(0, 2)}.${h.slice(2)} not listed in Phụ lục I: general rule (Article 7(1)(a); excepted from CTH by 7(1)(b))`,
        rule: rvc,
        text: `${ART_7_1_A}; hoặc ${ART_7_1_B}`,
        cite: cite('điểm a và điểm b'),
        note: `${note} Heading ${h.slice(0, 2)}.${h.slice(2)} is excepted from the CTH of Article 7(1)(b) ("áp dụng tiêu chí xuất xứ RVC 40%"), so only RVC 40 % with the final process in a Member State applies.`,
      });
    }
  }
  return rows;
}

/** Hard rubber (4017.00): one criterion for the goods, WO for waste and scrap. */
const SPLIT_4017 = 'RVC40 hoặc CTH; Đối với phế liệu và phế thải: WO';

function main(): void {
  const desc = hsDescriptions('HS2017');
  const rows: PsrRow[] = [];
  const problems: string[] = [];
  const texts = new Map<string, { rule: string; note?: string; count: number }>();
  const perChapter = new Map<string, number>();
  const windows = new Set<number>();
  let offset = -1;
  let heading = '';
  const seen = new Set<string>();
  const cite = (code: string) => ({
    source: SOURCE_ID,
    ref: `Phụ lục I, ${code.slice(0, 4)}.${code.slice(4)}, ${SOURCE_FILE}, characters ${offset}-${offset + WINDOW}`,
  });
  for (const { offset: at, parts, line } of readTranscript(TRANSCRIPT, { onWindow: (o) => windows.add(o) })) {
    offset = at;
    const [codesPart, textPart] = parts;
    if (codesPart === undefined || !textPart || offset < 0) {
      problems.push(`malformed transcript line: ${line}`);
      continue;
    }
    const text = textPart.replace(/\s+/g, ' ').trim();
    const codes: string[] = [];
    for (const tok of codesPart.trim().split(/\s+/)) {
      if (/^\d{4}\.\d\d$/.test(tok)) {
        heading = tok.slice(0, 4);
        codes.push(heading + tok.slice(5));
      } else if (/^\.\d\d$/.test(tok) && heading) codes.push(heading + tok.slice(1));
      else problems.push(`bad code token "${tok}" in: ${line}`);
    }
    for (const code of codes) {
      if (seen.has(code)) problems.push(`code ${code} listed twice`);
      seen.add(code);
      if (!desc.has(code)) problems.push(`${code} is not an HS 2017 subheading`);
      const ch = code.slice(0, 2);
      perChapter.set(ch, (perChapter.get(ch) ?? 0) + 1);
      if (text === SPLIT_4017) {
        const parts = [
          { id: `${code}.1`, ex: 'Hard rubber in all forms and articles of hard rubber, other than waste and scrap', rule: 'RVC(40% FOB) or CTH' },
          { id: `${code}.2`, ex: 'Waste and scrap of hard rubber', rule: 'WO' },
        ];
        for (const p of parts) {
          rows.push({
            id: p.id,
            scope: code,
            ex: p.ex,
            description: p.ex,
            rule: p.rule,
            text,
            cite: cite(code),
            note: 'The criterion gives "RVC40 hoặc CTH" for the goods and WO for waste and scrap ("Đối với phế liệu và phế thải: WO"); split into two ex rows, the caller chooses the part.',
          });
        }
        const e = texts.get(text) ?? { rule: 'ex rows: RVC(40% FOB) or CTH | waste and scrap: WO', count: 0 };
        e.count++;
        texts.set(text, e);
        continue;
      }
      let t: { rule: string; note?: string };
      try {
        t = translate(text);
      } catch (e) {
        problems.push(`${code}: ${(e as Error).message}`);
        continue;
      }
      const e = texts.get(text) ?? { ...t, count: 0 };
      e.count++;
      texts.set(text, e);
      const extra: { rule: string; note: string }[] = [];
      const chNote = CHAPTER_NOTES[ch];
      if (chNote) extra.push(chNote);
      if (/^RVC ?\d+%?$/.test(text)) extra.push(RVC_ONLY);
      const rule = extra.length ? [t.rule.includes(' or ') ? `(${t.rule})` : t.rule, ...extra.map((x) => x.rule)].join(' and ') : t.rule;
      const parsed = parseRuleExpression(rule);
      if (!parsed.success) {
        problems.push(`${code}: expression does not parse (${parsed.issue.message}): ${rule}`);
        continue;
      }
      const notes = [t.note, ...extra.map((x) => x.note)].filter(Boolean).join(' ');
      rows.push({
        id: code,
        scope: code,
        description: desc.get(code) ?? '',
        rule,
        text,
        cite: cite(code),
        ...(notes ? { note: notes } : {}),
      });
    }
  }
  const listRows = rows.length;
  const chapters = [...new Set([...desc.keys()].filter((c) => /^\d{2}$/.test(c) && c !== '99'))].sort();
  const general = generalRows(chapters);
  for (const g of general) {
    const parsed = parseRuleExpression(g.rule);
    if (!parsed.success) problems.push(`${g.id}: expression does not parse (${parsed.issue.message}): ${g.rule}`);
  }
  // A general row must never tie with a row of Phụ lục I: the list rows are all subheadings (6 digits).
  for (const r of rows) if (!/^\d{6}$/.test(r.scope)) problems.push(`Phụ lục I row ${r.id} has scope ${r.scope}, which could tie with a general row`);
  rows.push(...general);
  const psr = { $schema: '../../docs/schema/psr.schema.json', agreement: 'acfta', hsVersion: 'HS2017', rows, gaps: [] };
  writeFileSync(join(DIR, 'psr.json'), `${JSON.stringify(psr, null, 2)}\n`);
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const report = [
    '# ACFTA PSR import report',
    '',
    `Generated by \`rules/tools/import-acfta.ts\` from \`source/psr.transcript.txt\` (Circular 12/2019/TT-BCT, Phụ lục I, HS 2017), plus the general-rule rows of Article 7(1) built in the importer (see below).`,
    '',
    `- transcript rows (subheadings): ${seen.size}`,
    `- psr.json rows: ${rows.length}: ${listRows} from Phụ lục I (4017.00 is split into two ex rows) and ${general.length} general-rule rows (Article 7(1): ${chapters.length} chapters, ${general.length - chapters.length} headings)`,
    `- distinct criterion texts: ${texts.size}`,
    `- read windows with rows: ${windows.size}`,
    `- problems: ${problems.length}`,
    '',
    '## Phụ lục I rows per chapter',
    '',
    [...perChapter].sort().map(([ch, n]) => `${ch}: ${n}`).join(', '),
    '',
    'Chapters with no row in the table: ' +
      Array.from({ length: 97 }, (_, i) => String(i + 1).padStart(2, '0'))
        .filter((c) => c !== '77' && !perChapter.has(c))
        .join(', ') +
      '. Subheadings that the table does not list take the general rule of the circular (Article 7(1)), encoded as the general-rule rows below.',
    '',
    '## General rule (Article 7(1))',
    '',
    `Read in the circular's articles (source \`${GENERAL_SOURCE_ID}\`, ${GENERAL_FILE}, characters 0-16000). Goods of Article 5(3) other than those listed in Phụ lục I (Article 7(2)) are originating if (a) their RVC is not less than 40 % of FOB under Article 8 and the final process of production is performed in a Member State, or (b) for goods of Chapters 25, 26, 28, 29, 31, 39, 42-49, 57-59, 61, 62, 64, 66-71, 73-83, 86, 88 and 91-97, all non-originating materials undergo a change of tariff heading (CTH), except headings 29.01, 29.02, 31.05, 39.01, 39.02, 39.03, 39.07 and 39.08, which take RVC 40 %. Because the rule differs by chapter, it is written as rows, not as \`generalRule\` (left unset):`,
    '',
    '| rows | scope | expression |',
    '|---|---|---|',
    `| ${general.filter((g) => g.scope.length === 2 && CTH_CHAPTERS.has(g.scope)).length} | chapters of Article 7(1)(b): ${[...CTH_CHAPTERS].sort().join(', ')} | \`${esc(general.find((g) => g.id === 'general-ch25')?.rule ?? '')}\` |`,
    `| ${general.filter((g) => g.scope.length === 2 && !CTH_CHAPTERS.has(g.scope)).length} | every other chapter: ${chapters.filter((c) => !CTH_CHAPTERS.has(c)).join(', ')} | \`${esc(general.find((g) => g.id === 'general-ch01')?.rule ?? '')}\` |`,
    `| ${general.filter((g) => g.scope.length === 4).length} | headings ${RVC_ONLY_HEADINGS.join(', ')} (excepted from CTH) | \`${esc(general.find((g) => g.id === 'general-h2901')?.rule ?? '')}\` |`,
    '',
    'Every Phụ lục I row is at subheading level (6 digits; checked by the importer), so a listed subheading always takes its own row and never ties with a chapter or heading row. All the subheadings of the eight excepted headings are listed in Phụ lục I anyway (with "RVC40" and the same declaration), so the heading rows only cover codes the list might not name. The declaration `acfta_final_process_in_member_state` is the one the RVC-only rows of Phụ lục I carry (note 6): the same fact, so the same id. The chapter notes of Chapters 27, 84, 85 and 90 are not added to the general rows: the Chapter 27 note and item 1 of the Chapter 84 note both open "Để áp dụng Quy tắc cụ thể mặt hàng" (for the purposes of the product-specific rules; re-read in the appendix copy, windows 240000 and 608000), so they govern the rows of Phụ lục I only; the notes of Chapters 85 and 90 repeat the Chapter 84 note (transcript). Item 2 of that note concerns goods meeting a change-of-classification rule, and the general rule of Chapters 84, 85 and 90 has none (they are not chapters of Article 7(1)(b)).',
    '',
    '## Criteria',
    '',
    'Expressions as translated from the criterion text; rows of Chapters 27, 84, 85 and 90 additionally carry the chapter-note declaration, and rows whose only criterion is RVC carry the note-6 declaration (see the row notes).',
    '',
    '| rows | criterion (column 4, verbatim) | expression |',
    '|---|---|---|',
    ...[...texts].map(([text, e]) => `| ${e.count} | ${esc(text)} | \`${esc(e.rule)}\` |`),
    '',
    '## Readings',
    '',
    '- "RVC40" (note 8(b): regional value content of not less than XX % under Article 8) → `RVC(40% FOB)`; FOB is the value basis of the agreement (see agreement.json).',
    '- "A hoặc B" (note 5: a good meeting any one of several rules is originating) → `A or B`. The split is made only before a new criterion, so "từ nhóm 7208 hoặc 7211" stays one exclusion.',
    '- "CC/CTH/CTSH (,) ngoại trừ từ Chương/nhóm/phân nhóm …" → the shift with `except:` the named chapters, headings (ranges with "đến") or subheading.',
    '- "…, ngoại trừ chuyển đổi mã số hàng hóa chỉ bằng cách đóng gói hoặc trưng bày để bán (lẻ)" → the shift and a declaration that the change does not result only from packing or presentation for (retail) sale. 3506.10/.91/.99 read "để bán" (for sale), 3606.10 and 3808 "để bán lẻ" (for retail sale); each keeps its own wording.',
    `- "Quy tắc quy trình sản xuất 1/2/3" (notes 8(e), 8(g), 8(h)) → declarations. ${PROCESS_NOTE} Process(...) leaves were not used: rule 1 admits filaments as well as staple fibres and rule 2 admits polymers and unbleached fabric as starting materials, which the process stages of src/rules/processes.ts do not match exactly.`,
    '- 4017.00 "RVC40 hoặc CTH; Đối với phế liệu và phế thải: WO" → two ex rows (hard rubber and its articles; waste and scrap).',
    '- Rows whose only criterion is RVC40 (2901, 2902, 3105, 3901-3908) also carry the note-6 declaration that the final process was performed in a Member State.',
    '- Chapter notes of Chapters 27, 84, 85 and 90 (printed under the chapter title) restrict every rule of the chapter; they are added to each row as a declaration.',
    '- Overrides (hand translations): ' + Object.entries(OVERRIDES).map(([k, v]) => `"${esc(k)}" → \`${esc(v.rule)}\` (${esc(v.note)})`).join('; '),
    '',
    '## Gaps',
    '',
    'None: every printed row has an expression, and every HS 2017 subheading the table does not list is covered by a general-rule row (chapter or heading).',
    '',
    ...problemsSection(problems),
  ].join('\n');
  finishImport(DIR, report, problems, [4, 9]);
}

main();
