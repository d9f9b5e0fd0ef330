/**
 * Durable writes for the embedded database. PGlite 0.5 starts Postgres with `-F` (fsync=off), and
 * its Node filesystem (Emscripten's NODEFS) has no fsync at all: Postgres's fsync() succeeds without
 * touching the disk, and fdatasync() (the default wal_sync_method on Linux) is a no-op. A commit
 * then lives only in the OS page cache: it survives the app crashing, not a power cut, which can
 * lose committed records or corrupt the data directory.
 *
 * So: fsync=on, WAL flushed with fsync() (the one call NODEFS can be taught), and NODEFS's fsync
 * wired to the real fs.fsyncSync. Cost measured in docs/PERFORMANCE.md (about 4 ms per commit on
 * the test machine's disk).
 */
import { fsyncSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

type NodeFsOps = {
  tryFSOperation: <T>(op: () => T) => T;
  stream_ops: { fsync?: (stream: { nfd: number }) => number };
};

class DurableNodeFS extends NodeFS {
  async init(...args: Parameters<NodeFS['init']>) {
    const { emscriptenOpts } = await super.init(...args);
    const syncForReal = (mod: { NODEFS: unknown }) => {
      const nodefs = mod.NODEFS as NodeFsOps;
      // tryFSOperation turns a Node error into the errno Postgres expects (it then PANICs, as it must).
      nodefs.stream_ops.fsync = (stream) => {
        nodefs.tryFSOperation(() => fsyncSync(stream.nfd));
        return 0;
      };
    };
    return { emscriptenOpts: { ...emscriptenOpts, preRun: [...(emscriptenOpts.preRun ?? []), syncForReal] } };
  }
}

/** PGlite's options for a durable on-disk database in `dir`. */
export function durablePgliteOptions(dir: string) {
  return {
    fs: new DurableNodeFS(dir),
    startParams: [...PGlite.defaultStartParams.filter((p) => p !== '-F'), '-c', 'fsync=on', '-c', 'wal_sync_method=fsync'],
  };
}
