import { Badge, MessageBar, MessageBarBody, MessageBarTitle, Text, mergeClasses } from '@fluentui/react-components';
import type { PaneView } from '../view/pane-view';
import { useSectionStyles } from './styles';

/** Which programme's form was found (or why none), and the verdict. */
export function Summary({ view }: { view: PaneView }) {
  const s = useSectionStyles();
  // With no form, the reason is said once, under the heading, not again in the list below.
  const reason = view.form.found ? null : view.form.reason;
  const aboutEmail = view.messageIssues.filter((i) => i.message !== reason);
  return (
    <section className={s.section} aria-labelledby="summary-heading">
      <h2 id="summary-heading" className={s.heading}>
        {view.form.found ? view.form.programme : 'No application form found'}
      </h2>
      {view.form.found ? (
        <Text size={200} className={mergeClasses(s.muted, s.wrap)}>
          {view.form.title} · {view.form.attachment}
        </Text>
      ) : (
        <Text className={s.wrap}>{view.form.reason}</Text>
      )}
      <MessageBar intent={view.complete ? 'success' : 'warning'} data-testid="verdict" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{view.complete ? 'Complete' : 'Needs attention'}</MessageBarTitle>
          {view.verdictText}
        </MessageBarBody>
      </MessageBar>
      {aboutEmail.length > 0 && (
        <ul className={s.list} aria-label="About the email">
          {aboutEmail.map((issue, i) => (
            <li key={`${issue.code}-${i}`}>
              <Badge appearance="tint" color={issue.severity === 'error' ? 'danger' : 'warning'} size="small">
                {issue.severity === 'error' ? 'Error' : 'Warning'}
              </Badge>{' '}
              <Text className={s.wrap}>{issue.message}</Text>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
