import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadProcessDefinitions } from '../load';
import { renderProcessDocs } from './markdown';
import { renderSwimlaneDiagram } from './mermaid';
import { defined } from '../test-helpers';

const docsDir = join(__dirname, '..', '..', '..', '..', 'docs', 'process');
const regenerate = 'run `node -r @swc-node/register tools/generate-process-docs.ts`';

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [relative(docsDir, path)];
  });
}

describe('generated process documentation', () => {
  const files = renderProcessDocs([...loadProcessDefinitions().values()]);

  it('has exactly the generated files in docs/process', () => {
    expect({ files: listFiles(docsDir).sort(), hint: regenerate }).toEqual({
      files: Object.keys(files).sort(),
      hint: regenerate,
    });
  });

  it.each(Object.keys(files))('docs/process/%s is up to date', (path) => {
    const committed = readFileSync(join(docsDir, path), 'utf8');
    if (committed !== files[path]) throw new Error(`docs/process/${path} is stale: ${regenerate}`);
  });

  it('has a table per lane and a swimlane diagram', () => {
    const inskrivning = defined(files['v1/inskrivning.md']);
    expect(inskrivning).toContain('## Slutenvård');
    expect(inskrivning).toContain(
      '| Aktivitet | Utförare | Trigger | Tidsfrist | Villkor | Källa |',
    );
    expect(inskrivning).toContain('```mermaid');
    const diagram = renderSwimlaneDiagram(defined(loadProcessDefinitions().get(1)));
    expect(diagram).toMatch(/^flowchart LR/);
    expect(diagram).toContain('subgraph kommunal_socialtjanst["Kommunal socialtjänst"]');
    expect(diagram).toContain('e_needs_assessed --> a_send_inskrivningsmeddelande');
  });
});
