// Rewrites the development URLs of manifest.xml for a production build.
// Plain CommonJS so webpack.config.js can require it; typed by manifest-url.d.ts for the tests.
"use strict";

const DEV_ORIGIN = "https://localhost:3000";
const DEFAULT_PROD_URL = "https://addins.example.gov.cn/check-targets/";

/**
 * Checks a production base URL: absolute https, no query or fragment, ending in "/".
 * @param {string} url
 * @returns {string} the URL, unchanged
 */
function checkProdUrl(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`ADDIN_PROD_URL is not an absolute URL: ${JSON.stringify(url)}`);
  }
  if (parsed.protocol !== "https:") throw new Error(`ADDIN_PROD_URL must use https: ${url}`);
  if (parsed.search !== "" || parsed.hash !== "") throw new Error(`ADDIN_PROD_URL must have no query or fragment: ${url}`);
  if (!url.endsWith("/")) throw new Error(`ADDIN_PROD_URL must end with "/": ${url}`);
  if (parsed.origin === DEV_ORIGIN) throw new Error(`ADDIN_PROD_URL is the development URL: ${url}`);
  return url;
}

/**
 * The production base URL: ADDIN_PROD_URL from the given environment, else the default.
 * @param {Record<string, string | undefined>} env
 */
function prodUrlFrom(env) {
  const value = env.ADDIN_PROD_URL;
  return checkProdUrl(value === undefined || value === "" ? DEFAULT_PROD_URL : value);
}

/**
 * Replaces "https://localhost:3000/…" with the production base URL and a bare
 * "https://localhost:3000" (an AppDomain) with the production origin.
 * @param {string} xml
 * @param {string} prodUrl
 */
function rewriteManifestUrls(xml, prodUrl) {
  const base = checkProdUrl(prodUrl);
  const origin = new URL(base).origin;
  return xml.replace(/https:\/\/localhost:3000(\/?)/g, (_match, slash) => (slash === "/" ? base : origin));
}

module.exports = { DEV_ORIGIN, DEFAULT_PROD_URL, checkProdUrl, prodUrlFrom, rewriteManifestUrls };
