/**
 * Maintainer tool: turns the transcript of the AJCEP product-specific rules
 * (Phụ lục I of Circular 37/2022/TT-BCT, HS 2017) into `rules/ajcep/psr.json`,
 * with a report of every distinct criterion text and its expression.
 *
 *   npx tsx rules/tools/import-ajcep.ts          (descriptions from ../shared)
 *   SHARED_DIR=/path npx tsx rules/tools/import-ajcep.ts
 *
 * Input: `rules/ajcep/source/psr.transcript.txt` (format in its header): one line
 * per printed table row, "<code> :: <criterion as printed>", with "@ <offset>"
 * lines marking the read window each row is in.
 *
 * The short criteria (WO, CC, CTH, CTSH, RVC 40%, "A hoặc B", "… ngoại trừ từ
 * chương N / nhóm NN.NN (đến nhóm NN.NN)") are structured by a small grammar
 * that follows the definitions in item 1 of the annex's headnotes. The longer
 * texts (textile provisos, named materials, split rows) carry a hand translation
 * below. Nothing is guessed: a text neither covers stops the import.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRuleExpression } from '../../src/rules/parseRuleExpression.js';
import type { PsrRow } from '../../src/rules/schema.js';
import { ROOT, hsDescriptions, readTranscript } from './kit.js';

const dir = join(ROOT, 'rules/ajcep');
const TRANSCRIPT = join(dir, 'source/psr.transcript.txt');
const SOURCE_ID = 'certo-37-2022-wiki';
const SOURCE_FILE = 'docs/legal/wiki/37-2022-tt-bct-thong-tu-so-37-2022-tt-bct-ngay-23-12-2022-quy-inh-qtxx-trong-h-ajcep.md';
const WINDOW = 16000;

/**
 * Broken characters in the source whose meaning is certain. Key: the text as
 * printed; value: the repaired text and why the repair is certain.
 */
export const SOURCE_FIXES: Record<string, { text: string; note: string }> = {
  'CC ngoại trừ t\uFFFD\uFFFD\uFFFD chương 12': {
    text: 'CC ngoại trừ từ chương 12',
    note: 'The source prints a broken character between "t" and "chương" ("t���"). The phrase "ngoại trừ t… chương 12" can only be "ngoại trừ từ chương 12", the wording of every other exception in the annex (e.g. heading 17.03 just below): the text is read as "CC ngoại trừ từ chương 12".',
  },
};

// Headings named in the textile provisos.
const FABRICS = '[h5007, h5111..h5113, h5208..h5212, h5309..h5311, h5407, h5408, h5512..h5516]';
const FABRICS_TEXT = '50.07, 51.11-51.13, 52.08-52.12, 53.09-53.11, 54.07, 54.08 or 55.12-55.16';
const YARNS_TEXT = '50.04-50.06, 51.06-51.10, 52.04-52.07, 53.06-53.08, 54.01-54.06 or 55.08-55.11';
const NOTE1 =
  'dyeing or printing is accompanied by at least two of the 48 operations listed in Note 1 to Section XI of the annex';
const NONE_USED = ' (also true when no such material is used)';

const spunDyedPrinted = (id: string, headings: string) =>
  `Declared(${id}, "every non-originating material of heading(s) ${headings} used was wholly spun (xe sợi), dyed or printed in at least one Party${NONE_USED}")`;
const dyedWoven = (id: string, headings: string) =>
  `Declared(${id}, "the good is wholly dyed or printed (${NOTE1}) and every non-originating material of heading(s) ${headings} used was wholly woven in at least one Party")`;
const YARNS_SPUN = `Declared(ajcep_yarns_wholly_spun, "every non-originating material of headings ${YARNS_TEXT} used was wholly spun (xe sợi) in at least one Party${NONE_USED}")`;

const TEXTILE_NOTE =
  'Textile rule with a processing condition on named non-originating materials "in at least one of the Parties": such a material may be non-originating and still meet it, which the engine cannot check, so the condition is a declaration; the change-of-classification part is checked.';
const ALT_NOTE =
  'The second alternative ("Không yêu cầu chuyển đổi mã HS …") needs no change of classification; its dyeing/printing and weaving conditions are a declaration. Note 1 to Section XI (dyeing or printing accompanied by at least two of 48 listed operations) is part of that declaration.';
const NOTE2 =
  'Note 2 to Section XI of the annex: for goods of Chapters 61-63 the rule applies only to the component that determines the tariff classification of the good, which must meet the change-of-classification rule. The data cannot tell that component apart, so a failure here is undetermined, never not originating.';

