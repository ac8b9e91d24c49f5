import 'reflect-metadata';
import { loadApiConfigOrExit } from '@app/config';
import { loadProcessDefinitions } from '@app/process-definition';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  const config = loadApiConfigOrExit();
  loadProcessDefinitions(); // a broken definition stops start-up here, with its reason
  const app = await createApiApp();
  await app.listen(config.PORT);
}

void main().catch((error: unknown) => {
  process.stderr.write(`API failed to start: ${(error as Error).message}\n`);
  process.exit(1);
});
