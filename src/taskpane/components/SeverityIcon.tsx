import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ErrorCircle16Filled, Info16Filled, Warning16Filled } from "@fluentui/react-icons";
import type { Severity } from "../../core";

const useStyles = makeStyles({
  error: { color: tokens.colorStatusDangerForeground1 },
  // The darker warning shade: Marigold's foreground on white is 2.6:1, this one passes 3:1 for icons.
  warning: { color: tokens.colorStatusWarningForeground3 },
  info: { color: tokens.colorNeutralForeground3 },
  icon: { flexShrink: 0, "@media (forced-colors: active)": { color: "CanvasText" } },
});

const ICONS = { error: ErrorCircle16Filled, warning: Warning16Filled, info: Info16Filled } as const;

/** A finding's severity as an icon; the row says it in words for assistive technology. */
export function SeverityIcon({ severity, className }: { severity: Severity; label: string; className?: string }) {
  const styles = useStyles();
  const Icon = ICONS[severity];
  return <Icon aria-hidden className={mergeClasses(styles.icon, styles[severity], className)} />;
}
