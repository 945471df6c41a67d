import { Button, Field, Input, makeStyles, mergeClasses, Spinner, tokens } from "@fluentui/react-components";
import { isIsoDate } from "../hooks/use-checker";
import type { PaneStrings } from "../strings";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-end",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  date: { minWidth: "150px" },
});

export type ToolbarProps = {
  text: PaneStrings;
  asOf: string;
  onAsOfChange(asOf: string): void;
  checking: boolean;
  writing: boolean;
  /** Why writing is not possible, or null; the buttons are disabled and the reason is shown above. */
  writeBlocked: boolean;
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
  const busy = checking || writing;
  return (
    <div className={mergeClasses(styles.root, props.className)} role="toolbar" aria-label={text.title}>
      <Field
        label={text.asOf}
        className={styles.date}
        validationState={validDate ? "none" : "error"}
        validationMessage={validDate ? undefined : text.asOfInvalid}
        hint={validDate ? text.asOfLong(asOf) : undefined}
      >
        <Input type="date" value={asOf} onChange={(_, data) => props.onAsOfChange(data.value)} />
      </Field>
      <Button
        appearance="primary"
        onClick={props.onCheck}
        disabled={busy || !validDate}
        icon={checking ? <Spinner size="tiny" /> : undefined}
      >
        {checking ? text.checking : text.check}
      </Button>
      <Button onClick={props.onFillTable} disabled={busy || !canWrite}>
        {text.fillTable}
      </Button>
      <Button onClick={props.onClearFlags} disabled={busy || !canWrite || props.writeBlocked}>
        {text.clearFlags}
      </Button>
    </div>
  );
}
