/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/src", "<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    // Type errors are caught by `tsc --noEmit` in `npm test`; jest only transpiles.
    "^.+\\.tsx?$": [
      "ts-jest",
      { tsconfig: { module: "commonjs", moduleResolution: "node10", jsx: "react-jsx", isolatedModules: true } },
    ],
  },
  testTimeout: 60000,
  // The compiled command (dist-cli/), which bin/ and folder mode's workers run.
  globalSetup: "<rootDir>/test/build-cli.global-setup.js",
  // Fluent UI needs ResizeObserver, which jsdom lacks (component tests use the jsdom environment).
  setupFiles: ["<rootDir>/test/taskpane/setup-dom.ts"],
};
