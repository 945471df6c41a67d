/**
 * The checking engine the pane loads on demand (use-checker.ts imports it dynamically): the
 * core's rules, definitions and write plans stay out of the initial bundle, which only shows the
 * pane's shell while the workbook is read.
 */
export { checkWorkbook, planClear, planFlagWrite, planSettingsSheet, planTableWrite } from "../core";
