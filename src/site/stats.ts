/** The numbers behind the stats page's charts, from the catalog. */
import type { Catalog } from './catalog.ts';
import { countByPeriod, upvoteHistogram, type Datum } from './charts.ts';
import { formatMonth } from './format.ts';

/** Organizations shown by name; the rest are summed up. */
export const TOP_ORGANIZATIONS = 20;

export interface SiteStats {
  /** Papers per publication month (or year, over a long span); labels are `April 2026` or `2026`. */
  byPublication: { unit: 'month' | 'year'; data: Datum[] };
  /** Papers per topic, most first. */
  byTopic: Datum[];
  /** The organizations with the most papers, most first. */
  byOrganization: Datum[];
  /** Papers of the organizations left out of `byOrganization`. */
  otherOrganizations: number;
  /** Papers per upvote bucket. */
  byUpvotes: Datum[];
}

export function siteStats(catalog: Catalog): SiteStats {
  const published = catalog.papers.flatMap((paper) => paper.data.published ?? []);
  const period = countByPeriod(published);
  const upvotes = catalog.papers.flatMap((paper) => (paper.data.upvotes === null ? [] : [paper.data.upvotes]));
  return {
    byPublication: {
      unit: period.unit,
      data: period.unit === 'year' ? period.data : period.data.map((datum) => ({ ...datum, label: formatMonth(datum.label), axisLabel: formatMonth(datum.label, { short: true }) })),
    },
    byTopic: catalog.topics.map((topic) => ({ label: topic.title, value: topic.papers.length })).sort((a, b) => b.value - a.value),
    byOrganization: catalog.organizations.slice(0, TOP_ORGANIZATIONS).map((organization) => ({ label: organization.name, value: organization.papers.length })),
    otherOrganizations: catalog.organizations.slice(TOP_ORGANIZATIONS).reduce((sum, organization) => sum + organization.papers.length, 0),
    byUpvotes: upvoteHistogram(upvotes),
  };
}
