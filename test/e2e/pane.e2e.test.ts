import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { generatedData } from "../../bench/generated-workbook";
import { buildPreview, servePreview, writePreviewData } from "../../scripts/preview";
import { loadSeed } from "../support/seed";

/**
 * The task pane in a real browser (Debian's chromium, driven by playwright-core; no browser is
 * ever downloaded), against the in-memory Excel: `npm run preview` as a user would open it. The
 * keyboard is driven for real (page.keyboard; never a programmatic focus()), axe-core checks what
 * is on screen, and the screenshots in docs/images are taken here.
 */

const CHROMIUM = "/usr/bin/chromium";
const IMAGES = join(__dirname, "../../docs/images");
const AS_OF = "2026-06-30";
/** The DOM bound of issue 16: a 5,000-row list at 350 px. */
const MAX_DOM_NODES = 4_000;

type PreviewState = {
  selection: { sheet: string; address: string } | null;
  activeSheet: string | null;
  sheets: { name: string; rules: { formula: string | null; fill: string | null }[] }[];
};

/** What the in-memory Excel holds now (window.checkTargetsPreview, set by preview.tsx). */
const workbookState = (page: Page): Promise<PreviewState> =>
  page.evaluate(() => {
    const fake = window.checkTargetsPreview;
    if (fake === undefined) throw new Error("the preview exposes no in-memory Excel");
    return {
      selection: fake.workbook.selection,
      activeSheet: fake.workbook.activeSheet,
      sheets: fake.workbook.sheets.map((s) => ({
        name: s.name,
        rules: s.conditionalFormats.map((cf) => ({ formula: cf.formula, fill: cf.fill })),
      })),
    };
  });

/** Polls until `ok` holds (playwright-core has no expect.poll), then returns the value. */
async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeout = 15_000): Promise<T> {
  const until = Date.now() + timeout;
  let value = await read();
  while (!ok(value) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

/** The focused element's role and accessible label, as the keyboard left it. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return {
      role: el?.getAttribute("role") ?? el?.tagName.toLowerCase() ?? null,
      label: el?.getAttribute("aria-label") ?? el?.textContent?.trim() ?? null,
      cell: el?.getAttribute("data-cell") ?? null,
    };
  });

/** A cell's value in the in-memory Excel (row and column 0-based), or null. */
const cellValue = (page: Page, sheet: string, row: number, col: number) =>
  page.evaluate(
    ({ sheet, row, col }) =>
      window.checkTargetsPreview?.workbook.sheets.find((s) => s.name === sheet)?.rows[row]?.[col]?.value ?? null,
    { sheet, row, col },
  );

/** The 同义词 cell of `definition`'s row on the in-memory Excel's 指标定义 sheet, or null. */
async function synonymsOf(page: Page, definition: string): Promise<unknown> {
  const rows = await page.evaluate(
    () =>
      window.checkTargetsPreview?.workbook.sheets
        .find((s) => s.name === "指标定义")
        ?.rows.map((r) => r.map((c) => (c?.value ?? "") as unknown)) ?? [],
  );
  const header = rows[0] ?? [];
  const col = header.findIndex((h) => h === "同义词");
  const nameCol = header.findIndex((h) => h === "指标名称");
  return rows.find((r) => r[nameCol] === definition)?.[col] ?? null;
}

/** Presses Tab until the focused element's label is `label`; fails after `limit` presses. */
async function tabToLabel(page: Page, label: string | RegExp, limit = 80): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    // The accessible name: aria-label, else the labelling elements (a Field's label), else the text.
    const now = await page.evaluate(() => {
      const el = document.activeElement;
      const by = el?.getAttribute("aria-labelledby");
      const labelled = by
        ?.split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent?.trim() ?? "")
        .join(" ")
        .trim();
      return el?.getAttribute("aria-label") ?? (labelled || el?.textContent?.trim() || "");
    });
    if (typeof label === "string" ? now === label : label.test(now)) return;
    seen.push(now);
  }
  throw new Error(`nothing labelled ${String(label)} reached with ${limit} presses of Tab: ${seen.join(" | ")}`);
}

