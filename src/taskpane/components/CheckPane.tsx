import {
  Body1,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Title3,
  tokens,
} from "@fluentui/react-components";
import { useMemo } from "react";
import { ADAPTER_MESSAGES } from "../../excel";
import type { Locale } from "../locale";
import type { Checker } from "../hooks/use-checker";
import { canFlag, writeBlock } from "../state";
import { paneStrings } from "../strings";
import { FindingsView } from "./FindingsView";
import { FiscalYearField } from "./FiscalYearField";
import { MappingView } from "./MappingView";
import { Summary } from "./Summary";
import { Toolbar } from "./Toolbar";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    minHeight: "100vh",
    boxSizing: "border-box",
  },
  header: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  notices: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
});

/** What useChecker gives, and the language to show it in. */
export type CheckPaneProps = Checker & { locale: Locale; className?: string };

/** The whole pane, from capabilities and state only: no Office, no workbook. */
export function CheckPane(props: CheckPaneProps) {
  const { locale, state } = props;
  const styles = useStyles();
  const text = paneStrings[locale];
  const outcome = state.status === "done" ? state.outcome : state.status === "idle" ? null : state.previous;
  const write = state.status === "done" ? state.write : { status: "none" as const };
  const readOnly = outcome !== null && writeBlock(outcome) === "read-only";
  const protectedSheets = outcome?.access.protectedSheets ?? [];

  const projects = useMemo(
    () =>
      outcome === null
        ? []
        : outcome.result.model.projects.map((p, i) => ({
            key: p.key,
            name: p.name,
            light: outcome.result.report.projects[i]?.light ?? ("green" as const),
          })),
    [outcome],
  );

  return (
    <main className={mergeClasses(styles.root, props.className)} lang={locale} aria-busy={state.status === "checking"}>
      <header className={styles.header}>
        <Title3 as="h1">{text.title}</Title3>
        <Body1>{text.intro}</Body1>
      </header>
      <Toolbar
        text={text}
        asOf={props.asOf}
        onAsOfChange={props.setAsOf}
        checking={state.status === "checking" || state.status === "idle"}
        writing={write.status === "writing"}
        canWrite={state.status === "done" && !readOnly}
        writeBlocked={state.status === "done" && !canFlag(state.outcome)}
        onCheck={props.onCheck}
        onFillTable={props.onFillTable}
        onClearFlags={props.onClearFlags}
      />
      {props.setFiscalYear === undefined ? null : (
        <FiscalYearField
          locale={locale}
          value={props.fiscalYear ?? ""}
          onChange={props.setFiscalYear}
          judged={outcome?.result.report.fiscalYear ?? null}
        />
      )}
      <div className={styles.notices} aria-live="polite">
        {state.status === "idle" ? <Spinner size="small" label={text.idle} /> : null}
        {state.status === "failed" ? (
          <MessageBar intent="error">
            <MessageBarBody>
              <MessageBarTitle>{text.failedTitle}</MessageBarTitle>
              {state.message}
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {readOnly && outcome !== null ? (
          <MessageBar intent="warning">
            <MessageBarBody>
              <MessageBarTitle>{text.readOnlyTitle}</MessageBarTitle>
              {ADAPTER_MESSAGES[locale].readOnly}
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {!readOnly && protectedSheets.length > 0 ? (
          <MessageBar intent="warning">
            <MessageBarBody>
              <MessageBarTitle>{text.protectedTitle}</MessageBarTitle>
              {text.protectedBody(protectedSheets)}
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {write.status === "written" ? (
          <MessageBar intent="success">
            <MessageBarBody>{write.detail}</MessageBarBody>
          </MessageBar>
        ) : null}
        {write.status === "writing" ? <Spinner size="tiny" label={text.writing} /> : null}
        {write.status === "failed" ? (
          <MessageBar intent="error">
            <MessageBarBody>
              <MessageBarTitle>{text.writeFailedTitle}</MessageBarTitle>
              {write.message}
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {props.selectError !== null ? (
          <MessageBar intent="error">
            <MessageBarBody>{props.selectError}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      {outcome !== null ? (
        <>
          <Summary report={outcome.result.report} text={text} />
          <FindingsView
            locale={locale}
            report={outcome.result.report}
            findings={outcome.result.findings}
            projects={projects}
            onSelect={props.onSelect}
          />
          <MappingView
            locale={locale}
            data={outcome.data}
            mapping={outcome.result.mapping}
            canSave={state.status === "done" && !readOnly && write.status !== "writing"}
            onSave={props.onSaveMapping}
          />
        </>
      ) : null}
    </main>
  );
}
