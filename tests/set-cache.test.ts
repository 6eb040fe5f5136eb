import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { json, ntm, ROOT, tempDir } from './helpers/cli.js';

// The build stores the shipped sets parsed (dist/criteria-sets.cache.json); tests run the built CLI.
const { cachedSet } = (await import(join(ROOT, 'dist/criteria/set-cache.js'))) as {
  cachedSet: (text: string) => { id: string } | undefined;
};
const shipped = readdirSync(join(ROOT, 'criteria-sets')).filter((n) => n.endsWith('.yaml'));

describe('the parsed-set cache', () => {
  it('holds every shipped set by the digest of its text, and nothing for a changed text', () => {
    for (const name of shipped) {
      const text = readFileSync(join(ROOT, 'criteria-sets', name), 'utf8');
      expect(cachedSet(text)?.id).toBe(name.replace(/\.yaml$/, ''));
      expect(cachedSet(`${text}\n# changed\n`)).toBeUndefined();
    }
  });

  it('gives the same set as parsing the YAML: a copy under another id reads the same', async () => {
    const text = readFileSync(join(ROOT, 'criteria-sets/bac-kan-xa-2017.yaml'), 'utf8').replace(
      'id: bac-kan-xa-2017',
      'id: ban-sao-xa',
    );
    const dir = tempDir({ 'ban-sao-xa.yaml': text });
    const [cached, parsed] = await Promise.all([
      ntm(['sets', 'show', 'bac-kan-xa-2017', '--format', 'json']),
      ntm(['sets', 'show', 'ban-sao-xa', '--sets', dir, '--format', 'json']),
    ]);
    const strip = (s: { id: string; file?: string; criteria: unknown }) =>
      JSON.stringify(s.criteria).replaceAll('ban-sao-xa', 'bac-kan-xa-2017');
    expect(strip(json(parsed))).toBe(strip(json(cached)));
  });
});
