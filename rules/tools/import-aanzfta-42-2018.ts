/**
 * Maintainer tool: builds the earlier AANZFTA product-specific list, the Phụ lục of
 * Circular 42/2018/TT-BCT (HS 2017; applied from 1 January 2019 until the list of
 * Circular 02/2024/TT-BCT took over on 1 March 2024), from its hand transcript.
 *
 *   npx tsx rules/tools/import-aanzfta-42-2018.ts     (HS 2017 descriptions from ../shared)
 *
 * Reads  rules/aanzfta/source/psr-42-2018.transcript.txt (layout in its header: "@ <offset>"
 *        read windows, "<codes> :: <criterion>", "NOTE <chapter> :: <text>", "#" comments).
 * Writes rules/aanzfta/psr-42-2018.json and rules/aanzfta/import-report-42-2018.md.
 *
 * The 2018 list prints its criteria as "RVC 40%", "RVC 35% + CTSH", "CTH, ngoại trừ từ …"
 * and spells several provisos differently from the 2024 list, so it has its own small
 * grammar here (the 2024 importer's `translate` reads "RVC(40)"). The conditions only a
 * producer can attest are declarations with the same ids as in psr.json, so that an answer
 * given for one list means the same under the other. A text the grammar does not cover is
 * a problem and fails the run: nothing is guessed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRuleExpression } from '../../src/rules/parseRuleExpression.js';
import type { PsrRow } from '../../src/rules/schema.js';
import { ROOT, checkRowRule, hsDescriptions, hsSubheadings, problemsSection, readTranscript, rowsPerChapter, finishImport } from './kit.js';

const DIR = join(ROOT, 'rules/aanzfta');
const TRANSCRIPT = join(DIR, 'source/psr-42-2018.transcript.txt');
const OUT_PSR = 'psr-42-2018.json';
const OUT_REPORT = 'import-report-42-2018.md';
const SOURCE_ID = 'circ-42-2018-certo';
const SOURCE_COMMIT = 'f341a094209fb96ac3cdc2f551ebfde043387f06';
const SOURCE_PATH =
  'docs/legal/wiki/42-2018-tt-bct-thong-tu-so-42-2018-tt-bct-sua-oi-bo-sung-mot-so-ieu-cua-thong-tu-so-31-2015-tt-bct-ngay-24-thang-9-nam-2.md';
const SOURCE_CHARS = 1055132;
const WINDOW = 16000;
/** Chapters whose note in the list adds the chemical-reaction rule. */
const REACTION_CHAPTERS = ['28', '29', '32'];

type Reading = { rule: string; note?: string };
type Part = Reading & { ex?: string };

// ---- conditions only the producer can attest (same ids as rules/aanzfta/psr.json) ----
const decl = (id: string, text: string): string => `Declared(aanzfta_${id}, "${text}")`;
const NO_SHIFT = 'AnyHeading';
const SMOKED = decl('smoked_in_party', 'the product is smoked in the territory of a Party');
const COOKED = decl('cooked_in_parties', 'the product is cooked in the territory of the Parties');
const REFINED = decl(
  'refining_ch15',
  'the product is made by a refining process, chemical or physical, that removes the odour, taste, colour and acidity of the crude fat or oil (Chapter 15 note)',
);
const WET_TO_DRY = decl('wet_to_dry', 'the hide or skin is changed from the wet state to the dry state');
const DEDICATED_PARTS = decl('parts_of_same_subheading', 'the apparatus is made from parts produced solely for apparatus of the same subheading');
const RECORDED = decl(
  'recorded_media',
  'the product is obtained by recording sound or other phenomena on blank or unrecorded media of the same subheading; the recording confers origin whether or not the classification changes',
);
const GREIGE_FINISHED = decl(
  'fabric_dyed_printed_finished',
  'the product is made from fabric formed (woven) but not further worked or finished, which is dyed or printed and undergoes at least two further finishing operations in one or more Parties before it becomes a ready-to-use finished product; washing and drying are not finishing operations (note to Chapters 50, 52-55 and 58; the list of finishing operations annexed to the list is not encoded)',
);
const CUT_ASSEMBLED = decl('cut_and_assembled', 'the product is cut or knit to shape and assembled in one or more Parties');
const RAW_FABRIC_ANY = decl(
  'greige_fabric_finished_parties',
  'where the starting material is fabric, that fabric is greige or unbleached and is fully finished in the territory of one or more Parties',
);
const RAW_FABRIC_ONE = decl(
  'greige_fabric_finished_one_party',
  'where the starting material is fabric, that fabric is greige or unbleached and is fully finished in the territory of one Party',
);
const ACTIVE_50 = decl('active_ingredients_50pct', 'at least 50 % by weight of the active ingredient or ingredients is originating');
const WASTE = decl('waste_of_party', 'the product originates in the Party where it was derived from production or consumption');
const CHEMICAL_REACTION = 'Process(chemical_reaction)';

