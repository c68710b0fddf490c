// Injected into the CommonJS CLI bundle (scripts/build.ts), where `import.meta.url` means this.
export const importMetaUrl = require("node:url").pathToFileURL(__filename).href as string;
