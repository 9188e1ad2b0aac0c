/**
 * Maintainer tool: turns the hand transcript of the VJEPA product-specific rules
 * (Phụ lục 2 of Circular 10/2009/TT-BCT, HS 2007) into `rules/vjepa/psr.json`,
 * with a report of every distinct origin criterion and its expression.
 *
 *   npx tsx rules/tools/import-vjepa.ts          (descriptions from ../shared)
 *   SHARED_DIR=/path npx tsx rules/tools/import-vjepa.ts
 *
 * Input: `rules/vjepa/source/psr.transcript.txt` (format in its header): one line
 * per printed row, "<code> :: <criterion as printed>", "@ <offset>" lines for the
 * read windows, "<code> :: -" for captions without a rule, and "<code> :: ^<code2>"
 * for rows whose criterion is printed once for a block of rows (a merged table
 * cell) at <code2>.
 *
 * The criteria are structured by a small grammar built on the abbreviations the
 * annex defines in its opening notes (LVC 40%, CC, CTH, CTSH, WO, "ngoại trừ từ …"
 * = except from, "hoặc" between alternatives = or) and on the one sentence
 * pattern of the textile rules of Section XI ("…, với điều kiện khi sử dụng nguyên
 * liệu không có xuất xứ … các nguyên liệu này phải được <process> toàn bộ tại …";
 * "hoặc Không yêu cầu chuyển đổi mã số hàng hóa, với điều kiện …"). Four rows that
 * give different rules for parts of a subheading carry hand translations (OVERRIDES)
 * and become "ex" rows. Nothing is guessed: a text neither the grammar nor the
 * overrides cover stops the import.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRuleExpression } from '../../src/rules/parseRuleExpression.js';
import type { PsrRow } from '../../src/rules/schema.js';
import { ROOT, hsDescriptions, readTranscript } from './kit.js';

const dir = join(ROOT, 'rules/vjepa');
const TRANSCRIPT = join(dir, 'source/psr.transcript.txt');
const SOURCE_ID = 'circ-10-2009-certo';
const SOURCE_FILE =
  'docs/legal/canonical/corpus/10-2009-tt-bct-thong-tu-cua-bo-cong-thuong-ve-viec-thuc-hien-quy-tac-xuat-xu-trong-hiep-dinh-giua-nuoc-cong-hoa-xa-hoi-c.md';
const WINDOW = 16000;
const LVC = 'RVC(40% FOB)';
/** Chapters where Note 1 to Section XI ties dyeing or printing to two finishing operations. */
const NOTE1_CHAPTERS = new Set(['50', '51', '52', '53', '54', '55', '60']);

