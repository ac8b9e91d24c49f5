import { stackHandles } from './handles';

export default async function globalTeardown(): Promise<void> {
  await stackHandles.get()?.stop();
}
