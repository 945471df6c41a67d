import type { Operator } from "./schema";

/** A unit word before scale prefixes: what it measures and its size in that dimension's base. */
export type BaseUnit = { readonly dimension: string; readonly scale: number };

/** Counting words (量词). Each is its own dimension: 5 家 and 5 个 are not the same thing. */
const COUNT_WORDS = [
  "个",
  "家",
  "次",
  "人次",
  "人",
  "户",
  "件",
  "场",
  "期",
  "项",
  "批",
  "套",
  "台",
  "辆",
  "间",
  "所",
  "座",
  "名",
  "份",
  "篇",
  "条",
  "张",
  "处",
  "册",
  "本",
  "天次",
  "个次",
  "家次",
  "户次",
  "车次",
  "架次",
  "班次",
  "批次",
  "场次",
  "项次",
  "课时",
  "学时",
  "床",
  "床位",
  "位",
  "艘",
  "架",
  "部",
  "门",
  "棵",
  "株",
  "头",
  "只",
  "匹",
  "盏",
  "块",
  "根",
  "片",
  "幅",
  "首",
  "集",
  "类",
  "种",
  "卷",
  "页",
  "宗",
  "起",
  "例",
  "笔",
  "单",
  "对",
  "组",
  "队",
  "支",
  "村",
  "栋",
  "层",
  "轮",
  "届",
  "趟",
  "吨次",
];

const YEAR = 365;

/** Units with a fixed relation inside their dimension; the base of each dimension has scale 1. */
const MEASURES: ReadonlyArray<readonly [string, string, number]> = [
  ["元", "money:CNY", 1],
  ["元人民币", "money:CNY", 1],
  ["人民币", "money:CNY", 1],
  ["人民币元", "money:CNY", 1],
  ["美元", "money:USD", 1],
  ["美金", "money:USD", 1],
  ["欧元", "money:EUR", 1],
  ["港元", "money:HKD", 1],
  ["港币", "money:HKD", 1],
  ["日元", "money:JPY", 1],
  ["英镑", "money:GBP", 1],
  // Percent keeps the number as written: 80% is value 80, not 0.8.
  ["%", "percent", 1],
  ["‰", "percent", 0.1],
  ["百分比", "percent", 1],
  ["百分点", "percentage-point", 1],
  ["个百分点", "percentage-point", 1],
  ["分", "score", 1],
  ["倍", "multiple", 1],
  ["米", "length", 1],
  ["m", "length", 1],
  // 80M, 5KM: clerks write metres in capitals; no other unit of a target is written M.
  ["M", "length", 1],
  ["KM", "length", 1000],
  ["公里", "length", 1000],
  ["千米", "length", 1000],
  ["km", "length", 1000],
  ["厘米", "length", 0.01],
  ["cm", "length", 0.01],
  ["毫米", "length", 0.001],
  ["mm", "length", 0.001],
  ["平方米", "area", 1],
  ["m2", "area", 1],
  ["平方公里", "area", 1e6],
  ["平方千米", "area", 1e6],
  ["km2", "area", 1e6],
  ["亩", "area", 2000 / 3],
  ["公顷", "area", 1e4],
  ["立方米", "volume", 1],
  ["m3", "volume", 1],
  ["升", "volume", 0.001],
  ["千克", "mass", 1],
  ["公斤", "mass", 1],
  ["kg", "mass", 1],
  ["克", "mass", 0.001],
  ["斤", "mass", 0.5],
  ["吨", "mass", 1000],
  // Durations in days; a month is a twelfth of a year so that 12 个月 = 1 年 exactly.
  ["天", "duration", 1],
  ["日", "duration", 1],
  ["小时", "duration", 1 / 24],
  ["个小时", "duration", 1 / 24],
  ["分钟", "duration", 1 / 1440],
  ["周", "duration", 7],
  ["星期", "duration", 7],
  ["个星期", "duration", 7],
  ["月", "duration", YEAR / 12],
  ["个月", "duration", YEAR / 12],
  ["季度", "duration", YEAR / 4],
  ["个季度", "duration", YEAR / 4],
  ["半年", "duration", YEAR / 2],
  ["年", "duration", YEAR],
  // Working days do not convert to calendar days.
  ["工作日", "workday", 1],
  ["个工作日", "workday", 1],
];