interface Part {
  ex: string;
  rule: string;
}
/** Rows whose criterion gives separate rules for parts of the subheading: one "ex" row per part. */
export const OVERRIDES: Record<string, { parts: Part[]; note: string }> = {
  'CTSH đối với Cà-ri; CC đối với hàng hóa khác.': {
    parts: [
      { ex: 'Curry (Cà-ri)', rule: 'CTSH' },
      { ex: 'Goods other than curry (hàng hóa khác)', rule: 'CC' },
    ],
    note: 'The criterion gives one rule for curry and another for the other goods of the subheading: encoded as two "ex" rows, the caller chooses.',
  },
  'CTSH cho dầu Tung và các phân đoạn của nó. CC cho các loại khác.': {
    parts: [
      { ex: 'Tung oil and its fractions (dầu Tung và các phân đoạn của nó)', rule: 'CTSH' },
      { ex: 'Other goods of the subheading (các loại khác)', rule: 'CC' },
    ],
    note: 'The criterion gives one rule for tung oil and its fractions and another for the rest of the subheading: encoded as two "ex" rows.',
  },
  'RVC 40% và CTH đối với hỗn hợp rượu sake hoặc rượu sake nấu (Mirin). CC ngoại trừ từ chương 8 hoặc chương 20 đối với đồ uống có thành phần từ quả, có nồng độ cồn dưới 1%. CTH ngoại trừ từ nhóm 22.07 đối với hàng hóa khác.':
    {
      parts: [
        { ex: 'Compound sake or cooking sake (Mirin) (hỗn hợp rượu sake hoặc rượu sake nấu)', rule: `${LVC} and CTH` },
        {
          ex: 'Fruit-based beverages with an alcoholic strength below 1 % (đồ uống có thành phần từ quả, có nồng độ cồn dưới 1%)',
          rule: 'CC(except: [ch08, ch20])',
        },
        { ex: 'Other goods of the subheading (hàng hóa khác)', rule: 'CTH(except: h2207)' },
      ],
      note: 'Three rules for three parts of the subheading: encoded as three "ex" rows. "RVC 40% và CTH" (the only place the annex writes RVC instead of LVC, and "và" = and) is read as the local value content of Article 5 of Phụ lục 1 together with CTH.',
    },
  'CC, ngoại trừ từ nhóm 50.07, 51.11 đến 51.13, 52.08 đến 52.12, 53.09 đến 53.11, 54.07, 54.08, hoặc 55.12 đến 55.16 đối với chăn nhồi lông và nệm. CTH đối với những hàng hóa khác.':
    {
      parts: [
        {
          ex: 'Quilts/eiderdowns and cushions or pads (chăn nhồi lông và nệm)',
          rule: 'CC(except: [h5007, h5111..h5113, h5208..h5212, h5309..h5311, h5407, h5408, h5512..h5516])',
        },
        { ex: 'Other goods of the subheading (những hàng hóa khác)', rule: 'CTH' },
      ],
      note: 'One rule for "chăn nhồi lông và nệm" and another for the other goods of the subheading: encoded as two "ex" rows. The English goods names in "ex" are a working translation; the Vietnamese words are kept.',
    },
};

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * An exception or material list → selectors. Items are separated by ", " or
 * " hoặc "; "Chương"/"nhóm"/"phân nhóm" set the level of the items after them;
 * ranges are written "A - B", "A -B" or "A đến [nhóm] B".
 */
export function selectorList(list: string): string[] {
  const out: string[] = [];
  let level: 'ch' | 'h' | 'sh' = 'h';
  const parts = list
    .replace(/\.$/, '')
    .replace(/ hoặc /g, ', ')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  for (let part of parts) {
    let m: RegExpMatchArray | null;
    if ((m = part.match(/^(chương|Chương|nhóm|phân nhóm) (.*)$/))) {
      level = m[1]!.toLowerCase() === 'chương' ? 'ch' : m[1] === 'nhóm' ? 'h' : 'sh';
      part = m[2]!;
    }
    const code = (c: string): string => {
      let k: RegExpMatchArray | null;
      if ((k = c.match(/^(\d\d)\.(\d\d)$/))) return `h${k[1]}${k[2]}`;
      if ((k = c.match(/^(\d{4})\.(\d\d)$/))) return `sh${k[1]}${k[2]}`;
      if ((k = c.match(/^(\d{1,2})$/)) && level === 'ch') return `ch${k[1]!.padStart(2, '0')}`;
      throw new Error(`unreadable list item "${c}" in "${list}"`);
    };
    if ((m = part.match(/^(\S+)\s*(?:-|đến(?: nhóm| phân nhóm)?)\s*(\S+)$/))) out.push(`${code(m[1]!)}..${code(m[2]!)}`);
    else out.push(code(part));
  }
  return out;
}

const sel = (items: string[]): string => (items.length === 1 ? items[0]! : `[${items.join(', ')}]`);

/** The same list in English words, for declaration texts. */
function listInWords(items: string[]): string {
  const show = (s: string): string => {
    const one = (x: string): string =>
      x.startsWith('ch') ? `Chapter ${Number(x.slice(2))}` : x.startsWith('sh') ? `${x.slice(2, 6)}.${x.slice(6)}` : `${x.slice(1, 3)}.${x.slice(3)}`;
    const [a, b] = s.split('..');
    return b ? `${one(a!)}-${one(b).replace(/^Chapter /, '')}` : one(a!);
  };
  return items.map(show).join(', ');
}

