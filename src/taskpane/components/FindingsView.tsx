import {
  Badge,
  Body1,
  Body1Strong,
  createTableColumn,
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  Dropdown,
  Field,
  Link,
  makeStyles,
  mergeClasses,
  Option,
  Subtitle2,
  tokens,
  type TableColumnDefinition,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { formatFinding, type Finding, type Report, type Severity } from "../../core";
import type { Locale } from "../locale";
import { paneStrings, type PaneStrings } from "../strings";
import { LightBadge } from "./Summary";

/** One finding as the grid shows it. */
export type FindingRow = {
  id: string;
  severity: Severity;
  sheet: string;
  cell: string;
  indicator: string | null;
  message: string;
  select(): void;
};

type SeverityFilter = Severity | "all" | "problems";

const matches = (filter: SeverityFilter, severity: Severity): boolean =>
  filter === "all" || (filter === "problems" ? severity !== "info" : severity === filter);

const SEVERITY_COLOR = { error: "danger", warning: "warning", info: "informative" } as const;

const useStyles = makeStyles({
  title: { margin: 0 },
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  filters: { display: "flex", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  filter: { minWidth: "120px", flexGrow: 1, flexBasis: 0 },
  dropdown: { minWidth: "auto", width: "100%" },
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  groupHeading: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, margin: 0 },
  severity: { flexGrow: 0, flexShrink: 0, flexBasis: "56px" },
  cell: { flexGrow: 0, flexShrink: 0, flexBasis: "88px" },
  message: {
    flexGrow: 1,
    whiteSpace: "normal",
    overflowWrap: "anywhere",
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
  },
});

/** The grid's columns, one set per locale, defined once outside any component (STYLE.md §7). */
function columns(text: PaneStrings): TableColumnDefinition<FindingRow>[] {
  return [
    createTableColumn<FindingRow>({
      columnId: "severity",
      renderHeaderCell: () => text.columnSeverity,
      renderCell: (row) => (
        <Badge appearance="tint" color={SEVERITY_COLOR[row.severity]}>
          {text.severity[row.severity]}
        </Badge>
      ),
    }),
    createTableColumn<FindingRow>({
      columnId: "cell",
      renderHeaderCell: () => text.columnCell,
      renderCell: (row) => (
        <Link
          as="button"
          onClick={row.select}
          aria-label={text.goTo(row.sheet, row.cell)}
          title={`${row.sheet}!${row.cell}`}
        >
          {row.cell}
        </Link>
      ),
    }),
    createTableColumn<FindingRow>({
      columnId: "message",
      renderHeaderCell: () => text.columnMessage,
      renderCell: (row) => (
        <div>
          {row.indicator === null ? null : <Body1Strong block>{row.indicator}</Body1Strong>}
          <Body1>{row.message}</Body1>
        </div>
      ),
    }),
  ];
}

const COLUMNS: Readonly<Record<Locale, TableColumnDefinition<FindingRow>[]>> = {
  "zh-CN": columns(paneStrings["zh-CN"]),
  "en-US": columns(paneStrings["en-US"]),
};

type Group = { key: string; title: string; light: Report["projects"][number]["light"] | null; rows: FindingRow[] };

export type FindingsViewProps = {
  locale: Locale;
  report: Report;
  findings: readonly Finding[];
  /** Project key → name and light, in report order. */
  projects: readonly { key: string; name: string; light: Report["projects"][number]["light"] }[];
  onSelect(finding: Pick<Finding, "sheet" | "cell">): void;
  className?: string;
};

export function FindingsView({ locale, findings, projects, onSelect, className }: FindingsViewProps) {
  const styles = useStyles();
  const text = paneStrings[locale];
  // Notes (e.g. an indicator without a definition) are many and only informative: hidden at first.
  const [severity, setSeverity] = useState<SeverityFilter>("problems");
  const [rule, setRule] = useState<string>("all");
  const rules = useMemo(() => [...new Set(findings.map((f) => f.rule))].sort(), [findings]);

  const groups = useMemo((): Group[] => {
    const byKey = new Map<string, Group>(
      projects.map((p) => [p.key, { key: p.key, title: p.name, light: p.light, rows: [] as FindingRow[] }]),
    );
    const other: Group = { key: "\u0000other", title: text.otherFindings, light: null, rows: [] };
    findings.forEach((f, i) => {
      if (!matches(severity, f.severity)) return;
      if (rule !== "all" && f.rule !== rule) return;
      const group = (f.projectKey === null ? undefined : byKey.get(f.projectKey)) ?? other;
      group.rows.push({
        id: `${i}`,
        severity: f.severity,
        sheet: f.sheet,
        cell: f.cell,
        indicator: f.indicator,
        message: formatFinding(f, locale),
        select: () => onSelect(f),
      });
    });
    return [...byKey.values(), other].filter((g) => g.rows.length > 0);
  }, [findings, projects, severity, rule, locale, onSelect, text]);

  const severityLabel =
    severity === "all" ? text.all : severity === "problems" ? text.problems : text.severity[severity];
  return (
    <section className={mergeClasses(styles.root, className)} aria-labelledby="findings-heading">
      <Subtitle2 as="h2" id="findings-heading" className={styles.title}>
        {text.findings}
      </Subtitle2>
      <div className={styles.filters}>
        <Field label={text.filterSeverity} className={styles.filter}>
          <Dropdown
            className={styles.dropdown}
            value={severityLabel}
            selectedOptions={[severity]}
            onOptionSelect={(_, data) => setSeverity((data.optionValue as SeverityFilter | undefined) ?? "problems")}
          >
            <Option value="problems">{text.problems}</Option>
            <Option value="all">{text.all}</Option>
            <Option value="error">{text.severity.error}</Option>
            <Option value="warning">{text.severity.warning}</Option>
            <Option value="info">{text.severity.info}</Option>
          </Dropdown>
        </Field>
        <Field label={text.filterRule} className={styles.filter}>
          <Dropdown
            className={styles.dropdown}
            value={rule === "all" ? text.all : rule}
            selectedOptions={[rule]}
            onOptionSelect={(_, data) => setRule(data.optionValue ?? "all")}
          >
            <Option value="all">{text.all}</Option>
            {rules.map((r) => (
              <Option key={r} value={r}>
                {r}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      {groups.length === 0 ? <Body1>{text.noFindings}</Body1> : null}
      {groups.map((group) => (
        <div key={group.key} className={styles.group}>
          <h3 className={styles.groupHeading}>
            {group.light === null ? null : <LightBadge light={group.light} text={text} />}
            <Body1 as="span">{group.title}</Body1>
          </h3>
          <DataGrid
            items={group.rows}
            columns={COLUMNS[locale]}
            getRowId={(row: FindingRow) => row.id}
            aria-label={text.findingsOf(group.title)}
            size="small"
          >
            <DataGridHeader>
              <DataGridRow>
                {({ renderHeaderCell, columnId }) => (
                  <DataGridHeaderCell className={styles[columnId as "severity" | "cell" | "message"]}>
                    {renderHeaderCell()}
                  </DataGridHeaderCell>
                )}
              </DataGridRow>
            </DataGridHeader>
            <DataGridBody<FindingRow>>
              {({ item, rowId }) => (
                <DataGridRow<FindingRow> key={rowId}>
                  {({ renderCell, columnId }) => (
                    <DataGridCell className={styles[columnId as "severity" | "cell" | "message"]}>
                      {renderCell(item)}
                    </DataGridCell>
                  )}
                </DataGridRow>
              )}
            </DataGridBody>
          </DataGrid>
        </div>
      ))}
    </section>
  );
}
