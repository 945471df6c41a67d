import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { buildPreview, servePreview } from "../../scripts/preview";

/**
 * The task pane in a real browser (Debian's chromium, driven by playwright-core; no browser is
 * ever downloaded), against the sample workbook in the in-memory Excel: `npm run preview` as a
 * user would open it. Saves the screenshots the README shows.
 */

const CHROMIUM = "/usr/bin/chromium";
const IMAGES = join(__dirname, "../../docs/images");
const AS_OF = "2026-06-30";

type PreviewState = {
  selection: { sheet: string; address: string } | null;
  sheets: { name: string; rules: { formula: string | null; fill: string | null }[] }[];
};

/** What the in-memory Excel holds now (window.checkTargetsPreview, set by preview.tsx). */
const workbookState = (page: Page): Promise<PreviewState> =>
  page.evaluate(() => {
    const fake = window.checkTargetsPreview;
    if (fake === undefined) throw new Error("the preview exposes no in-memory Excel");
    return {
      selection: fake.workbook.selection,
      sheets: fake.workbook.sheets.map((s) => ({
        name: s.name,
        rules: s.conditionalFormats.map((cf) => ({ formula: cf.formula, fill: cf.fill })),
      })),
    };
  });

/** Polls until `ok` holds (playwright-core has no expect.poll), then returns the value. */
async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeout = 10_000): Promise<T> {
  const until = Date.now() + timeout;
  let value = await read();
  while (!ok(value) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

describe("the task pane in Chromium, on the sample workbook", () => {
  let dir: string;
  let profile: string;
  let server: Server;
  let url: string;
  let browser: BrowserContext;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`${CHROMIUM} is missing: apt-get install -y --no-install-recommends chromium fonts-wqy-zenhei`);
    }
    dir = await mkdtemp(join(tmpdir(), "check-targets-preview-"));
    profile = await mkdtemp(join(tmpdir(), "check-targets-chromium-"));
    await buildPreview(dir);
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
      viewport: { width: 420, height: 1000 },
      locale: "zh-CN",
    });
    await mkdir(IMAGES, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((closed) => (server === undefined ? closed(undefined) : server.close(closed)));
    for (const d of [dir, profile]) if (d !== undefined) await rm(d, { recursive: true, force: true });
  });

  async function open(query: string): Promise<Page> {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${url}?asOf=${AS_OF}${query}`);
    await page.getByRole("heading", { level: 2, name: /^(概况|Summary)$/ }).waitFor();
    expect(errors).toEqual([]);
    return page;
  }

  it("checks the sample, flags it, and selects a finding's cell when it is clicked (zh-CN)", async () => {
    const page = await open("");
    // The sample's two errors: the missing satisfaction targets of tables 5 and 8.
    await page.getByText(/^已在表格中标出 2 个错误（红色）和 \d+ 个警告（黄色）。$/).waitFor();
    // The summary: 15 projects, 2 errors.
    const summary = page.getByRole("region", { name: "概况" });
    expect(await summary.locator("dd").nth(0).textContent()).toBe("15");
    expect(await summary.locator("dd").nth(1).textContent()).toBe("2");

    // The flags are real conditional formats in the workbook, red for the errors.
    const flagged = (await workbookState(page)).sheets.find((s) => s.name === "绩效指标");
    expect(flagged?.rules.some((r) => r.fill === "#FFC7CE" && (r.formula ?? "").includes("check-targets:error"))).toBe(
      true,
    );

    // Table 5's 群众满意度 has no target: its 指标值 cell is G33.
    const target = page.getByRole("button", { name: "转到 绩效指标!G33" });
    await target.waitFor();
    await page.screenshot({ path: join(IMAGES, "pane-zh-CN.png") });
    await target.click();
    const selected = await eventually(
      async () => (await workbookState(page)).selection,
      (selection) => selection !== null,
    );
    expect(selected).toEqual({ sheet: "绩效指标", address: "G33" });

    // Only the errors: two rows.
    await page.getByRole("combobox", { name: "级别" }).click();
    await page.getByRole("option", { name: "错误", exact: true }).click();
    const links = page.getByRole("button", { name: /^转到 / });
    expect(
      await eventually(
        () => links.count(),
        (n) => n === 2,
      ),
    ).toBe(2);
    await page.close();
  });

  it("speaks English when Office's display language is English", async () => {
    const page = await open("&lang=en-US");
    await page.getByRole("heading", { level: 1, name: "Check Targets" }).waitFor();
    await page.getByText(/^Flagged 2 errors \(red\) and \d+ warnings \(amber\) in the sheets\.$/).waitFor();
    await page.getByRole("button", { name: "Go to 绩效指标!G33" }).waitFor();
    await page.screenshot({ path: join(IMAGES, "pane-en-US.png") });
    await page.close();
  });

  it("checks a read-only workbook without writing, and says why", async () => {
    const page = await open("&readOnly=1");
    await page.getByText("只读", { exact: true }).waitFor();
    expect(await page.getByRole("button", { name: "生成绩效目标表" }).isDisabled()).toBe(true);
    expect(await page.getByRole("button", { name: "清除标记" }).isDisabled()).toBe(true);
    const state = await workbookState(page);
    expect(state.sheets.flatMap((s) => s.rules)).toEqual([]);
    await page.close();
  });

  it("stays usable in forced colours (Windows high contrast)", async () => {
    const page = await browser.newPage();
    await page.emulateMedia({ forcedColors: "active" });
    await page.goto(`${url}?asOf=${AS_OF}`);
    await page.getByRole("heading", { level: 2, name: "概况" }).waitFor();
    // Keyboard: tab to the first finding's address and open it with Enter.
    const first = page.getByRole("button", { name: /^转到 / }).first();
    await first.focus();
    await page.keyboard.press("Enter");
    const selected = await eventually(
      async () => (await workbookState(page)).selection,
      (selection) => selection !== null,
    );
    expect(selected).not.toBeNull();
    await page.screenshot({ path: join(IMAGES, "pane-high-contrast.png") });
    await page.close();
  });
});
