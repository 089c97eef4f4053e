/**
 * Writes synthetic papers out as digest files in the four layouts ingest reads, copying the
 * shapes of the real files: the saved Daily Papers page (with or without its metadata blocks), the
 * search-results text, and the daily-papers API JSON with all its noise fields.
 */
import type { Layout, Organization } from '../../src/digest/entry.ts';
import type { Random } from './random.ts';

/** One paper, with everything any layout can show about it. */
export interface SyntheticPaper {
  title: string;
  abstract: string;
  arxiv: string;
  authors: string[];
  organization: Organization | null;
  /** YYYY-MM-DD */
  published: string;
  upvotes: number;
  githubRepo: string | null;
  githubStars: number | null;
  projectPage: string | null;
  keywords: string[];
  aiSummary: string | null;
  submitter: Organization;
}

/** The blemishes real saved files have. */
export interface Mess {
  crlf: boolean;
  bom: boolean;
  /** Lines of tabs and spaces after the last entry, as a browser's "save as text" leaves them. */
  trailingBlankLines: number;
}

export const NO_MESS: Mess = { crlf: false, bom: false, trailingBlankLines: 0 };

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Apr 17`, or `Mar 30, 2017` when the year differs from the capture year, as the page shows dates. */
export function pageDate(date: string, captured: string): string {
  const [year, month, day] = date.split('-');
  const short = `${MONTHS[Number(month) - 1]} ${Number(day)}`;
  return year === captured.slice(0, 4) ? short : `${short}, ${year}`;
}

function finish(text: string, mess: Mess): string {
  const tail = '\t\t\t \n'.repeat(mess.trailingBlankLines);
  const body = text + tail;
  return (mess.bom ? '\uFEFF' : '') + (mess.crlf ? body.replace(/\n/g, '\r\n') : body);
}

function byline(paper: SyntheticPaper): string {
  return paper.organization ? `${paper.organization.id} ${paper.organization.name}` : `  • ${paper.authors.length} authors`;
}

/** The Daily Papers page saved as text; `metadata` adds the authors-or-organization and date block. */
export function renderPageText(papers: readonly SyntheticPaper[], captured: string, metadata: boolean, random: Random, mess: Mess): string {
  const header = ['new', 'Get trending papers in your email inbox!', 'Subscribe', 'Daily Papers', 'byAK and the research community', pageDate(captured, captured)];
  const blocks = [...header];
  for (const paper of papers) {
    blocks.push(paper.title, paper.abstract);
    if (metadata) {
      const upvotes = random.chance(0.3) ? ` ${paper.upvotes}` : '';
      blocks.push(`${byline(paper)}\n·\n${pageDate(paper.published, captured)}${upvotes}`);
    }
  }
  return finish(blocks.join('\n\n'), mess);
}

/** Search results saved as text: title and abstract lines, the first title glued to `Subscribe`. */
export function renderSearchText(papers: readonly SyntheticPaper[], mess: Mess): string {
  const lines = ['Get trending papers in your email inbox once a day!', 'Get trending papers in your email inbox!'];
  papers.forEach((paper, index) => lines.push(`${index === 0 ? 'Subscribe' : ''}${paper.title}`, paper.abstract));
  return finish(`${lines.join('\n')}\n`, mess);
}

function user(random: Random, account: Organization) {
  return {
    _id: random.hex(24),
    avatarUrl: `/avatars/${random.hex(32)}.svg`,
    isPro: random.chance(0.2),
    fullname: account.name,
    user: account.id,
    type: 'user',
  };
}

function apiEntry(paper: SyntheticPaper, captured: string, random: Random, claimedAuthor: number) {
  const day = `${captured}T00:00:00.000Z`;
  const organization = paper.organization
    ? { _id: random.hex(24), name: paper.organization.id, fullname: paper.organization.name, avatar: `https://cdn-avatars.huggingface.co/v1/production/uploads/${random.hex(24)}/${random.hex(12)}.png` }
    : undefined;
  const submitter = { ...user(random, paper.submitter), name: paper.submitter.id };
  const authors = paper.authors.map((name) =>
    random.chance(claimedAuthor)
      ? { _id: random.hex(24), user: user(random, { id: name.replace(/\W+/g, ''), name }), name, status: 'claimed_verified', statusLastChangedAt: day, hidden: false }
      : { _id: random.hex(24), name, hidden: false },
  );
  return {
    paper: {
      id: paper.arxiv,
      authors,
      publishedAt: `${paper.published}T00:00:00.000Z`,
      submittedOnDailyAt: day,
      title: paper.title,
      submittedOnDailyBy: submitter,
      summary: paper.abstract,
      upvotes: paper.upvotes,
      discussionId: random.hex(24),
      ...(paper.projectPage ? { projectPage: paper.projectPage } : {}),
      ...(paper.githubRepo ? { githubRepo: paper.githubRepo, githubRepoAddedBy: 'user' } : {}),
      ...(paper.aiSummary ? { ai_summary: paper.aiSummary } : {}),
      ...(paper.keywords.length > 0 ? { ai_keywords: paper.keywords } : {}),
      ...(paper.githubStars !== null ? { githubStars: paper.githubStars } : {}),
      ...(organization ? { organization } : {}),
    },
    publishedAt: day,
    title: paper.title,
    summary: paper.abstract,
    thumbnail: `https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/${paper.arxiv}.png`,
    numComments: random.int(0, 6),
    submittedBy: { ...submitter, isHf: false, isHfAdmin: false, isMod: false, followerCount: random.int(0, 400), isUserFollowing: false },
    ...(organization ? { organization } : {}),
    isAuthorParticipating: random.chance(0.3),
  };
}

/** A `/api/daily_papers?date=…` response, indented with four spaces like the saved samples. */
export function renderApiJson(papers: readonly SyntheticPaper[], captured: string, random: Random, claimedAuthor: number): string {
  return `${JSON.stringify(
    papers.map((paper) => apiEntry(paper, captured, random, claimedAuthor)),
    null,
    4,
  )}\n`;
}

export function renderDigest(layout: Layout, papers: readonly SyntheticPaper[], captured: string, random: Random, mess: Mess, claimedAuthor: number): string {
  switch (layout) {
    case 'api-json':
      return renderApiJson(papers, captured, random, claimedAuthor);
    case 'search-text':
      return renderSearchText(papers, mess);
    case 'page-text':
      return renderPageText(papers, captured, false, random, mess);
    case 'page-text-with-metadata':
      return renderPageText(papers, captured, true, random, mess);
  }
}
