import { Badge, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { FieldView } from '../view/pane-view';
import { useSectionStyles } from './styles';

const useStyles = makeStyles({
  field: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  value: { whiteSpace: 'pre-line', overflowWrap: 'anywhere' },
  long: {
    whiteSpace: 'pre-line',
    overflowWrap: 'anywhere',
    maxHeight: '8.5em',
    overflowY: 'auto',
    paddingInlineEnd: tokens.spacingHorizontalXS,
  },
  missing: { fontStyle: 'italic', color: tokens.colorNeutralForeground3 },
  issue: { display: 'flex', columnGap: tokens.spacingHorizontalXS, alignItems: 'baseline' },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

function WordCount({ words }: { words: NonNullable<FieldView['words']> }) {
  // Over a maximum is an error; more than 20 % over an approximate limit is a warning.
  const color =
    words.kind === 'maximum'
      ? words.count > words.limit
        ? 'danger'
        : 'informative'
      : words.count > words.limit * 1.2
        ? 'warning'
        : 'informative';
  return (
    <Badge appearance="tint" color={color} size="small">
      {words.count} / {words.limit} words{words.kind === 'approx' ? ' (approx.)' : ''}
    </Badge>
  );
}

export function Fields({ fields }: { fields: readonly FieldView[] }) {
  const s = useSectionStyles();
  const styles = useStyles();
  if (!fields.length) return null;
  return (
    <section className={s.section} aria-labelledby="fields-heading">
      <h2 id="fields-heading" className={s.heading}>
        Fields
      </h2>
      <Text size={200} className={s.muted}>
        Those with problems first.
      </Text>
      <ul className={s.list}>
        {fields.map((field) => (
          <li key={field.key} className={styles.field} data-field={field.key}>
            <Text weight="semibold" className={s.wrap}>
              {field.title} {field.words && <WordCount words={field.words} />}
            </Text>
            {field.display === null ? (
              <Text className={styles.missing}>Missing</Text>
            ) : (
              <Text
                className={field.type === 'statement' ? styles.long : styles.value}
                tabIndex={field.type === 'statement' ? 0 : undefined}
                aria-label={field.type === 'statement' ? `${field.title}: statement` : undefined}
              >
                {field.display}
              </Text>
            )}
            {field.missingPart && (
              <Text className={styles.missing}>{field.missingPart === 'name' ? 'Name missing' : 'E-mail address missing'}</Text>
            )}
            {field.issues.map((issue, i) => (
              <Text
                key={`${issue.code}-${i}`}
                size={200}
                className={mergeClasses(styles.issue, issue.severity === 'error' ? styles.error : styles.warning)}
              >
                <span>{issue.severity === 'error' ? 'Error:' : 'Warning:'}</span>
                <span>{issue.message}</span>
              </Text>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