/** Hand translations of the criteria the grammar does not cover (keys: text after SOURCE_FIXES, whitespace collapsed). */
export const OVERRIDES: Record<string, { rule: string; note: string; incomplete?: string }> = {
  'CTH, với điều kiện khi sử dụng nguyên liệu không có xuất xứ từ nhóm 50.04 đến nhóm 50.06, các nguyên liệu này phải được xe sợi hoặc nhuộm hoặc in toàn bộ tại ít nhất một trong các nước thành viên; hoặc Không yêu cầu chuyển đổi mã HS, với điều kiện hàng hoá phải được nhuộm hoặc in toàn bộ và nguyên liệu không có xuất xứ của nhóm 50.07 phải được dệt thoi toàn bộ tại ít nhất một trong các nước thành viên.':
    {
      rule: `(CTH and ${spunDyedPrinted('ajcep_5004_5006_spun_dyed_printed', '50.04-50.06')}) or ${dyedWoven('ajcep_5007_dyed_printed_woven', '50.07')}`,
      note: `${TEXTILE_NOTE} ${ALT_NOTE}`,
    },
  'CTH ngoại trừ từ nhóm 51.11 đến nhóm 51.13, với điều kiện khi sử dụng nguyên liệu không có xuất xứ thuộc từ nhóm 51.06 đến nhóm 51.10, các nguyên liệu này phải được xe sợi hoặc nhuộm hoặc in toàn bộ tại ít nhất một trong các nước thành viên; hoặc Không yêu cầu chuyển đổi mã HS, với điều kiện hàng hoá phải được nhuộm hoặc in toàn bộ và nguyên liệu không có xuất xứ thuộc từ nhóm 51.11 đến nhóm 51.13 phải được dệt thoi toàn bộ tại ít nhất một trong các nước thành viên.':
    {
      rule: `(CTH(except: h5111..h5113) and ${spunDyedPrinted('ajcep_5106_5110_spun_dyed_printed', '51.06-51.10')}) or ${dyedWoven('ajcep_5111_5113_dyed_printed_woven', '51.11-51.13')}`,
      note: `${TEXTILE_NOTE} ${ALT_NOTE}`,
    },
  'CTH ngoại trừ từ nhóm 52.04 đến nhóm 52.07, với điều kiện khi sử dụng nguyên liệu không có xuất xứ của nhóm 52.03, các nguyên liệu này phải được chải kỹ hoặc chải thô toàn bộ tại ít nhất một trong các nước thành viên.':
    {
      rule: `CTH(except: h5204..h5207) and Declared(ajcep_5203_carded_combed, "every non-originating material of heading 52.03 used was wholly combed or carded in at least one Party${NONE_USED}")`,
      note: TEXTILE_NOTE,
    },
  'CTH ngoại trừ từ nhóm 52.08 đến nhóm 52.12, với điều kiện khi sử dụng nguyên liệu không có xuất xứ thuộc từ nhóm 52.04 đến nhóm 52.07, các nguyên liệu này phải được xe sợi hoặc nhuộm hoặc in toàn bộ tại ít nhất một trong các nước thành viên; hoặc Không yêu cầu chuyển đổi mã HS, với điều kiện hàng hoá phải được nhuộm hoặc in toàn bộ và nguyên liệu không có xuất xứ thuộc từ nhóm 52.08 đến nhóm 52.12 phải được dệt thoi toàn bộ tại ít nhất một trong các nước thành viên.':
    {
      rule: `(CTH(except: h5208..h5212) and ${spunDyedPrinted('ajcep_5204_5207_spun_dyed_printed', '52.04-52.07')}) or ${dyedWoven('ajcep_5208_5212_dyed_printed_woven', '52.08-52.12')}`,
      note: `${TEXTILE_NOTE} ${ALT_NOTE}`,
    },
  'CTH ngoại trừ từ nhóm 53.09 đến nhóm 53.11, với điều kiện khi sử dụng nguyên liệu không có xuất xứ từ nhóm 53.06 đến nhóm 53.08, các nguyên liệu này phải được xe sợi hoặc nhuộm hoặc in toàn bộ tại ít nhất một trong các nước thành viên; hoặc Không yêu cầu chuyển đổi mã HS, với điều kiện hàng hóa phải được nhuộm hoặc in toàn bộ và các nguyên liệu không có xuất xứ thuộc từ nhóm 53.09 đến nhóm 53.11 phải được dệt thoi toàn bộ tại ít nhất một trong các nước thành viên.':
    {
      rule: `(CTH(except: h5309..h5311) and ${spunDyedPrinted('ajcep_5306_5308_spun_dyed_printed', '53.06-53.08')}) or ${dyedWoven('ajcep_5309_5311_dyed_printed_woven', '53.09-53.11')}`,
      note: `${TEXTILE_NOTE} ${ALT_NOTE}`,
    },
  'CTH ngoại trừ từ nhóm 54.07 hoặc nhóm 54.08 với điều kiện khi sử dụng nguyên liệu từ nhóm 54.01 đến nhóm 54.06, các nguyên liêu này phải được xe sợi hoặc nhuộm hoặc in toàn bộ tại ít nhất một trong các nước thành viên; hoặc Không yêu cầu chuyển đổi mã HS, với điều kiện hàng hóa phải được nhuộm hoặc in toàn bộ và các nguyên liệu không có xuất xứ thuộc từ nhóm 54.07 hoặc nhóm 54.08 phải được dệt thoi toàn bộ tại ít nhất một trong các nước thành viên.':
    {
      rule: `(CTH(except: [h5407, h5408]) and ${spunDyedPrinted('ajcep_5401_5406_spun_dyed_printed', '54.01-54.06')}) or ${dyedWoven('ajcep_5407_5408_dyed_printed_woven', '54.07 or 54.08')}`,
      note: `${TEXTILE_NOTE} The proviso says "nguyên liệu từ nhóm 54.01 đến nhóm 54.06" without "không có xuất xứ"; Article 7(4) of the circular applies such conditions only to non-originating materials, so it is read that way. ${ALT_NOTE}`,
    },
  'CTH ngoại trừ từ nhóm 55.08 đến nhóm 55.11 với điều kiện khi sử dụng nguyên liệu từ nhóm 55.06 hoặc nhóm 55.07, các nguyên liệu này phải được chải thường hoặc chải kỹ toàn bộ tại ít nhất một trong các nước thành viên.':
    {
      rule: `CTH(except: h5508..h5511) and Declared(ajcep_5506_5507_carded_combed, "every non-originating material of heading 55.06 or 55.07 used was wholly carded or combed in at least one Party${NONE_USED}")`,
      note: `${TEXTILE_NOTE} The proviso names "nguyên liệu từ nhóm 55.06 hoặc nhóm 55.07" without "không có xuất xứ"; Article 7(4) of the circular applies such conditions only to non-originating materials.`,
    },
  'CTH ngoại trừ từ nhóm 55.12 đến nhóm 55.16, với điều kiện khi sử dụng nguyên liệu không có xuất xứ thuộc từ nhóm 55.08 đến nhóm 55.11, các nguyên liệu này phải được xe sợi hoặc nhuộm hoặc in toàn bộ tại ít nhất một trong các nước thành viên; hoặc Không yêu cầu chuyển đổi mã HS, với điều kiện hàng hoá phải được nhuộm hoặc in toàn bộ và nguyên liệu không có xuất xứ thuộc từ nhóm 55.12 đến nhóm 55.16 phải được dệt thoi toàn bộ tại ít nhất một trong các nước thành viên.':
    {
      rule: `(CTH(except: h5512..h5516) and ${spunDyedPrinted('ajcep_5508_5511_spun_dyed_printed', '55.08-55.11')}) or ${dyedWoven('ajcep_5512_5516_dyed_printed_woven', '55.12-55.16')}`,
      note: `${TEXTILE_NOTE} ${ALT_NOTE}`,
    },
  'CC ngoại trừ từ nhóm 50.04 đến nhóm 50.07, nhóm 51.06 đến nhóm 51.13, nhóm 52.04 đến nhóm 52.12, nhóm 53.06 đến nhóm 53.11, nhóm 55.08 đến nhóm 55.16 hoặc chương 54.':
    {
      rule: 'CC(except: [h5004..h5007, h5106..h5113, h5204..h5212, h5306..h5311, h5508..h5516, ch54])',
      note: 'Exception list with a chapter at its end; structured by hand.',
    },
  'CC, với điều kiện khi sử dụng nguyên liệu không có xuất xứ thuộc từ nhóm 50.04 đến nhóm 50.06, nhóm 51.06 đến nhóm 51.10, nhóm 52.04 đến nhóm 52.07, nhóm 53.06 đến nhóm 53.08, nhóm 54.01 đến nhóm 54.06 hoặc nhóm 55.08 đến nhóm 55.11, các nguyên liệu này phải được xe sợi toàn bộ tại ít nhất một trong các nước thành viên.':
    { rule: `CC and ${YARNS_SPUN}`, note: TEXTILE_NOTE },
  'CC ngoại trừ từ nhóm 50.07, nhóm 51.11 đến nhóm 51.13, nhóm 52.08 đến nhóm 52.12, nhóm 53.09 đến nhóm 53.11, nhóm 54.07, nhóm 54.08 hoặc nhóm 55.12 đến nhóm 55.16, với điều kiện khi sử dụng nguyên liệu không có xuất xứ thuộc từ nhóm 50.04 đến nhóm 50.06, nhóm 51.06 đến nhóm 51.10, nhóm 52.04 đến nhóm 52.07, nhóm 53.06 đến nhóm 53.08, nhóm 54.01 đến nhóm 54.06 hoặc nhóm 55.08 đến nhóm 55.11, các nguyên liệu này phải được xe sợi toàn bộ tại ít nhất một trong các nước thành viên.':
    { rule: `CC(except: ${FABRICS}) and ${YARNS_SPUN}`, note: TEXTILE_NOTE },
  'CC ngoại trừ từ nhóm 50.07, nhóm 51.11 đến nhóm 51.13, nhóm 52.08 đến nhóm 52.12, nhóm 53.09 đến nhóm 53.11, nhóm 54.07 đến nhóm 54.08 hoặc nhóm 55.12 đến nhóm 55.16.':
    { rule: `CC(except: ${FABRICS})`, note: '"nhóm 54.07 đến nhóm 54.08" names the same two headings as "nhóm 54.07, nhóm 54.08" elsewhere.' },
  'CTH ngoại trừ từ nhóm 50.07, nhóm 51.11 đến nhóm 51.13, nhóm 52.08 đến nhóm 52.12, nhóm 53.09 đến nhóm 53.11, nhóm 54.07, nhóm 54.08 hoặc nhóm 55.12 đến nhóm 55.16, với điều kiện khi sử dụng nguyên liệu không có xuất xứ thuộc từ nhóm 50.04 đến nhóm 50.06, nhóm 51.06 đến nhóm 51.10, nhóm 52.04 đến nhóm 52.07, nhóm 53.06 đến nhóm 53.08, nhóm 54.01 đến nhóm 54.06 hoặc nhóm 55.08 đến nhóm 55.11, các nguyên liệu này phải được xe sợi toàn bộ tại ít nhất một trong các nước thành viên.':
    { rule: `CTH(except: ${FABRICS}) and ${YARNS_SPUN}`, note: TEXTILE_NOTE },
  'CTH, ngoại trừ từ nhóm 50.07, nhóm 51.11 đến nhóm 51.13, nhóm 52.08 đến nhóm 52.12, nhóm 53.09 đến nhóm 53.11, 54.07, nhóm 54.08 hoặc 55.12 đến nhóm 55.16, với điều kiện khi sử dụng nguyên liệu không có xuất xứ thuộc từ nhóm 50.04 đến nhóm 50.06, nhóm 51.06 đến nhóm 51.10, nhóm 52.04 đến nhóm 52.07, nhóm 53.06 đến nhóm 53.08, nhóm 54.01 đến nhóm 54.06 hoặc nhóm 55.08 đến nhóm 55.11, các nguyên liệu này phải được xe sợi toàn bộ tại ít nhất một trong các nước thành viên.':
    { rule: `CTH(except: ${FABRICS}) and ${YARNS_SPUN}`, note: `${TEXTILE_NOTE} Same headings as the 59.02 row, printed with a comma after "CTH" and without "nhóm" before 54.07 and 55.12.` },
  'CC, với điều kiện khi sử dụng nguyên liệu không có xuất xứ thuộc từ nhóm 50.04 đến nhóm 50.06, nhóm 51.06 đến nhóm 51.10, nhóm 52.04 đến nhóm 52.07, nhóm 53.06 đến nhóm 53.08, nhóm 54.01 đến nhóm 54.06 hoặc nhóm 55.08 đến nhóm 55.11, các nguyên liệu này phải được xe sợi hoặc nhuộm hoặc in toàn bộ tại ít nhất một trong các nước thành viên; hoặc Không yêu cầu chuyển đổi mã HS, với điều kiện hàng hoá được nhuộm hoặc in toàn bộ và nguyên liệu không có xuất xứ thuộc chương 60 được dệt kim hoặc móc toàn bộ tại ít nhất một trong những nước thành viên.':
    {
      rule: `(CC and ${spunDyedPrinted('ajcep_yarns_spun_dyed_printed', YARNS_TEXT)}) or Declared(ajcep_ch60_dyed_printed_knitted, "the good is wholly dyed or printed (${NOTE1}) and every non-originating material of Chapter 60 used was wholly knitted or crocheted in at least one Party")`,
      note: `${TEXTILE_NOTE} ${ALT_NOTE}`,
    },
  'CC, với điều kiện khi sử dụng nguyên liệu không có xuất xứ của từ nhóm 50.07, nhóm 51.11 đến nhóm 51.13, nhóm 52.08 đến nhóm 52.12, nhóm 53.09 đến nhóm 53.11, nhóm 54.07, nhóm 54.08 hoặc nhóm 55.12 đến nhóm 55.16 hoặc chương 60, các nguyên liệu này được dệt kim hoặc móc toàn bộ tại ít nhất một trong những nước thành viên.':
    {
      rule: `CC and Declared(ajcep_fabrics_knitted, "every non-originating material of headings ${FABRICS_TEXT} or of Chapter 60 used was wholly knitted or crocheted in at least one Party${NONE_USED}")`,
      note: `${TEXTILE_NOTE} The text names woven-fabric headings too and requires knitting or crocheting of all of them; kept as printed in the declaration.`,
      incomplete: NOTE2,
    },
  'CC, với điều kiện khi sử dụng nguyên liệu không có xuất xứ của nhóm 50.07, nhóm 51.11 đến nhóm 51.13, nhóm 52.08 đến nhóm 52.12, nhóm 53.09 đến nhóm 53.11, nhóm 54.07, nhóm 54.08 hoặc nhóm 55.12 đến nhóm 55.16 hoặc chương 60, các nguyên liệu này được dệt thoi toàn bộ tại ít nhất một trong những nước thành viên.':
    {
      rule: `CC and Declared(ajcep_fabrics_woven, "every non-originating material of headings ${FABRICS_TEXT} or of Chapter 60 used was wholly woven in at least one Party${NONE_USED}")`,
      note: `${TEXTILE_NOTE} The text names Chapter 60 (knitted fabrics) too and requires weaving of all of them; kept as printed in the declaration.`,
      incomplete: NOTE2,
    },
  'CC, với điều kiện khi sử dụng nguyên liệu không có xuất xứ của nhóm 50.07, nhóm 51.11 đến nhóm 51.13, nhóm 52.08 đến nhóm 52.12, nhóm 53.09 đến nhóm 53.11, nhóm 54.07, nhóm 54.08 hoặc nhóm 55.12 đến nhóm 55.16 hoặc chương 60, các nguyên liệu này được dệt thoi, hoặc dệt kim hoặc móc toàn bộ tại ít nhất một trong những nước thành viên.':
    {
      rule: `CC and Declared(ajcep_fabrics_woven_knitted, "every non-originating material of headings ${FABRICS_TEXT} or of Chapter 60 used was wholly woven, knitted or crocheted in at least one Party${NONE_USED}")`,
      note: TEXTILE_NOTE,
      incomplete: NOTE2,
    },
  'CC, với điều kiện khi sử dụng nguyên liệu không có xuất xứ của nhóm 50.07, nhóm 51.11 đến nhóm 51.13, nhóm 52.08 đến nhóm 52.12, nhóm 53.09 đến nhóm 53.11, nhóm 54.07, nhóm 54.08, nhóm 55.12 đến nhóm 55.16 hoặc chương 60, các nguyên liệu này được dệt thoi, hoặc dệt kim hoặc đan móc toàn bộ tại ít nhất một trong những nước thành viên.':
    {
      rule: `CC and Declared(ajcep_fabrics_woven_knitted, "every non-originating material of headings ${FABRICS_TEXT} or of Chapter 60 used was wholly woven, knitted or crocheted in at least one Party${NONE_USED}")`,
      note: `${TEXTILE_NOTE} Same condition as heading 62.12 ("đan móc" and "móc" both mean crocheting).`,
      incomplete: NOTE2,
    },
  'CC ngoại trừ từ ume thuộc các phân nhóm 0810.90 và 0812.90, hoặc khoai sọ thuộc phân nhóm 0714.90.': {
    rule: 'CC and Declared(ajcep_2008_99_no_ume_taro, "no non-originating ume (Japanese apricot) of subheading 0810.90 or 0812.90 and no non-originating taro (khoai sọ) of subheading 0714.90 is used")',
    note: 'The exception names goods, not whole subheadings (other goods of 0810.90, 0812.90 and 0714.90 remain usable under CC), so it is a declaration rather than CC(except: …).',
  },
  'CC ngoại trừ từ igusa thuộc phân nhóm 1401.90.': {
    rule: 'CC and Declared(ajcep_4601_no_igusa, "no non-originating igusa (rush) of subheading 1401.90 is used")',
    note: 'The exception names igusa only, not every good of subheading 1401.90, so it is a declaration rather than CC(except: sh140190).',
  },
};

