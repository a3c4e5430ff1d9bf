/** A log message split into plain text and at most one JSON part, which gets highlighted. */
export type LogSegment = { kind: 'text'; text: string } | { kind: 'json'; text: string };

/** Longer JSON is shown plain: highlighting is per visible row and must stay cheap. */
export const MAX_HIGHLIGHT_CHARS = 4096;

/**
 * Finds JSON inside a log message: from the first `{` or `[` to the last matching closer, kept
 * only if it parses. One pass, no regex backtracking, so hostile text costs linear time.
 */
export function splitLogMessage(message: string): LogSegment[] {
  const start = firstOpener(message);
  if (start === -1) return [{ kind: 'text', text: message }];
  const closer = message[start] === '{' ? '}' : ']';
  const end = message.lastIndexOf(closer);
  if (end <= start || end - start + 1 > MAX_HIGHLIGHT_CHARS) return [{ kind: 'text', text: message }];
  const candidate = message.slice(start, end + 1);
  try {
    const parsed: unknown = JSON.parse(candidate);
    if (typeof parsed !== 'object' || parsed === null) return [{ kind: 'text', text: message }];
  } catch {
    return [{ kind: 'text', text: message }];
  }
  const segments: LogSegment[] = [];
  if (start > 0) segments.push({ kind: 'text', text: message.slice(0, start) });
  segments.push({ kind: 'json', text: candidate });
  if (end + 1 < message.length) segments.push({ kind: 'text', text: message.slice(end + 1) });
  return segments;
}

function firstOpener(message: string): number {
  const brace = message.indexOf('{');
  const bracket = message.indexOf('[');
  if (brace === -1) return bracket;
  if (bracket === -1) return brace;
  return Math.min(brace, bracket);
}