/** The one criterion that gives a rule per part of its subheading (3808.59): one "ex" row each. */
const EX_SPLITS: Record<string, Part[]> = {
  '- Đối với thuốc trừ sâu, thuốc diệt cỏ, sản phẩm chống nảy mầm và máy trồng rau không chứa một hoặc nhiều các chất sau: alachlor (ISO); aldicarb (ISO); azinphos-methyl (ISO); endosulfan (ISO); parathionmethyl (ISO) (methyl-parathion); penta- and octabromodiphenyl ethers; axít perfluorooctane sulphonic và muối của chúng;perfluorooctane sulphonamides; perfluorooctane sulphonyl fluoride: RVC 40% hoặc CTH; - Đối với các sản phẩm khác: RVC 40% hoặc CTSH với điều kiện ít nhất 50% trọng lượng của hoạt chất hoặc các thành phần có xuất xứ':
    [
      {
        ex: 'insecticides, herbicides, anti-sprouting products and plant-growth regulators containing none of alachlor, aldicarb, azinphos-methyl, endosulfan, parathion-methyl, penta- or octabromodiphenyl ethers, perfluorooctane sulphonic acid or its salts, perfluorooctane sulphonamides or perfluorooctane sulphonyl fluoride',
        rule: 'RVC(40% FOB) or CTH',
        note: 'The Vietnamese prints "máy trồng rau" (literally "vegetable-planting machines") where the product list of 3808.59 has plant-growth regulators (as in the 2024 list); read as plant-growth regulators.',
      },
      {
        ex: 'other goods',
        rule: `RVC(40% FOB) or (CTSH and ${ACTIVE_50})`,
        note: 'The 50 % active-ingredient proviso is printed after "CTSH" and is read as qualifying that alternative only. The caller chooses the part.',
      },
    ],
};

/** "7208, 7209 hoặc 7211", "8476.21 hoặc từ 8476.81 đến 8476.89", "nhóm 8407" → selectors. */
export function exclusions(list: string): string[] {
  const one = (c: string): string => {
    if (/^\d{4}\.\d\d$/.test(c)) return `sh${c.replace('.', '')}`;
    if (/^\d{4}$/.test(c)) return `h${c}`;
    throw new Error(`unreadable code "${c}" in the exclusion "${list}"`);
  };
  return list.split(/, | hoặc /).map((raw) => {
    const item = raw.trim().replace(/^từ /, '').replace(/^nhóm /, '');
    const m = item.match(/^(\S+) đến (\S+)$/);
    if (!m) return one(item);
    const [a, b] = [one(m[1] ?? ''), one(m[2] ?? '')];
    if (a.length !== b.length || a >= b) throw new Error(`odd range "${item}" in "${list}"`);
    return `${a}..${b}`;
  });
}
const selector = (items: string[]): string => (items.length === 1 ? (items[0] ?? '') : `[${items.join(', ')}]`);

/** Does an exclusion name the product's own heading (CTH) or subheading (CTSH)? Then the transcript is suspect. */
function excludesItself(shift: string, items: string[], scope: string): boolean {
  const own = shift === 'CTSH' ? `sh${scope}` : shift === 'CTH' ? `h${scope.slice(0, 4)}` : `ch${scope.slice(0, 2)}`;
  return items.some((s) => {
    const [a, b] = s.split('..');
    if (!b) return s === own || (shift !== 'CTSH' && s.startsWith(own));
    return own.length === a!.length && own >= a! && own <= b;
  });
}

