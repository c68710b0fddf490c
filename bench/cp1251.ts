// Windows-1251 encoding for test and benchmark files. Node decodes 1251 (TextDecoder) but has no
// encoder; Russian text needs only the Cyrillic block and a few punctuation marks.

const SPECIAL: Record<string, number> = { Ё: 0xa8, ё: 0xb8, "№": 0xb9, "«": 0xab, "»": 0xbb, "\u00a0": 0xa0 };

export function encodeWindows1251(text: string): Buffer {
  const bytes = Buffer.allocUnsafe(text.length);
  let n = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes[n++] = code;
    else if (code >= 0x410 && code <= 0x44f) bytes[n++] = code - 0x410 + 0xc0; // А…я
    else if (SPECIAL[char] !== undefined) bytes[n++] = SPECIAL[char];
    else throw new Error(`no Windows-1251 byte for ${JSON.stringify(char)}`);
  }
  return bytes.subarray(0, n);
}
