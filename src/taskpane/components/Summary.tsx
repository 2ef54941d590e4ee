import { Badge, MessageBar, MessageBarBody, MessageBarTitle, Text, mergeClasses } from '@fluentui/react-components';
import type { PaneView } from '../view/pane-view';
import { useSectionStyles } from './styles';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Which programme's form was found (or why none), and the verdict. */
export function Summary({ view }: { view: PaneView }) {
  const s = useSectionStyles();
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
          {view.complete
            ? view.warningCount
              ? `Every signatory is copied in and nothing is missing; ${plural(view.warningCount, 'thing')} worth a look below.`
              : 'Every signatory is copied in and nothing is missing.'
            : `${plural(view.errorCount, 'problem')} to put right${view.warningCount ? `, and ${plural(view.warningCount, 'thing')} worth a look` : ''}.`}
        </MessageBarBody>
      </MessageBar>
      {view.messageIssues.length > 0 && (
        <ul className={s.list} aria-label="About the email">
          {view.messageIssues.map((issue, i) => (
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