/**
 * Rows whose criterion gives different rules to parts of the subheading: each
 * part becomes an "ex" row, which the caller chooses (the Form AJ overleaf
 * note 5 asks for the special description of these very goods).
 */
export const EX_SPLITS: Record<string, { ex: string; rule: string; note?: string }[]> = {
  '091091': [
    {
      ex: 'Curry',
      rule: 'CTSH or Declared(ajcep_0910_91_curry, "the final production process is performed in a Party, and no non-originating curry is used (other non-originating materials of subheading 0910.91 may be used)")',
      note: 'Printed as "- Đối với ca-ri (curry): CTSH; hoặc Không yêu cầu chuyển đổi mã số hàng hóa, với điều kiện quy trình sản xuất cuối cùng được thực hiện tại một nước thành viên từ nguyên liệu không có xuất xứ của phân nhóm này (ngoại trừ ca-ri)". The second alternative needs no change of classification; its conditions are a declaration.',
    },
    { ex: 'Other mixtures of Note 1(b) to Chapter 9 (not curry)', rule: 'CTSH', note: 'Printed as "- Đối với các loại khác: CTSH".' },
  ],
  '220890': [
    { ex: 'Sake compound and cooking sake (Mirin)', rule: 'RVC(40% FOB) and CTH', note: 'Printed as "RVC 40% và CTH đối với hỗn hợp rượu sake hoặc rượu sake nấu (Mirin)": both criteria ("và" = and).' },
    { ex: 'Beverages with a basis of fruit, of an alcoholic strength by volume of less than 1 %', rule: 'CC(except: [ch08, ch20])', note: 'Printed as "CC ngoại trừ từ chương 8 hoặc chương 20 đối với đồ uống có thành phần từ quả, có nồng độ cồn dưới 1%".' },
    { ex: 'Other goods of subheading 2208.90', rule: 'CTH(except: h2207)', note: 'Printed as "CTH ngoại trừ từ nhóm 22.07 đối với hàng hóa khác".' },
  ],
  '940490': [
    { ex: 'Quilts and eiderdowns (chăn nhồi lông và nệm)', rule: `CC(except: ${FABRICS})`, note: 'Printed as "CC ngoại trừ từ nhóm 50.07, … hoặc nhóm 55.12 đến 55.16 đối với chăn nhồi lông và nệm"; the English names follow Form AJ overleaf note 5 ("quilts and eiderdowns of 9404.90").' },
    { ex: 'Other goods of subheading 9404.90', rule: 'CTH', note: 'Printed as "CTH cho hàng hóa khác".' },
  ],
};

