// Stamped by the build from package.json, so the sidebar footer says which add-on is running.
declare const __ADDON_VERSION__: string;

export const ADDON_VERSION: string = typeof __ADDON_VERSION__ === "string" ? __ADDON_VERSION__ : "dev";
