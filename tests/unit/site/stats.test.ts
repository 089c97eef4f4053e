import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../../src/site/catalog.ts';
import { siteStats, TOP_ORGANIZATIONS } from '../../../src/site/stats.ts';
import { paper } from './catalog-fixture.ts';

describe('siteStats', () => {
  it('counts papers by month, topic, organization and upvotes', () => {
    const organizations = Array.from({ length: TOP_ORGANIZATIONS + 2 }, (_, i) => ({ id: `org-${i}`, name: `Org ${i}` }));
    const catalog = buildCatalog({
      papers: [
        paper('a', { published: '2026-01-05', topics: ['video'], upvotes: 3, organization: organizations[0] }),
        paper('b', { published: '2026-03-05', topics: ['video', 'moe'], upvotes: 12, organization: organizations[0] }),
        paper('c', { topics: ['moe'] }),
        ...organizations.slice(1).map((organization, i) => paper(`o${i}`, { organization })),
      ],
      topics: [
        { id: 'video', data: { title: 'Video', description: '.' } },
        { id: 'moe', data: { title: 'Mixture of experts', description: '.' } },
        { id: 'empty', data: { title: 'Empty', description: '.' } },
      ],
      digests: [],
    });
    const stats = siteStats(catalog);
    expect(stats.byPublication).toEqual({
      unit: 'month',
      data: [
        { label: 'January 2026', axisLabel: 'Jan 2026', value: 1 },
        { label: 'February 2026', axisLabel: 'Feb 2026', value: 0 },
        { label: 'March 2026', axisLabel: 'Mar 2026', value: 1 },
      ],
    });
    expect(stats.byTopic).toEqual([
      { label: 'Mixture of experts', value: 2 },
      { label: 'Video', value: 2 },
      { label: 'Empty', value: 0 },
    ]);
    expect(stats.byOrganization).toHaveLength(TOP_ORGANIZATIONS);
    expect(stats.byOrganization[0]).toEqual({ label: 'Org 0', value: 2 });
    expect(stats.otherOrganizations).toBe(2);
    expect(stats.byUpvotes).toEqual([
      { label: '0', value: 0 },
      { label: '1–4', value: 1 },
      { label: '5–9', value: 0 },
      { label: '10–24', value: 1 },
    ]);
  });
});