export const BASE_UNITS: ReadonlyMap<string, BaseUnit> = new Map<string, BaseUnit>([
  ...COUNT_WORDS.map((w): [string, BaseUnit] => [w, { dimension: `count:${w}`, scale: 1 }]),
  ...MEASURES.map(([w, dimension, scale]): [string, BaseUnit] => [w, { dimension, scale }]),
]);

/** 万元, 亿美元, 万人次: a multiplier written before the unit word. */
export const SCALE_PREFIXES: ReadonlyMap<string, number> = new Map([
  ["十", 10],
  ["百", 100],
  ["千", 1e3],
  ["万", 1e4],
  ["十万", 1e5],
  ["百万", 1e6],
  ["千万", 1e7],
  ["亿", 1e8],
  ["十亿", 1e9],
  ["百亿", 1e10],
  ["千亿", 1e11],
  ["万亿", 1e12],
]);

/** Per-parts (`/天`, `每月`) and the word each normalises to, so that 元/日 and 元/天 compare. */
export const PER_WORDS: ReadonlyMap<string, string> = new Map([
  ["天", "天"],
  ["日", "天"],
  ["晚", "晚"],
  ["夜", "夜"],
  ["小时", "小时"],
  ["周", "周"],
  ["星期", "周"],
  ["月", "月"],
  ["个月", "月"],
  ["季度", "季度"],
  ["季", "季度"],
  ["半年", "半年"],
  ["年", "年"],
  ["工作日", "工作日"],
  ["次", "次"],
  ["人", "人"],
  ["人次", "人次"],
  ["间", "间"],
  ["个", "个"],
  ["户", "户"],
  ["件", "件"],
  ["套", "套"],
  ["台", "台"],
  ["辆", "辆"],
  ["场", "场"],
  ["期", "期"],
  ["项", "项"],
  ["家", "家"],
  ["名", "名"],
  ["张", "张"],
  ["床", "床"],
  ["批", "批"],
  ["份", "份"],
  ["平方米", "平方米"],
  ["m2", "平方米"],
  ["亩", "亩"],
  ["吨", "吨"],
  ["公里", "公里"],
  ["千米", "公里"],
  ["km", "公里"],
  ["米", "米"],
  ["课时", "课时"],
  ["学时", "学时"],
  ["间夜", "间夜"],
]);

/** Written before the number. `yields` marks vague words (约, 控制在) that give way to a suffix or a range. */
export type PrefixOperator = { readonly op: Exclude<Operator, "range">; readonly yields: boolean };

const verbal = (op: Exclude<Operator, "range">, yields = false): PrefixOperator => ({ op, yields });

export const SYMBOLIC_OPERATORS: ReadonlyMap<string, PrefixOperator> = new Map([
  ["≥", verbal(">=")],
  ["≤", verbal("<=")],
  ["=", verbal("=")],
  [">", verbal(">")],
  ["<", verbal("<")],
]);

export const VERBAL_OPERATORS: ReadonlyMap<string, PrefixOperator> = new Map([
  ["大于或等于", verbal(">=")],
  ["小于或等于", verbal("<=")],
  ["大于等于", verbal(">=")],
  ["小于等于", verbal("<=")],
  ["不得超过", verbal("<=")],
  ["不得高于", verbal("<=")],
  ["不得大于", verbal("<=")],
  ["不得多于", verbal("<=")],
  ["不得低于", verbal(">=")],
  ["不得少于", verbal(">=")],
  ["不得小于", verbal(">=")],
  ["不低于", verbal(">=")],
  ["不少于", verbal(">=")],
  ["不小于", verbal(">=")],
  ["不高于", verbal("<=")],
  ["不多于", verbal("<=")],
  ["不大于", verbal("<=")],
  ["不超过", verbal("<=")],
  ["不超出", verbal("<=")],
  ["不足", verbal("<")],
  ["等于", verbal("=")],
  ["大于", verbal(">")],
  ["小于", verbal("<")],
  ["低于", verbal("<")],
  ["高于", verbal(">")],
  ["超过", verbal(">")],
  ["多于", verbal(">")],
  ["少于", verbal("<")],
  ["达到", verbal(">=")],
  ["达", verbal(">=")],
  ["至少", verbal(">=")],
  ["最少", verbal(">=")],
  ["最低", verbal(">=")],
  ["最多", verbal("<=")],
  ["最高", verbal("<=")],
  ["约等于", verbal("=", true)],
  ["大约", verbal("=", true)],
  ["约", verbal("=", true)],
  ["控制在", verbal("<=", true)],
  // "Brought down to" / "raised to" a level: a bound that a suffix (降低至5%以下) may restate.
  ["降低至", verbal("<=", true)],
  ["降低到", verbal("<=", true)],
  ["下降至", verbal("<=", true)],
  ["下降到", verbal("<=", true)],
  ["减少至", verbal("<=", true)],
  ["减少到", verbal("<=", true)],
  ["压减至", verbal("<=", true)],
  ["压减到", verbal("<=", true)],
  ["控制到", verbal("<=", true)],
  ["降至", verbal("<=", true)],
  ["降到", verbal("<=", true)],
  ["提高至", verbal(">=", true)],
  ["提高到", verbal(">=", true)],
  ["提升至", verbal(">=", true)],
  ["提升到", verbal(">=", true)],
  ["增加至", verbal(">=", true)],
  ["增加到", verbal(">=", true)],
  ["增长至", verbal(">=", true)],
  ["增长到", verbal(">=", true)],
  ["上升至", verbal(">=", true)],
  ["上升到", verbal(">=", true)],
]);

