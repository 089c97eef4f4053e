import { paperSchema } from '../../../src/paper/schema.ts';
import type { PaperInput } from '../../../src/site/catalog.ts';

/** A paper as the collection gives it: the schema's defaults filled in. */
export function paper(id: string, fields: Record<string, unknown> = {}, body = `Abstract of ${id}.`): PaperInput {
  return { id, data: paperSchema().parse({ title: `Title ${id}`, added: '2026-04-17', ...fields }), body };
}

export const source = (digest: string, position: number, captured = '2026-04-17') => ({ digest, position, captured });
