import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { defined } from '../test-helpers';

/**
 * The interpreter is bundled into Temporal workflow code: everything it imports (transitively,
 * within this library) must avoid zod values, Node built-ins, randomness and clock reads.
 */
const root = resolve(__dirname, '..');
const allowedPackages = new Set(['@date-fns/tz', 'date-easter']);

function importsOf(file: string): { spec: string; typeOnly: boolean }[] {
  const source = readFileSync(file, 'utf8');
  const found: { spec: string; typeOnly: boolean }[] = [];
  const pattern = /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+'([^']+)'/gm;
  for (const match of source.matchAll(pattern))
    found.push({ spec: defined(match[3]), typeOnly: match[2] !== undefined });
  return found;
}

function walk(entry: string): Map<string, string> {
  const seen = new Map<string, string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = defined(queue.pop());
    if (seen.has(file)) continue;
    seen.set(file, readFileSync(file, 'utf8'));
    for (const { spec, typeOnly } of importsOf(file)) {
      if (typeOnly) continue;
      if (spec.startsWith('.')) {
        const base = join(dirname(file), spec);
        const candidates = [`${base}.ts`, join(base, 'index.ts')];
        const next = candidates.find((c) => {
          try {
            readFileSync(c);
            return true;
          } catch {
            return false;
          }
        });
        if (!next) throw new Error(`cannot resolve ${spec} from ${file}`);
        queue.push(next);
      } else if (!allowedPackages.has(spec)) {
        throw new Error(
          `${file.slice(root.length)} imports "${spec}", not allowed in workflow code`,
        );
      }
    }
  }
  return seen;
}

describe('interpreter entry (bundled into workflows)', () => {
  const files = walk(join(root, 'interpreter', 'index.ts'));

  it('imports only pure modules and allowed packages', () => {
    expect(files.size).toBeGreaterThan(5);
    expect([...files.keys()].some((f) => f.endsWith('model.ts'))).toBe(false);
  });

  it.each(['Math.random', 'Date.now', 'new Date()', 'process.', 'require('])(
    'never uses %s',
    (forbidden) => {
      for (const [file, source] of files) {
        const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
        expect({ file, found: code.includes(forbidden) }).toEqual({ file, found: false });
      }
    },
  );
});
