import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { THEME_BOOTSTRAP, THEME_STORAGE_KEY } from '../../../src/site/theme.ts';

describe('theme', () => {
  it('the inline bootstrap is valid script that accepts only the two themes', () => {
    const root = { dataset: {} as Record<string, string> };
    const storage = new Map([[THEME_STORAGE_KEY, 'dark']]);
    new Function('localStorage', 'document', THEME_BOOTSTRAP)({ getItem: (key: string) => storage.get(key) ?? null }, { documentElement: root });
    expect(root.dataset.theme).toBe('dark');
    storage.set(THEME_STORAGE_KEY, '"><script>');
    const other = { dataset: {} as Record<string, string> };
    new Function('localStorage', 'document', THEME_BOOTSTRAP)({ getItem: (key: string) => storage.get(key) ?? null }, { documentElement: other });
    expect(other.dataset.theme).toBeUndefined();
  });

  it('the toggle script stores the choice under the key the bootstrap reads', () => {
    const toggle = readFileSync(new URL('../../../public/scripts/theme.js', import.meta.url), 'utf8');
    expect(toggle).toContain(`localStorage.setItem('${THEME_STORAGE_KEY}'`);
  });
});
