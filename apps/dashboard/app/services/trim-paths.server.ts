/**
 * Absolute paths out of a stack or message, so no page or log line reveals the server's layout:
 * `/srv/app/packages/server/src/run.ts:14:3` → `…/src/run.ts:14:3` (the last two segments stay).
 */
export function trimPaths(text: string): string {
  return text.replace(/(?:file:\/\/)?(?:\/[\w.@+-]+)+?\/([\w.@+-]+\/[\w.@+-]+)(?=[:)\s]|$)/gm, '…/$1');
}
