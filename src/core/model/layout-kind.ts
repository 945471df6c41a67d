import { z } from "zod";

/**
 * The layouts staff keep (docs/reading.md, docs/layouts.md), once: the report, the saved mapping
 * and the reader's registry (src/core/sheets/layouts.ts) all derive from this enum.
 */
export const layoutKindSchema = z.enum(["indicator-list", "project-list", "goal-list", "standard-form"]);
export type LayoutKind = z.infer<typeof layoutKindSchema>;
