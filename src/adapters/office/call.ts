// Every Office `*Async` call as a promise that rejects with a typed error, whether Office reports
// the failure in the AsyncResult or throws before calling back. (Throwing inside the callback, as
// the add-in templates do, loses the error: nothing can catch it there.)
/// <reference types="office-js" />
import { OfficeCallError } from './errors';

type Callback<T> = (result: Office.AsyncResult<T>) => void;

export function officeAsync<T>(operation: string, start: (callback: Callback<T>) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      start((result) => {
        // Office's runtime value is the string "succeeded" (the typings declare a numeric enum).
        if (String(result.status).toLowerCase() === 'succeeded') resolve(result.value);
        else {
          const error = result.error as Office.Error | undefined;
          reject(
            new OfficeCallError(
              operation,
              typeof error?.code === 'number' ? error.code : null,
              error?.name ?? null,
              error?.message || 'Office reported a failure.',
            ),
          );
        }
      });
    } catch (thrown) {
      reject(
        new OfficeCallError(
          operation,
          null,
          thrown instanceof Error ? thrown.name : null,
          thrown instanceof Error ? thrown.message : String(thrown),
        ),
      );
    }
  });
}

/** A synchronous Office call (no callback), with the same typed error. */
export function officeSync<T>(operation: string, run: () => T): T {
  try {
    return run();
  } catch (thrown) {
    throw new OfficeCallError(
      operation,
      null,
      thrown instanceof Error ? thrown.name : null,
      thrown instanceof Error ? thrown.message : String(thrown),
    );
  }
}
