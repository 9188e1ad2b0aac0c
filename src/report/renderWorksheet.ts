import type { MaterialStatus } from '../evaluate/evaluateOrigin.js';
import type { TraceNode } from '../evaluate/evaluateRuleTree.js';
import type { AgreementPreference, PreferencesResult } from '../preferences/findPreferences.js';
import { PROCESSES } from '../rules/processes.js';
import { type Language, renderMessage } from './messages.js';

/** Options of {@link renderWorksheet}. */
export interface RenderWorksheetOptions {
  readonly language?: Language;
  readonly format?: 'markdown' | 'html';
}

type Block = { type: 'h1' | 'h2' | 'p'; text: string } | { type: 'table'; head: string[]; rows: string[][] } | { type: 'list'; items: string[] };

const L = {
  en: {
    title: 'Origin worksheet',
    shipment: 'Shipment',
    product: 'Product',
    verdict: 'Determination',
    bom: 'Bill of materials',
    steps: 'Criterion, step by step',
    rule: 'Product-specific rule',
    certificate: 'Proof of origin to apply for',
    criterionBox: 'Origin criterion (as determined)',
    issues: 'Points to note',
    cols: ['#', 'Material', 'HS code', 'Origin', 'Status', 'Basis', 'Value', 'Non-originating value'],
    yes: 'originating',
    no: 'non-originating',
    notCounted: 'not counted',
    generatedBy: 'Prepared with fta-origin; rule data',
  },
  vi: {
    title: 'Bảng tính xuất xứ',
    shipment: 'Lô hàng',
    product: 'Sản phẩm',
    verdict: 'Kết luận',
    bom: 'Định mức nguyên liệu',
    steps: 'Tiêu chí, từng bước',
    rule: 'Quy tắc cụ thể mặt hàng',
    certificate: 'Chứng từ chứng nhận xuất xứ cần đề nghị',
    criterionBox: 'Tiêu chí xuất xứ (theo kết quả xác định)',
    issues: 'Lưu ý',
    cols: ['STT', 'Nguyên liệu', 'Mã HS', 'Xuất xứ', 'Tình trạng', 'Căn cứ', 'Trị giá', 'Trị giá không có xuất xứ'],
    yes: 'có xuất xứ',
    no: 'không có xuất xứ',
    notCounted: 'không tính',
    generatedBy: 'Lập bằng fta-origin; dữ liệu quy tắc',
  },
} as const;

function traceLines(t: TraceNode, lang: Language, depth: number, out: string[]): void {
  const params = t.reason.params?.process ? { ...t.reason.params, process: PROCESSES.get(t.reason.params.process)?.[lang] ?? t.reason.params.process } : t.reason.params;
  const figures = t.figures ? ` (${Object.entries(t.figures).map(([k, v]) => `${k} = ${v}`).join('; ')})` : '';
  out.push(`${'  '.repeat(depth)}${t.status === 'met' ? '✔' : t.status === 'not_met' ? '✘' : '?'} \`${t.expression}\`: ${renderMessage(lang, t.reason.key, params)}${figures}`);
  if (t.tolerance) {
    out.push(`${'  '.repeat(depth + 1)}${t.tolerance.applied ? renderMessage(lang, 'tolerance_applied_note', { note: t.tolerance.note ?? `${t.tolerance.value} ≤ ${t.tolerance.allowed} (${t.tolerance.percent}%)` }) : renderMessage(lang, 'tolerance_not_applied', { note: t.tolerance.note ?? '' })}`);
  }
  for (const c of t.children ?? []) traceLines(c, lang, depth + 1, out);
}

function bomRows(ms: readonly MaterialStatus[], lang: Language, prefix = ''): string[][] {
  const t = L[lang];
  return ms.flatMap((m, i) => {
    const n = `${prefix}${i + 1}`;
    const status = !m.counted ? t.notCounted : m.originating ? t.yes : t.no;
    const row = [n, `${m.description} (${m.id})`, m.hsCode, m.originCountry ?? '—', status, m.basis, m.value, m.nonOriginatingValue];
    return [row, ...(m.intermediate ? bomRows(m.intermediate.materials, lang, `${n}.`) : [])];
  });
}

