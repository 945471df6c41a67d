import { readFileSync } from "node:fs";
import { join } from "node:path";

/** Types of test/fixtures/seed/seed.json: the seed document transcribed. */
export type SeedIndicator = {
  level1: string;
  level2: string;
  name: string;
  description: string;
  target: string;
  targetRaw: string;
  basis: string;
};
export type SeedProject = {
  table: number;
  title: string;
  unit: string;
  code: string;
  name: string;
  budget: number;
  fiscal: number;
  other: number | null;
  use: string;
  plan: [number, number, number, number];
  goals: string;
  indicators: SeedIndicator[];
};
export type SeedGoal = {
  section: string;
  /** The section's 绩效目标 sentence. */
  objective: string;
  name: string;
  unit: string | null;
  description: string;
  target: string;
};
export type Seed = {
  source: string;
  department: { unitCode: string; unitName: string; summary: string };
  goals: SeedGoal[];
  overallGoals: { name: string; target: string }[];
  projects: SeedProject[];
};

export const SEED_PATH = join(__dirname, "..", "fixtures", "seed", "seed.json");

export function loadSeed(): Seed {
  return JSON.parse(readFileSync(SEED_PATH, "utf8")) as Seed;
}
