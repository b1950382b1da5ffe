/**
 * Runs a load at most once at a time. Requests that arrive while one runs are folded into a single
 * follow-up run, so a burst of host events during a sync costs two reads, not one per event, and
 * answers can never arrive out of order.
 */
export function coalesce(run: () => Promise<void>): () => void {
  let running = false;
  let again = false;
  const start = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    // `run` reports its own errors; a rejection here must still free the loader for the next run.
    const done = (): void => {
      running = false;
      if (again) {
        again = false;
        start();
      }
    };
    run().then(done, done);
  };
  return start;
}