/**
 * A change from a baseline (last year's, usually) written before the amount: 下降5%, 同比增长10%.
 * Not a level: 下降5% is met by a fall of 5% whatever the level.
 */
export const CHANGE_WORDS: ReadonlyArray<readonly [string, "increase" | "decrease"]> = [
  ["下降", "decrease"],
  ["降低", "decrease"],
  ["减少", "decrease"],
  ["压减", "decrease"],
  ["减低", "decrease"],
  ["提高", "increase"],
  ["提升", "increase"],
  ["增加", "increase"],
  ["增长", "increase"],
  ["上升", "increase"],
];
/** What a change is measured from, when written: 同比, 较上年. */
export const CHANGE_BASES = ["较上年度", "较上一年度", "较上年", "比上年", "同比", "环比", "较去年", "比去年"] as const;

/** Written after the number. 以上/以下 include the number itself, as in Chinese legal usage. */
export const SUFFIX_OPERATORS: ReadonlyMap<string, Exclude<Operator, "range">> = new Map([
  ["及以上", ">="],
  ["或以上", ">="],
  ["以上", ">="],
  ["及以下", "<="],
  ["或以下", "<="],
  ["以下", "<="],
  ["以内", "<="],
  ["之内", "<="],
  ["内", "<="],
  ["左右", "="],
  ["上下", "="],
] as const);

/** `(含)` after 以上/以下 only repeats that the bound is included. */
export const INCLUSIVE_MARKERS = ["(含)", "(含本数)"] as const;

export const RANGE_SEPARATORS = ["-", "~", "至", "到"] as const;

/**
 * Characters that never belong to a unit word: they mark time (前, 底), completion (完成) or
 * grammar (的, 以). They keep `12月底前完成` from turning into the unit `月底前`.
 */
export const NOT_IN_UNIT_WORD = new Set([
  ..."前后底初末旬内中完成号时之的以及或和与等左右率上下达到至于为是不未每按在止含约占比向性",
]);

export const CHINESE_DIGITS: ReadonlyMap<string, number> = new Map([
  ["零", 0],
  ["〇", 0],
  ["一", 1],
  ["二", 2],
  ["两", 2],
  ["三", 3],
  ["四", 4],
  ["五", 5],
  ["六", 6],
  ["七", 7],
  ["八", 8],
  ["九", 9],
]);
export const CHINESE_MULTIPLIERS: ReadonlyMap<string, number> = new Map([
  ["十", 10],
  ["百", 100],
  ["千", 1000],
]);

/**
 * Every word the grammar knows. Han characters outside these are prose: `12月底前完成` has 底前完成,
 * so a failed parse of it is a qualitative sentence, while `1.2.3万元` has none and is a typo.
 */
export const KNOWN_WORDS: readonly string[] = [
  ...BASE_UNITS.keys(),
  ...SCALE_PREFIXES.keys(),
  ...PER_WORDS.keys(),
  ...VERBAL_OPERATORS.keys(),
  ...SUFFIX_OPERATORS.keys(),
  ...CHINESE_DIGITS.keys(),
  ...CHINESE_MULTIPLIERS.keys(),
  "每",
  "百分之",
  "含",
  "至",
  "到",
];
