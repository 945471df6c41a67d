/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import type { CellData, WorkbookData, WritePlan } from "../../src/core";
import { App } from "../../src/taskpane/App";
import type { PaneWorkbook } from "../../src/taskpane/pane-workbook";
import { paneStrings } from "../../src/taskpane/strings";

const cell = (value: string): CellData => ({ value });

/** A 2023 自评 list: the title names the year, the count is at half its annual target. */
const DATA: WorkbookData = {
  sheets: [
    {
      name: "绩效指标",
      visibility: "visible",
      merges: [],
      rows: [
        [cell("2023年度项目支出绩效自评表")],
        ["项目名称", "一级指标", "二级指标", "三级指标", "指标值", "完成值"].map(cell),
        ["项目甲", "产出指标", "数量指标", "培训人次", "≥500人次", "250人次"].map(cell),
      ],
    },
  ],
};

function workbook() {
  return {
    readWithAccess: jest.fn(() =>
      Promise.resolve({ data: DATA, access: { name: "t.xlsx", readOnly: false, protectedSheets: [] } }),
    ),
    apply: jest.fn<Promise<void>, [WritePlan]>(() => Promise.resolve()),
    select: jest.fn<Promise<void>, [string, string]>(() => Promise.resolve()),
  } satisfies PaneWorkbook;
}

describe("the pane's fiscal year", () => {
  it("shows the year found in the workbook, and checks the year typed instead", async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <App workbook={workbook()} locale="zh-CN" today="2024-01-20" />
      </FluentProvider>,
    );
    expect(await screen.findByText("按 2023 年度检查：从标题识别（绩效指标!A1）")).toBeTruthy();
    const field = screen.getByRole("textbox", { name: "预算年度" });
    fireEvent.change(field, { target: { value: "20x4" } });
    expect(screen.getByText("请填写四位年份，例如 2023，或留空自动识别")).toBeTruthy();
    fireEvent.change(field, { target: { value: "2024" } });
    const check = screen.getByRole("button", { name: paneStrings["zh-CN"].check });
    // The results show while the flags are still being written; the button is back once they are
    // (Fluent's disabledFocusable marks it aria-disabled, not disabled).
    await waitFor(() =>
      expect(check.hasAttribute("disabled") || check.getAttribute("aria-disabled") === "true").toBe(false),
    );
    fireEvent.click(check);
    await waitFor(() => expect(screen.getByText("按 2024 年度检查：按此处填写")).toBeTruthy());
  });
});
