/** Sizes and bounds shared by every part; the server enforces them, the UI relies on them. */
export const LIMITS = {
  /** params/metadata larger than this are left out of list and event summaries. */
  summaryJsonBytes: 1024,
  /** a run's error in list and event summaries: message + stack cut to this many UTF-8 bytes in all. */
  summaryErrorBytes: 1024,
  /** the details endpoint returns params/metadata whole up to this size, then a `tooLarge` marker. */
  detailsJsonBytes: 256 * 1024,
  /** request bodies (enqueue params) over this are answered 413 before parsing. */
  requestBodyBytes: 256 * 1024,
  /** a log line's message is cut past this, with a marker. */
  logMessageBytes: 8 * 1024,
  /** nesting depth allowed in params/metadata. */
  jsonDepth: 32,
  historyPageSizeDefault: 50,
  historyPageSizeMax: 200,
  historyPageMax: 1_000_000,
  logsPageMax: 1000,
  logsPageDefault: 500,
  bulkMaxItems: 500,
  queryStringMax: 200,
  nameMax: 200,
  /** progress events are coalesced per run to at most one per this many ms. */
  progressIntervalMs: 100,
} as const;

export const TRUNCATION_MARKER = '… [truncated]';
