import {
  Body1,
  Caption1,
  Combobox,
  Dropdown,
  Field,
  makeStyles,
  mergeClasses,
  Option,
  SearchBox,
  Subtitle2,
  Tag,
  TagGroup,
  ToggleButton,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import type { Finding, Report, Severity, TrafficLight } from "../../core";
import type { NameMatch, SheetDefinition } from "../engine-types";
import { filterRows, prepareFindings, rowAtCell, type ListFilter } from "../finding-list";
import type { Locale } from "../locale";
import { ruleName } from "../rule-names";
import { paneStrings } from "../strings";
import { FindingsList } from "./FindingsList";
import { SeverityIcon } from "./SeverityIcon";
import { SynonymForm, unmatched } from "./SynonymForm";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  title: { margin: 0 },
  severities: { display: "flex", columnGap: tokens.spacingHorizontalXS, flexWrap: "wrap", rowGap: "4px" },
  toggle: { whiteSpace: "nowrap", minWidth: "auto" },
  filters: {
    display: "flex",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    flexWrap: "wrap",
  },
  filter: { minWidth: "140px", flexGrow: 1, flexBasis: 0 },
  control: { minWidth: "auto", width: "100%" },
  search: { width: "100%", maxWidth: "none" },
  tags: { flexWrap: "wrap", rowGap: "4px" },
  tag: { maxWidth: "100%" },
});

export type Selection = { sheet: string; address: string; at: number };

const NO_LIGHTS: ReadonlySet<TrafficLight> = new Set();

export type FindingsViewProps = {
  locale: Locale;
  report: Report;
  findings: readonly Finding[];
  /** The model's project keys, in the report's order (names repeat; keys do not). */
  projectKeys: readonly string[];
  /** Only the findings of projects with these lights (the summary's toggles); absent or empty: all. */
  lights?: ReadonlySet<TrafficLight>;
  onSelect(finding: Pick<Finding, "sheet" | "cell">): void;
  /** The cell last selected in Excel, to show its finding. */
  selection: Selection | null;
  /** The results are from an earlier check (the last one failed or is running). */
  stale: boolean;
  /** Per table (by sheet): how its indicator names matched 指标定义. */
  names: Readonly<Record<string, readonly NameMatch[]>>;
  /** The definitions on the 指标定义 sheet a name can be added to. */
  definitions: readonly SheetDefinition[];
  /** The workbook can be edited now (not read-only, nothing being written). */
  canEdit: boolean;
  /** Adds a name as a synonym on 指标定义 (absent: not offered). */
  onAddSynonym?(name: string, definition: SheetDefinition): void;
  className?: string;
};

