/**
 * Feeds `@apollo/gateway` the supergraph from a file and reloads it when the file changes
 * (for example after `npm run compose`). `prepare` turns the raw supergraph into what the
 * gateway loads (the authorization layer reads its rules there) and is committed only once
 * the gateway accepted it.
 *
 * The file is followed by its path, not by the inode it had at start: files are usually
 * replaced, not rewritten (`mv`, `sed -i`, editors' atomic saves, `npm run compose`, and
 * Kubernetes ConfigMaps, where the path is a symlink through `..data`, itself a symlink
 * swapped by rename). So two signals, both leading to the same check of the path's content:
 * - a watch on the file's directory (any entry changing in it: the file, a temporary file
 *   renamed over it, the `..data` link), for a reload within ~100 ms;
 * - a stat poll of the path every `pollIntervalMs` (following symlinks), in case the
 *   directory itself is replaced or the platform's watch misses an event.
 *
 * A new content that cannot be read or loaded is logged once (one line naming the file and
 * why) and the gateway keeps serving the last good supergraph; the next change is tried again.
 */
import { readFileSync, unwatchFile, watch, watchFile, type FSWatcher, type Stats } from 'node:fs';
import { dirname } from 'node:path';
import type { SupergraphManager } from '@apollo/gateway';
import { loggerFor } from '../subgraphs/shared/observability/logger.js';

const logger = loggerFor('gateway');

type SupergraphSdlHookOptions = Parameters<SupergraphManager['initialize']>[0];

export type PrepareSupergraph = (supergraphSdl: string) => { executableSdl: string; commit(): void };

export interface SupergraphFileOptions {
  /** How often the path is stat-ed as a fallback to the directory watch (ms); default 1000. */
  pollIntervalMs?: number;
  /** How long changes settle before the file is read (ms): writers replace files in several steps. Default 100. */
  settleMs?: number;
}

export class SupergraphFile implements SupergraphManager {
  private watcher: FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  /** The content the gateway serves, and its prepared form (re-committed when a new one is refused half-way). */
  private served = '';
  private servedPrepared: ReturnType<PrepareSupergraph> | null = null;
  /** The last content looked at (served, refused or unreadable): each new one is tried and logged once. */
  private lastSeen = '';
  private reloading: Promise<void> | null = null;
  private again = false;
  private readonly pollIntervalMs: number;
  private readonly settleMs: number;

  constructor(
    private readonly path: string,
    private readonly prepare: PrepareSupergraph = (sdl) => ({ executableSdl: sdl, commit: () => undefined }),
    private readonly log: (message: string) => void = (message) => logger.error(message),
    options: SupergraphFileOptions = {},
  ) {
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.settleMs = options.settleMs ?? 100;
  }

  async initialize({ update, healthCheck }: SupergraphSdlHookOptions) {
    this.served = readFileSync(this.path, 'utf8');
    this.lastSeen = this.served;
    const initial = this.prepare(this.served);
    initial.commit();
    this.servedPrepared = initial;
    const changed = () => this.schedule(update, healthCheck);
    try {
      this.watcher = watch(dirname(this.path), { persistent: false }, changed);
      this.watcher.on('error', (error) => {
        this.log(`supergraph: watching the directory of ${this.path} failed (${error.message}); still polling the file every ${this.pollIntervalMs} ms`);
        this.watcher?.close();
        this.watcher = null;
      });
    } catch (error) {
      this.log(`supergraph: cannot watch the directory of ${this.path} (${(error as Error).message}); polling the file every ${this.pollIntervalMs} ms`);
    }
    const polled = (current: Stats, previous: Stats) => {
      if (current.mtimeMs !== previous.mtimeMs || current.ino !== previous.ino || current.size !== previous.size) changed();
    };
    watchFile(this.path, { persistent: false, interval: this.pollIntervalMs }, polled);
    return {
      supergraphSdl: initial.executableSdl,
      cleanup: async () => {
        this.stopped = true;
        if (this.timer) clearTimeout(this.timer);
        this.watcher?.close();
        unwatchFile(this.path, polled);
        await this.reloading;
      },
    };
  }

  private schedule(update: SupergraphSdlHookOptions['update'], healthCheck: SupergraphSdlHookOptions['healthCheck']): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.reloading) {
        this.again = true;
        return;
      }
      this.reloading = this.reload(update, healthCheck).finally(() => {
        this.reloading = null;
        if (this.again) {
          this.again = false;
          this.schedule(update, healthCheck);
        }
      });
    }, this.settleMs);
  }

  private async reload(update: SupergraphSdlHookOptions['update'], healthCheck: SupergraphSdlHookOptions['healthCheck']): Promise<void> {
    let next: string;
    try {
      next = readFileSync(this.path, 'utf8');
    } catch (error) {
      const seen = `unreadable: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
      if (this.lastSeen !== seen) this.log(`supergraph: ${this.path} cannot be read (${(error as Error).message}); keeping the last good supergraph`);
      this.lastSeen = seen;
      return;
    }
    if (next === this.lastSeen) return;
    this.lastSeen = next;
    if (next === this.served) {
      this.log(`supergraph: ${this.path} is the served supergraph again`);
      return;
    }
    let prepared: ReturnType<PrepareSupergraph>;
    try {
      prepared = this.prepare(next);
    } catch (error) {
      this.log(`supergraph: ${this.path} is broken and was not loaded: ${firstLine(error)}; keeping the last good supergraph`);
      return;
    }
    // A subgraph being down is no reason to refuse a new schema.
    await healthCheck(prepared.executableSdl).catch(() => undefined);
    if (this.stopped) return;
    try {
      // Rules first: the schema-update callback builds the authorizer from them.
      prepared.commit();
      update(prepared.executableSdl);
      this.served = next;
      this.servedPrepared = prepared;
      this.log(`supergraph: reloaded ${this.path}`);
    } catch (error) {
      this.servedPrepared?.commit();
      this.log(`supergraph: ${this.path} was refused by the gateway: ${firstLine(error)}; keeping the last good supergraph`);
    }
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
