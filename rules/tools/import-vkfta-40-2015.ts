/**
 * Maintainer tool: turns the three hand transcripts of the Viet Nam – Korea FTA
 * product specific rules (Annex 3-A as signed, HS 2012; Annex II of Circular
 * 40/2015/TT-BCT until Circular 09/2022/TT-BCT replaced it on 1 August 2022) into
 * the earlier list `rules/vkfta/psr-40-2015.json` (agreement.json `psrEditions`),
 * with a report of every distinct rule text and its expression
 * (`rules/vkfta/import-report-40-2015.md`).
 *
 *   npx tsx rules/tools/import-vkfta-40-2015.ts          (descriptions from ../shared)
 *   SHARED_DIR=/path npx tsx rules/tools/import-vkfta-40-2015.ts
 *
 * Input: `rules/vkfta/source/annex3a-part{1,2,3}.transcript.txt`, one line per run
 * of consecutive annex rows that carry the same rule, in annex order:
 *   "0101.21 .29 .30 :: WO"   (".29" continues heading 0101; "0205.00" is a heading without subheadings)
 *   "@ 16000"                 (the rows below begin in the read window starting at that offset)
 * The transcripts were made by hand from the Markdown copy of the annex named in
 * their headers (three transcribers, by window ranges); see rules/vkfta/README.md.
 *
 * Each rule text is structured by a small grammar that covers the annex's
 * abbreviations (headnote para 7: WO, CC, CTH, CTSH, RVC(XX)), "…, except from
 * <Chapter|Heading|Subheading> …", "…, provided that the materials of/from … are
 * WO", "…, provided that the value of non-originating materials of … does not
 * exceed X% of the FOB value of the good", and rules split by product
 * ("A. …: … B. …: …", one "ex" row per part). Five texts the grammar does not
 * cover carry a hand translation below. Nothing is guessed: a text neither the
 * grammar nor the overrides cover, an HS code in a rule that is not an HS 2012
 * code, or a percentage of the text missing from its expression stops the import.
 *
 * Every annex row is written, the clothing headings 61.01–61.17, 62.01–62.12 and
 * 62.15–62.17 included: their 2015 rule applied until Circular 09/2022/TT-BCT
 * changed it, and this list only answers shipments before that date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PsrRow } from '../../src/rules/schema.js';
import { ROOT, finishImport, hsDescriptions, problemsSection } from './kit.js';
import { type Translation, codeRun, collectRows, criterionReport, translateWith } from './import-vkfta.js';

const DIR = join(ROOT, 'rules/vkfta');
const TRANSCRIPTS = ['annex3a-part1.transcript.txt', 'annex3a-part2.transcript.txt', 'annex3a-part3.transcript.txt'].map((f) => join(DIR, 'source', f));
const SOURCE_FILE = 'data/tax_legal/tax_database/03_Customs/Circulars/FTA/9. Vietnam - Han Quoc/Annex 3/Annex 3/Doc_Undated_ANNEX_3_A.md';
const SOURCE_ID = 'vkfta-annex3a';
const WINDOW = 16000;
/** The annex has 5,205 rows: every HS 2012 subheading (Comtrade's 999999 pseudo-code aside). */
const EXPECTED_CODES = 5205;

const CUT_AND_SEWN = 'CC, provided that the good is both cut and sewn in the territory of any Party; or RVC(40)';


const MILK_DECLARATION =
  'Declared(vkfta_milk_non_party_weight, "the good does not contain materials of or from milk imported from a non-Party over 50% by weight of the total raw material of or from milk")';
const MILK_NOTE =
  "The proviso weighs milk materials imported from a non-Party against all raw material of or from milk. The rule language weighs non-originating materials against the product or a tagged set (Weight(...)), and 'imported from a non-Party' is not the same set as 'non-originating', so the proviso is a declaration. It is read as qualifying CTH only, as in 0406.30, where '; or RVC(45)' separates the alternatives.";

