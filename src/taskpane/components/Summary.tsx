import {
  Badge,
  Caption1,
  makeStyles,
  mergeClasses,
  Subtitle2,
  tokens,
  type BadgeProps,
} from "@fluentui/react-components";
import type { Report, TrafficLight } from "../../core";
import type { PaneStrings } from "../strings";

const useStyles = makeStyles({
  title: { margin: 0 },
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  counts: { display: "flex", columnGap: tokens.spacingHorizontalL, flexWrap: "wrap", margin: 0 },
  count: { display: "flex", flexDirection: "column" },
  number: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  errors: { color: tokens.colorPaletteRedForeground1 },
  warnings: { color: tokens.colorPaletteMarigoldForeground1 },
  lights: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  light: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  badge: { flexShrink: 0, minWidth: "40px" },
  score: { marginLeft: "auto", color: tokens.colorNeutralForeground2, whiteSpace: "nowrap" },
});

export const LIGHT_COLOR: Readonly<Record<TrafficLight, BadgeProps["color"]>> = {
  red: "danger",
  amber: "warning",
  green: "success",
  blue: "brand",
};

export function LightBadge(props: {
  light: TrafficLight;
  text: PaneStrings;
  size?: BadgeProps["size"];
  className?: string;
}) {
  const { light, text, size, className } = props;
  return (
    <Badge appearance="filled" color={LIGHT_COLOR[light]} size={size} className={className}>
      {text.light[light]}
    </Badge>
  );
}

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

export function Summary({ report, text, className }: { report: Report; text: PaneStrings; className?: string }) {
  const styles = useStyles();
  const { summary } = report;
  return (
    <section className={mergeClasses(styles.root, className)} aria-labelledby="summary-heading">
      <Subtitle2 as="h2" id="summary-heading" className={styles.title}>
        {text.summary}
      </Subtitle2>
      <dl className={styles.counts}>
        <Count label={text.projects} value={summary.projects} />
        <Count label={text.errors} value={summary.errors} tone={styles.errors} />
        <Count label={text.warnings} value={summary.warnings} tone={styles.warnings} />
        <Count label={text.infos} value={summary.infos} />
      </dl>
      <ul className={styles.lights} aria-label={text.lightsLabel}>
        {report.projects.map((project, i) => (
          <li key={`${project.code ?? ""}-${i}`} className={styles.light}>
            <LightBadge light={project.light} text={text} size="small" className={styles.badge} />
            <Caption1>{project.name}</Caption1>
            {project.score !== null && (
              <Caption1 className={styles.score}>
                {text.score(project.score.toFixed(2), project.evaluation?.kind === "projected")}
              </Caption1>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
