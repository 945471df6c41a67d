import { Badge, Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { defaultRangeExtractor, useVirtualizer, type Range } from "@tanstack/react-virtual";
import { useCallback, useEffect, useMemo, useRef, type KeyboardEvent } from "react";
import type { ListRow } from "../finding-list";
import type { Locale } from "../locale";
import { ruleName } from "../rule-names";
import type { PaneStrings } from "../strings";
import { LIGHT_COLOR } from "./Summary";
import { SeverityIcon } from "./SeverityIcon";

const HEADER_HEIGHT = 48;
const ROW_HEIGHT = 60;

const useStyles = makeStyles({
  scroller: {
    overflowY: "auto",
    position: "relative",
    // Most of the pane's height once scrolled to: the list scrolls, the page around it barely.
    height: "max(240px, calc(100vh - 200px))",
    flexShrink: 0,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    // Room for the focus ring of the first and last row.
    paddingTop: tokens.spacingVerticalXXS,
    contain: "strict",
  },
  stale: { opacity: 0.6 },
  inner: { position: "relative", width: "100%" },
  placed: { position: "absolute", top: 0, left: 0, width: "100%" },
  sticky: { position: "sticky", top: 0, zIndex: 1 },
  header: {
    boxSizing: "border-box",
    display: "grid",
    gridTemplateColumns: "auto minmax(0, 1fr) auto",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: "2px",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    minHeight: `${HEADER_HEIGHT}px`,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  badge: { whiteSpace: "nowrap", flexShrink: 0 },
  projectName: {
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
  projectCode: {
    gridColumn: "2 / 3",
    color: tokens.colorNeutralForeground2,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
  counts: {
    gridColumn: "3 / 4",
    gridRow: "1 / 3",
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-end",
    whiteSpace: "nowrap",
    color: tokens.colorNeutralForeground2,
  },
  row: {
    boxSizing: "border-box",
    display: "grid",
    gridTemplateColumns: "16px 52px minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "start",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    cursor: "pointer",
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: `calc(-1 * ${tokens.strokeWidthThick})`,
    },
    "@media (forced-colors: active)": { ":focus-visible": { outlineColor: "Highlight" } },
  },
  linked: {
    backgroundColor: tokens.colorBrandBackground2,
    boxShadow: `inset ${tokens.strokeWidthThicker} 0 0 ${tokens.colorBrandStroke1}`,
    ":hover": { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  icon: { paddingTop: "2px" },
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
  cell: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: "anywhere",
  },
  message: {
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    overflowWrap: "anywhere",
  },
  clamped: {
    display: "-webkit-box",
    WebkitLineClamp: 2,
    WebkitBoxOrient: "vertical",
    overflow: "hidden",
  },
  more: {
    gridColumn: "3 / 4",
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
});

export type FindingsListProps = {
  rows: readonly ListRow[];
  locale: Locale;
  text: PaneStrings;
  label: string;
  /** The finding keyboard and clicks are on: its row is the list's tab stop and shows its whole message. */
  activeKey: string | null;
  /** The finding at the cell selected in Excel, marked as selected. */
  linkedKey: string | null;
  /** Bumped to move DOM focus to the active row (keyboard moves), left alone for Excel's selection. */
  focusTick: number;
  stale: boolean;
  onActivate(key: string, focus: boolean): void;
  onOpen(key: string): void;
  className?: string;
};

const findingIndexes = (rows: readonly ListRow[]): number[] =>
  rows.flatMap((r, i) => (r.type === "finding" ? [i] : []));

/**
 * The findings as one virtualised listbox: only the rows in view (and the sticky project header
 * and the active row) are in the DOM, whatever the number of findings. Keyboard: the active row
 * is the one tab stop (roving tabindex); arrows, Page Up/Down, Home/End move; Enter or Space
 * goes to the cell in Excel.
 */
export function FindingsList(props: FindingsListProps) {
  const { rows, text, locale, activeKey, linkedKey, focusTick, onActivate, onOpen } = props;
  const styles = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const findings = useMemo(() => findingIndexes(rows), [rows]);
  const indexOfKey = useMemo(() => new Map(rows.map((r, i) => [r.key, i])), [rows]);
  const headers = useMemo(() => rows.flatMap((r, i) => (r.type === "project" ? [i] : [])), [rows]);
  const activeIndex = activeKey === null ? -1 : (indexOfKey.get(activeKey) ?? -1);
  const tabStop = activeIndex >= 0 ? activeIndex : (findings[0] ?? -1);

  const stickyIndex = useRef(-1);
  const rangeExtractor = useCallback(
    (range: Range) => {
      // The header of the project at the top stays in view; the active row stays in the DOM so
      // that focus is never lost when it scrolls away.
      let sticky = -1;
      for (const h of headers) {
        if (h > range.startIndex) break;
        sticky = h;
      }
      stickyIndex.current = sticky;
      const indexes = new Set(defaultRangeExtractor(range));
      if (sticky >= 0) indexes.add(sticky);
      if (tabStop >= 0) indexes.add(tabStop);
      return [...indexes].sort((a, b) => a - b);
    },
    [headers, tabStop],
  );

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => (rows[i]?.type === "project" ? HEADER_HEIGHT : ROW_HEIGHT),
    getItemKey: (i) => rows[i]?.key ?? i,
    overscan: 6,
    rangeExtractor,
    // jsdom (component tests) measures nothing: assume a pane-sized viewport there.
    initialRect: { width: 350, height: 600 },
  });

  // Keyboard moves (and Excel's selection) scroll the active row into view; keyboard moves also focus it.
  useEffect(() => {
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: "auto" });
  }, [activeIndex, virtualizer]);
  useEffect(() => {
    if (focusTick === 0 || activeKey === null) return;
    const rowsInDom = scroller.current?.querySelectorAll<HTMLElement>("[data-key]") ?? [];
    [...rowsInDom].find((el) => el.dataset.key === activeKey)?.focus({ preventScroll: true });
  }, [focusTick, activeKey]);

  const move = (to: number) => {
    const key = rows[to]?.key;
    if (key !== undefined) onActivate(key, true);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = findings.indexOf(tabStop);
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 600) / ROW_HEIGHT) - 1);
    const target: Partial<Record<string, number | undefined>> = {
      ArrowDown: findings[Math.min(at + 1, findings.length - 1)],
      ArrowUp: findings[Math.max(at - 1, 0)],
      PageDown: findings[Math.min(at + page, findings.length - 1)],
      PageUp: findings[Math.max(at - page, 0)],
      Home: findings[0],
      End: findings[findings.length - 1],
    };
    if (event.key in target) {
      event.preventDefault();
      const to = target[event.key];
      if (to !== undefined) move(to);
    } else if ((event.key === "Enter" || event.key === " ") && tabStop >= 0) {
      event.preventDefault();
      const key = rows[tabStop]?.key;
      if (key !== undefined) onOpen(key);
    }
  };

  return (
    <div
      ref={scroller}
      className={mergeClasses(styles.scroller, props.stale && styles.stale, props.className)}
      role="listbox"
      aria-label={props.label}
      aria-busy={props.stale}
      onKeyDown={onKeyDown}
    >
      <div className={styles.inner} style={{ height: `${virtualizer.getTotalSize()}px` }}>
        {virtualizer.getVirtualItems().map((v) => {
          const row = rows[v.index];
          if (row === undefined) return null;
          const sticky = row.type === "project" && v.index === stickyIndex.current;
          const place = sticky ? styles.sticky : styles.placed;
          const style = sticky ? undefined : { transform: `translateY(${v.start}px)` };
          if (row.type === "project") {
            const { group } = row;
            return (
              <div
                key={row.key}
                data-index={v.index}
                ref={virtualizer.measureElement}
                className={mergeClasses(place, styles.header)}
                style={style}
                role="presentation"
              >
                {group.light === null ? (
                  <span />
                ) : (
                  <Badge appearance="filled" size="medium" color={LIGHT_COLOR[group.light]} className={styles.badge}>
                    {text.light[group.light]}
                  </Badge>
                )}
                <span className={styles.projectName} title={group.name}>
                  {group.name}
                </span>
                <Caption1 className={styles.counts}>
                  <span>{text.groupCounts(group.counts.error, group.counts.warning)}</span>
                  {row.shown < group.counts.error + group.counts.warning + group.counts.info ? (
                    <span>{text.shownOf(row.shown)}</span>
                  ) : null}
                </Caption1>
                <Caption1 className={styles.projectCode}>
                  {group.code ?? text.noCode}
                  {group.score === null ? "" : ` · ${text.score(group.score.toFixed(2), group.projected)}`}
                </Caption1>
              </div>
            );
          }
          const { finding } = row.item;
          const active = v.index === activeIndex;
          return (
            <div
              key={row.key}
              data-index={v.index}
              data-key={row.key}
              ref={virtualizer.measureElement}
              id={`finding-${v.index}`}
              role="option"
              aria-selected={row.key === linkedKey}
              data-cell={`${finding.sheet}!${finding.cell}`}
              tabIndex={v.index === tabStop ? 0 : -1}
              className={mergeClasses(place, styles.row, row.key === linkedKey && styles.linked)}
              style={style}
              title={`${finding.sheet}!${finding.cell}`}
              onClick={() => {
                onActivate(row.key, false);
                onOpen(row.key);
              }}
            >
              <SeverityIcon
                severity={finding.severity}
                label={text.severity[finding.severity]}
                className={styles.icon}
              />
              {/* The row's name is its text: the severity in words first (the icon is decorative). */}
              <span className={styles.hidden}>{text.severityLead(text.severity[finding.severity])}</span>
              <span className={styles.cell}>{finding.cell}</span>
              <span className={mergeClasses(styles.message, !active && styles.clamped)}>{row.item.message}</span>
              {active ? (
                <span className={styles.more}>
                  {`${finding.sheet}!${finding.cell} · ${ruleName(finding.rule, locale)}`}
                  {finding.indicator === null ? "" : ` · ${finding.indicator}`}
                </span>
              ) : null}
            </div>
          );
        })}
      </div>
    </div>
  );
}
