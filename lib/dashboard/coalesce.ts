/**
 * Many readers asking for the same view while the data keeps changing (monitors saving through a
 * crackdown, researchers reloading the dashboard) share computations instead of each running its
 * own. Sharing must not serve anyone stale numbers: a computation that started before a request
 * arrived may have read the data before that request's last change, so a request never joins the
 * one running. It waits for the next, which starts as soon as the running one ends and is shared
 * by every request that arrived in between. So per key at most one computation runs and one waits,
 * and each answer was computed from data read after its request arrived.
 */
type Flight<T> = { running: Promise<T>; queued: Promise<T> | null };

export function createCoalescer<T>() {
  const flights = new Map<string, Flight<T>>();

  function start(key: string, compute: () => Promise<T>): Promise<T> {
    const flight: Flight<T> = { running: compute(), queued: null };
    flights.set(key, flight);
    const done = () => {
      // The queued computation, if any, replaces this entry right after (see below).
      if (flights.get(key) === flight) flights.delete(key);
    };
    flight.running.then(done, done);
    return flight.running;
  }

  /** `compute`'s result for `key`, from a computation that starts no earlier than this call. */
  return function coalesced(key: string, compute: () => Promise<T>): Promise<T> {
    const flight = flights.get(key);
    if (!flight) return start(key, compute);
    // Registered after `done` above, so it runs after the entry is cleared: start() sets the new one.
    flight.queued ??= flight.running.then(
      () => start(key, compute),
      () => start(key, compute),
    );
    return flight.queued;
  };
}
