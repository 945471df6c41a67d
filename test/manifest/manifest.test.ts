import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { DEFAULT_PROD_URL, DEV_ORIGIN, prodUrlFrom, rewriteManifestUrls } from "../../manifest-url.js";
import { allElements, childrenNamed, onlyChild, parseXml, path, type XmlElement } from "./xml";

// Offline structural validation of manifest.xml against the rules of the Office add-in-only
// manifest schema that matter here (element order, resource references, https, locales).
// Element order: https://learn.microsoft.com/office/dev/add-ins/develop/manifest-element-ordering

const root = resolve(__dirname, "../..");
const manifestXml = readFileSync(join(root, "manifest.xml"), "utf8");
const DEV_BASE = `${DEV_ORIGIN}/`;

const NS = {
  officeApp: "http://schemas.microsoft.com/office/appforoffice/1.1",
  versionOverrides: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  basicTypes: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
};

/** The XSD sequences (task-pane add-in), in the order the schema requires. */
const SEQUENCES: Record<string, readonly string[]> = {
  OfficeApp: [
    "Id",
    "AlternateId",
    "Version",
    "ProviderName",
    "DefaultLocale",
    "DisplayName",
    "Description",
    "IconUrl",
    "HighResolutionIconUrl",
    "SupportUrl",
    "AppDomains",
    "Hosts",
    "Requirements",
    "DefaultSettings",
    "Permissions",
    "Dictionary",
    "VersionOverrides",
    "ExtendedOverrides",
  ],
  VersionOverrides: ["Description", "Requirements", "Hosts", "Resources", "WebApplicationInfo", "EquivalentAddins"],
  DesktopFormFactor: ["GetStarted", "FunctionFile", "ExtensionPoint"],
  GetStarted: ["Title", "Description", "LearnMoreUrl"],
  Group: ["OverriddenByRibbonApi", "Label", "Icon", "Control"],
  Control: ["OverriddenByRibbonApi", "Label", "Supertip", "Icon", "Action", "Enabled", "Items"],
  Supertip: ["Title", "Description"],
  Action: ["TaskpaneId", "SourceLocation", "Title", "FunctionName"],
  Resources: ["Images", "Urls", "ShortStrings", "LongStrings"],
};

/** Children a task-pane OfficeApp must have (schema, plus what this add-in promises). */
const REQUIRED_TOP_LEVEL = [
  "Id",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "VersionOverrides",
];

type ResourceKind = "Images" | "Urls" | "ShortStrings" | "LongStrings";

const manifest = parseXml(manifestXml);
const versionOverrides = onlyChild(manifest, "VersionOverrides");
const resources = onlyChild(versionOverrides, "Resources");

/** Resource id → its kind and element. */
const resourceById = new Map<string, { kind: ResourceKind; element: XmlElement }>();
for (const group of resources.children) {
  for (const element of group.children) {
    const id = element.attributes.id ?? "";
    if (resourceById.has(id)) throw new Error(`resource id ${id} is defined twice`);
    resourceById.set(id, { kind: group.local as ResourceKind, element });
  }
}

/** What kind of resource an element with a resid must point to. */
function expectedKind(element: XmlElement, parent: XmlElement): ResourceKind {
  if (element.local === "Image") return "Images";
  if (["SourceLocation", "FunctionFile", "LearnMoreUrl"].includes(element.local)) return "Urls";
  if (element.local === "Label" || element.local === "Title") return "ShortStrings";
  if (element.local === "Description" && ["Supertip", "GetStarted"].includes(parent.local)) return "LongStrings";
  throw new Error(`no rule for a resid on <${element.name}> in <${parent.name}>`);
}

/** Every element carrying a resid, with its parent. */
function residUses(): Array<{ element: XmlElement; parent: XmlElement; resid: string }> {
  const uses: Array<{ element: XmlElement; parent: XmlElement; resid: string }> = [];
  for (const parent of allElements(manifest)) {
    for (const element of parent.children) {
      const resid = element.attributes.resid;
      if (resid !== undefined) uses.push({ element, parent, resid });
    }
  }
  return uses;
}

function resource(resid: string, kind: ResourceKind): XmlElement {
  const found = resourceById.get(resid);
  if (found === undefined || found.kind !== kind) throw new Error(`no ${kind} resource ${resid}`);
  return found.element;
}

