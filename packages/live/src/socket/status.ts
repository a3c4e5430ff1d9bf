/** What the user is told about the connection. `since`: when it went up (live) or down. */
export type ConnectionStatus =
  | { readonly state: 'idle' }
  | { readonly state: 'connecting'; readonly since: number }
  | { readonly state: 'live'; readonly since: number }
  | {
      readonly state: 'reconnecting';
      readonly since: number;
      readonly attempt: number;
      readonly nextAttemptAt: number;
    }
  | { readonly state: 'offline'; readonly since: number };

/** When the connection went down, or null while it is up or not started. */
export function downSince(status: ConnectionStatus): number | null {
  return status.state === 'idle' || status.state === 'live' ? null : status.since;
}
