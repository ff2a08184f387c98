/**
 * Runs async tasks strictly one after another. node-sqlite3 transactions belong to the
 * connection, so two overlapping `BEGIN … COMMIT` callers on one connection would share (and
 * roll back) each other's work; every write goes through one of these.
 */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** Resolves once every task queued so far has settled. */
  async drain(): Promise<void> {
    await this.tail;
  }
}
