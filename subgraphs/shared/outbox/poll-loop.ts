/**
 * A loop that runs `pass` every `intervalMs` once started, and on `kick()`, one pass at a
 * time: a kick during a pass runs exactly one more pass after it, however many kicks came.
 * A failing pass is handed to `onError` and the loop goes on at the next poll or kick.
 * `close()` stops the timer and waits for the pass in progress. Used by every outbox
 * dispatcher (the call-log outbox, the gateway's webhook dispatcher).
 */
export class PollLoop {
  private running: Promise<void> | null = null;
  private again = false;
  private closedFlag = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly pass: () => Promise<void>,
    private readonly intervalMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** True once `close()` was called: a pass in progress should stop at its next step. */
  get closed(): boolean {
    return this.closedFlag;
  }

  /** Starts polling (the timer does not keep the process alive) and runs a first pass now. */
  start(): void {
    if (this.closedFlag || this.timer) return;
    this.timer = setInterval(() => this.kick(), this.intervalMs);
    this.timer.unref();
    this.kick();
  }

  /** Runs a pass now, or right after the one in progress. */
  kick(): void {
    if (this.closedFlag) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.pass()
      .catch((error: unknown) => this.onError(error))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  async close(): Promise<void> {
    this.closedFlag = true;
    if (this.timer) clearInterval(this.timer);
    if (this.running) await this.running;
  }
}
