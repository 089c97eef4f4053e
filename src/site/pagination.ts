/** Splitting a long list into numbered pages, and which page links a pager shows. */

export interface Page<T> {
  /** 1-based. */
  number: number;
  total: number;
  items: readonly T[];
  /** Items on all pages together. */
  itemCount: number;
}

/** The list in pages of `size`; an empty list is one empty page, so a listing always exists. */
export function paginate<T>(items: readonly T[], size: number): Page<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`page size must be a positive integer, not ${size}`);
  const total = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: total }, (_, i) => ({ number: i + 1, total, items: items.slice(i * size, (i + 1) * size), itemCount: items.length }));
}

/**
 * The page numbers a pager links to: the first, the last, and those within `radius` of the
 * current one; `null` marks a gap. `pageWindow(7, 20)` → `[1, null, 5, 6, 7, 8, 9, null, 20]`.
 */
export function pageWindow(current: number, total: number, radius = 2): (number | null)[] {
  const shown: (number | null)[] = [];
  let previous = 0;
  for (let page = 1; page <= total; page++) {
    if (page !== 1 && page !== total && Math.abs(page - current) > radius) continue;
    // A gap of one page shows that page rather than an ellipsis standing for it.
    if (page - previous === 2) shown.push(page - 1);
    else if (page - previous > 2) shown.push(null);
    shown.push(page);
    previous = page;
  }
  return shown;
}

/** Papers per listing page (/papers/, /upvotes/). */
export const PAPERS_PER_PAGE = 50;

/**
 * `getStaticPaths` entries for a listing route `<root>/[...page].astro`: the first page at the
 * root, the others wherever `pathFor` puts them (`<root>page/2/`).
 */
export function listingPaths<T>(items: readonly T[], root: string, pathFor: (page: number) => string, size = PAPERS_PER_PAGE) {
  return paginate(items, size).map((page) => {
    const rest = pathFor(page.number).slice(root.length).replace(/\/$/, '');
    return { params: { page: rest === '' ? undefined : rest }, props: { page } };
  });
}
