import { describe, expect, it } from 'vitest';
import { parseState, serializeState } from '../../src/ingest/state.ts';

describe('the ingest state file', () => {
  it('reads the first format (a base per field as an object) into the current one, hashes in order', () => {
    const parsed = parseState({ version: 1, papers: { a: { keys: ['t:a'], base: { title: 'h1', arxiv: 'h2', body: 'h3' }, topics: ['video'] } } });
    expect(parsed.success && parsed.data).toEqual({ version: 2, papers: { a: { keys: ['t:a'], base: 'h1 h2 h3', topics: ['video'] } } });
  });

  it('refuses anything else, naming the field', () => {
    const parsed = parseState({ version: 2, papers: { a: { keys: 'no', base: '', topics: [] } } });
    expect(parsed.success).toBe(false);
    expect(!parsed.success && parsed.error.issues.map((issue) => issue.path.join('.'))).toEqual(['papers.a.keys']);
  });

  it('writes one line per paper, sorted, and reads it back unchanged', () => {
    const state = { version: 2 as const, rules: 'r', papers: { b: { keys: [], base: 'x', topics: [] }, a: { keys: ['t:a'], base: 'y', topics: ['video'], file: 'f' } } };
    const text = serializeState(state);
    expect(text.split('\n').filter((line) => line.startsWith('    "'))).toHaveLength(2);
    expect(text.indexOf('"a"')).toBeLessThan(text.indexOf('"b"'));
    const again = parseState(JSON.parse(text));
    expect(again.success && serializeState(again.data)).toBe(text);
  });
});
