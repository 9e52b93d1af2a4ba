/**
 * Runs tasks one after another: a room's commands (two joins cannot race to create two
 * routers), one consumer's or producer's play/pause decisions, a session's commands, a
 * store's appends. A failing task rejects its own caller only; the queue carries on.
 */
export class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve();
  #size = 0;

  /** Tasks submitted and not yet finished (the running one included): what an owner bounds. */
  get size(): number {
    return this.#size;
  }

  run<T>(task: () => Promise<T> | T): Promise<T> {
    this.#size++;
    const result = this.#tail.then(task).finally(() => this.#size--);
    this.#tail = result.catch(() => undefined);
    return result;
  }
}
