// /users/{address}/…: the mailboxes (src/store/mail.ts).
import { handleMail } from '../mail';
import type { GraphRouter } from '../router';

export const usersRouter: GraphRouter = { segment: 'users', handle: (env, req) => handleMail(env, req) };
