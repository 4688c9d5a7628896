/**
 * Feeds `@apollo/gateway` the supergraph from a file and reloads it when the file changes
 * (for example after `npm run compose`). A broken new file is logged and ignored: the
 * gateway keeps serving the last good supergraph. `prepare` turns the raw supergraph into
 * what the gateway loads (the authorization layer reads its rules there) and is committed
 * only once the gateway accepted it.
 */
import { readFileSync, watch, type FSWatcher } from 'node:fs';
import type { SupergraphManager } from '@apollo/gateway';

type SupergraphSdlHookOptions = Parameters<SupergraphManager['initialize']>[0];

export type PrepareSupergraph = (supergraphSdl: string) => { executableSdl: string; commit(): void };

export class SupergraphFile implements SupergraphManager {
  private watcher: FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly path: string,
    private readonly prepare: PrepareSupergraph = (sdl) => ({ executableSdl: sdl, commit: () => undefined }),
    private readonly log: (message: string) => void = console.error,
  ) {}

  async initialize({ update, healthCheck }: SupergraphSdlHookOptions) {
    let current = readFileSync(this.path, 'utf8');
    const initial = this.prepare(current);
    initial.commit();
    this.watcher = watch(this.path, () => {
      // Editors and `npm run compose` write in several steps; settle first.
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => this.reload(update, healthCheck, current, (next) => (current = next)), 100);
    });
    return {
      supergraphSdl: initial.executableSdl,
      cleanup: async () => {
        if (this.timer) clearTimeout(this.timer);
        this.watcher?.close();
      },
    };
  }

  private reload(
    update: SupergraphSdlHookOptions['update'],
    healthCheck: SupergraphSdlHookOptions['healthCheck'],
    current: string,
    accepted: (sdl: string) => void,
  ): void {
    let next: string;
    let prepared: ReturnType<PrepareSupergraph>;
    try {
      next = readFileSync(this.path, 'utf8');
      if (next === current) return;
      prepared = this.prepare(next);
    } catch (error) {
      this.log(`supergraph: ${this.path} was not loaded: ${(error as Error).message}; keeping the current one`);
      return;
    }
    healthCheck(prepared.executableSdl)
      .catch(() => undefined) // a subgraph being down is no reason to refuse a new schema
      .then(() => {
        // Rules first: the schema-update callback builds the authorizer from them.
        prepared.commit();
        update(prepared.executableSdl);
        accepted(next);
        this.log(`supergraph: reloaded ${this.path}`);
      })
      .catch((error: unknown) => this.log(`supergraph: ${this.path} was not loaded: ${(error as Error).message}`));
  }
}
