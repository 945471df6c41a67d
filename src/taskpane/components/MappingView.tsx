import {
  Body1,
  Button,
  Caption1,
  Dropdown,
  Field,
  Input,
  makeStyles,
  mergeClasses,
  Option,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import { columnLetters, HEADER_SYNONYMS, type HeaderRole, type TableMapping, type WorkbookData } from "../../core";
import type { Locale } from "../locale";
import { paneStrings } from "../strings";

const useStyles = makeStyles({
  title: { margin: 0 },
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  table: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  headerRow: { maxWidth: "120px" },
  dropdown: { minWidth: "140px", width: "100%" },
  actions: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

/** A role's name as a clerk would write the header: the first Chinese synonym, or the English one. */
export function roleLabel(role: HeaderRole, locale: Locale): string {
  const names: readonly string[] = HEADER_SYNONYMS[role];
  const english = names.find((n) => /^[a-z]/i.test(n)) ?? role;
  return locale === "zh-CN" ? (names[0] ?? role) : english.charAt(0).toUpperCase() + english.slice(1);
}

function headerText(data: WorkbookData, sheet: string, row: number, col: number): string {
  const value = data.sheets.find((s) => s.name === sheet)?.rows[row - 1]?.[col]?.value ?? null;
  return value === null ? "" : String(value).trim();
}

function letterIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A corrected table: the new columns, and the header texts they now stand under. */
function corrected(data: WorkbookData, entry: TableMapping): TableMapping {
  const headers: TableMapping["headers"] = {};
  for (const [role, letters] of Object.entries(entry.columns) as [HeaderRole, string][]) {
    const found = headerText(data, entry.sheet, entry.headerRow, letterIndex(letters));
    if (found !== "") headers[role] = found;
  }
  return { ...entry, headers, source: "corrected" };
}

export type MappingViewProps = {
  locale: Locale;
  data: WorkbookData;
  mapping: readonly TableMapping[];
  /** Null when the mapping can be saved; else why not (read-only …): the button is disabled. */
  canSave: boolean;
  onSave(mapping: TableMapping[]): void;
  className?: string;
};

/** The detected tables, correctable: header row and the column of each role; saved in the workbook. */
export function MappingView({ locale, data, mapping, canSave, onSave, className }: MappingViewProps) {
  const styles = useStyles();
  const text = paneStrings[locale];
  const [draft, setDraft] = useState<TableMapping[]>(() => [...mapping]);
  useEffect(() => setDraft([...mapping]), [mapping]);
  const changed = useMemo(() => JSON.stringify(draft) !== JSON.stringify(mapping), [draft, mapping]);

  const update = (index: number, next: TableMapping) =>
    setDraft((list) => list.map((entry, i) => (i === index ? corrected(data, next) : entry)));

  return (
    <section className={mergeClasses(styles.root, className)} aria-labelledby="mapping-heading">
      <Subtitle2 as="h2" id="mapping-heading" className={styles.title}>
        {text.mapping}
      </Subtitle2>
      <Caption1>{text.mappingIntro}</Caption1>
      {draft.length === 0 ? <Body1>{text.mappingNone}</Body1> : null}
      {draft.map((entry, index) => {
        const width =
          data.sheets.find((s) => s.name === entry.sheet)?.rows.reduce((m, r) => Math.max(m, r.length), 0) ?? 0;
        const letters = Array.from({ length: Math.max(width, 1) }, (_, c) => columnLetters(c));
        const option = (letter: string) => {
          const header = headerText(data, entry.sheet, entry.headerRow, letterIndex(letter));
          return header === "" ? letter : `${letter} · ${header}`;
        };
        return (
          <div key={`${entry.sheet}-${index}`} className={styles.table}>
            <h3 className={styles.heading}>
              {entry.sheet} — {text.kind[entry.kind]}
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
                {(Object.entries(entry.columns) as [HeaderRole, string][]).map(([role, letter]) => (
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
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        );
      })}
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