/** Hand translations of the rule texts the grammar does not cover (or must not read literally). */
export const OVERRIDES: Record<string, { rule: string; note: string }> = {
  'CTH, provided that products of Heading 04.03 do not contain materials of / from milk imported from a non-Party over 50% by weight of the total raw material of / from milk or RVC(45)': {
    rule: `CTH and ${MILK_DECLARATION} or RVC(45% FOB)`,
    note: `${MILK_NOTE} The 04.03 rows print no semicolon before 'or RVC(45)'.`,
  },
  'CTH, provided that products of Subheading 0406.30 do not contain materials of / from milk imported from a non-Party over 50% by weight of the total raw material of / from milk;or RVC(45)': {
    rule: `CTH and ${MILK_DECLARATION} or RVC(45% FOB)`,
    note: `${MILK_NOTE} Printed ';or' without a space.`,
  },
  'CTH; or RVC(40), provided that materials of Subheading 1211.20, 1212.20 and 1302.19 are WO': {
    rule: 'CTH or RVC(40% FOB) and WOMaterials([sh121120, sh121221, sh121229, sh130219])',
    note: "1212.20 (seaweeds and other algae) is an HS 2007 subheading that does not exist in HS 2012, the basis of the annex: HS 2012 split it into 1212.21 and 1212.29 (UNSD correlation HS 2017 -> HS 2007 maps both to 1212.20, and both are 1:1 with HS 2012), so the proviso names those two. The semicolon makes the proviso qualify RVC(40) only.",
  },
  'CTH; or Printing or dyeing accompanied by at least two preparatory or finishing operations; or RVC(40)': {
    rule: 'CTH or Process(printing) or Process(dyeing) and Declared(vkfta_dyeing_two_operations, "the dyeing was accompanied by at least two preparatory or finishing operations") or RVC(40% FOB)',
    note: "'Accompanied by at least two preparatory or finishing operations' is read as qualifying both printing and dyeing. The process catalogue's 'printing' is printing with at least two preparatory or finishing operations; 'dyeing' has no such variant, so for dyeing the two operations are a declaration. Both processes are met when the producer declares them among its operations.",
  },
  [CUT_AND_SEWN]: {
    rule: 'CC and Process(cutting_sewing) or RVC(40% FOB)',
    note: "'Both cut and sewn in the territory of any Party' is the catalogue process cutting_sewing, met when it is declared among the operations; declare it when both cutting and sewing took place in Viet Nam or Korea. Applies until 31 July 2022: Circular 09/2022/TT-BCT changed the rule for every heading that carries this text.",
  },
};

/** Notes for texts the grammar covers but that are printed irregularly (kept verbatim). */
export const TEXT_NOTES: Record<string, string> = {
  'CTH, provided that materials from Chapters 1, 2 and 5 are WO; or RVC(40) , provided that materials from Chapters 1, 2 and 5 are WO':
    "Printed with a space before the comma after 'RVC(40)'; otherwise the text of 1602.20 and 1602.31, and translated the same.",
  'CTH, provided that the materials of Subheading 1211.20 and 1302.19 are WO or RVC(40), provided that the materials of Subheading 1211.20 and 1302.19 are WO':
    "Printed without a semicolon before 'or RVC(40)'. Each alternative carries its own proviso, as in the rows that print '; or', so the two are read as separate alternatives.",
  'CTH, provided that the value of non-originating materials of Heading 24.03 does not exceed 60% of the FOB value of the good.': 'The text ends with a full stop as printed.',
  'CTH or RVC(50)': 'Printed as RVC(50) for 8907.10 only (8907.90 and the other vessels read RVC(40)); kept as printed, see README open questions.',
};

const PART = /^A\.\s*(.+?)\s*:\s*(.+?),?\s+B\.\s*(.+?)\s*:\s*(.+)$/;
const SPLIT_NOTE = 'The annex splits the rule for this subheading by product (parts A and B): one "ex" row per part, and the caller chooses which part the product is.';

/** "Chapter 12", "Chapters 1, 2 and 5", "Heading 04.09 and 17.02", "Heading 50.04 through 50.05", "Subheading 8410.12 and 8410.13" → selector. */
export function selectorOf(list: string): string {
  const m = list.match(/^(Chapters?|Headings?|Subheadings?) (.+)$/);
  if (!m) throw new Error(`unreadable HS list "${list}"`);
  const kind = (m[1] ?? '').replace(/s$/, '');
  const item = (x: string): string => {
    if (kind === 'Chapter' && /^\d{1,2}$/.test(x)) return `ch${x.padStart(2, '0')}`;
    if (kind === 'Heading' && /^\d\d\.\d\d$/.test(x)) return `h${x.replace('.', '')}`;
    if (kind === 'Subheading' && /^\d{4}\.\d\d$/.test(x)) return `sh${x.replace('.', '')}`;
    throw new Error(`"${x}" is not a ${kind.toLowerCase()} code in "${list}"`);
  };
  const out = (m[2] ?? '').split(/,\s*|\s+and\s+/).map((part) => {
    const r = part.trim().split(/\s+through\s+/);
    if (r.length === 2) return `${item(r[0] ?? '')}..${item(r[1] ?? '')}`;
    return item(part.trim());
  });
  return out.length === 1 ? (out[0] ?? '') : `[${out.join(', ')}]`;
}

function proviso(p: string): string {
  let m: RegExpMatchArray | null;
  if ((m = p.match(/^(?:the )?materials (?:from|of) (.+) are (?:WO|wholly obtained)$/))) return `WOMaterials(${selectorOf(m[1] ?? '')})`;
  if ((m = p.match(/^the value of non-originating materials of (.+) does not exceed (\d+(?:\.\d+)?)% of the FOB value of the good$/)))
    return `MaxNOM(${m[2]}% FOB, of: ${selectorOf(m[1] ?? '')})`;
  throw new Error(`proviso not covered by the grammar: "${p}"`);
}

