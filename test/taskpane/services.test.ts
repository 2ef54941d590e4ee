// The pane's small services: decisions as the list holds them, and errors in plain words (the
// pending-filing marker has its own test, pending.test.ts).
import { answersFromScores, listDecision, paneDecisionOf, SCORE } from '../../src/taskpane/services/filing';
import { plainError } from '../../src/taskpane/services/plain-error';

describe('decisions in the list', () => {
  it('maps the pane’s four decisions to the list’s Decision and Status', () => {
    expect(listDecision('Accepted')).toEqual({ decision: 'Accepted', status: 'Accepted' });
    expect(listDecision('Declined')).toEqual({ decision: 'Declined', status: 'Declined' });
    expect(listDecision('Waitlisted')).toEqual({ decision: 'Waitlisted', status: 'Waitlisted' });
    expect(listDecision('Needs info')).toEqual({ decision: null, status: 'Needs info' });
  });

  it('reads a reviewer’s decision back, but not the Needs info status filing sets on its own', () => {
    expect(paneDecisionOf('Declined', 'Declined', '2018-06-10T10:00:00Z')).toBe('Declined');
    expect(paneDecisionOf('Accepted', 'Under review', null)).toBe('Accepted');
    expect(paneDecisionOf('Accept', 'New', null)).toBeNull();
    expect(paneDecisionOf(null, 'Needs info', null)).toBeNull();
    expect(paneDecisionOf(null, 'Needs info', '2018-06-10T10:00:00Z')).toBe('Needs info');
  });

  it('round-trips criteria answers through CriteriaScores', () => {
    const scores = JSON.stringify({ qts: SCORE.met, passion: SCORE.notMet, collaboration: SCORE.unclear });
    expect(answersFromScores(scores)).toEqual({ qts: 'met', passion: 'notMet', collaboration: 'unclear' });
    expect(answersFromScores('not json')).toEqual({});
    expect(answersFromScores(null)).toEqual({});
  });
});

describe('errors in plain words', () => {
  it('says what happened and that nothing is lost', () => {
    expect(plainError({ name: 'TransportError', message: 'x' }, 'filing the application')).toMatch(
      /did not answer while filing the application\. Nothing is lost/,
    );
    expect(plainError({ name: 'GraphRequestError', status: 403 }, 'filing the application')).toMatch(/refused access/);
    expect(plainError({ name: 'GraphRequestError', status: 503 }, 'saving the decision')).toMatch(/busy/);
    expect(plainError(new Error('boom'), 'reading this email')).toBe('Something went wrong while reading this email: boom');
  });

  it('tells a mailbox that refused or lost the email apart from the list', () => {
    const mail = (status: number) => ({
      name: 'GraphRequestError',
      status,
      path: '/v1.0/users/mathshubs%40ncetm.org.uk/messages/AAMk1/$value',
    });
    expect(plainError(mail(403), 'filing the application')).toMatch(
      /The mailbox refused access while filing the application\..*Mail\.Read\.Shared/,
    );
    expect(plainError(mail(404), 'filing the application')).toMatch(/email was not found in its mailbox/);
    expect(
      plainError({ name: 'GraphRequestError', status: 404, path: '/v1.0/sites/root/lists/Applications/items' }, 'filing the application'),
    ).toMatch(/Applications list was not found/);
  });
});
