import type { MaterialSelector } from './ast.js';

/**
 * A working or processing operation named by a rule ("weaving", "chemical
 * reaction") or listed as insufficient by an agreement ("simple packaging").
 */
export interface ProcessDefinition {
  readonly id: string;
  readonly en: string;
  readonly vi: string;
  /**
   * For the stages of textile manufacture (Chapters 50–63): the textile
   * materials the process starts from. A non-originating textile material
   * outside them is already at the process's output stage or beyond it (or in
   * another chain), so it cannot have undergone the process in the exporting
   * party, and a rule that requires the process is not met for it (stage
   * check). Non-textile materials are not judged. Taken from the HS
   * nomenclature, not from any one agreement.
   */
  readonly textileInputs?: MaterialSelector;
}

const hs = (from: string, to: string = from) => ({ type: 'hs', from, to }) as const;

/** Textile fibres: silk, wool and animal hair, cotton, vegetable fibres, man-made staple fibres and tow. */
const FIBRES: MaterialSelector = [hs('5001', '5003'), hs('5101', '5105'), hs('5201', '5203'), hs('5301', '5305'), hs('5501', '5507')];
/** Yarns: spun yarns, man-made filament yarns and sewing thread, and the yarn-like products of 5604–5606. */
const YARNS: MaterialSelector = [hs('5004', '5006'), hs('5106', '5110'), hs('5204', '5207'), hs('5306', '5308'), hs('5401', '5406'), hs('5508', '5511'), hs('5604', '5606')];
/** Everything up to fabrics (Chapters 50–60): what making-up starts from. */
const UP_TO_FABRIC: MaterialSelector = [hs('50', '60')];

const list: ProcessDefinition[] = [
  // General working or processing, for producers to declare what they do beyond minimal operations.
  { id: 'other_processing', en: 'working or processing beyond the minimal operations', vi: 'gia công, chế biến vượt quá công đoạn đơn giản' },
  { id: 'assembly', en: 'assembly that is not simple assembly', vi: 'lắp ráp không phải lắp ráp đơn giản' },
  { id: 'cutting_sewing', en: 'cutting and sewing', vi: 'cắt và may' },
  { id: 'machining', en: 'machining', vi: 'gia công cơ khí' },
  { id: 'moulding', en: 'moulding or casting', vi: 'đúc hoặc tạo khuôn' },
  { id: 'cooking', en: 'cooking or food processing', vi: 'nấu, chế biến thực phẩm' },
  { id: 'spinning', en: 'spinning of fibres', vi: 'kéo sợi', textileInputs: FIBRES },
  // Extrusion starts from chemical materials: every non-originating textile material is past it.
  { id: 'extrusion', en: 'extrusion of man-made fibres or filament yarn', vi: 'ép đùn xơ/sợi nhân tạo', textileInputs: [] },
  { id: 'twisting', en: 'twisting', vi: 'xe sợi' },
  { id: 'texturing', en: 'texturing', vi: 'tạo dún' },
  { id: 'carding_combing', en: 'carding or combing', vi: 'chải thô hoặc chải kỹ' },
  { id: 'weaving', en: 'weaving', vi: 'dệt thoi', textileInputs: [...FIBRES, ...YARNS] },
  { id: 'knitting', en: 'knitting or crocheting', vi: 'dệt kim hoặc móc', textileInputs: [...FIBRES, ...YARNS] },
  { id: 'fabric_formation', en: 'fabric formation', vi: 'tạo vải' },
  { id: 'nonwoven', en: 'non-woven techniques, including needle punching', vi: 'kỹ thuật không dệt, kể cả xuyên kim', textileInputs: [...FIBRES, ...YARNS] },
  { id: 'tufting', en: 'tufting', vi: 'chần sợi nổi vòng' },
  { id: 'dyeing', en: 'dyeing', vi: 'nhuộm' },
  { id: 'yarn_dyeing', en: 'dyeing of yarn', vi: 'nhuộm sợi' },
  {
    id: 'printing',
    en: 'printing with at least two preparatory or finishing operations',
    vi: 'in kèm theo ít nhất hai công đoạn chuẩn bị hoặc hoàn tất',
  },
  { id: 'coating', en: 'coating, laminating or impregnating', vi: 'tráng, phủ' },
  { id: 'flocking', en: 'flocking', vi: 'phủ xơ vụn' },
  { id: 'embroidery', en: 'embroidering', vi: 'thêu' },
  { id: 'making_up', en: 'making-up, including cutting', vi: 'may hoàn thiện, kể cả cắt', textileInputs: UP_TO_FABRIC },
  { id: 'chemical_reaction', en: 'chemical reaction', vi: 'phản ứng hoá học' },
  { id: 'refining', en: 'refining', vi: 'tinh chế' },
  { id: 'specific_process_petroleum', en: 'a specific process for petroleum products (Note 8)', vi: 'quy trình cụ thể đối với sản phẩm dầu mỏ (Chú giải 8)' },
  { id: 'retanning', en: 're-tanning of tanned or pre-tanned hides and skins', vi: 'thuộc lại da đã thuộc hoặc sơ thuộc' },
  { id: 'retreading', en: 'retreading of used tyres', vi: 'đắp lại lốp đã qua sử dụng' },
  { id: 'planing_sanding_jointing', en: 'planing, sanding or end-jointing', vi: 'bào, chà nhám hoặc nối đầu' },
  { id: 'splicing', en: 'splicing', vi: 'ghép nối' },
  { id: 'beading_moulding', en: 'beading or moulding', vi: 'tạo gờ hoặc tạo khuôn' },
  { id: 'glass_cutting', en: 'cutting of glassware', vi: 'cắt đồ thuỷ tinh' },
  { id: 'hand_decoration', en: 'hand-decoration of hand-blown glassware', vi: 'trang trí thủ công đồ thuỷ tinh thổi thủ công' },
  { id: 'precious_metal_separation', en: 'electrolytic, thermal or chemical separation of precious metals', vi: 'tách kim loại quý bằng điện phân, nhiệt hoặc hoá học' },
  { id: 'precious_metal_alloying', en: 'fusion or alloying of precious metals', vi: 'nấu chảy hoặc hợp kim hoá kim loại quý' },
  { id: 'forged_blank_machining', en: 'turning, drilling, reaming, threading, deburring and sandblasting of forged blanks', vi: 'tiện, khoan, doa, ren, làm sạch ba via và phun cát phôi rèn' },
  { id: 'lens_surfacing', en: 'surfacing of a semi-finished lens into a finished ophthalmic lens', vi: 'gia công bề mặt thấu kính bán thành phẩm thành thấu kính nhãn khoa' },
  { id: 'lens_coating', en: 'coating of the lens with treatments to improve vision and protect the wearer', vi: 'phủ thấu kính để cải thiện thị lực và bảo vệ người dùng' },
  {
    id: 'plain_printing',
    en: 'printing (no preparatory or finishing operations required)',
    vi: 'in (không yêu cầu công đoạn chuẩn bị hoặc hoàn tất)',
  },
];

/**
 * Every process the rule language knows, by id. Rule data naming an unknown
 * process fails to compile, so a typo cannot silently make a rule unmeetable.
 */
export const PROCESSES: ReadonlyMap<string, ProcessDefinition> = new Map(list.map((p) => [p.id, p]));
