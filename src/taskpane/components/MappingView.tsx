import {
  Body1,
  Button,
  Caption1,
  Dropdown,
  Field,
  Input,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Option,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import {
  columnIndex,
  columnLetters,
  HEADER_SYNONYMS,
  sheetWords,
  type HeaderRole,
  type TableMapping,
  type WorkbookData,
} from "../../core";
import type { PaneResult, SheetDefinition } from "../engine-types";
import type { Locale } from "../locale";
import { paneStrings } from "../strings";
import { SynonymForm, unmatched } from "./SynonymForm";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  table: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  headerRow: { maxWidth: "120px" },
  dropdown: { minWidth: "120px", width: "100%" },
  actions: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  twice: { color: tokens.colorStatusWarningForeground3, fontSize: tokens.fontSizeBase200 },
  name: { overflowWrap: "anywhere" },
});

/** English names of the column roles (the header synonyms' English entries read "projectcode", "fiscal"). */
const ROLE_EN: Partial<Record<string, string>> = {
  unit: "Department",
  projectCode: "Project code",
  projectName: "Project name",
  level1: "Level-1 indicator",
  level2: "Level-2 indicator",
  name: "Indicator",
  description: "Description",
  target: "Target",
  operator: "Operator",
  direction: "Direction",
  measureUnit: "Unit of measure",
  basis: "Basis of the target",
  weight: "Weight",
  actual: "Actual",
  deviationReason: "Reason for deviation",
  budget: "Budget",
  fiscal: "Fiscal funds",
  other: "Other funds",
  use: "Use of funds",
  plan3: "Spending plan, March",
  plan6: "Spending plan, June",
  plan10: "Spending plan, October",
  plan12: "Spending plan, December",
  spent: "Spent",
  goals: "Goals",
  goalName: "Goal",
};

/** A role's name as a clerk would write the header (the first Chinese synonym), or its English name. */
export function roleLabel(role: HeaderRole, locale: Locale): string {
  const names: readonly string[] = HEADER_SYNONYMS[role];
  return locale === "zh-CN" ? (names[0] ?? role) : (ROLE_EN[role] ?? role);
}

/** At most this many distinct names per table: a long list repeats a few dozen names. */
const NAMES_SHOWN = 40;

function headerText(data: WorkbookData, sheet: string, row: number, col: number): string {
  const value = data.sheets.find((s) => s.name === sheet)?.rows[row - 1]?.[col]?.value ?? null;
  return value === null ? "" : String(value).trim();
}

/** A corrected table: the new columns, and the header texts they now stand under. */
function corrected(data: WorkbookData, entry: TableMapping): TableMapping {
  const headers: TableMapping["headers"] = {};
  for (const [role, letters] of Object.entries(entry.columns) as [HeaderRole, string][]) {
    const found = headerText(data, entry.sheet, entry.headerRow, columnIndex(letters));
    if (found !== "") headers[role] = found;
  }
  return { ...entry, headers, source: "corrected" };
}

export type MappingViewProps = {
  locale: Locale;
  data: WorkbookData;
  result: PaneResult;
  canSave: boolean;
  onSave(mapping: TableMapping[]): void;
  /** Adds a name as a synonym on 指标定义 (absent: not offered). */
  onAddSynonym?(name: string, definition: SheetDefinition): void;
  className?: string;
};

/**
 * The detected tables, correctable: header row and the column of each role (a role added, a
 * column taken twice warned of), and how each indicator name matched 指标定义; saved in the workbook.
 */
