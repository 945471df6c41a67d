/**
 * Where in the budget year a date falls (docs/checks.md): the last spending-plan checkpoint passed
 * (3月底, 6月底, 10月底, 12月底) and the share of the year elapsed.
 */
export type YearPosition = {
  /** The fiscal year judged. */
  year: number;
  /** The check's date, YYYY-MM-DD. */
  asOf: string;
  /** Index into the plan (0 = 3月底 … 3 = 12月底) of the last checkpoint on or before the date; null before 3月底. */
  checkpoint: number | null;
  /** Days elapsed ÷ days in the year, in percent (0–100). */
  elapsed: number;
  /** True from 12月31日 on: the year's targets are due. */
  yearEnd: boolean;
};

/** Month (1-based) and day of each checkpoint: the last day of March, June, October, December. */
const CHECKPOINTS = [
  [3, 31],
  [6, 30],
  [10, 31],
  [12, 31],
] as const;

export const CHECKPOINT_LABELS = ["3月底", "6月底", "10月底", "12月底"] as const;

/**
 * `asOf` is YYYY-MM-DD, already validated at the border; `fiscalYear` defaults to its year. After
 * the fiscal year's end everything is judged as final (a 自评 made in the next spring); before
 * its start nothing has elapsed.
 */
export function yearPosition(asOf: string, fiscalYear?: number | null): YearPosition {
  const [asOfYear = 1970, month = 1, day = 1] = asOf.split("-").map(Number);
  const year = fiscalYear ?? asOfYear;
  if (asOfYear > year) return { year, asOf, checkpoint: CHECKPOINTS.length - 1, elapsed: 100, yearEnd: true };
  if (asOfYear < year) return { year, asOf, checkpoint: null, elapsed: 0, yearEnd: false };
  const date = Date.UTC(year, month - 1, day);
  const start = Date.UTC(year, 0, 1);
  const days = (Date.UTC(year + 1, 0, 1) - start) / 86_400_000;
  // Counting the day itself: on 12月31日 the whole year has passed.
  const elapsed = Math.min(100, (((date - start) / 86_400_000 + 1) / days) * 100);
  let checkpoint: number | null = null;
  CHECKPOINTS.forEach(([m, d], i) => {
    if (date >= Date.UTC(year, m - 1, d)) checkpoint = i;
  });
  return { year, asOf, checkpoint, elapsed, yearEnd: checkpoint === CHECKPOINTS.length - 1 };
}
