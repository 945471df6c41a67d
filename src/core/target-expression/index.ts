/** Target expressions (指标值): parse, convert, compare, format. */
export {
  operatorSchema,
  unitSchema,
  quantitativeSchema,
  qualitativeSchema,
  missingSchema,
  unparseableSchema,
  targetExpressionSchema,
  type Operator,
  type Unit,
  type Quantitative,
  type TargetExpression,
} from "./schema";
export { parseTarget } from "./parse";
export { parseUnit } from "./unit";
export { parseOperator } from "./operator";
export { convert, toBase, compareWithTarget, type Comparison } from "./convert";
export { formatTarget, describeUnit, formatNumber } from "./format";
