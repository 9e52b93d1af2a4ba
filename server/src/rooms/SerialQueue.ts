/**
 * Runs tasks one after another. A room's commands go through one of these so two joins
 * cannot race to create two routers and a close cannot interleave with a produce.
 * A failing task rejects its own caller only; the queue carries on.
 */
export class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T> | T): Promise<T> {
    const result = this.#tail.then(task);
    this.#tail = result.catch(() => undefined);
    return result;
  }
}
