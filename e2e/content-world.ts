/** Runs code in the content script's isolated world (where Cuecard's content script lives) via CDP. */
import type { BrowserContext, Page } from '@playwright/test';

interface ExecutionContext {
  id: number;
  origin: string;
  name: string;
  auxData?: { type?: string; frameId?: string };
}

export async function evaluateInContentWorld(
  context: BrowserContext,
  page: Page,
  expression: string,
): Promise<unknown> {
  const cdp = await context.newCDPSession(page);
  const contexts: ExecutionContext[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context as ExecutionContext));
  await cdp.send('Runtime.enable');
  const world = contexts.find(
    (c) => c.auxData?.type === 'isolated' && c.origin.startsWith('chrome-extension://'),
  );
  if (!world) throw new Error('Cuecard content script world not found');
  const r = await cdp.send('Runtime.evaluate', {
    expression,
    contextId: world.id,
    awaitPromise: true,
    returnByValue: true,
  });
  await cdp.detach();
  if (r.exceptionDetails)
    throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
  return r.result.value;
}