/** One simple alternative: "LVC 40%", "CC", "CTH ngoại trừ từ nhóm 17.02.", … */
function simpleAlternative(alt: string): string {
  const a = alt.replace(/\.$/, '').trim();
  let m: RegExpMatchArray | null;
  if (a === 'LVC 40%') return LVC;
  if ((m = a.match(/^(WO|CC|CTH|CTSH)$/))) return m[1]!;
  if ((m = a.match(/^(CC|CTH|CTSH) ngoại trừ từ (.+)$/))) return `${m[1]}(except: ${sel(selectorList(m[2]!))})`;
  throw new Error(`criterion not covered by the grammar: "${alt}"`);
}

const YARNS = 'h5004..h5006, h5106..h5110, h5204..h5207, h5306..h5308, h5401..h5406, h5508..h5511';
const FABRICS = 'h5007, h5111..h5113, h5208..h5212, h5309..h5311, h5407, h5408, h5512..h5516';

/** Declaration id for "non-originating materials of <items> underwent <process> in a Party or ASEAN". */
function materialSetId(items: string[]): string {
  const joined = items.join(', ');
  if (joined === YARNS) return 'yarn';
  if (joined === FABRICS) return 'woven_fabric';
  if (joined === `${FABRICS}, ch60`) return 'fabric';
  if (joined === FABRICS.replace('h5407, h5408', 'h5407..h5408')) return 'woven_fabric';
  return items.map((i) => i.replace('..', '_').replace(/h(\d{4})_h(\d{4})/, 'h$1_$2')).join('_');
}

const PROCESSES: Record<string, { id: string; en: string }> = {
  'xe sợi': { id: 'spun', en: 'spun' },
  'xe sợi hoặc nhuộm hoặc in': { id: 'spun_dyed_printed', en: 'spun or dyed or printed' },
  'chải kỹ hoặc chải thô': { id: 'combed_carded', en: 'combed or carded' },
  'dệt thoi': { id: 'woven', en: 'woven' },
  'dệt thoi, hoặc dệt kim hoặc móc': { id: 'woven_knitted', en: 'woven, or knitted or crocheted' },
  'dệt kim hoặc móc': { id: 'knitted', en: 'knitted or crocheted' },
};
const NOTE1 = ' (Note 1 to Section XI: in Chapters 50-55 and 60 dyeing or printing must be accompanied by at least two of the 48 finishing operations listed there)';

function processCondition(itemsText: string, proc: string, where: string, chapter: string): string {
  if (!/ASEAN/.test(where)) throw new Error(`unexpected place in textile condition: "${where}"`);
  const p = PROCESSES[proc];
  if (!p) throw new Error(`unknown textile process "${proc}"`);
  const items = selectorList(itemsText);
  const note = /dyed|printed/.test(p.en) && NOTE1_CHAPTERS.has(chapter) ? NOTE1 : '';
  const text = `every non-originating material of ${listInWords(items)} used was ${p.en} entirely in a Party (Japan or Viet Nam) or in an ASEAN Member State${note}`;
  return `Declared(vjepa_s11_${materialSetId(items)}_${p.id}, "${text}")`;
}

const TEXTILE =
  /^(CC|CTH)(?:,? ngoại trừ từ nhóm (.+?))?,? với điều kiện khi sử dụng nguyên liệu (?:không có xuất xứ )?(?:thuộc từ các|thuộc từ|của từ|của|từ) (nhóm .+?), các nguyên liệu này (?:phải được|được) (.+?) toàn bộ tại ([^;]+?)(?:; hoặc Không yêu cầu chuyển đổi mã số hàng hóa, với điều kiện hàng ho[áa] (?:phải được|được) nhuộm hoặc in (?:toàn bộ|hoàn toàn) và nguyên liệu không có xuất xứ (?:thuộc từ|thuộc|của) (nhóm .+?|chương 60) (?:phải được|được) (.+?) toàn bộ tại ([^;]+?))?\.?$/;