function alternative(alt: string): string {
  const m = alt.match(/^(WO|CC|CTH|CTSH|RVC\((\d+(?:\.\d+)?)\))(?:, except from (.+?))?(?:, provided that (.+))?$/);
  if (!m) throw new Error(`rule not covered by the grammar: "${alt}"`);
  const [, base = '', rvc, except, provided] = m;
  if (except && (rvc || base === 'WO')) throw new Error(`an exception needs a change of classification: "${alt}"`);
  let out = rvc ? `RVC(${rvc}% FOB)` : base;
  if (except) out += `(except: ${selectorOf(except)})`;
  if (provided) out += ` and ${proviso(provided)}`;
  return out;
}

/** One rule (no A/B parts) → expression. Alternatives are joined by "or", "; or" or ", or" before a criterion. */
function ruleOf(text: string): string {
  const s = text
    .replace(/\s+,/g, ',')
    .replace(/;or\b/g, '; or')
    .replace(/\.$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return s
    .split(/\s*;\s*or\s+|,?\s+or\s+(?=(?:WO|CC|CTH|CTSH)\b|RVC\()/)
    .map((a) => alternative(a.trim()))
    .join(' or ');
}

/** An annex rule text → expression(s), by the shared reader of import-vkfta.ts with this annex's English grammar. */
export const translate = (text: string): Translation => translateWith({ overrides: OVERRIDES, notes: TEXT_NOTES, part: PART, splitNote: SPLIT_NOTE, ruleOf }, text);

interface Line {
  file: string;
  offset: number;
  codes: { code: string; shown: string }[];
  text: string;
}

function readTranscripts(): Line[] {
  const lines: Line[] = [];
  for (const path of TRANSCRIPTS) {
    const file = path.slice(ROOT.length + 1);
    let offset = -1;
    for (const raw of readFileSync(path, 'utf8').split('\n')) {
      const line = raw.trim();
      if (!line || line.startsWith('#')) continue;
      if (line.startsWith('@')) {
        const next = Number(line.slice(1).trim());
        if (!Number.isInteger(next) || next % WINDOW !== 0 || next <= offset) throw new Error(`${file}: bad window marker "${line}"`);
        offset = next;
        continue;
      }
      const sep = line.indexOf(' :: ');
      if (sep < 0 || offset < 0) throw new Error(`${file}: malformed transcript line: ${line}`);
      const text = line.slice(sep + 4).trim();
      const codes = codeRun(line.slice(0, sep), `${file}: ${line}`);
      lines.push({ file, offset, codes, text });
    }
  }
  return lines;
}

function main(): void {
  const desc = hsDescriptions('HS2012');
  const problems: string[] = [];

  const lines = readTranscripts();
  const { rows, texts, seen, complete } = collectRows(
    lines,
    {
      translate,
      desc,
      hs: 'HS 2012',
      expected: EXPECTED_CODES,
      handled: [...Object.keys(OVERRIDES), ...Object.keys(TEXT_NOTES)],
      cite: (line, shown) => ({ source: SOURCE_ID, ref: `Annex 3-A row ${shown}; ${SOURCE_FILE}, characters ${line.offset}-${line.offset + WINDOW}` }),
      note: (entryNote) => entryNote,
    },
    problems,
  );

  const psr = { $schema: '../../docs/schema/psr.schema.json', agreement: 'vkfta', hsVersion: 'HS2012', rows, gaps: [] };
  if (!problems.length) writeFileSync(join(DIR, 'psr-40-2015.json'), `${JSON.stringify(psr, null, 2)}\n`);

  const tables = criterionReport(texts, seen, rows, {
    rows: 'annex rows',
    text: 'annex rule text',
    intro: 'Rows = annex rows carrying the text. The text is verbatim as transcribed.',
    codes: 'annex codes',
  });
  const report = [
    '# VKFTA earlier list (Circular 40/2015/TT-BCT Annex II = Annex 3-A as signed, HS 2012): import report',
    '',
    `Generated by \`rules/tools/import-vkfta-40-2015.ts\` from \`source/annex3a-part1..3.transcript.txt\`; applies to shipments from 20 December 2015 to 31 July 2022 (agreement.json \`psrEditions\`).`,
    '',
    `- Annex rows read: ${seen.size} (every HS 2012 subheading once: ${complete ? 'yes' : 'NO'}).`,
    `- Rows written to psr-40-2015.json: ${rows.length} (${rows.filter((r) => r.ex !== undefined).length} of them "ex" rows: ${rows.filter((r) => r.ex !== undefined).length / 2} split subheadings with two parts each).`,
    `- Distinct rule texts: ${texts.size}; translated by the grammar: ${texts.size - tables.overrides}; by hand (overrides): ${tables.overrides}.`,
    `- Problems: ${problems.length}.`,
    '',
    '## Rule texts',
    '',
    ...tables.lines,
    ...problemsSection(problems),
  ].join('\n');
  finishImport(DIR, report, problems, [4, 8], 'import-report-40-2015.md');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
