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

export function Summary({ report, text, className }: { report: Report; text: PaneStrings; className?: string }) {
  const styles = useStyles();
  const { summary } = report;
  return (
    <section className={mergeClasses(styles.root, className)} aria-labelledby="summary-heading">
      <Subtitle2 as="h2" id="summary-heading" className={styles.title}>
        {text.summary}
      </Subtitle2>
      <dl className={styles.counts}>
        <div className={styles.count}>
          <dt>
            <Caption1>{text.projects}</Caption1>
          </dt>
          <dd className={styles.number}>{summary.projects}</dd>
        </div>
        <div className={styles.count}>
          <dt>
            <Caption1>{text.errors}</Caption1>
          </dt>
          <dd className={mergeClasses(styles.number, styles.errors)}>{summary.errors}</dd>
        </div>
        <div className={styles.count}>
          <dt>
            <Caption1>{text.warnings}</Caption1>
          </dt>
          <dd className={mergeClasses(styles.number, styles.warnings)}>{summary.warnings}</dd>
        </div>
        <div className={styles.count}>
          <dt>
            <Caption1>{text.infos}</Caption1>
          </dt>
          <dd className={styles.number}>{summary.infos}</dd>
        </div>
      </dl>
      <ul className={styles.lights} aria-label={text.lightsLabel}>
        {report.projects.map((project, i) => (
          <li key={`${project.code ?? ""}-${i}`} className={styles.light}>
            <LightBadge light={project.light} text={text} size="small" className={styles.badge} />
            <Caption1>{project.name}</Caption1>
            {project.score !== null && (
              <Caption1 className={styles.score}>{text.score(project.score.toFixed(2))}</Caption1>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
