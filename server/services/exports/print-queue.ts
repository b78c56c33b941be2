import 'server-only';
import { AppError } from '~/server/errors';

export type PrintQueueOptions = {
  /** Jobs that may wait behind the running one; more are refused at once. */
  maxWaiting: number;
  /** How long a job waits for its turn before it is refused; longer than a job may run (see renderReportPdf). */
  patienceMs: number;
};

type Waiting = { start: () => void };

/**
 * One job at a time (each PDF takes a Chromium: a few hundred megabytes and a core), a bounded line behind it, and
 * one job per caller in the line or running: a caller who clicks again while their PDF is printing, or one caller
 * asking for many, cannot push everyone else out. A refusal is a BUSY error that says to try again.
 */
export class PrintQueue {
  private running = false;
  private readonly waiting: Waiting[] = [];
  private readonly callers = new Set<string>();

  constructor(private readonly options: PrintQueueOptions) {}

  /** Jobs waiting now (not the running one). */
  get waitingCount(): number {
    return this.waiting.length;
  }

  async run<T>(caller: string, job: () => Promise<T>): Promise<T> {
    if (this.callers.has(caller)) {
      throw new AppError('BUSY', 'A PDF of this report is already being printed for you: wait for it, then try again.', {
        retryAfterMs: this.options.patienceMs,
      });
    }
    if (this.running && this.waiting.length >= this.options.maxWaiting) {
      throw new AppError('BUSY', 'The server is busy printing other reports: try again in a minute.', { retryAfterMs: this.options.patienceMs });
    }
    this.callers.add(caller);
    try {
      await this.turn();
      try {
        return await job();
      } finally {
        this.running = false;
        this.waiting.shift()?.start();
      }
    } finally {
      this.callers.delete(caller);
    }
  }

  private turn(): Promise<void> {
    if (!this.running) {
      this.running = true;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const entry: Waiting = {
        start: () => {
          clearTimeout(timer);
          this.running = true;
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(entry), 1);
        reject(new AppError('BUSY', 'The server is busy printing other reports: try again in a minute.', { retryAfterMs: this.options.patienceMs }));
      }, this.options.patienceMs);
      this.waiting.push(entry);
    });
  }
}
