// Windows-1251 encoding for test and benchmark files. Node decodes 1251 (TextDecoder) but has no
// encoder, so the byte of each character is read off the decoder once.

const BYTE_OF = new Map<string, number>();
const decoder = new TextDecoder("windows-1251");
for (let byte = 0; byte < 256; byte++) BYTE_OF.set(decoder.decode(Uint8Array.of(byte)), byte);

export function encodeWindows1251(text: string): Buffer {
  const bytes = Buffer.allocUnsafe(text.length);
  let n = 0;
  for (const char of text) {
    const byte = BYTE_OF.get(char);
    if (byte === undefined) throw new Error(`no Windows-1251 byte for ${JSON.stringify(char)}`);
    bytes[n++] = byte;
  }
  return bytes.subarray(0, n);
}
