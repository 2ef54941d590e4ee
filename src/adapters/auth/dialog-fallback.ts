// The last rung of sign-in for hosts without nested app authentication: the Office dialog opens
// auth-dialog.html, which signs in with a standard MSAL client (redirect) and sends the token back
// with messageParent. Everything here is the parent's side.
/// <reference types="office-js" />
import { officeAsync } from '../office/call';

export interface DialogToken {
  readonly accessToken: string;
  /** Epoch milliseconds. */
  readonly expiresOn: number;
}

/** What auth-dialog.html sends back. */
export type DialogMessage = { status: 'success'; accessToken: string; expiresOn: number } | { status: 'failure'; error: string };

export class DialogSignInError extends Error {
  override name = 'DialogSignInError';
}

/** 12006: the person closed the dialog. Others: the dialog could not open or navigate. */
function dialogEventMessage(code: number): string {
  if (code === 12006) return 'The sign-in window was closed before sign-in finished.';
  if (code === 12002 || code === 12003) return 'The sign-in page could not be opened.';
  return `The sign-in window stopped (Office dialog event ${code}).`;
}

export async function tokenViaOfficeDialog(office: typeof Office, url: string): Promise<DialogToken> {
  const dialog = await officeAsync<Office.Dialog>('ui.displayDialogAsync', (cb) => office.context.ui.displayDialogAsync(url, { height: 60, width: 30, promptBeforeOpen: false }, cb));
  return new Promise<DialogToken>((resolve, reject) => {
    const finish = (outcome: () => void) => {
      try {
        dialog.close();
      } catch {
        // already closed
      }
      outcome();
    };
    dialog.addEventHandler(office.EventType.DialogMessageReceived, (arg) => {
      let message: DialogMessage;
      try {
        message = JSON.parse((arg as { message: string }).message) as DialogMessage;
      } catch {
        finish(() => reject(new DialogSignInError('The sign-in window answered with something that is not a sign-in result.')));
        return;
      }
      if (message.status === 'success') finish(() => resolve({ accessToken: message.accessToken, expiresOn: message.expiresOn }));
      else finish(() => reject(new DialogSignInError(message.error)));
    });
    dialog.addEventHandler(office.EventType.DialogEventReceived, (arg) => {
      finish(() => reject(new DialogSignInError(dialogEventMessage((arg as { error: number }).error))));
    });
  });
}
