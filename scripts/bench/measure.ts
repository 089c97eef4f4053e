/**
 * Runs one stage as a child process and measures it: wall time, and peak resident memory of the
 * child's whole process tree (Pagefind's Node API runs a binary of its own), sampled from /proc.
 * Linux only; elsewhere the peak is reported as unknown rather than guessed.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const SAMPLE_EVERY_MS = 50;

export interface Measured {
  wallSeconds: number;
  /** Null where /proc is not available. */
  peakRssBytes: number | null;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The `VmRSS:` line of a /proc/<pid>/status file, in bytes; 0 when absent (a zombie). */
export function parseVmRss(status: string): number {
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  return match ? Number(match[1]) * 1024 : 0;
}

function readProc(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null; // The process ended between listing and reading.
  }
}

function children(pid: number): number[] {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  return tasks.flatMap((task) => (readProc(`/proc/${pid}/task/${task}/children`) ?? '').split(' ').filter(Boolean).map(Number));
}

/** Resident memory of a process and all its descendants, in bytes. */
export function treeRss(pid: number): number {
  let total = 0;
  const pending = [pid];
  while (pending.length > 0) {
    const next = pending.pop()!;
    total += parseVmRss(readProc(`/proc/${next}/status`) ?? '');
    pending.push(...children(next));
  }
  return total;
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Copy the child's output to this process's stderr as it comes. */
  echo?: boolean;
}

export function runMeasured(command: string, args: readonly string[], options: RunOptions): Promise<Measured> {
  const canSample = existsSync('/proc/self/status');
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let peak = 0;
    const sample = () => {
      if (child.pid !== undefined) peak = Math.max(peak, treeRss(child.pid));
    };
    const timer = canSample ? setInterval(sample, SAMPLE_EVERY_MS) : null;
    sample();
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => {
      stdout.push(chunk);
      if (options.echo) process.stderr.write(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr.push(chunk);
      if (options.echo) process.stderr.write(chunk);
    });
    child.on('error', (error) => {
      if (timer) clearInterval(timer);
      reject(error);
    });
    child.on('close', (exitCode, signal) => {
      if (timer) clearInterval(timer);
      resolve({
        wallSeconds: (performance.now() - started) / 1000,
        peakRssBytes: canSample ? peak : null,
        exitCode,
        signal,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
    });
  });
}