/** A Section XI criterion with a process condition → expression, or undefined when the text is not of that form. */
function textileCriterion(text: string, chapter: string): string | undefined {
  const m = text.match(TEXTILE);
  if (!m) return undefined;
  const [, base, except, materials, proc, where, noShiftMaterials, proc2, where2] = m;
  const first = `${base}${except ? `(except: ${sel(selectorList(except))})` : ''} and ${processCondition(materials!, proc!, where!, chapter)}`;
  if (!noShiftMaterials) return first;
  const dyed = `Declared(vjepa_s11_good_dyed_printed, "the good is entirely dyed or printed in the Party${NOTE1_CHAPTERS.has(chapter) ? NOTE1 : ''}")`;
  return `${first} or (AnyHeading and ${dyed} and ${processCondition(noShiftMaterials, proc2!, where2!, chapter)})`;
}

/** A criterion as printed → its parts (one, or several "ex" parts) with expressions. */
export function translate(text: string, chapter: string): { parts: Part[]; note?: string } {
  const o = OVERRIDES[text];
  if (o) return { parts: o.parts, note: o.note };
  const textile = textileCriterion(text, chapter);
  if (textile)
    return {
      parts: [{ ex: '', rule: textile }],
      note: 'Section XI rule: the condition on where non-originating yarns or fabrics were spun, dyed, printed, carded, woven or knitted (in Japan, Viet Nam or an ASEAN Member State, whoever did it) cannot be read from a bill of materials, so it is a declaration. Note 2 to Section XI (Chapters 61-63: the rule applies only to the component that determines the classification) is handled by the tolerance settings in agreement.json.',
    };
  // Alternatives are joined by " hoặc " before an abbreviation; other "hoặc" are inside exception lists.
  const alts = text.split(/ hoặc (?=(?:LVC|CC|CTH|CTSH|WO)\b)/);
  return { parts: [{ ex: '', rule: alts.map(simpleAlternative).join(' or ') }] };
}

interface Scope {
  scope: string;
  shown: string;
  note?: string;
}
function scopeOf(code: string): Scope {
  let m: RegExpMatchArray | null;
  if ((m = code.match(/^Chương (\d+)$/))) return { scope: m[1]!.padStart(2, '0'), shown: `Chương ${m[1]}` };
  if ((m = code.match(/^(\d\d)\.(\d\d)$/))) return { scope: `${m[1]}${m[2]}`, shown: code };
  if ((m = code.match(/^(\d\d)\.(\d\d) (\d{4})\.(\d\d)$/))) {
    if (m[3] !== `${m[1]}${m[2]}`) throw new Error(`heading and subheading disagree: ${code}`);
    if (m[4] === '00') return { scope: m[3]!, shown: code };
    return {
      scope: `${m[3]}${m[4]}`,
      shown: code,
      note: `Printed as "${code}" with the description of the whole heading: the row covers subheading ${m[3]}.${m[4]} only; the other subheadings of the heading are not listed and follow the general rule.`,
    };
  }
  if ((m = code.match(/^(\d{4})\.(\d\d)$/))) return m[2] === '00' ? { scope: m[1]!, shown: code } : { scope: `${m[1]}${m[2]}`, shown: code };
  throw new Error(`bad code "${code}"`);
}