/** Fixed provisos, as printed (whitespace normalised, final full stop dropped). */
const FIXED: Record<string, Reading> = {
  'không yêu cầu chuyển đổi mã số hàng hóa với điều kiện sản phẩm phải được hun khói bên trong lãnh thổ của một nước thành viên': {
    rule: `(${NO_SHIFT} and ${SMOKED})`,
  },
  'không yêu cầu chuyển đổi mã số hàng hóa với điều kiện sản phẩm phải được nấu chín bên trong lãnh thổ của các nước thành viên': {
    rule: `(${NO_SHIFT} and ${COOKED})`,
  },
  'không yêu cầu chuyển đổi mã số hàng hóa với điều kiện sản phẩm được sản xuất bằng quy trình tinh chế': { rule: `(${NO_SHIFT} and ${REFINED})` },
  'không yêu cầu thay đổi mã số hàng hóa với điều kiện có sự thay đổi từ dạng ướt sang dạng khô': { rule: `(${NO_SHIFT} and ${WET_TO_DRY})` },
  'không yêu cầu chuyển đổi phân nhóm với điều kiện máy móc, dụng cụ, và thiết bị này được sản xuất từ các bộ phận được sản xuất duy nhất cho máy móc, dụng cụ hoặc thiết bị thuộc cùng phân nhóm đó':
    { rule: `(${NO_SHIFT} and ${DEDICATED_PARTS})` },
  'làm từ vải đã được dệt thành hình nhưng chưa thực hiện các công đoạn tiếp theo hoặc chưa hoàn thiện với điều kiện vải này được nhuộm hoặc in và trải qua ít nhất hai công đoạn hoàn thiện tiếp theo tại lãnh thổ của một hoặc nhiều nước thành viên trước khi trở thành sản phẩm hoàn thiện có thể sử dụng được ngay':
    { rule: GREIGE_FINISHED },
  'RVC 40% với điều kiện sản phẩm được cắt hoặc kết thành hình và được ráp tại một hoặc nhiều nước thành viên': {
    rule: `(RVC(40% FOB) and ${CUT_ASSEMBLED})`,
  },
  'RVC 40% với điều kiện sản phẩm được cắt hoặc kết thành hình và ráp tại lãnh thổ của một hoặc nhiều nước thành viên': {
    rule: `(RVC(40% FOB) and ${CUT_ASSEMBLED})`,
  },
  'CC với điều kiện nguyên liệu ban đầu là vải, vải này phải là vải thô hoặc vải chưa tẩy trắng và được hoàn thiện toàn bộ tại lãnh thổ của một hoặc nhiều nước thành viên':
    { rule: `(CC and ${RAW_FABRIC_ANY})` },
  'CC với điều kiện nguyên liệu ban đầu là vải, vải này phải là vải thô hoặc vải chưa tẩy trắng và được hoàn thiện toàn bộ tại lãnh thổ của một nước thành viên':
    {
      rule: `(CC and ${RAW_FABRIC_ONE})`,
      note: 'The proviso is printed after "CC" and is read as qualifying the CC alternative only (in 63.01-63.05 it follows CC standing alone); RVC 40% stands on its own.',
    },
  'CTSH, với điều kiện ít nhất 50% trọng lượng của hoạt chất hoặc các thành phần có xuất xứ': {
    rule: `(CTSH and ${ACTIVE_50})`,
    note: 'The 50 % active-ingredient proviso follows "CTSH" (after a comma) and is read as qualifying that alternative only, as in the 2024 list.',
  },
  'Sản phẩm thuộc phân nhóm này có xuất xứ tại nước thành viên nơi thu được sản phẩm từ quá trình sản xuất hoặc tiêu thụ': { rule: WASTE },
};

/** Split points: " hoặc " (or) before a new alternative; "hoặc" inside exclusions and provisos is not one. */
const SPLIT = / hoặc (?=RVC |CC\b|CTH\b|CTSH\b|WO\b|không yêu cầu|làm từ vải|Ghi âm)/;

const clean = (t: string): string => t.replace(/\s+/g, ' ').trim().replace(/\.$/, '');