/** The zh-CN override of a localizable element (DisplayName, bt:String, …). */
function zhCN(element: XmlElement): string | undefined {
  return element.children.find((child) => child.local === "Override" && child.attributes.Locale === "zh-CN")?.attributes
    .Value;
}

/** Every URL written in the manifest: attribute values and texts, namespace declarations aside. */
function allUrls(xml: XmlElement): Array<{ where: string; url: string }> {
  const urls: Array<{ where: string; url: string }> = [];
  for (const element of allElements(xml)) {
    for (const [name, value] of Object.entries(element.attributes)) {
      if (name === "xmlns" || name.startsWith("xmlns:")) continue;
      if (/^[a-z][a-z0-9+.-]*:/i.test(value) && value.includes("/"))
        urls.push({ where: `${element.name}@${name}`, url: value });
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(element.text)) urls.push({ where: element.name, url: element.text });
  }
  return urls;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  expect(bytes.subarray(12, 16).toString("latin1")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

type HtmlPlugin = { userOptions?: { filename?: string; template?: string } };
type WebpackConfigFactory = (
  env: Record<string, unknown>,
  argv: { mode: string },
) => Promise<{ plugins: HtmlPlugin[] }>;

describe("manifest.xml", () => {
  it("is a task-pane OfficeApp in the 1.1 namespace", () => {
    expect(manifest.local).toBe("OfficeApp");
    expect(manifest.uri).toBe(NS.officeApp);
    expect(manifest.attributes["xsi:type"]).toBe("TaskPaneApp");
    expect(versionOverrides.uri).toBe(NS.versionOverrides);
    expect(versionOverrides.attributes["xsi:type"]).toBe("VersionOverridesV1_0");
    expect(resources.children.every((group) => group.uri === NS.basicTypes)).toBe(true);
  });

  it("has the required top-level elements", () => {
    const names = manifest.children.map((child) => child.local);
    for (const required of REQUIRED_TOP_LEVEL) expect(names).toContain(required);
  });

  it.each(Object.keys(SEQUENCES))("orders the children of every <%s> as the schema requires", (parentName) => {
    const sequence = SEQUENCES[parentName] ?? [];
    const parents = allElements(manifest).filter((element) => element.local === parentName);
    expect(parents.length).toBeGreaterThan(0);
    for (const parent of parents) {
      const positions = parent.children.map((child) => {
        const position = sequence.indexOf(child.local);
        if (position < 0)
          throw new Error(`<${child.name}> (line ${child.line}) is not a valid child of <${parent.name}>`);
        return position;
      });
      // Each element once, in sequence order (Control, Group and Image may repeat; none do here).
      const ordered = positions.every((position, i) => i === 0 || position > (positions[i - 1] ?? -1));
      if (!ordered) {
        throw new Error(
          `<${parent.name}> (line ${parent.line}) children out of order: ${parent.children.map((c) => c.local).join(", ")}`,
        );
      }
    }
  });

  it("has a GUID as its Id and a four-part Version", () => {
    expect(onlyChild(manifest, "Id").text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(onlyChild(manifest, "Version").text).toMatch(/^\d+(\.\d+){3}$/);
  });

  it("names the add-in in en-US and zh-CN", () => {
    expect(onlyChild(manifest, "DefaultLocale").text).toBe("en-US");
    const displayName = onlyChild(manifest, "DisplayName");
    expect(displayName.attributes.DefaultValue).toBe("Check Targets");
    expect(zhCN(displayName)).toBe("检查目标");
    expect(zhCN(onlyChild(manifest, "Description"))).toMatch(/绩效目标/);
  });

  it("runs in Excel only, with ExcelApi 1.9 (Office 2021 or later, not Office 2019) and read/write access to the document", () => {
    expect(childrenNamed(onlyChild(manifest, "Hosts"), "Host").map((h) => h.attributes.Name)).toEqual(["Workbook"]);
    const sets = path(manifest, "Requirements", "Sets");
    expect(sets.attributes.DefaultMinVersion).toBe("1.1");
    expect(childrenNamed(sets, "Set").map((s) => s.attributes)).toEqual([{ Name: "ExcelApi", MinVersion: "1.9" }]);
    expect(onlyChild(manifest, "Permissions").text).toBe("ReadWriteDocument");
    expect(path(manifest, "DefaultSettings", "SourceLocation").attributes.DefaultValue).toBe(
      `${DEV_BASE}taskpane.html`,
    );
    const hosts = childrenNamed(onlyChild(versionOverrides, "Hosts"), "Host");
    expect(hosts.map((h) => h.attributes["xsi:type"])).toEqual(["Workbook"]);
  });

  it("resolves every resid to a defined resource of the right kind", () => {
    const uses = residUses();
    expect(uses.length).toBeGreaterThan(10);
    for (const { element, parent, resid } of uses) {
      const kind = expectedKind(element, parent);
      const found = resourceById.get(resid);
      if (found === undefined)
        throw new Error(`<${element.name}> (line ${element.line}) uses undefined resid ${resid}`);
      if (found.kind !== kind)
        throw new Error(
          `<${element.name}> (line ${element.line}) needs a ${kind} resource, ${resid} is in ${found.kind}`,
        );
      // The schema limits resource ids to 32 characters.
      expect(resid.length).toBeLessThanOrEqual(32);
    }
    // No resource is defined and never used.
    const used = new Set(uses.map((use) => use.resid));
    expect([...resourceById.keys()].filter((id) => !used.has(id))).toEqual([]);
  });

  it("keeps strings within the schema's lengths", () => {
    for (const [id, { kind, element }] of resourceById) {
      const limit = kind === "ShortStrings" ? 125 : kind === "LongStrings" ? 250 : 2048;
      const values = [element.attributes.DefaultValue ?? "", ...element.children.map((o) => o.attributes.Value ?? "")];
      for (const value of values) {
        if (value.length === 0 || value.length > limit)
          throw new Error(`${kind} ${id}: ${value.length} characters (1–${limit})`);
      }
    }
  });

  it("puts a Check targets button, opening the task pane, in its own group on the Home tab", () => {
    const formFactor = path(versionOverrides, "Hosts", "Host", "DesktopFormFactor");
    const extensionPoint = onlyChild(formFactor, "ExtensionPoint");
    expect(extensionPoint.attributes["xsi:type"]).toBe("PrimaryCommandSurface");
    const tab = onlyChild(extensionPoint, "OfficeTab");
    expect(tab.attributes.id).toBe("TabHome");
    const group = onlyChild(tab, "Group");
    const button = onlyChild(group, "Control");
    expect(button.attributes["xsi:type"]).toBe("Button");

    const label = resource(onlyChild(button, "Label").attributes.resid ?? "", "ShortStrings");
    expect(label.attributes.DefaultValue).toBe("Check targets");
    expect(zhCN(label)).toBe("检查目标");
    const groupLabel = resource(onlyChild(group, "Label").attributes.resid ?? "", "ShortStrings");
    expect(zhCN(groupLabel)).toBeTruthy();
    const tooltip = resource(path(button, "Supertip", "Description").attributes.resid ?? "", "LongStrings");
    expect(zhCN(tooltip)).toBeTruthy();
    const tipTitle = resource(path(button, "Supertip", "Title").attributes.resid ?? "", "ShortStrings");
    expect(zhCN(tipTitle)).toBeTruthy();

    for (const icon of [onlyChild(group, "Icon"), onlyChild(button, "Icon")]) {
      expect(icon.children.map((image) => image.attributes.size)).toEqual(["16", "32", "80"]);
    }

    const action = onlyChild(button, "Action");
    expect(action.attributes["xsi:type"]).toBe("ShowTaskpane");
    expect(onlyChild(action, "TaskpaneId").text).not.toBe("");
    const taskpane = resource(onlyChild(action, "SourceLocation").attributes.resid ?? "", "Urls");
    expect(taskpane.attributes.DefaultValue).toBe(`${DEV_BASE}taskpane.html`);
    const functionFile = resource(onlyChild(formFactor, "FunctionFile").attributes.resid ?? "", "Urls");
    expect(functionFile.attributes.DefaultValue).toBe(`${DEV_BASE}commands.html`);
  });

  it("gives every localizable resource a zh-CN override", () => {
    for (const [id, { kind, element }] of resourceById) {
      if (kind === "ShortStrings" || kind === "LongStrings") {
        if (!zhCN(element)) throw new Error(`${kind} ${id} has no zh-CN override`);
      }
    }
  });

  it("uses https for every URL, all served from the dev server", () => {
    const urls = allUrls(manifest);
    expect(urls.length).toBeGreaterThan(8);
    for (const { where, url } of urls) {
      if (!url.startsWith("https://")) throw new Error(`${where}: ${url} is not https`);
      if (!(url === DEV_ORIGIN || url.startsWith(DEV_BASE))) throw new Error(`${where}: ${url} is not on ${DEV_BASE}`);
    }
  });

  it("points only at files the build emits, with icons of the declared sizes", async () => {
    const makeConfig = jest.requireActual<WebpackConfigFactory>("../../webpack.config.js");
    const config = await makeConfig({ WEBPACK_BUILD: true }, { mode: "development" });
    const pages = new Set(config.plugins.map((plugin) => plugin.userOptions?.filename).filter((f) => f !== undefined));
    for (const { url } of allUrls(manifest)) {
      if (url === DEV_ORIGIN) continue;
      const file = url.slice(DEV_BASE.length);
      if (file.startsWith("assets/")) expect(existsSync(join(root, file))).toBe(true);
      else if (!pages.has(file)) throw new Error(`${url}: webpack.config.js emits no ${file}`);
    }

    const declaredSizes: Array<[string, number]> = [
      [onlyChild(manifest, "IconUrl").attributes.DefaultValue ?? "", 32],
      [onlyChild(manifest, "HighResolutionIconUrl").attributes.DefaultValue ?? "", 64],
      ...childrenNamed(onlyChild(resources, "Images"), "Image").map((image): [string, number] => {
        const size = residUses().find((use) => use.resid === image.attributes.id)?.element.attributes.size;
        return [image.attributes.DefaultValue ?? "", Number(size)];
      }),
    ];
    for (const [url, size] of declaredSizes) {
      expect(pngSize(join(root, url.slice(DEV_BASE.length)))).toEqual({ width: size, height: size });
    }
  });
});

describe("production manifest URLs (manifest-url.js)", () => {
  const prod = "https://addins.example.gov.cn/check-targets/";
  const rewritten = rewriteManifestUrls(manifestXml, prod);

  it("rewrites every dev URL to the production URL, and the AppDomain to its origin", () => {
    expect(rewritten).not.toContain("localhost");
    const tree = parseXml(rewritten);
    const urls = allUrls(tree);
    expect(urls.length).toBe(allUrls(manifest).length);
    for (const { url } of urls) expect(url === "https://addins.example.gov.cn" || url.startsWith(prod)).toBe(true);
    expect(path(tree, "AppDomains", "AppDomain").text).toBe("https://addins.example.gov.cn");
    expect(path(tree, "DefaultSettings", "SourceLocation").attributes.DefaultValue).toBe(`${prod}taskpane.html`);
  });

  it("leaves everything else unchanged", () => {
    expect(rewritten.replaceAll(prod, DEV_BASE).replaceAll("https://addins.example.gov.cn", DEV_ORIGIN)).toBe(
      manifestXml,
    );
  });

  it("takes ADDIN_PROD_URL from the environment, with an https default", () => {
    expect(prodUrlFrom({})).toBe(DEFAULT_PROD_URL);
    expect(prodUrlFrom({ ADDIN_PROD_URL: "" })).toBe(DEFAULT_PROD_URL);
    expect(DEFAULT_PROD_URL).toMatch(/^https:\/\/[^/]+\/(.+\/)?$/);
    expect(prodUrlFrom({ ADDIN_PROD_URL: "https://cdn.example.org/" })).toBe("https://cdn.example.org/");
  });

  it.each([
    ["http://addins.example.gov.cn/", /https/],
    ["https://addins.example.gov.cn/check-targets", /end with/],
    ["https://addins.example.gov.cn/?v=1", /query/],
    ["addins.example.gov.cn/", /absolute/],
    ["https://localhost:3000/", /development/],
  ])("rejects %s", (url, reason) => {
    expect(() => prodUrlFrom({ ADDIN_PROD_URL: url })).toThrow(reason);
    expect(() => rewriteManifestUrls(manifestXml, url)).toThrow(reason);
  });
});
