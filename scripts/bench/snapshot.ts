/**
 * Which files a command wrote: a snapshot of a folder before and after. A file counts as written
 * when its bytes, its modification time or its inode changed (an atomic rewrite of the same bytes
 * still replaces the inode).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface FileState {
  mtimeMs: number;
  ino: number;
  hash: string;
}

export type Snapshot = ReadonlyMap<string, FileState>;

export function snapshotTree(root: string): Snapshot {
  const files = new Map<string, FileState>();
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.isFile()) {
        const stat = statSync(path);
        files.set(relative(root, path), { mtimeMs: stat.mtimeMs, ino: stat.ino, hash: createHash('sha1').update(readFileSync(path)).digest('hex') });
      }
    }
  };
  visit(root);
  return files;
}

export interface SnapshotDiff {
  added: string[];
  changed: string[];
  removed: string[];
}

export function diffSnapshots(before: Snapshot, after: Snapshot): SnapshotDiff {
  const added: string[] = [];
  const changed: string[] = [];
  for (const [path, state] of after) {
    const earlier = before.get(path);
    if (!earlier) added.push(path);
    else if (earlier.hash !== state.hash || earlier.mtimeMs !== state.mtimeMs || earlier.ino !== state.ino) changed.push(path);
  }
  const removed = [...before.keys()].filter((path) => !after.has(path));
  return { added: added.sort(), changed: changed.sort(), removed: removed.sort() };
}

export function touched(diff: SnapshotDiff): string[] {
  return [...diff.added, ...diff.changed, ...diff.removed].sort();
}
