// The bytes the CSV reader looks for, by name.

export const TAB = 0x09;
export const LF = 0x0a;
export const CR = 0x0d;
export const SPACE = 0x20;
export const QUOTE = 0x22;
export const APOSTROPHE = 0x27;
export const HASH = 0x23;
export const COMMA = 0x2c;
export const DASH = 0x2d;
export const DOT = 0x2e;
export const DIGIT_ZERO = 0x30;
export const SEMICOLON = 0x3b;
export const PIPE = 0x7c;
