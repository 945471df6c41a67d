import { Body1, Button, Caption1, Dropdown, Field, makeStyles, Option, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { NameMatch, SheetDefinition } from "../engine-types";
import type { Locale } from "../locale";
import { paneStrings } from "../strings";
import { canBeSynonym } from "../synonym-edit";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalS,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  name: { overflowWrap: "anywhere" },
  dropdown: { minWidth: "120px", width: "100%" },
  actions: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

/** A name the form offers: not matched, or only similar, and one that can be written as a synonym. */
export const unmatched = (n: NameMatch): boolean => (n.kind === "none" || n.kind === "fuzzy") && canBeSynonym(n.name);

export type SynonymFormProps = {
  locale: Locale;
  /** The group's accessible name (which table, or which finding). */
  label: string;
  /** Its heading's level, under the section it sits in. */
  heading: "h3" | "h4";
  /** The names offered; one name is shown as text, several as a choice. */
  names: readonly NameMatch[];
  definitions: readonly SheetDefinition[];
  disabled: boolean;
  onAdd(name: string, definition: SheetDefinition): void;
};

/**
 * A name not matched (or only similar) added as a synonym of a definition on 指标定义: the name,
 * the definition (the matcher's closest one when it is on the sheet), one button. Used by the
 * mapping view (any unmatched name of a table) and under the findings list (the active finding's name).
 */
export function SynonymForm({
  locale,
  label,
  heading: Heading,
  names,
  definitions,
  disabled,
  onAdd,
}: SynonymFormProps) {
  const styles = useStyles();
  const text = paneStrings[locale];
  const [name, setName] = useState<string | null>(names[0]?.name ?? null);
  const closest = (n: string | null) => {
    const wanted = names.find((m) => m.name === n)?.definition;
    return definitions.find((d) => d.name === wanted)?.name ?? null;
  };
  const [definition, setDefinition] = useState<string | null>(() => closest(names[0]?.name ?? null));
  const chosen = definitions.find((d) => d.name === definition);
  if (definitions.length === 0) return <Caption1>{text.synonymNoDefinitions}</Caption1>;
  return (
    <div className={styles.root} role="group" aria-label={label}>
      <Heading className={styles.heading}>{text.synonymTitle}</Heading>
      {names.length === 1 ? (
        <Body1 className={styles.name}>{text.synonymNameIs(names[0]?.name ?? "")}</Body1>
      ) : (
        <Field label={text.synonymName}>
          <Dropdown
            className={styles.dropdown}
            aria-label={text.synonymName}
            value={name ?? ""}
            selectedOptions={name === null ? [] : [name]}
            onOptionSelect={(_, d) => {
              const next = d.optionValue ?? null;
              setName(next);
              setDefinition((was) => closest(next) ?? was);
            }}
          >
            {names.map((n) => (
              <Option key={n.name} value={n.name}>
                {n.name}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
      <Field label={text.synonymOf}>
        <Dropdown
          className={styles.dropdown}
          aria-label={text.synonymOf}
          placeholder={text.synonymPick}
          value={definition ?? ""}
          selectedOptions={definition === null ? [] : [definition]}
          onOptionSelect={(_, d) => setDefinition(d.optionValue ?? null)}
        >
          {definitions.map((d) => (
            <Option key={d.name} value={d.name}>
              {d.name}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <div className={styles.actions}>
        <Button
          disabled={disabled || name === null || chosen === undefined}
          onClick={() => {
            if (name !== null && chosen !== undefined) onAdd(name, chosen);
          }}
        >
          {text.addSynonym}
        </Button>
      </div>
    </div>
  );
}
