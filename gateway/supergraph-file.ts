/**
 * Feeds `@apollo/gateway` the supergraph from a file and reloads it when the file changes
 * (for example after `npm run compose`). A broken new file is logged and ignored: the
 * gateway keeps serving the last good supergraph.
 */
import { readFileSync, watch, type FSWatcher } from 'node:fs';
import type { SupergraphManager } from '@apollo/gateway';

type SupergraphSdlHookOptions = Parameters<SupergraphManager['initialize']>[0];

export class SupergraphFile implements SupergraphManager {
  private watcher: FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly path: string, private readonly log: (message: string) => void = console.error) {}

  async initialize({ update, healthCheck }: SupergraphSdlHookOptions) {
    let current = readFileSync(this.path, 'utf8');
    this.watcher = watch(this.path, () => {
      // Editors and `npm run compose` write in several steps; settle first.
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        let next: string;
        try {
          next = readFileSync(this.path, 'utf8');
        } catch (error) {
          this.log(`supergraph: cannot read ${this.path}: ${(error as Error).message}; keeping the current one`);
          return;
        }
        if (next === current) return;
        healthCheck(next)
          .catch(() => undefined) // a subgraph being down is not a reason to refuse a new schema
          .then(() => {
            update(next);
            current = next;
            this.log(`supergraph: reloaded ${this.path}`);
          })
          .catch((error: unknown) => this.log(`supergraph: ${this.path} was not loaded: ${(error as Error).message}`));
      }, 100);
    });
    return {
      supergraphSdl: current,
      cleanup: async () => {
        if (this.timer) clearTimeout(this.timer);
        this.watcher?.close();
      },
    };
  }
}
