import { Badge, Caption1, makeStyles, mergeClasses, ToggleButton, tokens, type BadgeProps } from "@fluentui/react-components";
import type { Report, TrafficLight } from "../../core";
import type { PaneStrings } from "../strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  counts: { display: "flex", columnGap: tokens.spacingHorizontalL, flexWrap: "wrap", margin: 0 },
  count: { display: "flex", flexDirection: "column" },
  number: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  errors: { color: tokens.colorStatusDangerForeground1 },
  // Marigold's foreground (#d39300) is 2.6:1 on white: the darkest warning shade reads 4.5:1 and more.
  warnings: { color: tokens.colorStatusWarningForeground3 },
  lights: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: "4px",
    margin: 0,
    padding: 0,
  },
  toggle: { minWidth: "auto", columnGap: tokens.spacingHorizontalXS, paddingLeft: "4px", paddingRight: "6px" },
  badge: { whiteSpace: "nowrap", flexShrink: 0 },
});

export const LIGHT_COLOR: Readonly<Record<TrafficLight, BadgeProps["color"]>> = {
  red: "danger",
  amber: "warning",
  green: "success",
  blue: "brand",
};

/** One figure of the summary: its name over its number, the number in the severity's colour where given. */
function Count({ label, value, tone }: { label: string; value: number; tone?: string }) {
  const styles = useStyles();
  return (
    <div className={styles.count}>
      <dt>
        <Caption1>{label}</Caption1>
      </dt>
      <dd className={mergeClasses(styles.number, tone)}>{value}</dd>
    </div>
  );
}

const LIGHTS: readonly TrafficLight[] = ["red", "amber", "green", "blue"];

export type SummaryProps = {
  report: Report;
  text: PaneStrings;
  /** The lights whose projects' findings the list shows (empty: every project's). */
  lights: ReadonlySet<TrafficLight>;
  /** Each light is a toggle that filters the findings list to its projects. */
  onToggleLight(light: TrafficLight): void;
  className?: string;
};

/** The check in four figures and the projects per light; each project's light heads its findings. */
export function Summary({ report, text, lights, onToggleLight, className }: SummaryProps) {
  const styles = useStyles();
  const { summary } = report;
  const perLight = LIGHTS.map((light) => ({ light, n: report.projects.filter((p) => p.light === light).length }));
  return (
    <section className={mergeClasses(styles.root, className)} aria-labelledby="summary-heading">
      <h2 id="summary-heading" className={styles.title}>
        {text.summary}
      </h2>
      <dl className={styles.counts}>
        <Count label={text.projects} value={summary.projects} />
        <Count label={text.errors} value={summary.errors} tone={styles.errors} />
        <Count label={text.warnings} value={summary.warnings} tone={styles.warnings} />
        <Count label={text.infos} value={summary.infos} />
      </dl>
      <div className={styles.lights} role="group" aria-label={text.lightsFilter}>
        {perLight
          .filter(({ n }) => n > 0)
          .map(({ light, n }) => (
            <ToggleButton
              key={light}
              size="small"
              appearance="outline"
              className={styles.toggle}
              checked={lights.has(light)}
              onClick={() => onToggleLight(light)}
            >
              <Badge appearance="filled" size="medium" color={LIGHT_COLOR[light]} className={styles.badge}>
                {text.light[light]}
              </Badge>
              {n}
            </ToggleButton>
          ))}
      </div>
    </section>
  );
}
