import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Caption1,
  makeStyles,
  mergeClasses,
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Title3,
  tokens,
} from "@fluentui/react-components";
import { lazy, Suspense, useCallback, useEffect, useState } from "react";
import { formatProblem, type TrafficLight } from "../../core";
import type { Locale } from "../locale";
import type { Checker } from "../hooks/use-checker";
import { canFlag, checkState, foundNothing, isReadOnly, type CheckStage } from "../state";
import { paneStrings, type PaneStrings } from "../strings";
import { EmptyState } from "./EmptyState";
import { FiscalYearField } from "./FiscalYearField";
import { Summary } from "./Summary";
import { Toolbar } from "./Toolbar";

// The findings list (with the finding catalogues) loads beside the check; the mapping view,
// opened now and then, when it is first expanded.
const loadFindingsView = () => import("./FindingsView");
const FindingsView = lazy(() => loadFindingsView().then((m) => ({ default: m.FindingsView })));
const MappingView = lazy(() => import("./MappingView").then((m) => ({ default: m.MappingView })));

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    minHeight: "100vh",
    boxSizing: "border-box",
  },
  header: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  title: { margin: 0 },
  notices: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  mapping: {
    marginLeft: `calc(-1 * ${tokens.spacingHorizontalM})`,
    marginRight: `calc(-1 * ${tokens.spacingHorizontalM})`,
  },
});

const NO_KEYS: readonly string[] = [];
const NO_LIGHTS: ReadonlySet<TrafficLight> = new Set();

/** What useChecker gives, and the language to show it in. */
export type CheckPaneProps = Checker & { locale: Locale; className?: string };

const stageText = (text: PaneStrings, progress: CheckStage): string =>
  progress.stage === "reading"
    ? text.stage.reading
    : progress.stage === "checking"
      ? text.stage.checking(progress.sheets, progress.rows)
      : text.stage.writing(progress.findings, progress.rules);

/** The whole pane, from capabilities and state only: no Office, no workbook. */
export function CheckPane(props: CheckPaneProps) {
  const { locale, state } = props;
  const styles = useStyles();
  const text = paneStrings[locale];
  const outcome = state.status === "done" ? state.outcome : state.status === "idle" ? null : state.previous;
  const write = state.status === "done" ? state.write : { status: "none" as const };
  const readOnly = outcome !== null && isReadOnly(outcome);
  const protectedSheets = outcome?.access.protectedSheets ?? [];
  const empty = outcome !== null && foundNothing(outcome);
  const stale = state.status === "failed" || state.status === "checking";
  const projectKeys = outcome?.result.projectKeys ?? NO_KEYS;
  // A written sheet (the findings sheet, the 绩效目标表) is one click or key press away.
  const openAction = (sheet: string | undefined) =>
    sheet === undefined || props.onOpenSheet === undefined ? null : (
      <MessageBarActions>
        <Button size="small" onClick={() => props.onOpenSheet?.(sheet)}>
          {text.openSheet(sheet)}
        </Button>
      </MessageBarActions>
    );
  // The summary's lights filter the list below it: the state lives here, above both.
  const [lights, setLights] = useState<ReadonlySet<TrafficLight>>(NO_LIGHTS);
  const toggleLight = useCallback((light: TrafficLight) => {
    setLights((set) => {
      const next = new Set(set);
      if (next.has(light)) next.delete(light);
      else next.add(light);
      return next;
    });
  }, []);
  // Fetched while the workbook is read and checked, not after: the list shows as soon as the results do.
  useEffect(() => {
    loadFindingsView().catch((error: unknown) => console.error(error));
  }, []);

  return (
    <main
      className={mergeClasses(styles.root, props.className)}
      lang={locale}
      aria-busy={state.status === "checking"}
      data-check-state={checkState(state)}
    >
      <header className={styles.header}>
        <Title3 as="h1" className={styles.title}>
          {text.title}
        </Title3>
        <Caption1>{text.intro}</Caption1>
      </header>
      <Toolbar
        text={text}
        asOf={props.asOf}
        onAsOfChange={props.setAsOf}
        checking={state.status === "checking" || state.status === "idle"}
        writing={write.status === "writing"}
        canWrite={state.status === "done" && !readOnly && !empty}
        flagsBlocked={state.status === "done" && !canFlag(state.outcome)}
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
        {state.status === "checking" ? <Spinner size="small" label={stageText(text, state.progress)} /> : null}
        {state.status === "failed" ? (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{text.failedTitle}</MessageBarTitle>
              {state.message}
              <br />
              {text.failedNext}
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {stale && outcome !== null ? <Caption1>{text.stale}</Caption1> : null}
        {readOnly && outcome !== null ? (
          <MessageBar intent="warning">
            <MessageBarBody>
              <MessageBarTitle>{text.readOnlyTitle}</MessageBarTitle>
              {formatProblem({ kind: "read-only" }, locale)}
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
        {state.status === "done" && state.changes !== null ? (
          <Body1>{text.changes(state.changes.resolved, state.changes.added)}</Body1>
        ) : null}
        {write.status === "written" ? (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{write.detail}</MessageBarBody>
            {openAction(write.sheet)}
          </MessageBar>
        ) : null}
        {write.status === "unchanged" ? (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{text.flagsUnchanged}</MessageBarBody>
            {openAction(write.sheet)}
          </MessageBar>
        ) : null}
        {props.openError ? (
          <MessageBar intent="error">
            <MessageBarBody>{props.openError}</MessageBarBody>
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
      </div>
      {outcome !== null && empty ? <EmptyState text={text} sheets={outcome.data.sheets.map((s) => s.name)} /> : null}
      {outcome !== null && !empty ? (
        <>
          <Summary report={outcome.result.report} text={text} lights={lights} onToggleLight={toggleLight} />
          <Suspense fallback={<Spinner size="small" />}>
            <FindingsView
              locale={locale}
              report={outcome.result.report}
              findings={outcome.result.findings}
              projectKeys={projectKeys}
              lights={lights}
              onSelect={props.onSelect}
              selection={props.selection}
              stale={stale}
              names={outcome.result.names}
              definitions={outcome.result.sheetDefinitions}
              canEdit={state.status === "done" && !readOnly && write.status !== "writing"}
              {...(props.onAddSynonym === undefined ? {} : { onAddSynonym: props.onAddSynonym })}
            />
          </Suspense>
          {props.selectError !== null ? (
            // Beside the list the user is working in, not at the top of a scrolled pane.
            <MessageBar intent="error">
              <MessageBarBody>{props.selectError}</MessageBarBody>
            </MessageBar>
          ) : null}
          <Caption1>{text.shortcuts}</Caption1>
          <Accordion collapsible className={styles.mapping}>
            <AccordionItem value="mapping">
              <AccordionHeader as="h2">{text.mapping}</AccordionHeader>
              <AccordionPanel>
                <Suspense fallback={<Spinner size="tiny" />}>
                  <MappingView
                    locale={locale}
                    data={outcome.data}
                    result={outcome.result}
                    canSave={state.status === "done" && !readOnly && write.status !== "writing"}
                    onSave={props.onSaveMapping}
                    {...(props.onAddSynonym === undefined ? {} : { onAddSynonym: props.onAddSynonym })}
                  />
                </Suspense>
              </AccordionPanel>
            </AccordionItem>
          </Accordion>
        </>
      ) : null}
    </main>
  );
}
