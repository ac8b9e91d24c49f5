import { dropDatabase } from '../../tools/stack/postgres';
import { stackHandles } from './handles';

export default async function globalTeardown(): Promise<void> {
  const handles = stackHandles.get();
  if (!handles) return;
  await handles.temporal.stop();
  await dropDatabase(handles.postgres.adminUrl, handles.database).catch(() => undefined);
  await handles.postgres.stop();
}
