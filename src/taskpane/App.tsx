import { useState } from "react";
import { CheckPane } from "./components/CheckPane";
import { localEngine } from "./engine-port";
import type { PaneEngine } from "./engine-types";
import { useChecker } from "./hooks/use-checker";
import type { Locale } from "./locale";
import type { PaneWorkbook } from "./pane-workbook";

export type AppProps = {
  workbook: PaneWorkbook;
  locale: Locale;
  /** YYYY-MM-DD: the default as-of date, passed in so tests are reproducible. */
  today: string;
  /** The checking engine: in a Web Worker in the pane (boot.tsx); in this thread when not given (tests). */
  engine?: PaneEngine;
  className?: string;
};

/** The task pane: capabilities from the workbook (useChecker), the view from them (CheckPane). */
export function App({ workbook, locale, today, engine, className }: AppProps) {
  const [own] = useState(() => engine ?? localEngine());
  const checker = useChecker(workbook, { locale, today, engine: own });
  return <CheckPane {...checker} locale={locale} className={className} />;
}