function alternative(alt: string, scope: string): Reading {
  const a = clean(alt);
  let m: RegExpMatchArray | null;
  if ((m = a.match(/^RVC (\d+)%$/))) return { rule: `RVC(${m[1]}% FOB)` };
  if ((m = a.match(/^(WO|CC|CTH|CTSH)$/))) return { rule: m[1] ?? a };
  if ((m = a.match(/^RVC (\d+)% \+ (CC|CTH|CTSH)$/))) return { rule: `(RVC(${m[1]}% FOB) and ${m[2]})` };
  if ((m = a.match(/^(CC|CTH|CTSH), ngoại trừ từ (.+)$/))) {
    const items = exclusions(m[2] ?? '');
    if (excludesItself(m[1] ?? '', items, scope)) throw new Error(`the exclusion "${a}" names the product's own code`);
    return { rule: `${m[1]}(except: ${selector(items)})` };
  }
  if ((m = a.match(/^Ghi âm thanh hoặc ghi âm những nội dung tương tự khác lên trên các phương tiện lưu trữ trắng hoặc chưa ghi thuộc phân nhóm (\d{4})\.(\d\d) vẫn được coi là có xuất xứ cho dù có sự chuyển đổi mã số hàng hóa hay không$/))) {
    if (`${m[1]}${m[2]}` !== scope) throw new Error(`the recording rule names ${m[1]}.${m[2]} in the row of ${scope}`);
    return { rule: RECORDED };
  }
  const fixed = FIXED[a];
  if (fixed) return fixed;
  throw new Error(`criterion not covered by the grammar: "${a}"`);
}

/** A whole criterion → its parts (one unless EX_SPLITS has it). */
export function translate2018(text: string, scope: string): Part[] {
  const t = text.replace(/\s+/g, ' ').trim();
  const split = EX_SPLITS[t];
  if (split) return split;
  const alts = t.split(SPLIT).map((p) => alternative(p, scope));
  const notes = alts.map((p) => p.note).filter((n): n is string => !!n);
  return [{ rule: alts.map((p) => p.rule).join(' or '), ...(notes.length ? { note: notes.join(' ') } : {}) }];
}

const REACTION_NOTE = (ch: string) =>
  `Chapter ${ch} note of the list: a good of the chapter produced by a chemical reaction in a Party is originating where it does not meet the RVC and change-of-classification criteria of its row. The note defines a chemical reaction as a process (biochemical included) that gives a new structure by breaking and forming intramolecular bonds or altering the spatial arrangement (the Vietnamese says "nguyên tử", atom, where a molecule is meant), and excludes dissolution in water or other solvents, removal of solvents including water, and adding or removing water of crystallisation. Encoded as the alternative Process(chemical_reaction).`;