/** "chương 7", "nhóm 22.07", "nhóm 51.06 đến nhóm 51.10", "72.09", "7208 đến nhóm 72.12" → selectors. */
export function exceptList(list: string): string[] {
  const out: string[] = [];
  const heading = (s: string) => {
    const m = s.match(/^(?:nhóm )?(\d\d)\.?(\d\d)$/);
    if (!m) throw new Error(`unreadable heading "${s}" in "${list}"`);
    return `h${m[1]}${m[2]}`;
  };
  for (const raw of list.split(/, | hoặc | và /)) {
    const part = raw.trim();
    let m: RegExpMatchArray | null;
    if ((m = part.match(/^chương (\d{1,2})$/))) out.push(`ch${m[1]!.padStart(2, '0')}`);
    else if ((m = part.match(/^(.+?) đến (.+)$/))) out.push(`${heading(m[1]!)}..${heading(m[2]!)}`);
    else out.push(heading(part));
  }
  return out;
}

function alternative(alt: string): string {
  let m: RegExpMatchArray | null;
  if (alt === 'RVC 40%') return 'RVC(40% FOB)';
  if ((m = alt.match(/^(WO|CC|CTH|CTSH)$/))) return m[1]!;
  if ((m = alt.match(/^(CC|CTH|CTSH) ngoại trừ từ (.+)$/))) {
    const sel = exceptList(m[2]!);
    return `${m[1]}(except: ${sel.length === 1 ? sel[0] : `[${sel.join(', ')}]`})`;
  }
  throw new Error(`criterion not covered by the grammar: "${alt}"`);
}

