/**
 * Targets a reviewer cannot check: a direction of change with no amount (提高, 有所提升, 明显改善),
 * and 时效 targets with no time in them (拨付完成, 按时拨付完成).
 */

const BASES = "(?:较上年度?|比上年|同比|环比|较去年|比去年|逐年|逐步|较以前)?";
const DEGREES =
  "(?:有所|进一步|不断|稳步|明显|显著|大幅|大幅度|持续|较大|一定程度|得到|有效|全面|普遍|大力|积极|切实|逐步|稳定|整体|总体|很大|大大|极大|较好|较为|更加|日益|基本|均|都|进一步地)*";
const CHANGES =
  "(?:提高|提升|增加|增长|增强|加强|降低|下降|减少|减轻|改善|优化|好转|改进|促进|推进|推动|扩大|缩小|巩固|完善|上升|加快|加大|强化|规范|向好|见效|缓解|满足|保障|保持|稳定|有效|良好|较好|显著|明显)+";
const VAGUE = new RegExp(`^${BASES}${DEGREES}${CHANGES}(?:了|中)?$`, "u");

const strip = (text: string): string => text.replace(/[\s\u3000，,。.；;、：:！!（）()“”"']/gu, "");

/** 提高, 有所提升, 有所降低, 明显改善: a direction of change and nothing to check it by. */
export function isVague(text: string): boolean {
  const s = strip(text);
  return s.length > 0 && s.length <= 16 && VAGUE.test(s);
}

/** A date, a number with a unit of time, or a named point of the year. */
const TIME =
  /\d|[一二三四五六七八九十两]+(?:个)?(?:工作日|日|天|周|个月|月|季度|年)|年底|年末|年内|年前|月底|月末|季末|季度末|上半年|下半年|当年|当月|本年|年度内|即时|当日|当天|次日|实时|立即|随时/u;

/** A 时效 target with no time in it: 拨付完成, 按时拨付完成, 按时间完成出访. */
export function lacksTime(text: string): boolean {
  return !TIME.test(strip(text));
}
