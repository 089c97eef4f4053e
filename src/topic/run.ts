import type { Problem } from '../digest/entry.ts';
import * as store from '../store/content-store.ts';
import { loadTopicRules } from './load.ts';
import { planReclassify, type ReclassifyPlan } from './reclassify.ts';

/**
 * The classify command: read the content, plan in memory, and only then write, each file
 * atomically. Invalid content anywhere (a topic, a paper, the state) means nothing is written.
 */
export function runReclassify(paths: store.ContentPaths, dryRun: boolean): { plan: ReclassifyPlan } | { problems: Problem[] } {
  const topics = loadTopicRules(paths);
  const stateRead = store.readState(paths);
  const problems = [...('problems' in topics ? topics.problems : []), ...('problems' in stateRead ? stateRead.problems : [])];
  if ('problems' in topics || 'problems' in stateRead) return { problems };

  const plan = planReclassify({ papers: store.readPaperTexts(paths), state: stateRead.value, topics: topics.slugs, classify: topics.classify, rulesFingerprint: topics.fingerprint });
  if (plan.errors.length > 0) return { problems: plan.errors };
  if (!dryRun) {
    store.writePapers(paths, plan.writes);
    store.writeState(paths, plan.state);
  }
  return { plan };
}
