// The calendar day a Date cell shows depends on the spreadsheet's time zone, not the script's or
// the machine's. Intl gives the zone's offset; we cache it per 15-minute slot because every real
// zone changes offset only on such boundaries, and a sheet's dates fall into few slots.

import { MS_PER_DAY } from "./calendar";

const SLOT_MS = 15 * 60_000;
/** Dates with times of day fill many slots; past this many the cache starts over. */
const CACHE_LIMIT = 50_000;

export class ZoneCalendar {
  // Made on first use: building it loads time zone data (~20 ms), which text dates never need.
  private format: Intl.DateTimeFormat | undefined;
  private readonly offsetBySlot = new Map<number, number>();
  // Consecutive rows mostly share a slot (same day, sorted logs): remember the last one.
  private lastSlot = Number.NaN;
  private lastOffset = 0;

  constructor(readonly timeZone: string) {}

  private formatter(): Intl.DateTimeFormat {
    return (this.format ??= new Intl.DateTimeFormat("en-US", {
      timeZone: this.timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    }));
  }

  /** The epoch day that an instant shows as on a wall clock in this zone. */
  dayOf(epochMs: number): number {
    return Math.floor((epochMs + this.offsetMs(epochMs)) / MS_PER_DAY);
  }

  /** The instant of local midnight that starts `epochDay` in this zone. */
  startOf(epochDay: number): number {
    const wallMidnight = epochDay * MS_PER_DAY;
    const guess = wallMidnight - this.offsetMs(wallMidnight);
    return wallMidnight - this.offsetMs(guess);
  }

  private offsetMs(epochMs: number): number {
    const slot = Math.floor(epochMs / SLOT_MS);
    if (slot === this.lastSlot) return this.lastOffset;
    let offset = this.offsetBySlot.get(slot);
    if (offset === undefined) {
      offset = this.measureOffset(slot * SLOT_MS);
      if (this.offsetBySlot.size >= CACHE_LIMIT) this.offsetBySlot.clear();
      this.offsetBySlot.set(slot, offset);
    }
    this.lastSlot = slot;
    this.lastOffset = offset;
    return offset;
  }

  private measureOffset(epochMs: number): number {
    const parts: Record<string, number> = {};
    for (const part of this.formatter().formatToParts(new Date(epochMs))) {
      if (part.type !== "literal") parts[part.type] = Number(part.value);
    }
    const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
    return wall - (epochMs - (((epochMs % 1000) + 1000) % 1000));
  }
}
