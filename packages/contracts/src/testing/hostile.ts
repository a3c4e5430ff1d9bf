/**
 * One corpus of hostile input for every package's tests: text that must stay inert data wherever it
 * is stored, sent, logged or shown. Each entry is named so a test can pick one (`hostileText.bidiEmail`)
 * or walk them all (`it.each(hostileEntries)`).
 */
export const hostileText = {
  xssImg: '<img src=x onerror=alert(1)>',
  xssScript: '<script>alert(1)</script>',
  xssAttribute: '"><svg onload=alert(1)>',
  scriptClose: '</script><script>alert(document.cookie)</script>',
  jsUrl: 'javascript:alert(1)',
  template: "{{constructor.constructor('alert(1)')()}} \u0024{alert(1)}",
  sql: "'; DROP TABLE job_runs; --",
  pathTraversal: '../../../etc/passwd%00.json',
  /** Displays as "a@example.com" unless the override is isolated or made visible. */
  bidiEmail: '\u202Emoc.elpmaxe@a',
  bidiIsolates: '\u2066\u2067\u2068unclosed isolates\u202A\u202B\u202D',
  rtl: 'مرحبا بالعالم — تشغيل المهمة',
  c0Controls: 'bell\u0007 back\u0008space esc\u001b[31mred\u001b[0m tab\tform\u000cfeed',
  c1Controls: 'next\u0085line csi\u009b31m osc\u009d0;title\u009c',
  crlf: 'first line\r\nINJECTED second line\rcarriage return over',
  nul: 'before\u0000after',
  zeroWidth: 'ad\u200bmin\u200c@\u200dexample\ufeff.com\u2060',
  emojiZwj: '👩‍👩‍👧‍👦 🏳️‍🌈 🧑🏽‍💻 e\u0301\u0301\u0301',
  /** 10,000 characters with no space to break at. */
  long: `${'x'.repeat(9_989)}<b>bold</b>`,
} as const;

export type HostileTextName = keyof typeof hostileText;

/** Every hostile string, for `it.each(hostileStrings)`. */
export const hostileStrings: readonly string[] = Object.values(hostileText);

/** `[name, text]` pairs, for tests whose titles should say which one failed. */
export const hostileEntries: ReadonlyArray<readonly [HostileTextName, string]> = Object.entries(
  hostileText,
) as Array<[HostileTextName, string]>;

/** The strings that fit a name-sized field (≤ 200 characters): everything but `long`. */
export const hostileShortStrings: readonly string[] = hostileStrings.filter((s) => s.length <= 200);

/**
 * A JSON object with `__proto__`, `constructor` and `prototype` as own keys, as `JSON.parse` makes them
 * (an object literal would set the prototype instead). A fresh copy each call, so no test can taint
 * another's.
 */
export function hostileJson(): Record<string, unknown> {
  return JSON.parse(
    '{"__proto__":{"polluted":true,"isAdmin":true},"constructor":{"prototype":{"polluted":true}},' +
      '"prototype":{"polluted":true},"toString":"not a function","<img src=x onerror=alert(1)>":"\\u202Ekey"}',
  ) as Record<string, unknown>;
}

/** `{ "d": { "d": … } }` nested `depth` levels, built iteratively (100,000 levels is fine). */
export function deepJson(depth: number): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  let node = root;
  for (let i = 0; i < depth; i++) {
    const next: Record<string, unknown> = {};
    node.d = next;
    node = next;
  }
  return root;
}

/** The same nesting as JSON text, for parsers and request bodies. */
export function deepJsonText(depth: number): string {
  return `${'{"d":'.repeat(depth)}{}${'}'.repeat(depth)}`;
}