export function MappingView({ locale, data, result, canSave, onSave, onAddSynonym, className }: MappingViewProps) {
  const styles = useStyles();
  const text = paneStrings[locale];
  const mapping = result.mapping;
  const [draft, setDraft] = useState<TableMapping[]>(() => [...mapping]);
  useEffect(() => setDraft([...mapping]), [mapping]);
  const changed = useMemo(() => JSON.stringify(draft) !== JSON.stringify(mapping), [draft, mapping]);

  const update = (index: number, next: TableMapping) =>
    setDraft((list) => list.map((entry, i) => (i === index ? corrected(data, next) : entry)));

  return (
    <section className={mergeClasses(styles.root, className)} aria-label={text.mapping}>
      <Caption1>{text.mappingIntro}</Caption1>
      {draft.length === 0 ? <Body1>{text.mappingNone}</Body1> : null}
      {draft.map((entry, index) => {
        const width =
          data.sheets.find((s) => s.name === entry.sheet)?.rows.reduce((m, r) => Math.max(m, r.length), 0) ?? 0;
        const letters = Array.from({ length: Math.max(width, 1) }, (_, c) => columnLetters(c));
        const option = (letter: string) => {
          const header = headerText(data, entry.sheet, entry.headerRow, columnIndex(letter));
          return header === "" ? letter : `${letter} · ${header}`;
        };
        const used = Object.entries(entry.columns) as [HeaderRole, string][];
        const rolesOf = (letter: string) => used.filter(([, l]) => l === letter).map(([r]) => r);
        const missing = (Object.keys(HEADER_SYNONYMS) as HeaderRole[]).filter((r) => !(r in entry.columns));
        const names = result.names[entry.sheet] ?? [];
        const kinds = [...new Set(names.map((n) => n.kind))];
        return (
          <div key={`${entry.sheet}-${index}`} className={styles.table}>
            <h3 className={styles.heading}>
              {entry.sheet} — {sheetWords(locale).layouts[entry.kind]}
            </h3>
            <Field label={text.headerRow} className={styles.headerRow}>
              <Input
                type="number"
                min={1}
                value={String(entry.headerRow)}
                onChange={(_, d) => {
                  const row = Number(d.value);
                  if (Number.isInteger(row) && row >= 1) update(index, { ...entry, headerRow: row });
                }}
              />
            </Field>
            <Table size="extra-small" aria-label={text.mappingOf(entry.sheet)}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{text.role}</TableHeaderCell>
                  <TableHeaderCell>{text.column}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {used.map(([role, letter]) => {
                  const others = rolesOf(letter).filter((r) => r !== role);
                  return (
                    <TableRow key={role}>
                      <TableCell>{roleLabel(role, locale)}</TableCell>
                      <TableCell>
                        <Dropdown
                          className={styles.dropdown}
                          aria-label={`${entry.sheet} ${roleLabel(role, locale)}`}
                          value={option(letter)}
                          selectedOptions={[letter]}
                          onOptionSelect={(_, d) => {
                            if (d.optionValue !== undefined) {
                              update(index, { ...entry, columns: { ...entry.columns, [role]: d.optionValue } });
                            }
                          }}
                        >
                          {letters.map((l) => (
                            <Option key={l} value={l}>
                              {option(l)}
                            </Option>
                          ))}
                        </Dropdown>
                        {others.length > 0 ? (
                          <div className={styles.twice} role="note">
                            {text.columnTwice(others.map((r) => roleLabel(r, locale)))}
                          </div>
                        ) : null}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
            {missing.length > 0 ? (
              <Field label={text.addRole}>
                <Dropdown
                  className={styles.dropdown}
                  placeholder={text.addRolePlaceholder}
                  value=""
                  selectedOptions={[]}
                  onOptionSelect={(_, d) => {
                    const role = d.optionValue as HeaderRole | undefined;
                    if (role !== undefined) {
                      update(index, { ...entry, columns: { ...entry.columns, [role]: letters[0] ?? "A" } });
                    }
                  }}
                >
                  {missing.map((r) => (
                    <Option key={r} value={r}>
                      {roleLabel(r, locale)}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
            ) : null}
            {names.length > 0 ? (
              <>
                <Caption1>
                  {kinds.map((k) => `${text.matchKind(k)} ${names.filter((n) => n.kind === k).length}`).join(" · ")}
                </Caption1>
                <Table size="extra-small" aria-label={text.matchesOf(entry.sheet)}>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>{text.indicatorName}</TableHeaderCell>
                      <TableHeaderCell>{text.matchedBy}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {names.slice(0, NAMES_SHOWN).map((n) => (
                      <TableRow key={n.name}>
                        <TableCell className={styles.name}>
                          {n.name}
                          {n.rows > 1 ? ` ×${n.rows}` : ""}
                        </TableCell>
                        <TableCell className={styles.name}>
                          {text.matchKind(n.kind)}
                          {n.definition === null ? "" : ` → ${n.definition}`}
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
                {names.length > NAMES_SHOWN ? <Caption1>{text.moreNames(names.length - NAMES_SHOWN)}</Caption1> : null}
                {onAddSynonym !== undefined && names.some(unmatched) ? (
                  <SynonymForm
                    locale={locale}
                    heading="h4"
                    label={`${text.synonymTitle}（${entry.sheet}）`}
                    names={names.filter(unmatched)}
                    definitions={result.sheetDefinitions}
                    disabled={!canSave}
                    onAdd={onAddSynonym}
                  />
                ) : null}
              </>
            ) : null}
          </div>
        );
      })}
      {draft.some((e) => new Set(Object.values(e.columns)).size < Object.values(e.columns).length) ? (
        <MessageBar intent="warning">
          <MessageBarBody>{text.columnTwiceSummary}</MessageBarBody>
        </MessageBar>
      ) : null}
      {draft.length > 0 ? (
        <div className={styles.actions}>
          <Button onClick={() => onSave(draft)} disabled={!canSave || !changed}>
            {text.saveMapping}
          </Button>
          {changed ? <Caption1>{text.mappingChanged}</Caption1> : null}
        </div>
      ) : null}
    </section>
  );
}
