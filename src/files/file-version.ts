// Which version of a file was read. A report must not mix two: the figures from one version and,
// read back later, names from another, or the first half of a file with the second half of its
// replacement. Size and modification time, with the file's identity on disk, tell versions apart
// as `make` and `rsync` do.

import type { Stats } from "node:fs";

export interface FileVersion {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
}

export function versionOf(stat: Stats): FileVersion {
  return { dev: stat.dev, ino: stat.ino, size: stat.size, mtimeMs: stat.mtimeMs };
}

export function sameVersion(a: FileVersion, b: FileVersion): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}
