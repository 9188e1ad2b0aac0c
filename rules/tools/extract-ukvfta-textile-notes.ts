/**
 * Maintainer tool: finds which textile rows of the UK–Viet Nam list refer to the textile tolerances of
 * Annex I Notes 6 and 7, and writes `rules/ukvfta/textile-notes.json`.
 *
 *   npx tsx rules/tools/extract-ukvfta-textile-notes.ts            (reads ../shared/data/uk-tariff-roo)
 *   npx tsx rules/tools/extract-ukvfta-textile-notes.ts --check    (exit 1 if the file would change)
 *   SHARED_DIR=/path npx tsx rules/tools/extract-ukvfta-textile-notes.ts
 *
 * Source: the Viet Nam Origin Reference Document v1.1, Annex II (the list). In the ODT, footnote markers are
 * superscript runs glued to the end of a rule line ("…accompanied by spinning.³", "…weaving³; or",
 * "…47,5 % of the ex-works price of the product.³˒ ⁵"). The footnote texts follow the last Annex II table;
 * each one that says "see Note 6 / Note 7 of Annex I" becomes `note6` / `note7`. Only superscript runs made of
 * digits and commas count as markers; "m³"-style unit exponents and digits inside the plain text are not
 * markers, and plain-text digits glued to a rule line are reported instead of guessed at.
 *
 * Each Annex II entry of Chapters 50–63 (heading row, or "–" indent below it) is matched to our
 * `psr.json` rows by three keys, all of which must agree: the row's HS scope overlaps the entry's headings; the
 * row's own Annex II heading (from `cite.ref`, checked against the rule set in the tariff data) lies within
 * the entry's headings; and the row's rule text is the entry's rule text (token similarity, clear of any rival
 * entry). An entry with markers that no row takes goes to `unmatched`, with the reason; nothing is guessed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const shared = resolve(process.env.SHARED_DIR ?? join(root, '../shared'));
const ORD_PATH = 'data/uk-tariff-roo/ott-prototype/app/assets/downloads/roo_reference/211223_ORD_Vietnam__V1.1.odt';
const RULE_SETS_PATH = 'data/uk-tariff-roo/trade-tariff-backend/lib/rules_of_origin/roo_schemes_uk/rule_sets/vietnam.json';
const PSR_PATH = 'rules/ukvfta/psr.json';
const OUT_PATH = 'rules/ukvfta/textile-notes.json';

/** Chapters whose rows may refer to Notes 6 and 7 (4-digit heading numbers). */
const TEXTILE = { from: 5000, to: 6399 };
/** What the brief and the hand notes expect; the script stops if the document says otherwise. */
const EXPECTED_FOOTNOTES: Record<number, string> = { 3: 'note6', 5: 'note7', 6: 'note7' };
/** A row's rule text must be at least this close to the entry's (2·LCS / total tokens). */
const MIN_SIMILARITY = 0.9;
/** …and this much closer than any rival entry that would give other notes. */
const MIN_MARGIN = 0.05;

// ---------------------------------------------------------------------------------------------------------
// ODT reading: a minimal zip reader and XML parser (no dependencies).

