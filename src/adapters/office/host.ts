// The Office host around the pane and the sign-in dialog: readiness, theme, nested app
// authentication, the Office dialog. Everything else in the add-in reaches Office.js through here
// or through the mailbox (outlook.ts), so no entry page or other adapter names `Office`.
/// <reference types="office-js" />
import { officeAsync } from './call';

/** The Office.js global (or the harness's shim of it); a stand-in can be given in tests. */
export function officeGlobal(): typeof Office {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office) throw new Error('Office.js is not loaded.');
  return office;
}

/** Resolves once Office has initialised the add-in (nothing should render before). */
export function whenOfficeReady(office: typeof Office = officeGlobal()): Promise<void> {
  return Promise.resolve(office.onReady()).then(() => undefined);
}

/** The host's body background colour (e.g. "#1f1f1f"), or null when the host gives none. */
export function officeBackground(office: typeof Office = officeGlobal()): string | null {
  try {
    return office.context?.officeTheme?.bodyBackgroundColor ?? null;
  } catch {
    return null;
  }
}

/** Whether the host brokers sign-in for the add-in (nested app authentication, NestedAppAuth 1.1). */
export function supportsNestedAppAuth(office: typeof Office = officeGlobal()): boolean {
  try {
    return office.context.requirements.isSetSupported('NestedAppAuth', '1.1');
  } catch {
    return false;
  }
}

/** The dialog stopped without sending a message: closed by the person, or it could not open. */
export class OfficeDialogClosed extends Error {
  override name = 'OfficeDialogClosed';
  constructor(readonly code: number) {
    super(
      code === 12006
        ? 'The sign-in window was closed before sign-in finished.'
        : code === 12002 || code === 12003
          ? 'The sign-in page could not be opened.'
          : `The sign-in window stopped (Office dialog event ${code}).`,
    );
  }
}

/**
 * Opens `url` in the Office dialog and resolves with the first message it sends (messageParent),
 * closing the dialog; rejects with OfficeDialogClosed when it ends without one.
 */
export async function dialogMessage(url: string, office: typeof Office = officeGlobal()): Promise<string> {
  const dialog = await officeAsync<Office.Dialog>('ui.displayDialogAsync', (cb) =>
    office.context.ui.displayDialogAsync(url, { height: 60, width: 30, promptBeforeOpen: false }, cb),
  );
  return new Promise<string>((resolve, reject) => {
    const finish = (outcome: () => void) => {
      try {
        dialog.close();
      } catch {
        // already closed
      }
      outcome();
    };
    dialog.addEventHandler(office.EventType.DialogMessageReceived, (arg) =>
      finish(() => resolve(String((arg as { message: string }).message))),
    );
    dialog.addEventHandler(office.EventType.DialogEventReceived, (arg) =>
      finish(() => reject(new OfficeDialogClosed((arg as { error: number }).error))),
    );
  });
}

/** For the dialog's own page: sends the result to the pane that opened it. */
export function messageParent(message: string, office: typeof Office = officeGlobal()): void {
  office.context.ui.messageParent(message);
}
