/** Today's date (`YYYY-MM-DD`) in China Standard Time, for ages and default dates. */
export function todayInChina(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