function main(): void {
  const desc = hsDescriptions('HS2017');
  const hs6 = hsSubheadings(desc);
  const problems: string[] = [];
  const rows: PsrRow[] = [];
  const seen: string[] = [];
  const notes = new Map<string, string>();
  const texts = new Map<string, { parts: Part[]; count: number; codes: string[] }>();
  const windows: number[] = [];
  const straddle = new Map<string, number>();
  let window = -1;
  const onWindow = (o: number) => {
    windows.push(o);
    window = o;
  };
  const onComment = (line: string) => {
    const m = line.match(/^# (\d{4}\.\d\d):/);
    if (!m) return;
    const earlier = line.match(/at the end of window (\d+)/);
    if (earlier) straddle.set(m[1] ?? '', Number(earlier[1]));
    else if (/at the end of this window/.test(line)) straddle.set(m[1] ?? '', window);
  };
  for (const { offset, parts, line, lineNumber } of readTranscript(TRANSCRIPT, { onWindow, onComment })) {
    const note = line.match(/^NOTE (\d\d) :: (.+)$/);
    if (note) {
      notes.set(note[1] ?? '', note[2] ?? '');
      continue;
    }
    const [codesPart, textPart] = parts;
    if (!codesPart || !textPart || parts.length !== 2 || offset < 0) throw new Error(`line ${lineNumber}: malformed: ${line}`);
    const text = textPart.replace(/\s+/g, ' ').trim();
    const codes = codesPart.split(/\s+/);
    let translated: Part[];
    try {
      translated = translate2018(text, (codes[0] ?? '').replace('.', ''));
    } catch (e) {
      problems.push(`line ${lineNumber} (${codes[0]}): ${(e as Error).message}`);
      continue;
    }
    const entry = texts.get(text) ?? { parts: translated, count: 0, codes: [] };
    for (const tok of codes) {
      if (!/^\d{4}\.\d\d$/.test(tok)) {
        problems.push(`line ${lineNumber}: bad code "${tok}"`);
        continue;
      }
      const code = tok.replace('.', '');
      // The recording rule names the row's own subheading: translate per code when it does.
      const own = /Ghi âm/.test(text) && code !== (codes[0] ?? '').replace('.', '') ? translate2018(text, code) : translated;
      if (seen.includes(code)) problems.push(`${tok} listed twice`);
      const prev = seen[seen.length - 1];
      if (prev && prev >= code) problems.push(`${tok} follows ${prev}: not in table order`);
      seen.push(code);
      if (!desc.has(code)) problems.push(`${tok} is not an HS 2017 subheading`);
      entry.count++;
      if (entry.codes.length < 4) entry.codes.push(tok);
      const from = straddle.get(tok) ?? offset;
      if (straddle.has(tok)) {
        if (from !== offset - WINDOW) problems.push(`${tok}: straddling row starts in window ${from}, not in the window before ${offset}`);
        straddle.delete(tok);
      }
      const ref = `Phụ lục (Quy tắc cụ thể mặt hàng), ${tok}; ${SOURCE_PATH} @ ${SOURCE_COMMIT}, characters ${from}-${Math.min(offset + WINDOW, SOURCE_CHARS)}`;
      const ch = code.slice(0, 2);
      own.forEach((p, i) => {
        const rowNotes = [p.note];
        let rule = p.rule;
        if (REACTION_CHAPTERS.includes(ch)) {
          rule = `(${rule}) or ${CHEMICAL_REACTION}`;
          rowNotes.push(REACTION_NOTE(ch));
        }
        const row = {
          id: own.length > 1 ? `${code}.${i + 1}` : code,
          scope: code,
          ...(p.ex ? { ex: p.ex } : {}),
          description: desc.get(code) ?? '',
          rule,
          text,
          cite: { source: SOURCE_ID, ref },
          ...(rowNotes.some(Boolean) ? { note: rowNotes.filter(Boolean).join(' ') } : {}),
        };
        const parsed = parseRuleExpression(rule);
        if (!parsed.success) problems.push(`${tok}: expression does not parse (${parsed.issue.message}): ${rule}`);
        checkRowRule({ ...row, text: text.replace(/RVC (\d+)%/g, 'RVC$1') }, problems);
        rows.push(row);
      });
    }
    texts.set(text, entry);
  }
  for (const [code] of straddle) problems.push(`${code}: marked as straddling a window but never listed`);
  windows.forEach((w, i) => {
    if (w !== i * WINDOW) problems.push(`read window ${i} starts at ${w}, expected ${i * WINDOW}`);
  });
  if (windows.length !== Math.ceil(SOURCE_CHARS / WINDOW)) problems.push(`${windows.length} read windows, expected ${Math.ceil(SOURCE_CHARS / WINDOW)}`);
  const reaction = REACTION_CHAPTERS.filter((c) => !notes.get(c)?.includes('phản ứng hóa học'));
  if (reaction.length) problems.push(`no chemical-reaction note read for chapter(s) ${reaction.join(', ')}`);
  const seenSet = new Set(seen);
  const missing = hs6.filter((c) => !seenSet.has(c));
  if (missing.length) problems.push(`HS 2017 subheadings without a row: ${missing.join(', ')}`);

  const psr = { $schema: '../../docs/schema/psr.schema.json', agreement: 'aanzfta', hsVersion: 'HS2017', rows, gaps: [] };
  writeFileSync(join(DIR, OUT_PSR), `${JSON.stringify(psr, null, 2)}\n`);

  // Comparison with the current (HS 2022) list, for codes present in both nomenclatures.
  const current = JSON.parse(readFileSync(join(DIR, 'psr.json'), 'utf8')) as { rows: PsrRow[] };
  const currentByScope = new Map<string, string[]>();
  for (const r of current.rows) currentByScope.set(r.scope, [...(currentByScope.get(r.scope) ?? []), r.rule]);
  const ownByScope = new Map<string, string[]>();
  for (const r of rows) ownByScope.set(r.scope, [...(ownByScope.get(r.scope) ?? []), r.rule]);
  let same = 0;
  const changed: string[] = [];
  for (const [scope, rules] of ownByScope) {
    const cur = currentByScope.get(scope);
    if (!cur) continue;
    if (cur.join(' | ') === rules.join(' | ')) same++;
    else changed.push(scope);
  }
  const changedByChapter = rowsPerChapter(changed.map((scope) => ({ scope })));

  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const perChapter = rowsPerChapter(rows);
  const report = [
    '# AANZFTA earlier list (Circular 42/2018/TT-BCT): import report',
    '',
    'Generated by `rules/tools/import-aanzfta-42-2018.ts` from `source/psr-42-2018.transcript.txt` (the Phụ lục "Quy tắc cụ thể mặt hàng" of Circular 42/2018/TT-BCT, HS 2017).',
    '',
    `- Table rows transcribed: ${seen.length} subheadings, in table order, each once; every HS 2017 subheading (${hs6.length}): ${missing.length ? `no, ${missing.length} missing` : 'yes'}.`,
    `- Rows written to ${OUT_PSR}: ${rows.length} (${rows.length - seen.length} extra because 3808.59 gives a rule per part and is split into two "ex" rows).`,
    `- Distinct criterion texts: ${texts.size}. Chapter notes read: ${[...notes.keys()].join(', ')}; chemical-reaction alternative added in Chapters ${REACTION_CHAPTERS.join(', ')}.`,
    `- Read windows: ${windows.length} (0-${windows[windows.length - 1]}), contiguous; rows straddling two windows cite both.`,
    `- Against the current list (psr.json, HS 2022): ${same + changed.length} subheadings exist in both; ${same} have the same expression, ${changed.length} differ (per chapter: ${[...changedByChapter].map(([c, n]) => `${c}: ${n}`).join('; ')}).`,
    '- Gaps: none. There is no general rule in this list: every subheading has its own row.',
    '',
    '## Reading of the list',
    '',
    '- The list has no general notes of its own (the table starts with Chapter 1); the abbreviations are those of Circular 31/2015/TT-BCT Phụ lục II, which this Phụ lục replaces. "RVC 40%" → `RVC(40% FOB)` (formula of Article 5 of Phụ lục I of Circular 31/2015, on FOB); "RVC 35% + CTSH" and "RVC 40% + CTSH" → both required; "A hoặc B" → `A or B`.',
    '- "X, ngoại trừ từ …" → `X(except: …)`: a 4-digit code (also "nhóm 8407") is a heading, a 6-digit code a subheading, "A đến B" a range; items are separated by ", " and "hoặc" (also "hoặc từ"). The importer checks that no exclusion names the row\'s own heading or subheading.',
    '- "không yêu cầu chuyển đổi …/thay đổi … với điều kiện …" (no change of classification needed, provided …) → `AnyHeading and Declared(…)` (smoking, cooking, refining, wet to dry, apparatus from parts made for the same subheading). Textile provisos (greige fabric dyed or printed plus two finishing operations; cut or knit to shape and assembled; greige or unbleached starting fabric), the 50 % active-ingredient proviso of 38.08, the waste-and-scrap rule and the recording rule of 85.23 are declarations, with the ids psr.json uses.',
    '- Chapters 28, 29 and 32: the chapter note (chemical reaction) is an extra alternative `Process(chemical_reaction)` on every row of the chapter. Chapter 15 (refining) and Chapters 50, 52-55 and 58 (finishing operations) notes are reflected in the declaration texts. The list of 80 finishing operations printed after the table is not encoded.',
    '',
    '## Every distinct criterion',
    '',
    '| rows | e.g. | criterion (as printed) | expression |',
    '|---|---|---|---|',
    ...[...texts].map(([text, e]) => {
      const expr = e.parts.map((p, i) => (p.ex ? `ex ${i + 1} (${esc(p.ex)}): \`${esc(p.rule)}\`` : `\`${esc(p.rule)}\``)).join('<br>');
      const n = e.parts.map((p) => p.note).filter(Boolean).join(' ');
      return `| ${e.count} | ${e.codes.join(', ')} | ${esc(text)} | ${expr}${n && !e.parts[0]?.ex ? ` (${esc(n)})` : ''} |`;
    }),
    '',
    '## Rows per chapter',
    '',
    [...perChapter].map(([ch, n]) => `${ch}: ${n}`).join('; '),
    '',
    '## Subheadings whose expression differs from the current list',
    '',
    changed.length ? changed.map((c) => `${c.slice(0, 4)}.${c.slice(4)}`).join(', ') : 'None.',
    '',
    ...problemsSection(problems),
  ].join('\n');
  finishImport(DIR, report, problems, [4, 11], OUT_REPORT);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
