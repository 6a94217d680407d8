/**
 * Street addresses written in Chinese, Japanese or Korean. Their shape differs from the Latin ones the rest of
 * address.ts reads: the number comes after the street and carries a counter ("中山路8号": road 8, number; "4丁目1番4号":
 * district block 4, lot 1, building 4; "세종대로 110", "행신7길": road names ending in 로/길).
 */
import type { Detection } from "../../types.js";

const ID = "street-address";

// A town after a comma ("…, 珠口市", "…, 南投縣", "…, 수원구") is part of the address, as it is in Latin ones.
const HAN_TOWN = "(?:,[ \\t]?\\p{sc=Han}{1,6}(?:市|县|縣|区|區|町|村|郡|镇|鎮|省))?";
const KO_TOWN = "(?:,[ \\t]?[\\uac00-\\ud7a3]{1,6}(?:시|군|구|동|읍|면))?";
// Japanese chōme-banchi-gō, optionally with a building's room ("4丁目1番4号 桑原394号室").
const JA_RE = new RegExp(
  "[0-9０-９]{1,4}丁目[0-9０-９]{1,4}番(?:地)?(?:[0-9０-９]{1,4}号)?(?:[ \\t]?[\\p{sc=Han}\\p{sc=Katakana}]{1,8}[0-9０-９]{1,5}号室)?" +
    HAN_TOWN,
  "gu",
);
// Chinese: a name of Han characters and a number with 号 (號 in traditional characters: "龚街163号", "中山路8号"), a
// building or flat after it ("林路6号 公寓 949", "5号楼 302室").
const ZH_RE = new RegExp(
  "\\p{sc=Han}{1,16}[0-9０-９]{1,5}[号號](?:楼|樓|院)?(?:[ \\t]?(?:公寓|单元|單元|套房|室|房)?[ \\t]?[0-9０-９]{1,5}(?:室|[号號]|[楼樓层層])?)?" +
    HAN_TOWN,
  "gu",
);
// Korean road names: "세종대로 110", "행신7길", with a building number before or after, and an apartment block.
const KO_RE = new RegExp(
  "(?:[0-9]{1,5}[ \\t])?[\\uac00-\\ud7a3]{1,8}[0-9]{0,3}(?:대로|로|길)[0-9]{0,3}(?:번?길)?(?:[ \\t][0-9]{1,5}(?:-[0-9]{1,4})?(?:호|번지)?)?" +
    // an apartment block and flat after it: "아파트 961동 1203호"
    "(?:[ \\t]아파트[ \\t][0-9]{1,4}동(?:[ \\t][0-9]{1,4}호)?)?" +
    KO_TOWN +
    "(?![\\uac00-\\ud7a3])",
  "gu",
);
const HAS_CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3]/;
const HAS_DIGIT = /[0-9０-９]/;

/** Characters that end the words before a Chinese address: "搬到了北京市…", "我住在上海市…", "寄到广东省…". */
const ZH_BEFORE_ADDRESS = "在到了往至于寄住搬是为的送发";
const ZH_REGIONS = "省市区區县縣镇鎮";

/**
 * Where a Chinese address starts in a match of ZH_RE (`m`, from its first Han character): after the last word of
 * the sentence before it (ZH_BEFORE_ADDRESS) that comes before the first region ("…了北京市朝阳区…" starts at 北);
 * with no such word, ten characters before the number at most, as the address's name is rarely longer.
 */
function zhLead(m: string): number {
  let digit = 0;
  while (digit < m.length && !HAS_DIGIT.test(m[digit]!)) digit++;
  let region = 0;
  while (region < digit && !ZH_REGIONS.includes(m[region]!)) region++;
  // (a name of one character after it is none: "于巷693号" is Yu Lane, 于 a family name there)
  for (let k = Math.min(region, digit) - 1; k >= 0; k--)
    if (ZH_BEFORE_ADDRESS.includes(m[k]!) && digit - k - 1 >= 2) return k + 1;
  return Math.max(0, digit - 10);
}

function push(out: Detection[], start: number, end: number): void {
  out.push({ start, end, type: "STREET_ADDRESS", score: 0.8, level: 3, recognizer: ID });
}

/**
 * Chinese, Japanese and Korean street addresses in `text` (a Korean road name needs a house number beside it or a
 * digit in it: "학교로" alone is "to school").
 * @example cjkAddresses("moving to 9丁目6番7号 next month").length // 1
 */
export function cjkAddresses(text: string): Detection[] {
  const out: Detection[] = [];
  if (!HAS_CJK.test(text) || !HAS_DIGIT.test(text)) return out;
  JA_RE.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = JA_RE.exec(text));) push(out, m.index, m.index + m[0].length);
  const ja = out.length;
  ZH_RE.lastIndex = 0;
  // "番4号" inside a Japanese address is no Chinese one; both lists are in text order, so one walk finds the overlaps
  let k = 0;
  for (let m: RegExpExecArray | null; (m = ZH_RE.exec(text));) {
    const s = m.index + zhLead(m[0]);
    const e = m.index + m[0].length;
    while (k < ja && out[k]!.end <= s) k++;
    if (!(k < ja && out[k]!.start < e)) push(out, s, e);
  }
  KO_RE.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = KO_RE.exec(text));) {
    if (!/[0-9]/.test(m[0])) continue;
    push(out, m.index, m.index + m[0].length);
  }
  return out;
}
