import type { StatsRange } from '@jobs/contracts';

/**
 * The overview chart's time ranges, as the page offers them: the contract's ranges with what the
 * page calls them. Plain data (no zod): the browser bundle imports it.
 */
export const STATS_RANGE_CHOICES: ReadonlyArray<{
  value: StatsRange;
  label: string;
  heading: string;
  bucket: string;
}> = [
  { value: '1h', label: 'Last hour', heading: 'last hour', bucket: 'minute' },
  { value: '24h', label: 'Last 24 hours', heading: 'last 24 hours', bucket: '15 minutes' },
  { value: '7d', label: 'Last 7 days', heading: 'last 7 days', bucket: 'hour' },
];

export const DEFAULT_RANGE: StatsRange = '24h';

/** `?range=` of a page URL; anything the contract does not know shows the default range. */
export function rangeFromUrl(url: URL): StatsRange {
  const asked = url.searchParams.get('range');
  return STATS_RANGE_CHOICES.find((c) => c.value === asked)?.value ?? DEFAULT_RANGE;
}

export function rangeChoice(range: StatsRange) {
  return STATS_RANGE_CHOICES.find((c) => c.value === range) ?? STATS_RANGE_CHOICES[1]!;
}
