import {
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Title3,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { Locale } from "./locale";
import { paneStrings } from "./strings";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    minHeight: "100vh",
    boxSizing: "border-box",
  },
  messageBar: {
    alignSelf: "stretch",
  },
});

export type AppProps = {
  locale: Locale;
  className?: string;
};

/** Placeholder pane: says what the add-in will do; the check itself is not wired yet. */
export function App({ locale, className }: AppProps) {
  const styles = useStyles();
  const text = paneStrings[locale];
  return (
    <main className={mergeClasses(styles.root, className)} lang={locale}>
      <Title3 as="h1">{text.title}</Title3>
      <Body1>{text.intro}</Body1>
      <MessageBar intent="info" className={styles.messageBar}>
        <MessageBarBody>
          <MessageBarTitle>{text.comingTitle}</MessageBarTitle>
          {text.comingBody}
        </MessageBarBody>
      </MessageBar>
      <Button appearance="primary" disabled>
        {text.checkButton}
      </Button>
    </main>
  );
}
