// ESLint 9 flat config.
import { builtinModules } from "node:module";
import { defineConfig, globalIgnores } from "eslint/config";
import { createNodeResolver, importX } from "eslint-plugin-import-x";
import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

// ---------------------------------------------------------------------------------------------
// Import direction. This enforces the dependency direction of docs/architecture.md:
//   core imports nothing of ours but itself (and zod); excel and xlsx import core;
//   taskpane and commands import core and excel; cli imports core and xlsx; nothing imports an
//   app (taskpane, commands, cli). The pane and the function file run in Office's browser, so
//   they (and excel) never import ExcelJS or Node's modules; the CLI side never imports React.
// test/lint/import-direction.test.ts proves the rule fires.
// ---------------------------------------------------------------------------------------------

/** A relative import that reaches one of our src/ folders, e.g. "../xlsx" or "../../xlsx/read". */
const ourFolder = (name) => `^\\.{1,2}/(?:.*/)?${name}(?:/|$)`;
/** A package and its subpaths, e.g. "react" and "react/jsx-runtime". */
const pkg = (name) => `^${name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}(?:/|$)`;

const nodeModules = `^(?:node:|(?:${builtinModules.filter((m) => !m.startsWith("_")).join("|")})(?:/|$))`;
const uiPackages = [pkg("react"), pkg("react-dom"), "^@fluentui/"];

/** The in-memory Excel (test/support/office-model) is for tests, bench and the preview page only. */
const noOfficeModel = { regex: "(?:^|/)office-model(?:/|$)", why: "may not import the in-memory Excel of the tests" };

/** One no-restricted-imports rule: each entry forbids the specifiers matching `regex`. */
function forbid(folder, entries) {
  return {
    "@typescript-eslint/no-restricted-imports": [
      "error",
      {
        patterns: [...entries, noOfficeModel].map(({ regex, why }) => ({
          regex,
          message: `docs/architecture.md, dependency direction: ${folder} ${why}.`,
        })),
      },
    ],
  };
}

/**
 * Spreading an array as a call's arguments overflows the stack past some 120,000 items (a list
 * of 200,000 rows): src/core/model/arrays.ts has append and bounds instead.
 */
const noArgumentSpread = [
  {
    selector: "CallExpression[callee.property.name=/^(push|unshift)$/] > SpreadElement",
    message: "push(...items) overflows the stack on long lists; use append(target, items).",
  },
  {
    selector: "CallExpression[callee.object.name='Math'][callee.property.name=/^(min|max)$/] > SpreadElement",
    message: "Math.min/max(...values) overflows the stack on long lists; use bounds(values).",
  },
];

const notOurs = (names) => names.map((name) => ({ regex: ourFolder(name), why: `may not import src/${name}` }));

/** What every module of the core is refused: our adapters and apps, and any package but zod. */
const coreEntries = [
  ...notOurs(["excel", "xlsx", "taskpane", "commands", "cli"]),
  {
    regex: "^(?!\\.|zod(?:/|$))",
    why: "depends on zod only (no DOM, Office, ExcelJS, React or node:*; relative imports stay inside src/core)",
  },
];

/**
 * The core's inner layers, lowest first (docs/architecture.md): a module may import its own layer
 * and those below, never one above, type imports included, so no cycle can form between layers.
 */
const CORE_LAYERS = [
  ["target-expression"],
  ["model", "analyser", "result", "palette", "workbook-port"],
  ["sheets", "owned", "check-settings", "framework", "messages"],
  ["definitions", "settings-sheet"],
  ["rules"],
  ["monitoring"],
  ["flags", "findings-sheet"],
  ["target-table"],
  ["plan", "check", "build-report", "session"],
];
const FILE_MODULES = new Set(["result", "palette", "workbook-port", "owned", "check-settings", "framework", "settings-sheet", "check", "build-report", "session"]);
const coreModule = (name) => (FILE_MODULES.has(name) ? `src/core/${name}.ts` : `src/core/${name}/**/*.{ts,tsx}`);
/** A relative import reaching a module of the core by name: "../rules/x", "./check". */
const reaches = (name) => `^(?:\\.\\.?/)+${name}(?:/|$)`;

const coreLayers = CORE_LAYERS.map((layer, i) => ({
  files: layer.map(coreModule),
  ignores: ["src/core/**/*.test.{ts,tsx}"],
  rules: forbid(`src/core/${layer.join(", ")}`, [
    ...coreEntries,
    ...CORE_LAYERS.slice(i + 1)
      .flat()
      .map((name) => ({ regex: reaches(name), why: `may not import ${name}, a layer above it` })),
  ]),
}));