/** A printed criterion → rule expression. */
export function translate(text: string): { rule: string; note?: string; incomplete?: string } {
  const o = OVERRIDES[text];
  if (o) return o;
  // Alternatives: "hoặc" followed by a criterion keyword (inside exception lists "hoặc" joins codes).
  const alts = text
    .replace(/\.$/, '')
    .split(/ hoặc (?=(?:RVC|CC|CTH|CTSH|WO)\b)/)
    .map((a) => a.trim());
  return { rule: alts.map(alternative).join(' or ') };
}

/** "Chương 9" → "09"; "09.03 0903.00" → "0903"; "0901.11" → "090111". */
function scopeOf(code: string): string {
  let m: RegExpMatchArray | null;
  if ((m = code.match(/^Chương (\d{1,2})$/))) return m[1]!.padStart(2, '0');
  if ((m = code.match(/^(\d\d)\.(\d\d)( \d{4}\.00)?$/))) return `${m[1]}${m[2]}`;
  if ((m = code.match(/^(\d{4})\.(\d\d)$/))) return `${m[1]}${m[2]}`;
  throw new Error(`bad code "${code}"`);
}

interface Line {
  code: string;
  scope: string;
  offset: number;
  spans: boolean;
  body: string;
}

function main(): void {
  const desc = hsDescriptions('HS2017');
  const lines: Line[] = [];
  for (const { offset, parts, line } of readTranscript(TRANSCRIPT)) {
    const [codePart, body] = parts;
    if (codePart === undefined || body === undefined || offset < 0) throw new Error(`malformed transcript line: ${line}`);
    const spans = codePart.startsWith('+');
    const code = codePart.replace(/^\+/, '').trim();
    lines.push({ code, scope: scopeOf(code), offset, spans, body: body.replace(/\s+/g, ' ').trim() });
  }
  const byCode = new Map(lines.map((l) => [l.code.split(' ')[0]!, l]));
  const rows: PsrRow[] = [];
  const texts = new Map<string, { rule: string; count: number; fixed?: string }>();
  const counts = { printedRows: lines.length, parentRows: 0, ownCriterion: 0, mergedCellPrinted: 0, mergedCellInferred: 0, exRows: 0 };
  const inferred: string[] = [];
  const seen = new Set<string>();
  for (const l of lines) {
    if (l.body === '-') {
      counts.parentRows++;
      continue;
    }
    let source = l;
    let shared: '=' | '~' | undefined;
    const m = l.body.match(/^([=~]) (\S+)$/);
    if (m) {
      shared = m[1] as '=' | '~';
      source = byCode.get(m[2]!)!;
      if (!source) throw new Error(`unknown merged-cell head ${m[2]} at ${l.code}`);
      if (shared === '=') counts.mergedCellPrinted++;
      else {
        counts.mergedCellInferred++;
        inferred.push(l.code);
      }
    } else counts.ownCriterion++;
    const printed = source.body;
    const fix = SOURCE_FIXES[printed];
    const text = fix?.text ?? printed;
    const shown = l.code.startsWith('Chương') ? l.code : l.code.split(' ')[0]!;
    const end = l.offset + (l.spans ? 2 : 1) * WINDOW;
    const cite = {
      source: SOURCE_ID,
      ref: `Phụ lục I, ${shown}, ${SOURCE_FILE}, characters ${l.offset}-${end}${source !== l ? ` (criterion printed once for the merged cell starting at ${source.code.split(' ')[0]}, characters ${source.offset}-${source.offset + (source.spans ? 2 : 1) * WINDOW})` : ''}`,
    };
    const notes: string[] = [];
    if (fix) notes.push(fix.note);
    if (shared === '=') notes.push(`The criterion is printed once in a merged cell beside headings ${source.code.split(' ')[0]} to ${shown}.`);
    if (shared === '~')
      notes.push(
        `No text is printed beside ${shown}: the merged criterion cell that starts at ${source.code.split(' ')[0]} is read as extending over it (its text ends on an earlier row; the next row with its own criterion starts a new cell; a listed heading without any criterion or listed subdivision would have no rule at all). Layout inference, not printed text.`,
      );
    if (seen.has(l.scope)) throw new Error(`scope ${l.scope} listed twice`);
    seen.add(l.scope);
    const split = EX_SPLITS[l.scope];
    if (split) {
      split.forEach((part, i) => {
        const parsed = parseRuleExpression(part.rule);
        if (!parsed.success) throw new Error(`expression for ${l.code} part ${i + 1} does not parse: ${parsed.issue.message}`);
        counts.exRows++;
        rows.push({
          id: `${l.scope}.${i + 1}`,
          scope: l.scope,
          ex: part.ex,
          description: part.ex,
          rule: part.rule,
          text: printed,
          cite,
          note: [...notes, part.note ?? ''].filter(Boolean).join(' '),
        });
      });
      texts.set(printed, { rule: split.map((p) => `[${p.ex}] ${p.rule}`).join(' ; '), count: (texts.get(printed)?.count ?? 0) + 1 });
      continue;
    }
    const t = translate(text);
    const parsed = parseRuleExpression(t.rule);
    if (!parsed.success) throw new Error(`expression for "${text}" does not parse: ${parsed.issue.message}`);
    const entry = texts.get(printed) ?? { rule: t.rule, count: 0, ...(fix ? { fixed: text } : {}) };
    entry.count++;
    texts.set(printed, entry);
    if (t.note) notes.push(t.note);
    rows.push({
      id: l.scope,
      scope: l.scope,
      description: desc.get(l.scope) ?? '',
      rule: t.rule,
      text: printed,
      cite,
      ...(notes.length ? { note: notes.join(' ') } : {}),
      ...(t.incomplete ? { incomplete: t.incomplete } : {}),
    });
  }
  const psr = { $schema: '../../docs/schema/psr.schema.json', agreement: 'ajcep', hsVersion: 'HS2017', rows, gaps: [] };
  writeFileSync(join(dir, 'psr.json'), `${JSON.stringify(psr, null, 2)}\n`);
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const report = [
    '# AJCEP PSR import report',
    '',
    `Generated by \`rules/tools/import-ajcep.ts\` from \`source/psr.transcript.txt\` (Phụ lục I of Circular 37/2022/TT-BCT, HS 2017).`,
    '',
    '## Counts',
    '',
    `- printed table rows transcribed: ${counts.printedRows}`,
    `- rows printed without a criterion of their own (chapter or heading captions whose subdivisions are listed): ${counts.parentRows}`,
    `- rows with their own printed criterion: ${counts.ownCriterion}`,
    `- rows inside a merged criterion cell (criterion printed once beside the group): ${counts.mergedCellPrinted}`,
    `- rows below the printed text of a merged cell (layout inference, see "Merged cells"): ${counts.mergedCellInferred} (${inferred.join(', ')})`,
    `- psr.json rows: ${rows.length} (of which ${counts.exRows} "ex" rows from 3 split subheadings: 0910.91, 2208.90, 9404.90); gaps: 0`,
    `- distinct criterion texts: ${texts.size}`,
    '',
    '## Every distinct criterion and its expression',
    '',
    'Abbreviations as defined in item 1 of the annex headnotes: "RVC 40%" = regional value content of at least 40 % by the formula of Article 8 (FOB − VNM)/FOB, with the last production process in a Party → `RVC(40% FOB)`; CC, CTH, CTSH = change of chapter, heading, subheading of every non-originating material; WO = wholly obtained (Article 6). "A hoặc B" between criteria → `A or B`; "… ngoại trừ từ chương N / nhóm X (đến nhóm Y)" → `…(except: …)`.',
    '',
    '| rows | criterion as printed | expression |',
    '|---|---|---|',
    ...[...texts].map(([text, e]) => `| ${e.count} | ${esc(e.fixed ? `${text} (read as: ${e.fixed})` : text)} | \`${esc(e.rule)}\` |`),
    '',
    readFileSync(join(dir, 'source/import-report.notes.md'), 'utf8'),
  ].join('\n');
  writeFileSync(join(dir, 'import-report.md'), report);
  console.log(`psr.json: ${rows.length} rows; ${texts.size} distinct criteria; ${JSON.stringify(counts)}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