function worksheetBlocks(p: AgreementPreference, shipment: Extract<PreferencesResult, { status: 'ok' }>['shipment'], lang: Language): Block[] {
  const t = L[lang];
  const o = p.origin;
  const blocks: Block[] = [
    { type: 'h1', text: `${t.title} — ${p.agreement.shortName}` },
    { type: 'p', text: `${p.agreement.name[lang]}` },
    { type: 'h2', text: t.shipment },
    {
      type: 'list',
      items: [
        `${shipment.exportingCountry} → ${shipment.importingCountry}, ${shipment.date}`,
        `${t.product}: HS ${o.hsCode}${o.transposition ? ` (${o.transposition.from} ${o.transposition.product.from} → ${o.transposition.to} ${o.transposition.product.to})` : ''}`,
        `${shipment.currency}`,
      ],
    },
    { type: 'h2', text: t.verdict },
    { type: 'p', text: `${renderMessage(lang, `status_${o.status}`)} — ${renderMessage(lang, o.reason.key, o.reason.params)}` },
  ];
  if (p.criterion) blocks.push({ type: 'p', text: `${t.criterionBox}: ${p.criterion}` });
  blocks.push({ type: 'h2', text: t.bom }, { type: 'table', head: [...t.cols], rows: bomRows(o.materials, lang) });
  if (o.rule) {
    blocks.push(
      { type: 'h2', text: t.rule },
      { type: 'p', text: `${o.rule.id} (${o.rule.scope}${o.rule.ex ? `, ${o.rule.ex}` : ''}): \`${o.rule.expression}\`` },
      { type: 'p', text: `“${o.rule.text.replace(/\n/g, ' ')}” — ${o.rule.cite.source}, ${o.rule.cite.ref}` },
    );
    const list = o.agreement.psrList;
    if (list) blocks.push({ type: 'p', text: renderMessage(lang, list.until ? 'heading_psr_list_until' : 'heading_psr_list', { from: list.from, until: list.until ?? '' }) });
  }
  if (o.trace) {
    const lines: string[] = [];
    traceLines(o.trace, lang, 0, lines);
    blocks.push({ type: 'h2', text: t.steps }, { type: 'list', items: lines });
  }
  const proof = p.proofs[0];
  if (proof || p.waiver) {
    const items: string[] = [];
    if (p.waiver) items.push(`${renderMessage(lang, 'pref_waiver')}: ${p.waiver.text[lang]} (${p.waiver.cite.ref})`);
    for (const pr of p.proofs) {
      items.push(`${pr.name[lang]} — ${pr.issuer[lang]} [${pr.usable}${pr.why ? `: ${pr.why}` : ''}]${pr.validityMonths ? `; ${renderMessage(lang, 'pref_validity', { months: String(pr.validityMonths) })}` : ''} (${pr.cite.ref})`);
      if (pr.originCriterion) {
        items.push(`  ${renderMessage(lang, 'pref_criterion_box')}: ${pr.originCriterion.text ? `${pr.originCriterion.box ?? ''} "${pr.originCriterion.text}"` : pr.originCriterion.note[lang]}`);
      }
    }
    if (p.validUntil) items.push(renderMessage(lang, `pref_valid_until${p.validUntil.reason === 'evidence_expires' ? '' : `_${p.validUntil.reason}`}`, { date: p.validUntil.date, id: p.validUntil.materialId ?? '' }));
    blocks.push({ type: 'h2', text: t.certificate }, { type: 'list', items });
  }
  if (o.issues.length) {
    blocks.push({
      type: 'h2',
      text: t.issues,
    }, { type: 'list', items: o.issues.map((i) => `${i.code}: ${lang === 'en' ? i.message : renderMessage(lang, `issue_${i.code}`, i.params)}`) });
  }
  blocks.push({ type: 'p', text: `${t.generatedBy} ${o.agreement.id}@${o.agreement.dataHash}` });
  return blocks;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const escapeCell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function toMarkdown(blocks: Block[]): string {
  return blocks
    .map((b) => {
      if (b.type === 'h1') return `# ${b.text}`;
      if (b.type === 'h2') return `## ${b.text}`;
      if (b.type === 'p') return b.text;
      if (b.type === 'list') return b.items.map((i) => i.replace(/^( *)/, '$1- ')).join('\n');
      if (b.type !== 'table') return '';
      return [`| ${b.head.join(' | ')} |`, `|${b.head.map(() => '---').join('|')}|`, ...b.rows.map((r) => `| ${r.map(escapeCell).join(' | ')} |`)].join('\n');
    })
    .join('\n\n');
}

function toHtml(blocks: Block[], lang: Language): string {
  const code = (s: string) => escapeHtml(s).replace(/`([^`]*)`/g, '<code>$1</code>');
  const body = blocks
    .map((b) => {
      if (b.type === 'h1' || b.type === 'h2') return `<${b.type}>${escapeHtml(b.text)}</${b.type}>`;
      if (b.type === 'p') return `<p>${code(b.text)}</p>`;
      if (b.type === 'list') {
        return `<ul>${b.items.map((i) => `<li style="margin-left:${(/^ */.exec(i)![0].length / 2) * 1.5}em">${code(i.trimStart())}</li>`).join('')}</ul>`;
      }
      if (b.type !== 'table') return '';
      return `<table><thead><tr>${b.head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${b.rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
    })
    .join('\n');
  const title = blocks[0]?.type === 'h1' ? blocks[0].text : 'fta-origin';
  return `<!doctype html>\n<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>body{font-family:sans-serif;max-width:60em;margin:2em auto}table{border-collapse:collapse}td,th{border:1px solid #999;padding:.2em .5em;text-align:left}code{background:#f3f3f3}</style></head>\n<body>\n${body}\n</body></html>\n`;
}

/**
 * A printable origin worksheet for one agreement of a {@link findPreferences}
 * result — product, bill of materials with HS codes, origins and values, the
 * criterion computed step by step, the rule with its source, and the proof of
 * origin to apply for — in English or Vietnamese, as Markdown or HTML. This is
 * what an exporter attaches to a C/O application.
 *
 * @example
 * ```ts
 * const prefs = findPreferences(shipment, agreements);
 * if (prefs.status === 'ok') fs.writeFileSync('worksheet.html', renderWorksheet(prefs, 'ukvfta', { language: 'vi', format: 'html' }));
 * ```
 */
export function renderWorksheet(result: PreferencesResult, agreementId: string, options: RenderWorksheetOptions = {}): string | undefined {
  if (result.status !== 'ok') return undefined;
  const p = result.ranked.find((x) => x.agreement.id === agreementId);
  if (!p) return undefined;
  const lang = options.language ?? 'en';
  const blocks = worksheetBlocks(p, result.shipment, lang);
  return options.format === 'html' ? toHtml(blocks, lang) : `${toMarkdown(blocks)}\n`;
}
