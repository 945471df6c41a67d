/**
 * Where the pane's main-thread time goes: a Chromium CPU profile (taken through playwright's CDP
 * session by bench/pane.ts with `--profile FILE`) cut into tasks — runs of samples between idle
 * ones — and, for each task over `minMs`, the functions that took most of it (inclusive samples).
 */
type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
export type CpuProfile = { nodes: ProfileNode[]; startTime: number; samples?: number[]; timeDeltas?: number[] };

const frameName = (n: ProfileNode): string =>
  `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.split("/").pop() ?? ""}:${n.callFrame.lineNumber}`;

/** The profile's tasks over `minMs`, each with its start, length and the `top` functions in it. */
export function profileTasks(profile: CpuProfile, minMs = 100, top = 12): string[] {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  type Task = { start: number; end: number; ids: number[] };
  const tasks: Task[] = [];
  let current: Task | null = null;
  let time = profile.startTime;
  samples.forEach((id, i) => {
    time += deltas[i] ?? 0;
    const idle = nodes.get(id)?.callFrame.functionName === "(idle)";
    if (!idle) {
      current ??= { start: time, end: time, ids: [] };
      current.ids.push(id);
      current.end = time;
    } else if (current !== null) {
      tasks.push(current);
      current = null;
    }
  });
  if (current !== null) tasks.push(current);
  const lines: string[] = [];
  for (const task of tasks) {
    const ms = (task.end - task.start) / 1000;
    if (ms < minMs) continue;
    const inclusive = new Map<string, number>();
    for (const id of task.ids) {
      const seen = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const node = nodes.get(at);
        if (node === undefined) break;
        const key = frameName(node);
        if (!seen.has(key)) {
          seen.add(key);
          inclusive.set(key, (inclusive.get(key) ?? 0) + 1);
        }
      }
    }
    lines.push(
      `task at ${Math.round((task.start - profile.startTime) / 1000)} ms: ${Math.round(ms)} ms, ${task.ids.length} samples`,
    );
    const ranked = [...inclusive].filter(([k]) => !k.startsWith("(root)")).sort((a, b) => b[1] - a[1]);
    for (const [key, n] of ranked.slice(0, top)) lines.push(`  ${String(n).padStart(5)}  ${key}`);
  }
  return lines;
}