function main(): void {
  const desc = hsDescriptions('HS2012');
  const rows: PsrRow[] = [];
  const texts = new Map<string, { rules: string[]; count: number; inferred: number }>();
  const printed = new Map<string, { text: string; offset: number }>();
  const inferred: string[] = [];
  const captions: string[] = [];
  const seen = new Set<string>();
  for (const { offset, parts, line } of readTranscript(TRANSCRIPT)) {
    const [codePart, textPart] = parts;
    if (!codePart || textPart === undefined || offset < 0) throw new Error(`malformed transcript line: ${line}`);
    const code = codePart.trim();
    if (textPart === '-') {
      captions.push(code);
      continue;
    }
    const sc = scopeOf(code);
    let text: string;
    let rowOffset = offset;
    let inferredFrom: string | undefined;
    if (textPart.startsWith('^')) {
      inferredFrom = textPart.slice(1).trim();
      const src = printed.get(inferredFrom);
      if (!src) throw new Error(`row ${code} refers to ${inferredFrom}, which has no printed criterion above it`);
      text = src.text;
      inferred.push(`${code} ← ${inferredFrom}`);
    } else {
      text = normalise(textPart);
      printed.set(code.split(' ')[0]!, { text, offset: rowOffset });
    }
    const chapter = sc.scope.slice(0, 2);
    const t = translate(text, chapter);
    for (const p of t.parts) {
      const parsed = parseRuleExpression(p.rule);
      if (!parsed.success) throw new Error(`expression for "${text}" does not parse: ${parsed.issue.message}\n${p.rule}`);
    }
    if (seen.has(sc.scope)) throw new Error(`scope ${sc.scope} listed twice`);
    seen.add(sc.scope);
    const entry = texts.get(text) ?? { rules: t.parts.map((p) => (p.ex ? `[${p.ex}] ${p.rule}` : p.rule)), count: 0, inferred: 0 };
    entry.count++;
    if (inferredFrom) entry.inferred++;
    texts.set(text, entry);
    const notes = [
      sc.note,
      t.note,
      inferredFrom
        ? `No criterion is printed at this row: the table prints one criterion for the block of rows from ${inferredFrom} (a merged cell, lost in the text extraction), and this row is given that criterion. Inferred from the layout, not read at the row.`
        : undefined,
    ].filter(Boolean);
    t.parts.forEach((p, i) => {
      rows.push({
        id: t.parts.length > 1 ? `${sc.scope}.${i + 1}` : sc.scope,
        scope: sc.scope,
        ...(p.ex ? { ex: p.ex } : {}),
        description: p.ex || desc.get(sc.scope) || '',
        rule: p.rule,
        text,
        cite: {
          source: SOURCE_ID,
          ref: `Phụ lục 2, ${sc.shown}${inferredFrom ? ` (criterion printed at ${inferredFrom})` : ''}, ${SOURCE_FILE}, characters ${rowOffset}-${rowOffset + WINDOW}`,
        },
        ...(notes.length ? { note: notes.join(' ') } : {}),
      });
    });
  }
  const psr = { $schema: '../../docs/schema/psr.schema.json', agreement: 'vjepa', hsVersion: 'HS2007', rows, gaps: [] };
  writeFileSync(join(dir, 'psr.json'), `${JSON.stringify(psr, null, 2)}\n`);
  const scopes = new Set(rows.map((r) => r.scope));
  const byLevel = { chapter: 0, heading: 0, subheading: 0 };
  for (const s of scopes) byLevel[s.length === 2 ? 'chapter' : s.length === 4 ? 'heading' : 'subheading']++;
  const esc = (s: string): string => s.replace(/\|/g, '\\|');
  const report = [
    '# VJEPA PSR import report',
    '',
    `Generated by \`rules/tools/import-vjepa.ts\` from \`source/psr.transcript.txt\` (Phụ lục 2 of Circular 10/2009/TT-BCT, HS 2007).`,
    '',
    `- Rows in psr.json: ${rows.length} (${scopes.size} scopes: ${byLevel.chapter} chapters, ${byLevel.heading} headings, ${byLevel.subheading} subheadings; ${rows.length - scopes.size} extra rows from "ex" splits).`,
    `- Distinct criteria: ${texts.size}.`,
    `- Caption rows printed without a rule and followed by their subdivisions (not encoded): ${captions.length}.`,
    `- Rows whose criterion is inferred from a merged cell (criterion printed once for the block): ${inferred.length}: ${inferred.join('; ')}.`,
    '- Gaps: none. Every printed row has a rule; goods the list does not name follow the general rule of Article 4(1) of Phụ lục 1 (agreement.json `generalRule`).',
    '- Descriptions: HS 2012 texts of the same code (UNSD classificationH4.json) or, for "ex" rows, the part named by the criterion; HS 2007 descriptions are not in ../shared. A code whose scope changed between HS 2007 and HS 2012 may show a description that is slightly off; the code is what counts.',
    '',
    '## Readings',
    '',
    '- "LVC 40%" is defined in note 1(a) of Phụ lục 2 as the local value content of Article 5(1) of Phụ lục 1, (FOB − VNM)/FOB × 100 %, at least 40 %, with the last production process in a Party: `RVC(40% FOB)` (agreement.json `rvc`: build_down).',
    '- CC, CTH, CTSH, WO as defined in note 1(b)-(đ). "CC ngoại trừ từ Chương 3" = `CC(except: ch03)`; "CTH ngoại trừ từ nhóm 17.02" = `CTH(except: h1702)`; ranges "A - B" and "A đến B" = `hA..hB`.',
    '- "A hoặc B" between two criteria is the exporter\'s choice (Article 4(2) of Phụ lục 1): `A or B`. "hoặc" inside an exception list joins list items.',
    '- Section XI (Chapters 50-63): the criteria require that non-originating yarns, fibres or fabrics of named headings were spun, dyed or printed, carded or combed, woven, or knitted "toàn bộ tại một nước thành viên hoặc tại một nước ASEAN" (entirely in a Party or an ASEAN country). That is a fact about where a material was processed, by whoever; it is not the producer\'s own operation, so it is encoded as `Declared(vjepa_s11_<materials>_<process>, "…")`, not `Process(…)`. The alternative "Không yêu cầu chuyển đổi mã số hàng hóa, với điều kiện hàng hoá phải được nhuộm hoặc in toàn bộ …" (no change of classification required, provided the good is entirely dyed or printed and the non-originating fabric was woven/knitted in a Party or ASEAN) is `AnyHeading and Declared(vjepa_s11_good_dyed_printed, …) and Declared(…)`. Note 1 to Section XI (dyeing or printing in Chapters 50-55 and 60 must come with at least two of 48 listed finishing operations) is quoted in the declaration texts. Note 2 (Chapters 61-63: the rule binds only the component that determines the classification) cannot be evaluated from a bill of materials; agreement.json lists Chapters 61-63 under `tolerance.unknownToleranceChapters`, so a failure there is undetermined, never not originating. The various wordings of the place ("tại một nước thành viên hoặc tại một nước ASEAN", "tại ít nhất một trong những nước thành viên, hoặc tại một nước ASEAN", "… một nước thành viên ASEAN") are all rendered "in a Party (Japan or Viet Nam) or in an ASEAN Member State"; the verbatim text is in each row.',
    '',
    '## Merged cells (Section XI)',
    '',
    '- In the text file the table is flattened to one row per line; a criterion that the printed table gives once for a block of headings (a merged cell) appears only at the first heading of the block, and the other headings of the block are printed without any criterion. Those headings are given the criterion of the head of the block (transcript lines `<code> :: ^<code2>`, row notes say so). Evidence: the criteria name their own block (51.06 "CTH ngoại trừ từ nhóm 51.06 - 51.10", 52.04 "… 52.04 - 52.07", 55.08 "… 55.08 - 55.11", 55.12 "… 55.12 - 55.16", …), the criteria of 55.01 and 62.01 are printed twice (the cell text repeated), and the blocks match the grouped cells of the AJCEP list in the same repository (layout-preserving conversion of Circular 37/2022). One block is less certain: 56.02-56.03 take the 56.01 criterion, whereas the AJCEP conversion shows a separate criterion for 56.03 ("CC ngoại trừ từ nhóm 55.08 đến nhóm 55.16"), possibly a column-merge artefact there. The inference is recorded in agreement.json `limitations` (chapters 51-56, 59, 62, 63).',
    '',
    '## Every distinct criterion',
    '',
    '| rows | of which inferred | criterion (verbatim) | expression |',
    '|---|---|---|---|',
    ...[...texts].map(([text, e]) => `| ${e.count} | ${e.inferred} | ${esc(text)} | ${e.rules.map((r) => `\`${esc(r)}\``).join('<br>')} |`),
    '',
  ].join('\n');
  writeFileSync(join(dir, 'import-report.md'), report);
  console.log(`psr.json: ${rows.length} rows (${scopes.size} scopes); ${texts.size} distinct criteria; ${inferred.length} inferred; ${captions.length} captions`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
