import {
  Button,
  Field,
  Input,
  Label,
  makeStyles,
  mergeClasses,
  Spinner,
  tokens,
  useId,
} from "@fluentui/react-components";
import { isIsoDate } from "../hooks/use-checker";
import type { PaneStrings } from "../strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", alignItems: "flex-start", columnGap: tokens.spacingHorizontalS },
  dateBlock: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  // A fixed width: the message under an invalid date wraps instead of widening the field.
  date: { width: "160px", maxWidth: "100%" },
});

export type ToolbarProps = {
  text: PaneStrings;
  asOf: string;
  onAsOfChange(asOf: string): void;
  checking: boolean;
  writing: boolean;
  /** Why writing is not possible, or null; the buttons are disabled and the reason is shown above. */
  flagsBlocked: boolean;
  canWrite: boolean;
  onCheck(): void;
  onFillTable(): void;
  onClearFlags(): void;
  className?: string;
};

export function Toolbar(props: ToolbarProps) {
  const { text, asOf, checking, writing, canWrite } = props;
  const styles = useStyles();
  const validDate = isIsoDate(asOf);
  const dateId = useId("as-of");
  const busy = checking || writing;
  return (
    <div className={mergeClasses(styles.root, props.className)} role="toolbar" aria-label={text.title}>
      {/* The label above the row, so the check button sits level with the date input whatever the
          field shows below it (the date spelled out, or why it is not one). */}
      <div className={styles.dateBlock}>
        <Label htmlFor={dateId}>{text.asOf}</Label>
        <div className={styles.row}>
          <Field
            className={styles.date}
            validationState={validDate ? "none" : "error"}
            validationMessage={validDate ? undefined : text.asOfInvalid}
            hint={validDate ? text.asOfLong(asOf) : undefined}
          >
            <Input id={dateId} type="date" value={asOf} onChange={(_, data) => props.onAsOfChange(data.value)} />
          </Field>
          <Button
            appearance="primary"
            onClick={props.onCheck}
            // Focusable while disabled: a re-check started from the keyboard keeps the focus here.
            disabledFocusable={busy || !validDate}
            icon={checking ? <Spinner size="tiny" /> : undefined}
          >
            {checking ? text.checking : text.check}
          </Button>
        </div>
      </div>
      <div className={styles.row}>
        <Button onClick={props.onFillTable} disabled={busy || !canWrite}>
          {text.fillTable}
        </Button>
        <Button onClick={props.onClearFlags} disabled={busy || !canWrite || props.flagsBlocked}>
          {text.clearFlags}
        </Button>
      </div>
    </div>
  );
}