/** The active finding's indicator name when it matched no definition (or only a similar one). */
function unmatchedName(
  finding: Finding | undefined,
  names: Readonly<Record<string, readonly NameMatch[]>>,
): NameMatch | null {
  if (finding === undefined || finding.indicator === null) return null;
  const inSheet = names[finding.sheet]?.find((n) => n.name === finding.indicator);
  const match = inSheet ?? Object.values(names).flatMap((list) => list.filter((n) => n.name === finding.indicator))[0];
  return match !== undefined && unmatched(match) ? match : null;
}

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** Filters over the one findings list; F8 / Shift+F8 anywhere in the pane go to the next / previous finding. */
export function FindingsView(props: FindingsViewProps) {
  const { locale, report, findings, projectKeys, onSelect, selection } = props;
  const styles = useStyles();
  const text = paneStrings[locale];
  const prepared = useMemo(
    () => prepareFindings(findings, report, projectKeys, locale, text.otherFindings),
    [findings, report, projectKeys, locale, text],
  );
  // Notes (an indicator without a definition …) are many and only informative: folded at first.
  const [severities, setSeverities] = useState<ReadonlySet<Severity>>(() => new Set(["error", "warning"]));
  const [projects, setProjects] = useState<ReadonlySet<string>>(() => new Set());
  const [rule, setRule] = useState<string | null>(null);
  const [query, setQuery] = useState("");
  const [projectQuery, setProjectQuery] = useState("");
  const lights = props.lights ?? NO_LIGHTS;
  const filter: ListFilter = useMemo(
    () => ({ severities, projects, lights, rule, query }),
    [severities, projects, lights, rule, query],
  );
  const rows = useMemo(() => filterRows(prepared, filter), [prepared, filter]);

  const [activeKey, setActiveKey] = useState<string | null>(null);
  const [focusTick, setFocusTick] = useState(0);
  const lastIndex = useRef(-1);
  const activate = (key: string, focus: boolean) => {
    setActiveKey(key);
    if (focus) setFocusTick((t) => t + 1);
  };

  // A re-check that resolves the active finding keeps the place: the row now at its position.
  useEffect(() => {
    const index = activeKey === null ? -1 : rows.findIndex((r) => r.key === activeKey);
    if (index >= 0) {
      lastIndex.current = index;
      return;
    }
    if (activeKey === null || lastIndex.current < 0) return;
    const next =
      rows.slice(lastIndex.current).find((r) => r.type === "finding") ??
      [...rows].reverse().find((r) => r.type === "finding");
    const hadFocus = document.activeElement === null || document.activeElement === document.body;
    setActiveKey(next?.key ?? null);
    if (next !== undefined && hadFocus) setFocusTick((t) => t + 1);
  }, [rows, activeKey]);

  // Excel's selection shows its finding (without taking focus from the sheet).
  const linkedKey = useMemo(
    () => (selection === null ? null : (rowAtCell(rows, selection.sheet, selection.address)?.key ?? null)),
    [rows, selection],
  );
  // The cells the pane itself asked Excel to select, oldest first: their selection events arrive
  // later (after a keyboard move made since, say) and must not pull the active row back.
  const paneSelections = useRef<string[]>([]);
  useEffect(() => {
    if (linkedKey === null) return;
    const pending = paneSelections.current.indexOf(linkedKey);
    if (pending >= 0) {
      paneSelections.current = paneSelections.current.slice(pending + 1);
      return;
    }
    paneSelections.current = [];
    setActiveKey(linkedKey);
  }, [linkedKey, selection?.at]);

  const open = (key: string) => {
    const row = rows.find((r) => r.key === key);
    if (row?.type !== "finding") return;
    paneSelections.current = [...paneSelections.current.slice(-4), key];
    onSelect(row.item.finding);
  };

  // F8 / Shift+F8: the next / previous finding, focused and selected in Excel.
  const openRef = useRef({ rows, activeKey, open });
  openRef.current = { rows, activeKey, open };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "F8" || event.altKey || event.ctrlKey || event.metaKey) return;
      event.preventDefault();
      const { rows: list, activeKey: current, open: go } = openRef.current;
      const keys = list.filter((r) => r.type === "finding").map((r) => r.key);
      if (keys.length === 0) return;
      const at = current === null ? -1 : keys.indexOf(current);
      const next = event.shiftKey ? (at <= 0 ? keys.length - 1 : at - 1) : (at + 1) % keys.length;
      const key = keys[next];
      if (key === undefined) return;
      setActiveKey(key);
      setFocusTick((t) => t + 1);
      go(key);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  const toggleSeverity = (s: Severity) =>
    setSeverities((set) => {
      const next = new Set(set);
      if (next.has(s)) next.delete(s);
      else next.add(s);
      return next;
    });

  const groups = [...prepared.groups.values()];
  const projectLabel = (key: string) => {
    const g = prepared.groups.get(key);
    return g === undefined ? key : g.code === null ? g.name : `${g.code} ${g.name}`;
  };
  const shownProjects = groups.filter((g) =>
    projectLabel(g.key).toLowerCase().includes(projectQuery.trim().toLowerCase()),
  );
  const shownCount = rows.length - rows.filter((r) => r.type === "project").length;
  const activeRow = rows.find((r) => r.key === activeKey);
  const activeFinding = activeRow?.type === "finding" ? activeRow.item.finding : undefined;
  // The action sits after the list (a button inside a listbox option would be nested interactive
  // content): Tab from the active finding reaches it.
  const synonymName = props.onAddSynonym === undefined ? null : unmatchedName(activeFinding, props.names);

  return (
    <section className={mergeClasses(styles.root, props.className)} aria-labelledby="findings-heading">
      <Subtitle2 as="h2" id="findings-heading" className={styles.title}>
        {text.findings}
      </Subtitle2>
      <div className={styles.severities} role="group" aria-label={text.filterSeverity}>
        {SEVERITIES.map((s) => (
          <ToggleButton
            key={s}
            size="small"
            className={styles.toggle}
            checked={severities.has(s)}
            icon={<SeverityIcon severity={s} label={text.severity[s]} />}
            onClick={() => toggleSeverity(s)}
          >
            {`${text.severity[s]} ${prepared.totals[s]}`}
          </ToggleButton>
        ))}
      </div>
      <SearchBox
        className={styles.search}
        aria-label={text.search}
        placeholder={text.searchPlaceholder}
        value={query}
        onChange={(_, data) => setQuery(data.value)}
      />
      <div className={styles.filters}>
        <Field label={text.filterProject} className={styles.filter}>
          <Combobox
            className={styles.control}
            multiselect
            freeform
            placeholder={projects.size === 0 ? text.allProjects : text.projectsChosen(projects.size)}
            value={projectQuery}
            selectedOptions={[...projects]}
            onChange={(event) => setProjectQuery(event.target.value)}
            onOptionSelect={(_, data) => {
              setProjects(new Set(data.selectedOptions));
              setProjectQuery("");
            }}
          >
            {shownProjects.map((g) => (
              <Option key={g.key} value={g.key} text={projectLabel(g.key)}>
                {`${projectLabel(g.key)} (${g.counts.error + g.counts.warning + g.counts.info})`}
              </Option>
            ))}
          </Combobox>
        </Field>
        <Field label={text.filterRule} className={styles.filter}>
          <Dropdown
            className={styles.control}
            value={rule === null ? text.allRules : ruleName(rule, locale)}
            selectedOptions={[rule ?? ""]}
            onOptionSelect={(_, data) => setRule(data.optionValue === "" ? null : (data.optionValue ?? null))}
          >
            <Option value="" text={text.allRules}>
              {text.allRules}
            </Option>
            {prepared.rules.map(({ rule: r, count }) => (
              <Option key={r} value={r} text={ruleName(r, locale)}>
                {`${ruleName(r, locale)} (${count})`}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      {projects.size > 0 ? (
        <TagGroup
          className={styles.tags}
          aria-label={text.filterProject}
          onDismiss={(_, data) => setProjects((set) => new Set([...set].filter((k) => k !== String(data.value))))}
        >
          {[...projects].map((key) => (
            <Tag
              key={key}
              value={key}
              size="small"
              dismissible
              className={styles.tag}
              dismissIcon={{ "aria-label": text.remove }}
            >
              {projectLabel(key)}
            </Tag>
          ))}
        </TagGroup>
      ) : null}
      <Caption1 aria-live="polite">{text.shown(shownCount, findings.length)}</Caption1>
      {rows.length === 0 ? (
        <Body1>{findings.length === 0 ? text.noFindingsAtAll : text.noFindings}</Body1>
      ) : (
        <FindingsList
          rows={rows}
          locale={locale}
          text={text}
          label={text.findingsListLabel}
          activeKey={activeKey}
          linkedKey={linkedKey}
          focusTick={focusTick}
          stale={props.stale}
          onActivate={activate}
          onOpen={open}
        />
      )}
      {synonymName !== null && activeFinding !== undefined && props.onAddSynonym !== undefined ? (
        <SynonymForm
          key={activeKey}
          locale={locale}
          heading="h3"
          label={text.synonymForFinding(`${activeFinding.sheet}!${activeFinding.cell}`)}
          names={[synonymName]}
          definitions={props.definitions}
          disabled={!props.canEdit}
          onAdd={props.onAddSynonym}
        />
      ) : null}
    </section>
  );
}
