/** The calendar month (UTC) a moment falls in, as the ISO instant it starts. Budgets reset on the 1st. */
export function periodStart(now: Date): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString();
}
