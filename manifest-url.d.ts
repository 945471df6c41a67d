// Types for manifest-url.js (CommonJS, required by webpack.config.js).
export declare const DEV_ORIGIN: "https://localhost:3000";
export declare const DEFAULT_PROD_URL: string;
export declare function checkProdUrl(url: string): string;
export declare function prodUrlFrom(env: Record<string, string | undefined>): string;
export declare function rewriteManifestUrls(xml: string, prodUrl: string): string;
