/**
 * The API's route table: each route is a method and a path template of literal segments and
 * `:name` parameters. A literal segment beats a parameter at the same place, so `/history` is
 * never read as a run id.
 */
export interface Route<H> {
  method: string;
  path: string;
  handler: H;
}

export type Match<H> =
  | { kind: 'found'; route: Route<H>; params: Record<string, string> }
  | { kind: 'wrong-method'; allow: string[] }
  | { kind: 'none' };

type Compiled<H> = { route: Route<H>; segments: string[] };

export class RouteTable<H> {
  readonly #routes: Compiled<H>[] = [];

  add(method: string, path: string, handler: H): this {
    this.#routes.push({ route: { method, path, handler }, segments: split(path) });
    return this;
  }

  /** `segments`: the request path split on `/` and percent-decoded. */
  match(method: string, segments: readonly string[]): Match<H> {
    let best: { literals: number; hits: Compiled<H>[] } = { literals: -1, hits: [] };
    for (const compiled of this.#routes) {
      const literals = literalsMatched(compiled.segments, segments);
      if (literals === null || literals < best.literals) continue;
      if (literals > best.literals) best = { literals, hits: [] };
      best.hits.push(compiled);
    }
    if (best.hits.length === 0) return { kind: 'none' };
    const hit = best.hits.find((c) => c.route.method === method);
    if (!hit) return { kind: 'wrong-method', allow: [...new Set(best.hits.map((c) => c.route.method))] };
    const params: Record<string, string> = {};
    hit.segments.forEach((s, i) => {
      if (s.startsWith(':')) params[s.slice(1)] = segments[i]!;
    });
    return { kind: 'found', route: hit.route, params };
  }
}

/** How many literal segments matched, or null when the path does not fit the template. */
function literalsMatched(template: readonly string[], segments: readonly string[]): number | null {
  if (template.length !== segments.length) return null;
  let literals = 0;
  for (let i = 0; i < template.length; i++) {
    const t = template[i]!;
    if (t.startsWith(':')) {
      if (segments[i] === '') return null;
    } else if (t === segments[i]) literals++;
    else return null;
  }
  return literals;
}

export function split(path: string): string[] {
  return path.split('/').filter((s, i) => i > 0 || s !== '');
}
