/**
 * Runs a command's `main` and sets the exit code. A disk error mid-write (full disk, no
 * permission) ends with the file and the error code, not a stack trace: every file written so far
 * is whole, since each write is atomic.
 */
export function runCommand(name: string, main: () => number): void {
  try {
    process.exitCode = main();
  } catch (error) {
    const { code, path, message } = error as NodeJS.ErrnoException;
    console.error(`${name}: stopped: ${code && path ? `${path}: ${code}` : message}`);
    process.exitCode = 1;
  }
}
