import { Field, Input, makeStyles, useId } from "@fluentui/react-components";
import type { ReportFiscalYear } from "../../core";
import type { Locale } from "../locale";
import { fiscalYearText } from "./fiscal-year-text";

// The input is as narrow as a year needs; its hint takes the pane's width (one line at 320 px).
const useStyles = makeStyles({ input: { maxWidth: "220px" } });

/** Empty (find the year in the workbook) or a four-digit year. */
export const isYearInput = (text: string): boolean => text.trim() === "" || /^(19|20)\d{2}$/.test(text.trim());

export type FiscalYearFieldProps = {
  locale: Locale;
  /** What the field holds: "" to let the check find the year. */
  value: string;
  onChange(value: string): void;
  /** The year the last check judged, with its source; null before the first check. */
  judged: ReportFiscalYear | null;
};

/** The fiscal year the check judges: shown from the last report, overridable by typing a year. */
export function FiscalYearField({ locale, value, onChange, judged }: FiscalYearFieldProps) {
  const text = fiscalYearText[locale];
  const styles = useStyles();
  const id = useId("fiscal-year");
  const valid = isYearInput(value);
  return (
    <Field
      label={{ children: text.label, htmlFor: id }}
      validationState={valid ? "none" : "error"}
      validationMessage={valid ? undefined : text.invalid}
      hint={valid && judged !== null ? text.judged(judged) : undefined}
    >
      <Input
        className={styles.input}
        id={id}
        inputMode="numeric"
        value={value}
        placeholder={text.placeholder}
        onChange={(_, data) => onChange(data.value)}
      />
    </Field>
  );
}
