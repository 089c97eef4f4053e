import { describe, expect, it } from 'vitest';
import { listingPaths, pageWindow, paginate } from '../../../src/site/pagination.ts';
import { routes } from '../../../src/site/urls.ts';

describe('paginate', () => {
  it('splits a list into full pages and a remainder', () => {
    const pages = paginate([1, 2, 3, 4, 5], 2);
    expect(pages.map((page) => page.items)).toEqual([[1, 2], [3, 4], [5]]);
    expect(pages.map((page) => [page.number, page.total, page.itemCount])).toEqual([
      [1, 3, 5],
      [2, 3, 5],
      [3, 3, 5],
    ]);
  });

  it('gives an empty list one empty page, so the listing exists', () => {
    expect(paginate([], 50)).toEqual([{ number: 1, total: 1, items: [], itemCount: 0 }]);
  });

  it('refuses a page size that is not a positive integer', () => {
    expect(() => paginate([1], 0)).toThrow();
    expect(() => paginate([1], 1.5)).toThrow();
  });
});

describe('pageWindow', () => {
  it.each([
    [1, 1, [1]],
    [1, 3, [1, 2, 3]],
    [1, 10, [1, 2, 3, null, 10]],
    [5, 10, [1, 2, 3, 4, 5, 6, 7, null, 10]],
    [7, 20, [1, null, 5, 6, 7, 8, 9, null, 20]],
    [20, 20, [1, null, 18, 19, 20]],
    [4, 7, [1, 2, 3, 4, 5, 6, 7]],
  ])('page %d of %d → %j', (current, total, expected) => {
    expect(pageWindow(current, total)).toEqual(expected);
  });
});

describe('listingPaths', () => {
  it('puts the first page at the root and the others under page/N', () => {
    const paths = listingPaths([1, 2, 3], routes.papers(), routes.papers, 2);
    expect(paths.map((path) => path.params.page)).toEqual([undefined, 'page/2']);
    expect(paths[1]!.props.page.items).toEqual([3]);
  });
});
