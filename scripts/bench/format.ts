/** Number and table formatting for the benchmark's report. KB and MB are binary: 1,024 bytes, 1,024 KB. */

export const KB = 1024;
export const MB = 1024 * KB;
export const GB = 1024 * MB;

export function thousands(value: number, digits = 0): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function kb(bytes: number): string {
  return `${thousands(bytes / KB, 1)} KB`;
}

export function mb(bytes: number): string {
  return `${thousands(bytes / MB, 1)} MB`;
}

export function seconds(value: number): string {
  return `${thousands(value, value < 10 ? 2 : 1)} s`;
}

export function sizeLabel(papers: number): string {
  return `N=${thousands(papers)}`;
}

/**
 * Pads rows into aligned columns, two spaces apart: the first `leftColumns` left-aligned (labels),
 * the rest right-aligned (numbers).
 */
export function table(rows: readonly (readonly string[])[], leftColumns = 1): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, index) => (widths[index] = Math.max(widths[index] ?? 0, cell.length)));
  return rows
    .map((row) =>
      row
        .map((cell, index) => (index < leftColumns ? cell.padEnd(widths[index]!) : cell.padStart(widths[index]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
