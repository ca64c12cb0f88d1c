import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { TaskStatus } from '@lit/task';
import { CultureError } from '@culture-widgets/core';

/** What the controller needs of a `@lit/task` Task. */
interface Stoppable {
  readonly status: TaskStatus;
  abort(reason?: unknown): void;
  run(): Promise<void>;
}

/**
 * What an element started stops when it leaves the page: its pending tasks are aborted (their
 * requests and downloads with them) and run again if it comes back. A move in the page (removed
 * and put back in the same turn) stops nothing.
 */
export class ConnectionController implements ReactiveController {
  private readonly tasks: Stoppable[] = [];
  private readonly stopped = new Set<Stoppable>();
  private leaving = false;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Tasks to abort on disconnect (and to run again on reconnect). */
  watch(...tasks: Stoppable[]): void {
    this.tasks.push(...tasks);
  }

  hostConnected(): void {
    this.leaving = false;
    for (const task of this.stopped) void task.run();
    this.stopped.clear();
  }

  hostDisconnected(): void {
    this.leaving = true;
    queueMicrotask(() => {
      if (!this.leaving) return;
      const reason = new CultureError('aborted', { reason: 'disconnected' });
      for (const task of this.tasks) {
        if (task.status !== TaskStatus.PENDING) continue;
        task.abort(reason);
        this.stopped.add(task);
      }
    });
  }
}

/** An error that only says the work was given up (the element left, a newer run replaced it). */
export const isAborted = (error: unknown): boolean => error instanceof CultureError && error.code === 'aborted';
