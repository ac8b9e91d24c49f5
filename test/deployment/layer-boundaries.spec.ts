import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

// The layer rule of eslint.config.mjs (apps → libs; pure libs; the web UI takes only the
// domain and the process vocabulary), run on imports written as a developer would, at the
// paths they would be in. One ESLint process lints every case (without type information,
// which the import rule does not need).
const root = join(__dirname, '..', '..');

interface Case {
  file: string;
  source: string;
  allowed: boolean;
}

const cases: Case[] = [
  // libs never import apps.
  { file: 'libs/reporting/src/x.ts', source: '../../../apps/api/src/app.module', allowed: false },
  { file: 'libs/persistence/src/x.ts', source: '@app/config', allowed: true },
  // Workflow code and the pure libs: no database, Temporal client, configuration, telemetry.
  { file: 'libs/workflows/src/stay/x.ts', source: '@app/persistence', allowed: false },
  { file: 'libs/workflows/src/stay/x.ts', source: '../../../temporal/src/x', allowed: false },
  { file: 'libs/workflows/src/stay/x.ts', source: '@app/config', allowed: false },
  {
    file: 'libs/workflows/src/stay/x.ts',
    source: '@app/process-definition/interpreter',
    allowed: true,
  },
  { file: 'libs/workflows/src/stay/x.ts', source: '@app/domain', allowed: true },
  { file: 'libs/domain/src/x.ts', source: '@app/telemetry', allowed: false },
  { file: 'libs/process-definition/src/x.ts', source: '@app/domain', allowed: true },
  // An app never imports another app.
  { file: 'apps/api/src/x.ts', source: '../../worker/src/activities', allowed: false },
  { file: 'apps/worker/src/x.ts', source: '@app/persistence', allowed: true },
  // The web UI: libs/domain and the process vocabulary, nothing else from the libs.
  {
    file: 'apps/web/src/pages/X.tsx',
    source: '../../../../libs/domain/src/schemas/responses',
    allowed: true,
  },
  {
    file: 'apps/web/src/pages/X.tsx',
    source: '../../../../libs/process-definition/src/vocabulary',
    allowed: true,
  },
  {
    file: 'apps/web/src/pages/X.tsx',
    source: '../../../../libs/process-definition/src/model',
    allowed: false,
  },
  {
    file: 'apps/web/src/pages/X.tsx',
    source: '../../../../libs/persistence/src/x',
    allowed: false,
  },
  { file: 'apps/web/src/pages/X.tsx', source: '@app/persistence', allowed: false },
  { file: 'apps/web/src/pages/X.tsx', source: '../../../api/src/app.module', allowed: false },
  { file: 'apps/web/src/pages/X.tsx', source: '../api/client', allowed: true },
  { file: 'apps/web/src/pages/X.tsx', source: 'node:fs', allowed: false },
];

const runner = `
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
const cases = JSON.parse(process.argv[1]);
const eslint = new ESLint({ overrideConfig: tseslint.configs.disableTypeChecked });
const out = [];
for (const c of cases) {
  const [result] = await eslint.lintText("import { x } from '" + c.source + "';\\nexport const y = x;\\n", { filePath: c.file });
  out.push(result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message));
}
process.stdout.write(JSON.stringify(out));
`;

describe('layer boundaries (eslint.config.mjs)', () => {
  it('refuses each import across a layer and allows the ones within', () => {
    const run = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', runner, JSON.stringify(cases)],
      { cwd: root, encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    const messages = JSON.parse(run.stdout) as string[][];
    const verdicts = cases.map((c, i) => ({
      ...c,
      allowed: messages[i]?.length === 0,
    }));
    expect(verdicts).toEqual(cases);
  });
});
