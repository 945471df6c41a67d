/** @jest-environment jsdom */
import { FluentProvider, teamsHighContrastTheme, webLightTheme } from "@fluentui/react-components";
import { act, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { WorkbookError, type CellData, type WorkbookData, type WritePlan } from "../core";
import type { ReadResult } from "../excel";
import { App } from "./App";
import { localEngine } from "./engine-port";
import type { PaneEngine } from "./engine-types";
import type { Locale } from "./locale";
import type { PaneWorkbook } from "./pane-workbook";
import { LIST_HEADER, sheetOf } from "../../test/support/sheet-data";

// The engine and the findings list load on demand: on a busy machine the first load takes seconds.
configure({ asyncUtilTimeout: 10_000 });

const cell = (value: string): CellData => ({ value });

/** Two projects; the second one's satisfaction target is missing (an error). */
const DATA: WorkbookData = {
  sheets: [
    sheetOf("绩效指标", [
      LIST_HEADER,
      ["项目甲", "产出指标", "数量指标", "培训人数", "≥50人"],
      ["项目乙", "满意度指标", "服务对象满意度指标", "群众满意度", " %"],
    ]),
  ],
};

function fakeWorkbook(access: Partial<ReadResult["access"]> = {}, read?: () => Promise<ReadResult>) {
  const workbook = {
    readWithAccess: jest.fn(
      read ??
        (() =>
          Promise.resolve({ data: DATA, access: { name: "t.xlsx", readOnly: false, protectedSheets: [], ...access } })),
    ),
    apply: jest.fn<Promise<void>, [WritePlan]>(() => Promise.resolve()),
    select: jest.fn<Promise<void>, [string, string]>(() => Promise.resolve()),
    activate: jest.fn<Promise<void>, [string]>(() => Promise.resolve()),
  } satisfies PaneWorkbook;
  return workbook;
}

/** A workbook whose Excel selection events the test raises: `userSelects` is a click on a cell of 绩效指标. */
function watchedWorkbook() {
  let listener: ((s: { sheet: string; address: string }) => void) | null = null;
  const workbook = {
    ...fakeWorkbook(),
    watchSelection: (l: (s: { sheet: string; address: string }) => void) => {
      listener = l;
      return Promise.resolve(() => Promise.resolve());
    },
  } satisfies PaneWorkbook;
  return { workbook, userSelects: (address: string) => listener?.({ sheet: "绩效指标", address }) };
}

function renderPane(workbook: PaneWorkbook, locale: Locale = "zh-CN", theme = webLightTheme) {
  return render(
    <FluentProvider theme={theme}>
      <App workbook={workbook} locale={locale} today="2026-06-30" />
    </FluentProvider>,
  );
}

describe("the task pane", () => {
  it("checks when it opens, shows the summary and the findings by project, and flags them", async () => {
    const workbook = fakeWorkbook();
    renderPane(workbook);
    expect(await screen.findByRole("heading", { name: "概况" })).toBeTruthy();
    expect(workbook.readWithAccess).toHaveBeenCalledTimes(1);
    // The list's code loads beside the check.
    const list = await screen.findByRole("listbox", { name: "问题列表" }, { timeout: 10_000 });
    // Projects with errors first: 项目乙's header, then its error at E3.
    const first = within(list).getAllByRole("option")[0];
    expect(first?.getAttribute("data-cell")).toBe("绩效指标!E3");
    expect(first?.textContent).toMatch(/^错误：E3/);
    expect(within(list).getByText("项目乙")).toBeTruthy();
    await waitFor(() => expect(workbook.apply).toHaveBeenCalledTimes(1));
    const plan = workbook.apply.mock.calls[0]?.[0];
    expect(plan?.flags?.some((f) => f.sheet === "绩效指标" && f.severity === "error")).toBe(true);
    expect(await screen.findByText(/已在表格中标出 1 个错误/)).toBeTruthy();
    // The findings sheet is written with the flags, and offered (issue 14).
    expect(plan?.sheets.some((s) => s.name === "检查结果")).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "打开工作表“检查结果”" }));
    expect(workbook.activate).toHaveBeenCalledWith("检查结果");
  });

  it("says so when the sheet cannot be opened", async () => {
    const workbook = fakeWorkbook();
    workbook.activate.mockRejectedValueOnce(new WorkbookError({ kind: "host-failed", detail: "ItemNotFound" }));
    renderPane(workbook);
    fireEvent.click(await screen.findByRole("button", { name: "打开工作表“检查结果”" }));
    expect(await screen.findByText("无法打开该工作表: Excel 未能完成操作：ItemNotFound")).toBeTruthy();
  });

  it("shows each project's self-evaluation score once its actuals are in", async () => {
    const withActuals: WorkbookData = {
      sheets: [
        {
          name: "绩效指标",
          visibility: "visible",
          merges: [],
          rows: [
            ["项目名称", "一级指标", "二级指标", "三级指标", "指标值", "完成值"].map(cell),
            ["项目甲", "产出指标", "数量指标", "培训人数", "≥50人", "40人"].map(cell),
          ],
        },
        {
          name: "项目",
          visibility: "visible",
          merges: [],
          rows: [["项目名称", "预算数", "已支出"].map(cell), [cell("项目甲"), { value: 10 }, { value: 10 }]],
        },
      ],
    };
    const data = { data: withActuals, access: { name: "t.xlsx", readOnly: false, protectedSheets: [] } };
    renderPane(fakeWorkbook({}, () => Promise.resolve(data)));
    // At 2026-06-30 the year is under way: 预计得分, 40 人 taken at the year's pace (×365÷181 ≥ 50) earns 产出 50,
    // and 预算执行率 10 × 100%.
    expect(await screen.findByText(/预计 60\.00 分/)).toBeTruthy();
  });

  it("selects a finding's cell in the sheet when its address is clicked", async () => {
    const workbook = fakeWorkbook();
    renderPane(workbook);
    fireEvent.click(await screen.findByRole("option", { name: /^错误：\s*E3/ }));
    expect(workbook.select).toHaveBeenCalledWith("绩效指标", "E3");
  });

  it("fills the table and clears the flags with the core's plans", async () => {
    const workbook = fakeWorkbook();
    renderPane(workbook);
    await screen.findByText(/已在表格中标出/);
    fireEvent.click(screen.getByRole("button", { name: "生成绩效目标表" }));
    await screen.findByText(/已生成工作表“绩效目标表”/);
    expect(workbook.apply.mock.calls[1]?.[0]).toMatchObject({ sheets: [{ name: "绩效目标表" }], flags: null });
    // A link to the new sheet (issue 14).
    fireEvent.click(screen.getByRole("button", { name: "打开工作表“绩效目标表”" }));
    expect(workbook.activate).toHaveBeenCalledWith("绩效目标表");
    fireEvent.click(screen.getByRole("button", { name: "清除标记" }));
    await screen.findByText("已清除本加载项的标记。");
    expect(workbook.apply.mock.calls[2]?.[0]).toMatchObject({ sheets: [], flags: [], names: [] });
  });

  it("checks a read-only workbook, writes nothing, and says why the write buttons are off", async () => {
    const workbook = fakeWorkbook({ readOnly: true });
    renderPane(workbook);
    expect(await screen.findByText("只读")).toBeTruthy();
    expect(screen.getByText(/以只读方式打开/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "生成绩效目标表" }).hasAttribute("disabled")).toBe(true);
    expect(screen.getByRole("button", { name: "清除标记" }).hasAttribute("disabled")).toBe(true);
    expect(screen.getByRole("option", { name: /^错误：\s*E3/ })).toBeTruthy();
    expect(workbook.apply).not.toHaveBeenCalled();
  });

  it("words the adapter's problem in the pane's language when the workbook refuses the write", async () => {
    const workbook = fakeWorkbook();
    workbook.apply.mockRejectedValueOnce(new WorkbookError({ kind: "protected-sheets", sheets: ["绩效指标"] }));
    renderPane(workbook);
    expect(await screen.findByText("未能写入")).toBeTruthy();
    expect(screen.getByText("工作表“绩效指标”受保护，未写入任何内容。请撤销工作表保护后重试。")).toBeTruthy();
  });

  it("words the same problem in English when Office speaks English", async () => {
    const workbook = fakeWorkbook();
    workbook.apply.mockRejectedValueOnce(new WorkbookError({ kind: "protected-sheets", sheets: ["绩效指标"] }));
    renderPane(workbook, "en-US");
    expect(await screen.findByText("Nothing was written")).toBeTruthy();
    expect(
      screen.getByText("Sheet “绩效指标” is protected; nothing was written. Unprotect it and try again."),
    ).toBeTruthy();
  });

  it("keeps the results shown when the flags cannot be planned, and says nothing was written", async () => {
    const workbook = fakeWorkbook();
    const local = localEngine();
    const engine: PaneEngine = { ...local, flags: () => Promise.reject(new Error("the plan broke")) };
    render(
      <FluentProvider theme={webLightTheme}>
        <App workbook={workbook} locale="zh-CN" today="2026-06-30" engine={engine} />
      </FluentProvider>,
    );
    expect(await screen.findByText("未能写入")).toBeTruthy();
    expect(screen.getByText(/发生意外错误：the plan broke/)).toBeTruthy();
    // The check itself stands: its findings are listed, and nothing was written.
    expect(await screen.findByRole("listbox", { name: "问题列表" })).toBeTruthy();
    expect(document.querySelector("main")?.getAttribute("data-check-state")).toBe("done");
    expect(workbook.apply).not.toHaveBeenCalled();
  });

  it("shows why the check failed", async () => {
    const workbook = fakeWorkbook({}, () =>
      Promise.reject(new WorkbookError({ kind: "host-failed", detail: "GeneralException" })),
    );
    renderPane(workbook);
    expect(await screen.findByText("检查未完成")).toBeTruthy();
    expect(screen.getByText(/Excel 未能完成操作：GeneralException/)).toBeTruthy();
    // A next step, not just the reason.
    expect(screen.getByText(/再点“重新检查”/)).toBeTruthy();
    expect(document.querySelector("main")?.getAttribute("data-check-state")).toBe("failed");
  });

  it("speaks English when Office does, and checks again as of another date", async () => {
    const workbook = fakeWorkbook();
    renderPane(workbook, "en-US");
    await screen.findByText(/Flagged 1 errors/);
    const date = screen.getByLabelText("Check as of");
    fireEvent.change(date, { target: { value: "2026-12-31" } });
    // Spelled out in the pane's language, whatever format the system gives the date field.
    expect(screen.getByText("December 31, 2026")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Check again" }));
    await waitFor(() => expect(workbook.readWithAccess).toHaveBeenCalledTimes(2));
    expect(await screen.findByText("Since the last check: 0 resolved · 0 new")).toBeTruthy();
    expect(screen.getByRole("option", { name: /^Error:\s*E3/ })).toBeTruthy();
  });

  it("spells the as-of date out in Chinese under the date field", async () => {
    renderPane(fakeWorkbook());
    await screen.findByText(/已在表格中标出/);
    expect(screen.getByText("2026年6月30日")).toBeTruthy();
  });

  it("folds the notes, and filters by severity, search and rule", async () => {
    // A note to fold: an actual still pending mid-year (names the analyser knows raise none).
    const sheet = DATA.sheets[0]!;
    const pending: WorkbookData = {
      sheets: [
        {
          ...sheet,
          rows: [
            [...sheet.rows[0]!, cell("完成值")],
            [...sheet.rows[1]!, cell("正在调查")],
            [...sheet.rows[2]!, cell("")],
          ],
        },
      ],
    };
    const access = { name: "t.xlsx", readOnly: false, protectedSheets: [] };
    renderPane(fakeWorkbook({}, () => Promise.resolve({ data: pending, access })));
    const list = await screen.findByRole("listbox", { name: "问题列表" });
    const options = () =>
      within(list)
        .queryAllByRole("option")
        .map((o) => o.textContent ?? "");
    expect(options().some((o) => o.startsWith("提示"))).toBe(false);
    fireEvent.click(screen.getByRole("button", { name: /^提示 \d+$/ }));
    await waitFor(() => expect(options().some((o) => o.startsWith("提示"))).toBe(true));
    fireEvent.click(screen.getByRole("button", { name: /^警告 \d+$/ }));
    fireEvent.click(screen.getByRole("button", { name: /^提示 \d+$/ }));
    await waitFor(() => expect(options().every((o) => o.startsWith("错误"))).toBe(true));
    fireEvent.change(screen.getByRole("searchbox", { name: "搜索问题" }), { target: { value: "培训人数" } });
    await screen.findByText("没有符合筛选条件的问题。");
    fireEvent.change(screen.getByRole("searchbox", { name: "搜索问题" }), { target: { value: "" } });
    act(() => fireEvent.click(screen.getByRole("combobox", { name: "规则" })));
    // Rules by their names in the pane's language, with counts.
    expect(await screen.findByRole("option", { name: /^指标值缺失 \(1\)$/ })).toBeTruthy();
  });

  it("shows the findings of the projects of one light when its button in the summary is pressed", async () => {
    renderPane(fakeWorkbook());
    const list = await screen.findByRole("listbox", { name: "问题列表" });
    const cells = () =>
      within(list)
        .queryAllByRole("option")
        .map((o) => o.getAttribute("data-cell"));
    const everyCell = cells();
    // Row 3 is 项目乙's; 项目甲's findings are on row 2.
    const ofRow3 = (list: (string | null)[]) => list.length > 0 && list.every((c) => /^绩效指标![A-Z]+3$/.test(c ?? ""));
    expect(ofRow3(everyCell)).toBe(false);
    const lights = screen.getByRole("group", { name: "按项目灯色筛选问题" });
    // 项目乙 lacks its satisfaction target (E3): the one red project.
    const red = within(lights).getByRole("button", { name: "红灯 1" });
    expect(red.getAttribute("aria-pressed")).toBe("false");
    fireEvent.click(red);
    await waitFor(() => expect(ofRow3(cells())).toBe(true));
    expect(cells()).toContain("绩效指标!E3");
    expect(red.getAttribute("aria-pressed")).toBe("true");
    fireEvent.click(red);
    await waitFor(() => expect(cells()).toEqual(everyCell));
  });

  it("moves through the findings with the keyboard and goes to a cell with Enter", async () => {
    const workbook = fakeWorkbook();
    renderPane(workbook);
    fireEvent.click(await screen.findByRole("button", { name: /^提示 \d+$/ }));
    const list = screen.getByRole("listbox", { name: "问题列表" });
    await waitFor(() => expect(within(list).getAllByRole("option").length).toBeGreaterThan(1));
    const [first, second] = within(list).getAllByRole("option");
    // One tab stop: the first finding.
    expect(first?.tabIndex).toBe(0);
    expect(second?.tabIndex).toBe(-1);
    act(() => first?.focus());
    fireEvent.keyDown(first!, { key: "ArrowDown" });
    await waitFor(() => expect(document.activeElement).toBe(second));
    expect(second?.tabIndex).toBe(0);
    fireEvent.keyDown(second!, { key: "Enter" });
    expect(workbook.select).toHaveBeenCalledTimes(1);
    // F8 anywhere: the next finding, focused and selected in Excel.
    fireEvent.keyDown(document.body, { key: "F8" });
    await waitFor(() => expect(workbook.select).toHaveBeenCalledTimes(2));
  });

  it("shows the finding of the cell selected in Excel", async () => {
    const { workbook, userSelects } = watchedWorkbook();
    renderPane(workbook);
    const option = await screen.findByRole("option", { name: /^错误：\s*E3/ }, { timeout: 10_000 });
    expect(option.getAttribute("aria-selected")).toBe("false");
    act(() => userSelects("E3"));
    await waitFor(() => expect(option.getAttribute("aria-selected")).toBe("true"));
  });

  it("keeps a keyboard move when Excel reports, late, the cell the pane had selected before it", async () => {
    const { workbook, userSelects } = watchedWorkbook();
    renderPane(workbook);
    const list = await screen.findByRole("listbox", { name: "问题列表" }, { timeout: 10_000 });
    const [first, second] = within(list).getAllByRole("option");
    fireEvent.click(first!);
    expect(workbook.select).toHaveBeenCalledWith("绩效指标", first!.getAttribute("data-cell")?.split("!")[1]);
    fireEvent.keyDown(first!, { key: "ArrowDown" });
    await waitFor(() => expect(second?.tabIndex).toBe(0));
    // Excel's event for the first click arrives only now.
    act(() => userSelects(first!.getAttribute("data-cell")?.split("!")[1] ?? ""));
    expect(second?.tabIndex).toBe(0);
    expect(first?.tabIndex).toBe(-1);
  });

  it("says what it looked for when the workbook holds no table, and writes nothing", async () => {
    const unrelated: WorkbookData = {
      sheets: [{ name: "Sheet1", visibility: "visible", merges: [], rows: [["午餐", "价格"].map(cell)] }],
    };
    const workbook = fakeWorkbook({}, () =>
      Promise.resolve({ data: unrelated, access: { name: "t.xlsx", readOnly: false, protectedSheets: [] } }),
    );
    renderPane(workbook);
    expect(await screen.findByRole("heading", { name: "没有找到绩效目标表格" })).toBeTruthy();
    expect(screen.getByText(/已查看的工作表：“Sheet1”/)).toBeTruthy();
    expect(screen.queryByText(/已在表格中标出/)).toBeNull();
    expect(screen.getByRole("button", { name: "生成绩效目标表" }).hasAttribute("disabled")).toBe(true);
    expect(workbook.apply).not.toHaveBeenCalled();
  });

  it("does not write again when the workbook already carries the flags", async () => {
    const workbook = fakeWorkbook();
    renderPane(workbook);
    await screen.findByText(/已在表格中标出/);
    const written = workbook.apply.mock.calls[0]?.[0];
    const helper = written?.sheets.find((s) => s.name === "检查目标_辅助");
    expect(helper).toBeDefined();
    // The workbook as Excel would now return it: the helper sheet's first row included.
    const row1 = (helper?.cells ?? [])
      .filter((c) => c.row === 0)
      .map((c) => cell(c.value.kind === "text" ? c.value.text : ""));
    const withHelper: WorkbookData = {
      sheets: [...DATA.sheets, { name: "检查目标_辅助", visibility: "hidden", merges: [], rows: [row1] }],
    };
    workbook.readWithAccess.mockResolvedValue({
      data: withHelper,
      access: { name: "t.xlsx", readOnly: false, protectedSheets: [] },
    });
    fireEvent.click(screen.getByRole("button", { name: "重新检查" }));
    expect(await screen.findByText("表格中的标记已是最新，未改动工作簿。")).toBeTruthy();
    expect(workbook.apply).toHaveBeenCalledTimes(1);
  });

  it("saves a corrected mapping in the workbook's settings sheet, then checks again", async () => {
    const workbook = fakeWorkbook();
    renderPane(workbook);
    await screen.findByText(/已在表格中标出/);
    // Collapsed at first, loaded when opened.
    expect(screen.queryByLabelText("表头所在行")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "表格识别" }));
    const save = await screen.findByRole("button", { name: "保存识别结果并重新检查" }, { timeout: 10_000 });
    // How each row's indicator matched 指标定义.
    expect(screen.getByRole("table", { name: "工作表“绩效指标”的指标与指标定义" })).toBeTruthy();
    expect(save.hasAttribute("disabled")).toBe(true);
    fireEvent.change(screen.getByLabelText("表头所在行"), { target: { value: "2" } });
    expect(screen.getByText("已更正，尚未保存")).toBeTruthy();
    fireEvent.click(save);
    await waitFor(() => expect(workbook.readWithAccess).toHaveBeenCalledTimes(2));
    const plan = workbook.apply.mock.calls[1]?.[0];
    expect(plan).toMatchObject({ sheets: [{ name: "检查目标_设置", visibility: "hidden" }], flags: null, names: null });
    const saved = plan?.sheets[0]?.cells
      .map((c) => (c.value.kind === "text" ? c.value.text : ""))
      .find((t) => t.startsWith("{"));
    expect(JSON.parse(saved ?? "{}")).toMatchObject({ sheet: "绩效指标", headerRow: 2, source: "corrected" });
  });

  it("renders in Fluent's high-contrast theme with a name on every table", async () => {
    const workbook = fakeWorkbook();
    renderPane(workbook, "zh-CN", teamsHighContrastTheme);
    await screen.findByRole("heading", { name: "概况" });
    fireEvent.click(screen.getByRole("button", { name: "表格识别" }));
    await screen.findByRole("button", { name: "保存识别结果并重新检查" }, { timeout: 10_000 });
    const tables = [...screen.queryAllByRole("listbox"), ...screen.queryAllByRole("table")];
    expect(tables.length).toBeGreaterThan(2);
    for (const table of tables) expect(table.getAttribute("aria-label")).toBeTruthy();
  });

  const withDefinitions = (target: string): WorkbookData => ({
    sheets: [
      sheetOf("绩效指标", [LIST_HEADER, ["项目甲", "产出指标", "数量指标", "乡村厨师技能培训场次", target]]),
      sheetOf("指标定义", [
        ["指标名称", "同义词", "计量单位"],
        ["培训班次", "", "场"],
      ]),
    ],
  });
  const synonymWorkbook = (target = "≥5场") => {
    const access = { name: "t.xlsx", readOnly: false, protectedSheets: [] };
    return {
      ...fakeWorkbook({}, () => Promise.resolve({ data: withDefinitions(target), access })),
      editCells: jest.fn<Promise<void>, [readonly unknown[]]>(() => Promise.resolve()),
    };
  };

  /** Chooses 培训班次 in the form and writes: the name goes into its empty 同义词 cell, B2. */
  async function addAsSynonym(form: HTMLElement, workbook: ReturnType<typeof synonymWorkbook>) {
    act(() => fireEvent.click(within(form).getByRole("combobox", { name: "作为此定义的同义词" })));
    fireEvent.click(await screen.findByRole("option", { name: "培训班次" }));
    fireEvent.click(within(form).getByRole("button", { name: "写入“指标定义”并重新检查" }));
    await waitFor(() => expect(workbook.editCells).toHaveBeenCalledTimes(1));
    expect(workbook.editCells.mock.calls[0]?.[0]).toEqual([
      { sheet: "指标定义", address: "B2", expected: "", text: "乡村厨师技能培训场次" },
    ]);
  }

  it("adds an unmatched name as a synonym on 指标定义, then checks again", async () => {
    const workbook = synonymWorkbook();
    renderPane(workbook);
    await screen.findByRole("heading", { name: "概况" });
    fireEvent.click(screen.getByRole("button", { name: "表格识别" }));
    const form = await screen.findByRole("group", { name: "把指标名称加为同义词（绩效指标）" }, { timeout: 10_000 });
    await addAsSynonym(form, workbook);
    await waitFor(() => expect(workbook.readWithAccess).toHaveBeenCalledTimes(2));
  });

  it("offers the synonym under the list for the active finding whose name matched no definition", async () => {
    // The name matches no definition, and its row has an error (no target).
    const workbook = synonymWorkbook("");
    renderPane(workbook);
    const list = await screen.findByRole("listbox", { name: "问题列表" }, { timeout: 10_000 });
    const options = within(list).getAllByRole("option");
    // A project finding (no indicator name) offers nothing.
    fireEvent.click(options.find((o) => o.getAttribute("data-cell") === "绩效指标!A2")!);
    expect(screen.queryByRole("group", { name: /的指标名称加为同义词$/ })).toBeNull();
    fireEvent.click(options.find((o) => o.getAttribute("data-cell") === "绩效指标!E2")!);
    const form = await screen.findByRole("group", { name: "把 绩效指标!E2 的指标名称加为同义词" });
    expect(within(form).getByText("指标名称：“乡村厨师技能培训场次”")).toBeTruthy();
    await addAsSynonym(form, workbook);
  });
});
