"""Second, independent reading of ATIGA Attachment 1 from the PDF's text layer
(pdftotext -layout, poppler-utils), compared with rules/atiga/psr.json, plus the
HS 2022 coverage count. Usage: python3 rules/atiga/verify-against-pdf.py [seed]
Writes its findings to stdout as Markdown (pasted into verification.md)."""
import json, random, re, subprocess, sys, csv, collections
ROOT = '/work/main'
PDF = '/work/shared/data/atiga-attachment1-textiles-hs2022/atiga_annex3_psr_hs2022.pdf'
seed = int(sys.argv[1]) if len(sys.argv) > 1 else 20260517
txt = subprocess.run(['pdftotext', '-layout', PDF, '-'], capture_output=True, text=True, check=True).stdout
pages = txt.split('\f')
# Independent parse of the PDF: section letter, item number, code, page.
pdf = {}
sec = None
for p, page in enumerate(pages, 1):
    for line in page.split('\n'):
        m = re.match(r'^\s*([ABC])\.\s+\S', line)
        if m and ('Fibres' in line or 'Fabric' in line or 'Apparel' in line): sec = m.group(1)
        m = re.match(r'^\s*(\d{1,3})\s+(?:(\d\d\.\d\d)\s+)?(ex\.)?(\d{4}\.\d{2}(?:\.\d{2})?)\b\s*(.*)$', line)
        if m and sec:
            no = int(m.group(1)); code = m.group(4).replace('.', '')
            pdf.setdefault((sec, no), []).append((code, bool(m.group(3)), p, m.group(5).strip()))
psr = json.load(open(f'{ROOT}/rules/atiga/psr.json'))
rows = [r for r in psr['rows'] if r['id'][0] in 'abc' and r['id'][1] == '-']
def key(r): return (r['id'][0].upper(), int(r['id'][2:]))
mism = []
for r in rows:
    k = key(r); got = pdf.get(k)
    pg = int(re.search(r'page (\d+) of 41', r['cite']['ref']).group(1))
    isex = 'ex. ' in r['cite']['ref']
    if not got: mism.append((r['id'], 'not found in the PDF text layer')); continue
    if not any(c == r['scope'] and e == isex and p == pg for c, e, p, _ in got):
        mism.append((r['id'], f"psr {r['scope']} ex={isex} p{pg}; pdf {got}"))
missing = sorted(set(pdf) - {key(r) for r in rows})
print(f'PDF items read: {len(pdf)}; psr list rows: {len(rows)}; mismatches: {len(mism)}; PDF items without a row: {len(missing)}')
for m in mism: print('  MISMATCH', m)
for m in missing: print('  MISSING', m, pdf[m])
# HS 2022 coverage.
subs = json.load(open(f'{ROOT}/rules/hs/hs2022-subheadings.json'))['subheadings']
agr = json.load(open(f'{ROOT}/rules/atiga/agreement.json'))
chap = agr['completeness']['chapters']
def covers(scope, code):
    a, _, b = scope.partition('-'); b = b or a
    if len(a) <= 6: return a <= code[:len(a)] <= b
    return False
def finer(scope, code):
    a, _, b = scope.partition('-'); b = b or a
    return len(a) > 6 and a[:6] <= code <= b[:6]
stat = collections.Counter(); per = collections.defaultdict(collections.Counter)
for s in subs:
    c = [r for r in psr['rows'] if covers(r['scope'], s)]
    f = [r for r in psr['rows'] if finer(r['scope'], s)]
    if f: k = 'tariff-item rows only (8-digit AHTN; national code needed)'
    elif len(c) == 1 and 'ex' not in c[0]: k = 'exactly one row'
    elif len(c) == 1: k = 'one "ex" row (the caller confirms the part)'
    elif len(c) > 1: k = 'several "ex" rows (the caller chooses)'
    else: k = f"no row: chapter {chap.get(s[:2], 'absent')} -> undetermined"
    stat[k] += 1; per[s[:2]][k] += 1
print(f'\nHS 2022 subheadings: {len(subs)}')
for k, n in stat.most_common(): print(f'- {k}: {n}')
print('\nChapters with rows:')
for ch in sorted(per):
    if any(not k.startswith('no row') for k in per[ch]):
        print(f"- {ch}: " + '; '.join(f'{k}: {n}' for k, n in per[ch].items()))
# 10 % sample for the second reading.
random.seed(seed)
sample = sorted(random.sample(range(len(psr['rows'])), round(len(psr['rows']) / 10)))
print(f'\nSample (seed {seed}, {len(sample)} of {len(psr["rows"])} rows, 0-based indexes): {sample}')
for i in sample:
    r = psr['rows'][i]
    if r['id'].startswith('ig-'):
        print(f"| {i} | {r['id']} | {r['scope']} | IG | - | {r['rule']} |"); continue
    got = pdf.get(key(r), [])
    ev = '; '.join(f"p{p} {'ex.' if e else ''}{c} '{d[:50]}'" for c, e, p, d in got)
    print(f"| {i} | {r['id']} | {r['scope']}{' (ex)' if 'ex' in r else ''} | {ev} | {r['note'].split(':')[0].replace('Product group ', '')} |")
