// A progress bar on stderr for big files, redrawn at most a few times a second.

/** Smaller files take a second or two: a bar would only flicker. */
const SHOW_FROM_BYTES = 50 * 1024 * 1024;
const REDRAW_MS = 200;
const WIDTH = 30;

export interface ProgressBar {
  update(bytesRead: number, totalBytes: number): void;
  finish(): void;
}

export function progressBar(stream: NodeJS.WriteStream): ProgressBar {
  let lastDraw = 0;
  let drawn = false;
  return {
    update(bytesRead, totalBytes) {
      if (!stream.isTTY || totalBytes < SHOW_FROM_BYTES) return;
      const now = Date.now();
      if (now - lastDraw < REDRAW_MS && bytesRead < totalBytes) return;
      lastDraw = now;
      const share = Math.min(1, bytesRead / totalBytes);
      const filled = Math.round(share * WIDTH);
      const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(0);
      stream.write(
        `\r[${"#".repeat(filled)}${" ".repeat(WIDTH - filled)}] ${(share * 100).toFixed(0).padStart(3)} %  ${mb(bytesRead)}/${mb(totalBytes)} MB`,
      );
      drawn = true;
    },
    finish() {
      if (drawn) stream.write("\r\u001b[2K");
    },
  };
}
