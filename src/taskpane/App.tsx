import { CheckPane } from "./components/CheckPane";
import { useChecker } from "./hooks/use-checker";
import type { Locale } from "./locale";
import type { PaneWorkbook } from "./pane-workbook";

export type AppProps = {
  workbook: PaneWorkbook;
  locale: Locale;
  /** YYYY-MM-DD: the default as-of date, passed in so tests are reproducible. */
  today: string;
  className?: string;
};

/** The task pane: capabilities from the workbook (useChecker), the view from them (CheckPane). */
export function App({ workbook, locale, today, className }: AppProps) {
  const checker = useChecker(workbook, { locale, today });
  return <CheckPane {...checker} locale={locale} className={className} />;
}
