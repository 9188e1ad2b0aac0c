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
import type { MaterialSelector, RuleNode } from '../../src/rules/ast.js';
import { formatRuleExpression } from '../../src/rules/formatRuleExpression.js';
import { parseRuleExpression } from '../../src/rules/parseRuleExpression.js';
import type { PsrRow } from '../../src/rules/schema.js';
import { ROOT, SHARED, finishImport, percentsOf, problemsSection } from './kit.js';

const DIR = join(ROOT, 'rules/vkfta');
const TRANSCRIPTS = ['annex3a-part1.transcript.txt', 'annex3a-part2.transcript.txt', 'annex3a-part3.transcript.txt'].map((f) => join(DIR, 'source', f));
const HS2012_JSON = join(SHARED, 'data/hs-correlation-unsd/classification-json/classificationH4.json');
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

export interface Translation {
  /** One entry per row to write: without `ex` for a plain rule, one per part for a split rule. */
  readonly parts: readonly { readonly ex?: string; readonly rule: string }[];
  readonly note?: string;
  readonly how: 'grammar' | 'override';
}

/** An annex rule text → expression(s). */
export function translate(text: string): Translation {
  const o = OVERRIDES[text];
  if (o) return { parts: [{ rule: o.rule }], note: o.note, how: 'override' };
  const split = text.match(PART);
  if (split) {
    const [, exA = '', ruleA = '', exB = '', ruleB = ''] = split;
    return { parts: [{ ex: `A. ${exA}`, rule: ruleOf(ruleA) }, { ex: `B. ${exB}`, rule: ruleOf(ruleB) }], note: TEXT_NOTES[text] ?? SPLIT_NOTE, how: 'grammar' };
  }
  const note = TEXT_NOTES[text];
  return { parts: [{ rule: ruleOf(text) }], ...(note ? { note } : {}), how: 'grammar' };
}

/** Percentages a rule text states: "RVC(40)", "60%". */
function textPercents(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/RVC\((\d+(?:\.\d+)?)\)/g)) out.add(String(Number(m[1])));
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)\s*%/g)) out.add(String(Number(m[1])));
  return out;
}

function selectorsOf(node: RuleNode, out: MaterialSelector[] = []): MaterialSelector[] {
  if (node.kind === 'any_of' || node.kind === 'all_of') node.of.forEach((n) => selectorsOf(n, out));
  else {
    for (const key of ['except', 'allow', 'materials', 'relativeTo'] as const) {
      const s = (node as Partial<Record<typeof key, MaterialSelector>>)[key];
      if (s) out.push(s);
    }
  }
  return out;
}

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
      let heading = '';
      const codes = line
        .slice(0, sep)
        .trim()
        .split(/\s+/)
        .map((tok) => {
          if (/^\d{4}\.\d\d$/.test(tok)) {
            heading = tok.slice(0, 4);
            return { code: heading + tok.slice(5), shown: tok };
          }
          if (/^\.\d\d$/.test(tok) && heading) return { code: heading + tok.slice(1), shown: `${heading}${tok}` };
          throw new Error(`${file}: bad code token "${tok}" in: ${line}`);
        });
      lines.push({ file, offset, codes, text });
    }
  }
  return lines;
}

