/**
 * @jest-environment jsdom
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "acorn";

// The check the pane's HTML runs before its bundle: Office 2019 and older on Windows use IE 11
// (Trident) or Edge Legacy (EdgeHTML), where the bundle cannot run.

const ROOT = join(__dirname, "..", "..");
const SCRIPT = readFileSync(join(ROOT, "src", "host-check", "unsupported-host.js"), "utf8");

function runAs(userAgent: string): HTMLElement | null {
  document.body.innerHTML = '<div id="container">pane</div><div id="unsupported-webview" hidden></div>';
  Object.defineProperty(window.navigator, "userAgent", { value: userAgent, configurable: true });
   
  new Function(SCRIPT)();
  return document.getElementById("unsupported-webview");
}

const IE11 = "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko";
const EDGE_HTML =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041";
const WEBVIEW2 =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0";

describe("the unsupported-host page", () => {
  it("is ES5, so that IE 11 itself can run it", () => {
    expect(() => parse(SCRIPT, { ecmaVersion: 5 })).not.toThrow();
  });

  it.each([
    ["IE 11", IE11],
    ["EdgeHTML", EDGE_HTML],
  ])("in %s says what is needed and hides the pane", (_name, agent) => {
    const note = runAs(agent);
    expect(note?.hidden).toBe(false);
    expect(note?.textContent).toMatch(/Office 2021 or later on Windows \(with the Microsoft Edge WebView2 runtime\)/);
    expect(note?.textContent).toMatch(/Office on a Mac/);
    expect(note?.textContent).toMatch(/Excel on the web/);
    expect(note?.textContent).toMatch(/WebView2 运行时/);
    expect(document.getElementById("container")?.style.display).toBe("none");
  });

  it("in WebView2 leaves the pane alone", () => {
    const note = runAs(WEBVIEW2);
    expect(note?.hidden).toBe(true);
    expect(document.getElementById("container")?.style.display).toBe("");
  });

  it("is included by the pane's HTML before the bundle, and copied into the build", () => {
    const html = readFileSync(join(ROOT, "src", "taskpane", "taskpane.html"), "utf8");
    expect(html).toContain('<script src="unsupported-host.js"></script>');
    expect(readFileSync(join(ROOT, "webpack.config.js"), "utf8")).toContain("src/host-check/unsupported-host.js");
  });
});
