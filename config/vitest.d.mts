export declare const REPO_ROOT: string;
export declare function reporters(name: string): Array<string | [string, Record<string, unknown>]>;