function main(): void {
  const hs = JSON.parse(readFileSync(HS2012_JSON, 'utf8')) as { results: { id: string; text: string }[] };
  const desc = new Map(hs.results.map((r) => [r.id, r.text.replace(/^\d+ - /, '')]));
  const subheadings = new Set(hs.results.map((r) => r.id).filter((id) => /^\d{6}$/.test(id) && id !== '999999'));
  const knownCode = (c: string) => (c.length === 2 || c.length === 4 ? desc.has(c) : subheadings.has(c));
  const problems: string[] = [];

  const lines = readTranscripts();
  const rows: PsrRow[] = [];
  const texts = new Map<string, Translation & { count: number; example: string }>();
  const seen = new Set<string>();
  let previous = '';

  for (const line of lines) {
    let entry = texts.get(line.text);
    if (!entry) {
      const t = translate(line.text);
      for (const p of t.parts) {
        const parsed = parseRuleExpression(p.rule);
        if (!parsed.success) throw new Error(`expression for "${line.text}" does not parse: ${parsed.issue.message}`);
        if (formatRuleExpression(parsed.rule) !== p.rule) throw new Error(`expression "${p.rule}" is not in canonical form: ${formatRuleExpression(parsed.rule)}`);
        for (const sel of selectorsOf(parsed.rule))
          for (const item of sel)
            if (item.type === 'hs') for (const c of new Set([item.from, item.to])) if (!knownCode(c)) throw new Error(`"${line.text}": ${c} is not an HS 2012 code`);
      }
      // Every percentage of the text is in an expression, and no expression states one the text does not.
      const inText = textPercents(line.text);
      const inRule = new Set<string>();
      for (const p of t.parts) {
        const parsed = parseRuleExpression(p.rule);
        if (parsed.success) percentsOf(parsed.rule, inRule);
      }
      for (const x of inText) if (!inRule.has(x)) problems.push(`"${line.text}": ${x}% of the text is missing from the expression`);
      for (const x of inRule) if (!inText.has(x)) problems.push(`"${line.text}": ${x}% of the expression is not in the text`);
      entry = { ...t, count: 0, example: line.codes[0]?.shown ?? '' };
      texts.set(line.text, entry);
    }
    for (const { code, shown } of line.codes) {
      if (seen.has(code)) throw new Error(`code ${shown} listed twice`);
      if (!subheadings.has(code)) throw new Error(`code ${shown} is not an HS 2012 subheading`);
      if (code <= previous) throw new Error(`code ${shown} is out of annex order (after ${previous})`);
      seen.add(code);
      previous = code;
      entry.count++;
      const cite = { source: SOURCE_ID, ref: `Annex 3-A row ${shown}; ${SOURCE_FILE}, characters ${line.offset}-${line.offset + WINDOW}` };
      entry.parts.forEach((p, i) => {
        rows.push({
          id: p.ex === undefined ? code : `${code}.${i + 1}`,
          scope: code,
          ...(p.ex !== undefined ? { ex: p.ex } : {}),
          description: desc.get(code) ?? '',
          rule: p.rule,
          text: line.text,
          cite,
          ...(entry.note ? { note: entry.note } : {}),
        });
      });
    }
  }

  // Completeness: the annex lists every HS 2012 subheading exactly once.
  if (seen.size !== EXPECTED_CODES) problems.push(`${seen.size} codes read, ${EXPECTED_CODES} expected`);
  const missing = [...subheadings].filter((c) => !seen.has(c));
  if (missing.length) problems.push(`HS 2012 subheadings without a row: ${missing.join(', ')}`);
  // Every override and note was used.
  for (const k of [...Object.keys(OVERRIDES), ...Object.keys(TEXT_NOTES)]) if (!texts.has(k)) problems.push(`override or note for a text that does not occur: "${k}"`);

  const psr = { $schema: '../../docs/schema/psr.schema.json', agreement: 'vkfta', hsVersion: 'HS2012', rows, gaps: [] };
  if (!problems.length) writeFileSync(join(DIR, 'psr-40-2015.json'), `${JSON.stringify(psr, null, 2)}\n`);

  const byChapter = new Map<string, { rows: number; codes: number }>();
  for (const c of seen) {
    const e = byChapter.get(c.slice(0, 2)) ?? { rows: 0, codes: 0 };
    e.codes++;
    byChapter.set(c.slice(0, 2), e);
  }
  for (const r of rows) byChapter.get(r.scope.slice(0, 2))!.rows++;
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const sorted = [...texts].sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1));
  const overrides = sorted.filter(([, e]) => e.how === 'override');
  const report = [
    '# VKFTA earlier list (Circular 40/2015/TT-BCT Annex II = Annex 3-A as signed, HS 2012): import report',
    '',
    `Generated by \`rules/tools/import-vkfta-40-2015.ts\` from \`source/annex3a-part1..3.transcript.txt\`; applies to shipments from 20 December 2015 to 31 July 2022 (agreement.json \`psrEditions\`).`,
    '',
    `- Annex rows read: ${seen.size} (every HS 2012 subheading once: ${missing.length === 0 && seen.size === EXPECTED_CODES ? 'yes' : 'NO'}).`,
    `- Rows written to psr-40-2015.json: ${rows.length} (${rows.filter((r) => r.ex !== undefined).length} of them "ex" rows: ${rows.filter((r) => r.ex !== undefined).length / 2} split subheadings with two parts each).`,
    `- Distinct rule texts: ${texts.size}; translated by the grammar: ${texts.size - overrides.length}; by hand (overrides): ${overrides.length}.`,
    `- Problems: ${problems.length}.`,
    '',
    '## Rule texts',
    '',
    'Rows = annex rows carrying the text. The text is verbatim as transcribed.',
    '',
    '| annex rows | first row | annex rule text | expression | how |',
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
    'annex codes / rows written:',
    '',
    [...byChapter].map(([ch, e]) => `${ch}:${e.codes}/${e.rows}`).join(' '),
    '',
    ...problemsSection(problems),
  ].join('\n');
  finishImport(DIR, report, problems, [4, 8], 'import-report-40-2015.md');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
