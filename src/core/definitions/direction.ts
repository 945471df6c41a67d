import { analyse } from "../analyser";
import type { Direction } from "./schema";

export type { Direction } from "./schema";

/**
 * The direction where no definition and no 正向/反向 column says: the analyser's head-final
 * reading of the name (投诉处理率 up, 投诉率 down), a cost category's money down.
 */
export function defaultDirection(level1: string, level2: string, name: string): Direction {
  return analyse({ name, level1, level2 }).direction;
}