const importDirection = [
  {
    files: ["src/core/**/*.{ts,tsx}"],
    ignores: ["src/core/**/*.test.{ts,tsx}"],
    rules: forbid("src/core", coreEntries),
  },
  ...coreLayers,
  {
    // Core's own tests may also read golden files (node:fs) and use fast-check.
    files: ["src/core/**/*.test.{ts,tsx}"],
    rules: forbid("src/core tests", [
      ...notOurs(["excel", "xlsx", "taskpane", "commands", "cli"]),
      ...[pkg("exceljs"), "^office-", ...uiPackages].map((regex) => ({ regex, why: "test the pure core only" })),
    ]),
  },
  {
    files: ["src/excel/**/*.{ts,tsx}"],
    rules: forbid("src/excel", [
      ...notOurs(["xlsx", "taskpane", "commands", "cli"]),
      { regex: pkg("exceljs"), why: "is the Office.js adapter; ExcelJS is for tests and benchmarks only" },
      ...uiPackages.map((regex) => ({ regex, why: "returns plain data, not UI" })),
      { regex: nodeModules, why: "runs in Office's browser (no node:*)" },
    ]),
  },
  {
    files: ["src/xlsx/**/*.{ts,tsx}"],
    rules: forbid("src/xlsx", [
      ...notOurs(["excel", "taskpane", "commands", "cli"]),
      ...uiPackages.map((regex) => ({ regex, why: "is the file adapter, not UI" })),
      { regex: pkg("exceljs"), why: "reads and writes files itself (read/, write/); ExcelJS is for tests and benchmarks only" },
    ]),
  },
  {
    files: ["src/taskpane/**/*.{ts,tsx}"],
    rules: forbid("src/taskpane", [
      ...notOurs(["xlsx", "cli", "commands"]),
      { regex: pkg("exceljs"), why: "runs in Office's browser (ExcelJS is for the command line)" },
      { regex: nodeModules, why: "runs in Office's browser (no node:*)" },
    ]),
  },
  {
    files: ["src/commands/**/*.{ts,tsx}"],
    rules: forbid("src/commands", [
      ...notOurs(["xlsx", "cli", "taskpane"]),
      { regex: pkg("exceljs"), why: "runs in Office's browser (ExcelJS is for the command line)" },
      { regex: nodeModules, why: "runs in Office's browser (no node:*)" },
    ]),
  },
  {
    files: ["src/cli/**/*.{ts,tsx}"],
    rules: forbid("src/cli", [
      ...notOurs(["excel", "taskpane", "commands"]),
      ...uiPackages.map((regex) => ({ regex, why: "is a command line" })),
      { regex: pkg("exceljs"), why: "reads and writes files through src/xlsx; ExcelJS is for tests and benchmarks only" },
    ]),
  },
  {
    // Core has no host: Office.js's global namespaces and the browser's and Node's globals are
    // declared for the whole project by tsconfig, so keep them out of core explicitly.
    files: ["src/core/**/*.{ts,tsx}"],
    ignores: ["src/core/**/*.test.{ts,tsx}"],
    rules: {
      "no-restricted-globals": [
        "error",
        ...["Excel", "Office", "OfficeExtension", "window", "document", "process", "Buffer", "require"].map(
          (name) => ({ name, message: `docs/architecture.md: src/core is pure TypeScript and may not use ${name}.` }),
        ),
      ],
      "no-restricted-syntax": [
        "error",
        ...noArgumentSpread,
        {
          selector: "TSQualifiedName[left.name=/^(Excel|Office|OfficeExtension)$/]",
          message: "docs/architecture.md: no Office.js type leaves src/excel; core types are its own.",
        },
      ],
    },
  },
];

export default defineConfig([
  globalIgnores(["dist/", "dist-cli/", "node_modules/", "coverage/", "samples/out/", "test/out/", "**/*.config.js"]),

  {
    files: ["**/*.{ts,tsx}"],
    extends: [tseslint.configs.recommended],
    rules: {
      // TypeScript checks names; ESLint's no-undef does not know Office's and Excel's globals.
      "no-undef": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },

  {
    // eslint-plugin-office-addins' presets match no .tsx files; apply its rules to all our code.
    files: ["src/**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/call-sync-before-read": "error",
      "office-addins/call-sync-after-load": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/no-office-initialize": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
      "no-restricted-syntax": ["error", ...noArgumentSpread],
    },
  },

  ...importDirection,

  {
    // No module may reach itself through its imports, type-only ones included: a cycle ties the
    // core's inner layers (model ← sheets ← rules ← plan ← check) into one knot.
    files: ["src/**/*.{ts,tsx}"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".tsx", ".js"] })],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
      "import-x/extensions": [".ts", ".tsx", ".js"],
    },
    rules: { "import-x/no-cycle": ["error", { ignoreExternal: true }] },
  },

  {
    // Build helpers at the root (manifest-url.js): CommonJS run by Node.
    files: ["*.js", "*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: { require: "readonly", module: "writable", __dirname: "readonly", process: "readonly", console: "readonly", URL: "readonly" },
    },
    rules: { "no-undef": "error", "no-unused-vars": ["error", { argsIgnorePattern: "^_" }] },
  },
  {
    files: ["*.mjs"],
    languageOptions: { sourceType: "module", globals: { process: "readonly", console: "readonly", URL: "readonly" } },
    rules: { "no-undef": "error", "no-unused-vars": "error" },
  },
]);
