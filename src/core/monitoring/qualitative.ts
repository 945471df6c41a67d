/**
 * Answers staff give for a qualitative target (or instead of a number): the three published
 * grades, and answers that say the result is not in yet. Full-width and spaces are folded first.
 */
export type Answer = "达成" | "部分达成" | "未达成" | "pending";

const fold = (text: string): string =>
  text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000。.，,!！]+/g, "");

// Failed before partial before achieved: 未完成 contains 完成, 基本完成 too.
const FAILED =
  /^(未|没有|尚未按时|不)(能)?(按时|如期|全部|足额)?(达成|完成|达到|拨付|落实|达标|合格|实现|兑现|到位)$|^否$/;
const PARTIAL = /^(部分|基本|大部分|大部)(已)?(达成|完成|达到|拨付|落实|达标|实现|到位)$/;
const ACHIEVED =
  /^(已|全部|全面|均已|已全部|已经)?(按时|如期|足额|按期|及时)?(达成|完成|达到|拨付|落实|达标|合格|实现|兑现|到位)$|^(是|符合|满足)$|^(已|均已|已经)(实施|开展|建成|投入使用|通过验收)$/;
/** The work or the survey is still under way: 正在推进, 调查中, 待统计, 尚未开展…调查. */
const PENDING = /^(正在|尚在|待|尚未开展|尚未统计|尚未调查)|(中|进行|推进|实施)$/;

/** The answer a 完成值 gives, or null when it is none of them. */
export function readAnswer(text: string): Answer | null {
  const t = fold(text);
  if (t === "") return null;
  if (FAILED.test(t)) return "未达成";
  if (PARTIAL.test(t)) return "部分达成";
  if (ACHIEVED.test(t)) return "达成";
  if (PENDING.test(t)) return "pending";
  return null;
}

const pad = (n: number): string => String(n).padStart(2, "0");
const lastDay = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The date (YYYY-MM-DD) by which a target says the work is due — `2023年10月底前`, `6月底前`,
 * `9月15日前`, `年底前` — or null when it names none. A month without a year is in `fiscalYear`.
 */
export function deadlineOf(text: string, fiscalYear: number): string | null {
  const t = fold(text);
  if (/年(底|末)(前|之前|以前)/.test(t)) return `${fiscalYear}-12-31`;
  const m = /(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})[日号])?(?:底|末|份)?(?:前|之前|以前|内)/.exec(t);
  if (m === null) return null;
  const year = m[1] === undefined ? fiscalYear : Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  const day = m[3] === undefined ? lastDay(year, month) : Math.min(Number(m[3]), lastDay(year, month));
  return `${year}-${pad(month)}-${pad(day)}`;
}
