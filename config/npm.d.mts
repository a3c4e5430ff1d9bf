/** `npm install` in `dir` (a consumer app), tried twice; throws with npm's output. */
export declare function installConsumer(dir: string, options?: { timeoutMs?: number }): Promise<void>;
