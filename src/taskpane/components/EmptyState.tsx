import { Body1, Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { DocumentSearch24Regular } from "@fluentui/react-icons";
import type { PaneStrings } from "../strings";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  title: { margin: 0, display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
});

/** No table of any known layout: say what was looked for and where, instead of a green success. */
export function EmptyState({ text, sheets }: { text: PaneStrings; sheets: readonly string[] }) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-labelledby="empty-heading" data-testid="empty-state">
      <Subtitle2 as="h2" id="empty-heading" className={styles.title}>
        <DocumentSearch24Regular aria-hidden />
        {text.emptyTitle}
      </Subtitle2>
      <Body1>{text.emptyBody}</Body1>
      <Caption1>{text.emptyLookedFor}</Caption1>
      <Caption1>{text.emptyHeaders}</Caption1>
      <Caption1>{text.emptySheets(sheets)}</Caption1>
    </section>
  );
}
