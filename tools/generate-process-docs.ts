// Writes docs/process/ from the process definitions. Run:
//   node -r @swc-node/register tools/generate-process-docs.ts
// docs.spec.ts in libs/process-definition fails when the committed files are stale.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadProcessDefinitions, renderProcessDocs } from '../libs/process-definition/src';

const outDir = join(__dirname, '..', 'docs', 'process');
const files = renderProcessDocs([...loadProcessDefinitions().values()]);

rmSync(outDir, { recursive: true, force: true });
for (const [path, content] of Object.entries(files)) {
  mkdirSync(dirname(join(outDir, path)), { recursive: true });
  writeFileSync(join(outDir, path), content);
}
console.log(
  `Wrote ${Object.keys(files).length} files to ${outDir}:`,
  readdirSync(outDir).join(', '),
);