function readZipEntry(file: string, name: string): Buffer {
  const zip = readFileSync(file);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file}: not a zip file`);
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error(`${file}: bad central directory`);
    const method = zip.readUInt16LE(p + 10);
    const compressedSize = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const localOffset = zip.readUInt32LE(p + 42);
    const entryName = zip.toString('utf8', p + 46, p + 46 + nameLen);
    if (entryName === name) {
      const dataStart = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
      const data = zip.subarray(dataStart, dataStart + compressedSize);
      if (method === 0) return Buffer.from(data);
      if (method === 8) return inflateRawSync(data);
      throw new Error(`${file}: ${name} uses unsupported compression ${method}`);
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  throw new Error(`${file}: no ${name}`);
}

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
type XmlNode = XmlElement | string;

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e] ?? '';
  });
}

function parseXml(xml: string): XmlElement {
  const top: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [top];
  const tag = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<!DOCTYPE[^>]*>|<(\/?)([^\s>/]+)((?:\s+[^\s=>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
  let last = 0;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    const parent = stack[stack.length - 1]!;
    if (m.index > last) parent.children.push(decodeEntities(xml.slice(last, m.index)));
    last = tag.lastIndex;
    if (m[1] !== undefined) parent.children.push(m[1]);
    if (!m[3]) continue; // comment, declaration, CDATA
    if (m[2] === '/') {
      if (stack.length > 1) stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of (m[4] ?? '').matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[a[1]!] = decodeEntities(a[2] ?? a[3] ?? '');
    const el: XmlElement = { name: m[3], attrs, children: [] };
    parent.children.push(el);
    if (m[5] !== '/') stack.push(el);
  }
  return top;
}

function* elements(node: XmlElement, name: string): Generator<XmlElement> {
  for (const c of node.children) {
    if (typeof c === 'string') continue;
    if (c.name === name) yield c;
    yield* elements(c, name);
  }
}

function childElements(node: XmlElement): XmlElement[] {
  return node.children.filter((c): c is XmlElement => typeof c !== 'string');
}

// ---------------------------------------------------------------------------------------------------------
// Paragraph text with superscript runs kept apart.

interface Run {
  text: string;
  sup: boolean;
}

/** Styles whose text is raised ("super …" or a positive percentage), following parent styles. */
function superscriptStyles(docs: XmlElement[]): Set<string> {
  const parent = new Map<string, string>();
  const raised = new Map<string, boolean>();
  for (const doc of docs) {
    for (const s of elements(doc, 'style:style')) {
      const name = s.attrs['style:name'];
      if (!name) continue;
      if (s.attrs['style:parent-style-name']) parent.set(name, s.attrs['style:parent-style-name']);
      for (const tp of childElements(s).filter((c) => c.name === 'style:text-properties')) {
        const pos = tp.attrs['style:text-position'];
        if (pos === undefined) continue;
        const first = pos.trim().split(/\s+/)[0] ?? '';
        raised.set(name, first === 'super' || (/^\d+(\.\d+)?%$/.test(first) && parseFloat(first) > 0));
      }
    }
  }
  const out = new Set<string>();
  for (const name of new Set([...parent.keys(), ...raised.keys()])) {
    let n: string | undefined = name;
    for (let depth = 0; n !== undefined && depth < 20; depth++) {
      if (raised.has(n)) {
        if (raised.get(n)) out.add(name);
        break;
      }
      n = parent.get(n);
    }
  }
  return out;
}

const SKIPPED = /^(draw|svg|office:annotation|text:note$|text:note-body|text:tracked-changes)/;

function paragraphRuns(p: XmlElement, sup: Set<string>): Run[] {
  const runs: Run[] = [];
  const push = (text: string, isSup: boolean) => {
    const prev = runs[runs.length - 1];
    if (prev && prev.sup === isSup) prev.text += text;
    else runs.push({ text, sup: isSup });
  };
  const walk = (node: XmlElement, inSup: boolean) => {
    const here = inSup || sup.has(node.attrs['text:style-name'] ?? '');
    for (const c of node.children) {
      if (typeof c === 'string') {
        push(c.replace(/\s+/g, ' '), here);
        continue;
      }
      if (SKIPPED.test(c.name)) continue;
      if (c.name === 'text:s') push(' '.repeat(Number(c.attrs['text:c'] ?? '1')), here);
      else if (c.name === 'text:tab' || c.name === 'text:line-break') push(' ', here);
      else walk(c, here);
    }
  };
  walk(p, false);
  return runs;
}

function paragraphsOf(cell: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (n: XmlElement) => {
    for (const c of childElements(n)) {
      if (c.name === 'text:p' || c.name === 'text:h') out.push(c);
      else if (!c.name.startsWith('table:table') || c.name === 'table:table-cell') walk(c);
    }
  };
  walk(cell);
  return out;
}

const plainOf = (runs: Run[]) => runs.map((r) => r.text).join('').replace(/\s+/g, ' ').trim();

// ---------------------------------------------------------------------------------------------------------
// Marker detection on a rule line.

interface RuleLine {
  /** The line without markers. */
  text: string;
  /** The line with markers shown as [^3] or [^3,5]. */
  shown: string;
  markers: number[];
}

interface Finding {
  where: string;
  line: string;
  what: string;
}

function ruleLine(runs: Run[], where: string, findings: Finding[]): RuleLine {
  let text = '';
  let shown = '';
  const markers: number[] = [];
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!;
    if (!run.sup) {
      text += run.text;
      shown += run.text;
      continue;
    }
    // Merge superscript runs separated only by plain whitespace: "3" "," " " "5".
    let group = run.text;
    while (runs[i + 1] && ((runs[i + 1]!.sup) || (/^\s*$/.test(runs[i + 1]!.text) && runs[i + 2]?.sup))) {
      group += runs[i + 1]!.text;
      i++;
    }
    const g = group.trim();
    const [lead, trail] = [/^\s*/.exec(group)![0], /\s*$/.exec(group)![0]];
    const unit = /^[23]$/.test(g) && /(^|[^a-z])(m|cm|mm|km|dm)$|\/m$/i.test(text.trimEnd()); // m², g/m², m³
    if (/^\d{1,2}(\s*,\s*\d{1,2})*,?$/.test(g) && !unit) {
      const nums = g.split(',').map((s) => s.trim()).filter(Boolean).map(Number);
      markers.push(...nums);
      text += lead + trail;
      shown += `${lead}[^${nums.join(',')}]${trail}`;
    } else {
      if (!unit) findings.push({ where, line: plainOf(runs), what: `superscript "${g}" is not a footnote marker; kept as text` });
      text += group;
      shown += group;
    }
  }
  text = text.replace(/\s+/g, ' ').trim();
  shown = shown.replace(/\s+/g, ' ').trim();
  // Digits glued to a word or punctuation and followed by "; or", "," or the end look like an unstyled marker.
  for (const m of text.matchAll(/([a-z)\].;:])(\d{1,2}(?:\s*,\s*\d{1,2})*)(?=\s*(?:;|,\s|or\b|$))/gi)) {
    const at = m.index ?? 0;
    const head = text.slice(Math.max(0, at - 4), at + 1);
    if (/(^|[^a-z])(m|cm|mm|km|dm)$|\/m$/i.test(head) && /^[23]$/.test(m[2]!)) continue; // m2, m3, g/m2
    if (/\d[.,]$/.test(text.slice(0, at + 1))) continue; // 47,5 or 1.5
    findings.push({ where, line: text, what: `plain-text digits "${m[2]}" glued after "${m[1]}": possibly an unstyled footnote marker` });
  }
  return { text, shown, markers: [...new Set(markers)].sort((a, b) => a - b) };
}

// ---------------------------------------------------------------------------------------------------------
// HS coverage of an Annex II heading label or of one of our scopes, as 4-digit heading ranges.

type Range = [number, number];

/**
 * The headings a label names ("5004 to ex 5006" → 5004–5006). With `wholly`, only those it takes in full: an
 * "ex" end drops that heading ("5004 to ex 5006" → 5004–5005; "ex 6202" → nothing).
 */
function labelCoverage(label: string, wholly = false): Range[] {
  const out: Range[] = [];
  const s = label.replace(/\s+/g, ' ');
  const ref = /(ex\s+)?(?:(Chapter)\s+(\d{1,2})|(\d{4})(?:\s?\d{2})*)(?:\s+to\s+(ex\s+)?(?:Chapter\s+(\d{1,2})|(\d{4})(?:\s?\d{2})*))?/gi;
  for (const m of s.matchAll(ref)) {
    const from = m[2] ? [Number(m[3]) * 100, Number(m[3]) * 100 + 99] : [Number(m[4]), Number(m[4])];
    const hasTo = m[6] !== undefined || m[7] !== undefined;
    const to = m[6] ? [Number(m[6]) * 100, Number(m[6]) * 100 + 99] : m[7] ? [Number(m[7]), Number(m[7])] : from;
    const exFrom = m[1] !== undefined;
    const exTo = hasTo ? m[5] !== undefined : exFrom;
    if (!wholly) out.push([from[0]!, to[1]!]);
    else {
      const a = exFrom ? from[1]! + 1 : from[0]!;
      const b = exTo ? to[0]! - 1 : to[1]!;
      if (a <= b) out.push([a, b]);
    }
  }
  return merge(out);
}

function subtract(ranges: Range[], cut: Range[]): Range[] {
  let out = ranges.map((r): Range => [r[0], r[1]]);
  for (const [c, d] of cut) {
    out = out.flatMap(([a, b]): Range[] => {
      if (d < a || b < c) return [[a, b]];
      return [...(a < c ? [[a, c - 1] as Range] : []), ...(d < b ? [[d + 1, b] as Range] : [])];
    });
  }
  return out;
}

/** Sorted, with touching ranges joined: "5407 and 5408" covers the same as "5407 to 5408". */
function merge(ranges: Range[]): Range[] {
  const out: Range[] = [];
  for (const [a, b] of [...ranges].sort((x, y) => x[0] - y[0])) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

function scopeCoverage(scope: string): Range[] {
  const [a, b] = scope.split('-');
  const r = (code: string, end: boolean) => (code.length <= 2 ? Number(code) * 100 + (end ? 99 : 0) : Number(code.slice(0, 4)));
  return [[r(a!, false), r(b ?? a!, true)]];
}

const overlaps = (x: Range[], y: Range[]) => x.some(([a, b]) => y.some(([c, d]) => a <= d && c <= b));
const within = (x: Range[], y: Range[]) => x.every(([a, b]) => y.some(([c, d]) => c <= a && b <= d));

// ---------------------------------------------------------------------------------------------------------
// Rule text similarity: tokens, with "or"/"and" (which only link alternatives) and hyphen breaks ignored.

function tokens(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/\*\*/g, '')
      .replace(/&nbsp;/g, ' ')
      .replace(/(\d),(\d)/g, '$1.$2')
      .replace(/([a-z])[-‐–]\s*([a-z])/g, '$1$2')
      .match(/[a-z]+|\d+(?:\.\d+)?/g) ?? []
  ).filter((t) => t !== 'or' && t !== 'and');
}

function similarity(a: string[], b: string[]): number {
  if (!a.length || !b.length) return 0;
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    prev = cur;
  }
  return (2 * prev[b.length]!) / (a.length + b.length);
}

// ---------------------------------------------------------------------------------------------------------
// Annex II entries.

interface Entry {
  /** Position in the list, for messages: "T25 R1" = table 25 (0-based), row 1. */
  at: string;
  heading: string;
  /** The headings its label names. */
  named: Range[];
  /** Those it governs: an "ex Chapter" row less the headings its exceptions take in full. */
  coverage: Range[];
  /** The heading row's description, then each "–" indent down to this entry. */
  path: string[];
  lines: RuleLine[];
}

function readAnnexII(findings: Finding[]): { entries: Entry[]; footnotes: Map<number, string> } {
  const odt = join(shared, ORD_PATH);
  const content = parseXml(readZipEntry(odt, 'content.xml').toString('utf8'));
  const styles = parseXml(readZipEntry(odt, 'styles.xml').toString('utf8'));
  const sup = superscriptStyles([content, styles]);
  const body = [...elements(content, 'office:text')][0];
  if (!body) throw new Error('ORD: no office:text');

  const tables = [...elements(body, 'table:table')];
  const cellsOf = (row: XmlElement) => childElements(row).filter((c) => c.name === 'table:table-cell' || c.name === 'table:covered-table-cell');
  const rowsOf = (table: XmlElement): XmlElement[] => {
    const out: XmlElement[] = [];
    const walk = (n: XmlElement) => {
      for (const c of childElements(n)) {
        if (c.name === 'table:table-row') out.push(c);
        else if (c.name === 'table:table-header-rows' || c.name === 'table:table-rows' || c.name === 'table:table-row-group') walk(c);
      }
    };
    walk(table);
    return out;
  };
  const cellText = (cell: XmlElement | undefined) =>
    cell ? paragraphsOf(cell).map((p) => plainOf(paragraphRuns(p, sup))).filter(Boolean).join(' ').replace(/\s+/g, ' ').trim() : '';
  const isHeader = (row: XmlElement) => /^Chapter\s*\/\s*heading/i.test(cellText(cellsOf(row)[0]));

  const annex = tables.map((t, i) => ({ t, i })).filter(({ t }) => rowsOf(t)[0] !== undefined && isHeader(rowsOf(t)[0]!));
  if (annex.length === 0) throw new Error('ORD: no Annex II tables found');

  const entries: Entry[] = [];
  let group: { heading: string; coverage: Range[]; description: string } | undefined;
  let indents: string[] = [];
  let current: Entry | undefined;
  for (const { t, i } of annex) {
    rowsOf(t).forEach((row, r) => {
      if (isHeader(row)) return;
      const cells = cellsOf(row);
      const [hCell, dCell, rCell] = cells.length === 2 ? [undefined, cells[0], cells[1]] : [cells[0], cells[1], cells[2]];
      const heading = cellText(hCell);
      const description = cellText(dCell);
      const at = `T${i} R${r}`;
      const paras = rCell ? paragraphsOf(rCell).map((p) => paragraphRuns(p, sup)).filter((runs) => plainOf(runs) !== '') : [];
      const where = () => `${group?.heading ?? '?'} (${at})`;
      if (heading) {
        group = { heading, coverage: labelCoverage(heading), description };
        indents = [];
        current = { at, heading, named: group.coverage, coverage: group.coverage, path: [description], lines: paras.map((p) => ruleLine(p, where(), findings)) };
        entries.push(current);
      } else if (description && group) {
        const level = Math.max(1, (description.match(/^(\s*[–-]\s*)+/)?.[0].match(/[–-]/g) ?? []).length);
        indents = [...indents.slice(0, level - 1), description.replace(/^[\s–-]+/, '')];
        current = { at, heading: group.heading, named: group.coverage, coverage: group.coverage, path: [group.description, ...indents], lines: paras.map((p) => ruleLine(p, where(), findings)) };
        entries.push(current);
      } else if (current) {
        current.lines.push(...paras.map((p) => ruleLine(p, where(), findings))); // the rule runs on
      }
    });
  }

  // "ex Chapter NN …, except for:" governs only what its exceptions leave: drop the headings they take whole.
  for (const e of entries) {
    if (!/^ex\s+Chapter\b/i.test(e.heading)) continue;
    const others = [...new Set(entries.map((o) => o.heading))].filter((h) => h !== e.heading);
    e.coverage = subtract(e.named, merge(others.flatMap((h) => labelCoverage(h, true)).filter((r) => overlaps([r], e.named))));
  }

  // Footnote texts: numbered paragraphs after the last Annex II table, up to Annex III.
  const footnotes = new Map<number, string>();
  const lastTable = annex[annex.length - 1]!.t;
  let after = false;
  for (const node of childElements(body)) {
    if (node === lastTable) {
      after = true;
      continue;
    }
    if (!after) continue;
    if (node.name === 'table:table') break;
    const text = plainOf(paragraphRuns(node, sup));
    if (/^ANNEX\s+III\b/i.test(text)) break;
    const m = /^(\d{1,2})\s*(\S[\s\S]*)$/.exec(text);
    if (m && node.name === 'text:p') footnotes.set(Number(m[1]), m[2]!.replace(/\s+/g, ' '));
  }
  return { entries, footnotes };
}

// ---------------------------------------------------------------------------------------------------------

interface PsrRow {
  id: string;
  scope: string;
  ex?: string;
  description?: string;
  text: string;
  cite: { ref: string };
}
interface RuleSet {
  heading: string;
}

function shorten(s: string, max = 160): string {
  if (s.length <= max) return s;
  const tail = s.slice(-Math.floor(max / 2));
  return `${s.slice(0, max - tail.length - 3).trimEnd()} … ${tail.trimStart()}`;
}

function main() {
  const findings: Finding[] = [];
  const { entries: all, footnotes } = readAnnexII(findings);

  // Which footnotes point to Note 6 or Note 7.
  const noteOf = new Map<number, string>();
  for (const [n, text] of footnotes) {
    const m = /see Note (\d+) of Annex I\b/i.exec(text);
    if (m && (m[1] === '6' || m[1] === '7')) noteOf.set(n, `note${m[1]}`);
  }
  for (const [n, note] of Object.entries(EXPECTED_FOOTNOTES)) {
    if (noteOf.get(Number(n)) !== note) throw new Error(`ORD footnote ${n} is "${footnotes.get(Number(n)) ?? '(missing)'}", expected a reference to ${note}`);
  }

  const textile = all.filter((e) => overlaps(e.coverage, [[TEXTILE.from, TEXTILE.to]]));
  const withRule = textile.filter((e) => e.lines.length > 0);
  const notesOf = (e: Entry) => [...new Set(e.lines.flatMap((l) => l.markers).filter((n) => noteOf.has(n)).map((n) => noteOf.get(n)!))].sort();
  const entryLabel = (e: Entry) => [e.heading, ...e.path.slice(1)].join(' ▸ ');
  const evidenceOf = (e: Entry) =>
    e.lines
      .filter((l) => l.markers.some((n) => noteOf.has(n)))
      .map((l) => `ORD "${shorten(entryLabel(e), 70)}": "${shorten(l.shown)}"`)
      .join(' | ');

  const psr = JSON.parse(readFileSync(join(root, PSR_PATH), 'utf8')) as { rows: PsrRow[] };
  const ruleSets = (JSON.parse(readFileSync(join(shared, RULE_SETS_PATH), 'utf8')) as { rule_sets: RuleSet[] }).rule_sets;
  const ours = psr.rows.filter((r) => overlaps(scopeCoverage(r.scope), [[TEXTILE.from, TEXTILE.to]]));

  const outRows: { id: string; notes: string[]; evidence: string }[] = [];
  const unmatched: Record<string, unknown>[] = [];
  const taken = new Map<Entry, string[]>();
  const log: string[] = [];
  const rowProblems: { id: string; why: string; candidates: Entry[] }[] = [];

  for (const row of ours) {
    const cite = /Annex II row "([^"]+)" \(rule_sets\/vietnam\.json, rule set (\d+)\)/.exec(row.cite.ref);
    const citedHeading = cite?.[1];
    const setHeading = cite ? ruleSets[Number(cite[2])]?.heading : undefined;
    const scope = scopeCoverage(row.scope);
    if (!citedHeading || setHeading !== citedHeading) {
      const candidates = withRule.filter((e) => overlaps(e.coverage, scope));
      rowProblems.push({ id: row.id, why: `cite.ref "${row.cite.ref}" does not name the rule set's heading ("${setHeading ?? '?'}")`, candidates });
      continue;
    }
    const mine = tokens(row.text);
    const scored = withRule
      .filter((e) => overlaps(e.coverage, scope))
      .map((e) => ({ e, sim: similarity(mine, tokens(e.lines.map((l) => l.text).join(' '))), desc: similarity(tokens(row.description ?? ''), tokens(e.path.join(' '))) }))
      .sort((x, y) => y.sim - x.sim || y.desc - x.desc);
    const best = scored[0];
    if (!best || best.sim < MIN_SIMILARITY) {
      rowProblems.push({ id: row.id, why: `no Annex II entry has its rule text (best ${best ? `${best.sim.toFixed(2)}, ${entryLabel(best.e)}` : 'none'})`, candidates: scored.map((s) => s.e) });
      continue;
    }
    const key = (e: Entry) => notesOf(e).join(',');
    const rival = scored.find((s) => s !== best && s.sim > best.sim - MIN_MARGIN && key(s.e) !== key(best.e) && !(s.sim === best.sim && s.desc < best.desc - MIN_MARGIN));
    if (rival) {
      rowProblems.push({ id: row.id, why: `ambiguous: "${entryLabel(best.e)}" (${best.sim.toFixed(2)}) and "${entryLabel(rival.e)}" (${rival.sim.toFixed(2)}) carry different notes`, candidates: [best.e, rival.e] });
      continue;
    }
    if (!within(labelCoverage(citedHeading), best.e.named)) {
      rowProblems.push({ id: row.id, why: `its Annex II heading "${citedHeading}" is not within the matching entry's "${best.e.heading}"`, candidates: [best.e] });
      continue;
    }
    taken.set(best.e, [...(taken.get(best.e) ?? []), row.id]);
    const notes = notesOf(best.e);
    const next = scored.find((s) => s.e !== best.e);
    log.push(
      `${row.id.padEnd(12)} ← ${best.e.at.padEnd(8)} ${shorten(entryLabel(best.e), 60).padEnd(60)} sim ${best.sim.toFixed(2)}` +
        ` (next ${next ? next.sim.toFixed(2) : '-   '})  ${notes.join('+') || '-'}`,
    );
    if (notes.length) outRows.push({ id: row.id, notes, evidence: evidenceOf(best.e) });
  }

  // Marked entries no row took, and rows that could not be placed next to a marked entry.
  for (const e of withRule) {
    const notes = notesOf(e);
    if (!notes.length) continue;
    const problems = rowProblems.filter((p) => p.candidates.includes(e));
    const ids = taken.get(e) ?? [];
    // Each heading an entry names must be reached by one of its rows (a chapter: some row of it). The rest
    // of an "ex Chapter" row is whatever its exceptions leave, so only "some row" can be asked of it.
    const explicit = /^ex\s+Chapter\b/i.test(e.heading)
      ? []
      : e.named.flatMap(([a, b]): Range[] => (a % 100 === 0 && b === a + 99 ? [[a, b]] : Array.from({ length: b - a + 1 }, (_, k): Range => [a + k, a + k])));
    const missing = explicit
      .filter((h) => !ids.some((id) => overlaps(scopeCoverage(ours.find((r) => r.id === id)!.scope), [h])))
      .map(([a, b]) => (a === b ? String(a) : `chapter ${a / 100}`));
    if (ids.length && !missing.length && !problems.length) continue;
    unmatched.push({
      ord: entryLabel(e),
      at: e.at,
      notes,
      evidence: evidenceOf(e),
      ...(ids.length ? { matchedRows: ids } : {}),
      why: [
        ...(ids.length ? [] : ['no row of psr.json has this entry\'s heading and rule text']),
        ...(ids.length && missing.length ? [`no row covers heading(s) ${missing.join(', ')} of this entry`] : []),
        ...problems.map((p) => `row ${p.id}: ${p.why}`),
      ].join('; '),
    });
  }
  for (const f of findings.filter((f) => overlaps(labelCoverage(f.where), [[TEXTILE.from, TEXTILE.to]]))) {
    unmatched.push({ ord: f.where, evidence: shorten(f.line), why: f.what });
  }
  for (const p of rowProblems.filter((p) => !p.candidates.some((e) => notesOf(e).length))) {
    log.push(`${p.id.padEnd(12)} ✗ ${p.why}`);
  }
  for (const e of withRule.filter((e) => !taken.has(e))) log.push(`(no row)     ${e.at.padEnd(8)} ${shorten(entryLabel(e), 60)}`);

  const out = {
    source:
      'UK Viet Nam Origin Reference Document v1.1 (211223_ORD_Vietnam__V1.1.odt), Annex II, Chapters 50–63: footnote markers ' +
      '3 ("For special conditions relating to products made of a mixture of textile materials, see Note 6 of Annex I") → note6, ' +
      '5 ("See Note 7 of Annex I") → note7 and 6 ("For knitted or crocheted articles, not elastic or rubberised, obtained by sewing or ' +
      'assembling pieces of knitted or crocheted fabrics … see Note 7 of Annex I") → note7. Markers are the superscript runs at the end ' +
      'of a rule line, shown as [^n] in the evidence; footnote 4 (paper-making materials only) is not a note reference. Generated by ' +
      'rules/tools/extract-ukvfta-textile-notes.ts; rows matched to psr.json by HS scope, Annex II heading (cite.ref) and rule text.',
    rows: outRows,
    unmatched,
  };
  const json = `${JSON.stringify(out, null, 2)}\n`;
  const outFile = join(root, OUT_PATH);

  const counts = (note: string) => outRows.filter((r) => r.notes.includes(note)).length;
  console.log(log.join('\n'));
  console.log(`\nAnnex II entries in Chapters 50–63: ${textile.length} (${withRule.length} with a rule, ${withRule.filter((e) => notesOf(e).length).length} with note markers)`);
  console.log(`footnotes: ${[...footnotes].map(([n, t]) => `${n}: ${shorten(t, 70)}`).join('\n           ')}`);
  console.log(`rows: ${outRows.length} (note6 ${counts('note6')}, note7 ${counts('note7')}, both ${outRows.filter((r) => r.notes.length === 2).length}); unmatched: ${unmatched.length}`);

  if (process.argv.includes('--check')) {
    let existing = '';
    try {
      existing = readFileSync(outFile, 'utf8');
    } catch {
      /* missing */
    }
    if (existing !== json) {
      console.error(`${OUT_PATH} is out of date; run without --check`);
      process.exitCode = 1;
    }
    return;
  }
  writeFileSync(outFile, json);
  console.log(`wrote ${OUT_PATH}`);
}

main();