/** Presses Tab until an element with `role` has the focus; fails after `limit` presses. */
async function tabTo(page: Page, role: string, limit = 40): Promise<Awaited<ReturnType<typeof focused>>> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const now = await focused(page);
    if (now.role === role) return now;
  }
  throw new Error(`no ${role} reached with ${limit} presses of Tab`);
}

describe("the task pane in Chromium", () => {
  let dir: string;
  let profile: string;
  let server: Server;
  let url: string;
  let browser: BrowserContext;
  let axeSource: string;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`${CHROMIUM} is missing: apt-get install -y --no-install-recommends chromium fonts-wqy-zenhei`);
    }
    dir = await mkdtemp(join(tmpdir(), "check-targets-preview-"));
    profile = await mkdtemp(join(tmpdir(), "check-targets-chromium-"));
    await buildPreview(dir);
    // An unrelated workbook (no table of any layout), and a department's long list.
    await writePreviewData(dir, "unrelated.json", {
      name: "午餐.xlsx",
      sheets: [
        {
          name: "Sheet1",
          visibility: "visible",
          merges: [],
          rows: [
            [{ value: "日期" }, { value: "午餐" }, { value: "价格" }],
            [{ value: "周一" }, { value: "面条" }, { value: 12 }],
          ],
        },
      ],
    });
    await writePreviewData(dir, "list-5000.json", { ...generatedData(loadSeed(), 5_000), name: "list-5000.xlsx" });
    axeSource = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
    ({ server, url } = await servePreview(dir, 0));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
      // A task pane's width.
      viewport: { width: 350, height: 900 },
      locale: "zh-CN",
    });
    await mkdir(IMAGES, { recursive: true });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((closed) => (server === undefined ? closed(undefined) : server.close(closed)));
    for (const d of [dir, profile]) if (d !== undefined) await rm(d, { recursive: true, force: true });
  });

  async function open(query: string, size?: { width: number; height: number }): Promise<Page> {
    const page = await browser.newPage();
    if (size !== undefined) await page.setViewportSize(size);
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${url}?asOf=${AS_OF}${query}`);
    await page.locator('main[data-check-state="done"]').waitFor({ timeout: 60_000 });
    expect(errors).toEqual([]);
    return page;
  }

  /** axe-core's violations, but for Fluent's own focus sentinels (tabster's dummy inputs). */
  async function axeViolations(page: Page): Promise<string[]> {
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResult> } }).axe;
      type AxeResult = { violations: { id: string; nodes: { html: string; target: string[] }[] }[] };
      const result = await axe.run(document, {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
      });
      return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.html) }));
    });
    return violations.flatMap((v) =>
      v.nodes.filter((html) => !html.includes("data-tabster-dummy")).map((html) => `${v.id}: ${html.slice(0, 160)}`),
    );
  }

  it("reaches a finding and selects its cell with the keyboard only, then keeps the focus through a re-check (zh-CN)", async () => {
    const page = await open("");
    await page.getByText(/^已在表格中标出 2 个错误（红色）和 \d+ 个警告（黄色）。$/).waitFor();
    const summary = page.getByRole("region", { name: "概况" });
    expect(await summary.locator("dd").nth(0).textContent()).toBe("15");
    expect(await summary.locator("dd").nth(1).textContent()).toBe("2");
    const flagged = (await workbookState(page)).sheets.find((s) => s.name === "绩效指标");
    expect(flagged?.rules.some((r) => r.fill === "#FFC7CE" && (r.formula ?? "").includes("check-targets:error"))).toBe(
      true,
    );

    // Errors first: Tab lands on the first finding (the list's one tab stop), an error.
    const first = await tabTo(page, "option");
    expect(first.label).toMatch(/^错误：G\d+/);
    expect(first.cell).toMatch(/^绩效指标!G\d+$/);
    await page.keyboard.press("ArrowDown");
    const second = await focused(page);
    expect(second.role).toBe("option");
    expect(second.label).not.toBe(first.label);
    await page.keyboard.press("Enter");
    const address = /!([A-Z]+\d+)/.exec(second.cell ?? "")?.[1];
    const selected = await eventually(
      async () => (await workbookState(page)).selection,
      (selection) => selection?.address === address,
    );
    expect(selected).toEqual({ sheet: "绩效指标", address });

    // F8: the next finding, from anywhere in the pane.
    await page.keyboard.press("F8");
    const third = await focused(page);
    expect(third.role).toBe("option");
    expect(third.label).not.toBe(second.label);

    // Shift+Tab back to the check button, Enter: the focus stays on it while it checks and after.
    let back = await focused(page);
    for (let i = 0; i < 20 && back.label !== "重新检查"; i++) {
      await page.keyboard.press("Shift+Tab");
      back = await focused(page);
    }
    expect(back.label).toBe("重新检查");
    await page.keyboard.press("Enter");
    await page.getByText("与上次检查相比：已解决 0 · 新增 0").waitFor();
    await page.locator('main[data-check-state="done"]').waitFor();
    expect((await focused(page)).label).toBe("重新检查");
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  }, 120_000);

  it("opens the findings sheet with the keyboard, and the 绩效目标表 it fills with a click (issue 14)", async () => {
    const page = await open("");
    await page.getByText(/^已在表格中标出/).waitFor();
    expect((await workbookState(page)).sheets.map((s) => s.name)).toContain("检查结果");
    await tabToLabel(page, "打开工作表“检查结果”");
    await page.keyboard.press("Enter");
    expect(
      await eventually(
        async () => (await workbookState(page)).activeSheet,
        (sheet) => sheet === "检查结果",
      ),
    ).toBe("检查结果");
    await page.getByRole("button", { name: "生成绩效目标表" }).click();
    await page.getByRole("button", { name: "打开工作表“绩效目标表”" }).click();
    expect(
      await eventually(
        async () => (await workbookState(page)).activeSheet,
        (sheet) => sheet === "绩效目标表",
      ),
    ).toBe("绩效目标表");
    await page.close();
  }, 120_000);

  it("adds an unmatched name as a synonym on 指标定义 with the keyboard, then checks again (issue 16)", async () => {
    const page = await open("");
    await page.getByText(/^已在表格中标出/).waitFor();
    await tabToLabel(page, "表格识别");
    await page.keyboard.press("Enter");
    const form = page.getByRole("group", { name: /^把指标名称加为同义词/ }).first();
    await form.waitFor();
    // One unmatched name is shown as text; several as a choice (the first one chosen).
    const choice = form.getByRole("combobox", { name: "未匹配或相似的指标名称" });
    const name =
      (await choice.count()) > 0
        ? ((await choice.textContent())?.trim() ?? "")
        : (/^指标名称：“(.+)”$/.exec((await form.getByText(/^指标名称：/).textContent()) ?? "")?.[1] ?? "");
    expect(name).not.toBe("");
    expect(await axeViolations(page)).toEqual([]);
    await form.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(IMAGES, "pane-synonym-zh-CN-350.png") });
    // The definition: the first one on the sheet, chosen with the keyboard.
    await tabToLabel(page, /^作为此定义的同义词/);
    await page.keyboard.press("Enter");
    await page.keyboard.press("Home");
    await page.keyboard.press("Enter");
    const definition = (await form.getByRole("combobox", { name: "作为此定义的同义词" }).textContent())?.trim() ?? "";
    expect(definition).not.toBe("");
    await tabToLabel(page, "写入“指标定义”并重新检查");
    await page.keyboard.press("Enter");
    // The name is now among the definition's synonyms on the sheet, and the pane has checked again.
    const synonyms = await eventually(
      () => synonymsOf(page, definition),
      (v) => typeof v === "string" && v.includes(name),
    );
    expect(String(synonyms)).toContain(name);
    await page.locator('main[data-check-state="done"]').waitFor();
    await page.getByText(/^与上次检查相比：已解决 \d+ · 新增 \d+$/).waitFor();
    // The rest of the sheet as it was: its header untouched.
    expect(await cellValue(page, "指标定义", 0, 1)).toBe("指标名称");
    await page.close();
  }, 120_000);

  it("adds a finding's unmatched indicator name as a synonym from the list, with the keyboard", async () => {
    const page = await open("");
    await page.getByText(/^已在表格中标出/).waitFor();
    await tabTo(page, "option");
    // Down the list until a finding whose name matched no definition offers the form under the list.
    const form = page.getByRole("group", { name: /的指标名称加为同义词$/ });
    for (let i = 0; i < 60 && !(await form.isVisible()); i++) await page.keyboard.press("ArrowDown");
    expect(await form.isVisible()).toBe(true);
    const finding = await focused(page);
    expect(finding.role).toBe("option");
    const name = /^指标名称：“(.+)”$/.exec((await form.getByText(/^指标名称：/).textContent()) ?? "")?.[1] ?? "";
    expect(name).not.toBe("");
    // The form follows the list: the next Tab stop is its definition.
    await page.keyboard.press("Tab");
    expect((await focused(page)).label).toBe("作为此定义的同义词");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Home");
    await page.keyboard.press("Enter");
    const definition = (await form.getByRole("combobox", { name: "作为此定义的同义词" }).textContent())?.trim() ?? "";
    expect(definition).not.toBe("");
    await page.keyboard.press("Tab");
    expect((await focused(page)).label).toBe("写入“指标定义”并重新检查");
    await form.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(IMAGES, "pane-synonym-finding-zh-CN-350.png") });
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press("Enter");
    const synonyms = await eventually(
      () => synonymsOf(page, definition),
      (v) => typeof v === "string" && v.includes(name),
    );
    expect(String(synonyms)).toContain(name);
    await page.locator('main[data-check-state="done"]').waitFor();
    await page.close();
  }, 120_000);

  it("shows the findings of the red projects with the keyboard, from the summary's light", async () => {
    const page = await open("");
    await page.getByText(/^已在表格中标出/).waitFor();
    const headers = () => page.locator('[role="listbox"] [role="presentation"]').allTextContents();
    expect((await headers()).some((h) => h.startsWith("黄灯"))).toBe(true);
    await tabToLabel(page, /^红灯\s*\d+$/);
    await page.keyboard.press("Space");
    const red = await eventually(headers, (list) => list.length > 0 && list.every((h) => h.startsWith("红灯")));
    expect(red.length).toBeGreaterThan(0);
    expect(red.every((h) => h.startsWith("红灯"))).toBe(true);
    expect(await page.getByRole("button", { name: /^红灯/ }).getAttribute("aria-pressed")).toBe("true");
    // Pressed again: every project's findings again.
    await page.keyboard.press("Space");
    expect((await eventually(headers, (list) => list.some((h) => h.startsWith("黄灯")))).some((h) => h.startsWith("黄灯"))).toBe(true);
    await page.close();
  }, 60_000);

  it("shows the finding of the cell the user selects in Excel", async () => {
    const page = await open("");
    // Table 5's 群众满意度 has no target: its 指标值 cell is G33.
    const option = page.locator('[role="option"][data-cell="绩效指标!G33"]');
    await option.waitFor();
    expect(await option.getAttribute("aria-selected")).toBe("false");
    await page.evaluate(() => window.checkTargetsPreview?.userSelects("绩效指标", "G33"));
    await eventually(
      () => option.getAttribute("aria-selected"),
      (v) => v === "true",
    );
    expect(await option.getAttribute("aria-selected")).toBe("true");
    await page.close();
  }, 60_000);

  it("says what it looked for in an unrelated workbook, with the write buttons off and nothing written", async () => {
    const page = await open("&data=unrelated.json");
    await page.getByRole("heading", { name: "没有找到绩效目标表格" }).waitFor();
    await page.getByText("已查看的工作表：“Sheet1”。").waitFor();
    expect(await page.getByRole("button", { name: "生成绩效目标表" }).isDisabled()).toBe(true);
    expect(await page.getByText(/已在表格中标出/).count()).toBe(0);
    expect((await workbookState(page)).sheets.flatMap((s) => s.rules)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(IMAGES, "pane-empty-zh-CN.png") });
    await page.close();
  }, 60_000);

  it("keeps a 5,000-row list within the DOM bound at 350 px", async () => {
    const page = await open("&data=list-5000.json", { width: 350, height: 900 });
    await page.getByRole("listbox", { name: "问题列表" }).waitFor();
    const counts = await page.evaluate(() => ({
      nodes: document.querySelectorAll("*").length,
      options: document.querySelectorAll('[role="option"]').length,
    }));
    expect(counts.options).toBeLessThan(60);
    expect(counts.nodes).toBeLessThanOrEqual(MAX_DOM_NODES);
    // With the notes unfolded too: every finding of the list in one list.
    await page.getByRole("button", { name: /^提示 \d+$/ }).click();
    const shown = await page.getByText(/^显示 \d+ \/ \d+ 个问题$/).textContent();
    const [, visible, total] = /显示 (\d+) \/ (\d+)/.exec(shown ?? "") ?? [];
    expect(Number(visible)).toBe(Number(total));
    expect(Number(total)).toBeGreaterThan(1_000);
    expect(await page.evaluate(() => document.querySelectorAll("*").length)).toBeLessThanOrEqual(MAX_DOM_NODES);
    // Scrolled to the end, the DOM stays as small.
    await page.getByRole("listbox", { name: "问题列表" }).evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.querySelectorAll("*").length)).toBeLessThanOrEqual(MAX_DOM_NODES);
    await page.close();
  }, 120_000);

  it("checks a read-only workbook without writing, and says why", async () => {
    const page = await open("&readOnly=1");
    await page.getByText("只读", { exact: true }).waitFor();
    expect(await page.getByRole("button", { name: "生成绩效目标表" }).isDisabled()).toBe(true);
    expect(await page.getByRole("button", { name: "清除标记" }).isDisabled()).toBe(true);
    expect((await workbookState(page)).sheets.flatMap((s) => s.rules)).toEqual([]);
    await page.close();
  }, 60_000);

  it("stays usable with the keyboard in forced colours (Windows high contrast)", async () => {
    const page = await browser.newPage();
    await page.emulateMedia({ forcedColors: "active" });
    await page.goto(`${url}?asOf=${AS_OF}`);
    await page.locator('main[data-check-state="done"]').waitFor({ timeout: 60_000 });
    const first = await tabTo(page, "option");
    await page.keyboard.press("Enter");
    const address = /!([A-Z]+\d+)/.exec(first.cell ?? "")?.[1];
    const selected = await eventually(
      async () => (await workbookState(page)).selection,
      (selection) => selection?.address === address,
    );
    expect(selected?.address).toBe(address);
    await page.screenshot({ path: join(IMAGES, "pane-high-contrast.png") });
    await page.close();
  }, 60_000);

  // The screenshots the docs show: 320 and 500 px, both languages, Office's light and dark themes.
  const SHOTS = (["zh-CN", "en-US"] as const).flatMap((lang) =>
    (["light", "dark"] as const).flatMap((theme) => [320, 500].map((width) => ({ lang, theme, width }))),
  );
  it.each(SHOTS)(
    "looks right at $width px in $lang, $theme: no finding for axe-core",
    async ({ lang, theme, width }) => {
      const page = await open(`&lang=${lang}${theme === "dark" ? "&theme=dark" : ""}`, { width, height: 900 });
      await page.getByRole("listbox").waitFor();
      // Nothing wider than the pane: no badge or field pushes past it.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      // No text under 12 px.
      const small = await page.evaluate(() =>
        [...document.querySelectorAll("main *")]
          .filter((el) => [...el.childNodes].some((n) => n.nodeType === 3 && (n.textContent ?? "").trim() !== ""))
          .filter((el) => Number.parseFloat(getComputedStyle(el).fontSize) < 12)
          .map((el) => el.textContent?.slice(0, 40)),
      );
      expect(small).toEqual([]);
      // Badges on one line: a wrapped badge is taller than it is at one line.
      const tallBadges = await page.evaluate(
        () => [...document.querySelectorAll(".fui-Badge")].filter((b) => b.getBoundingClientRect().height > 24).length,
      );
      expect(tallBadges).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: join(IMAGES, `pane-${lang}-${theme}-${width}.png`) });
      if (theme === "light" && width === 500) await page.screenshot({ path: join(IMAGES, `pane-${lang}.png`) });
      await page.close();
    },
    60_000,
  );
});
