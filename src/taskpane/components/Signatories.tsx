import { Badge, Text, mergeClasses } from '@fluentui/react-components';
import { SIGNATORY_STATUS_WORDS, type SignatoryStatus } from '../../core/signatories';
import type { SignatoryView } from '../view/pane-view';
import { useSectionStyles } from './styles';

const COLOR: Record<SignatoryStatus, 'success' | 'danger' | 'warning'> = {
  copied: 'success',
  notCopied: 'danger',
  noAddressOnForm: 'danger',
  copiedUnderOtherAddress: 'warning',
};
const STATUS = Object.fromEntries(
  (Object.keys(COLOR) as SignatoryStatus[]).map((k) => [
    k,
    { text: SIGNATORY_STATUS_WORDS[k].replace(/^./, (c) => c.toUpperCase()), color: COLOR[k] },
  ]),
) as Record<string, { text: string; color: 'success' | 'danger' | 'warning' }>;

export function Signatories({ signatories }: { signatories: readonly SignatoryView[] }) {
  const s = useSectionStyles();
  if (!signatories.length) return null;
  return (
    <section className={s.section} aria-labelledby="signatories-heading">
      <h2 id="signatories-heading" className={s.heading}>
        Signatories
      </h2>
      <ul className={s.list}>
        {signatories.map((sig) => {
          const status = sig.status ? STATUS[sig.status] : null;
          return (
            <li key={sig.role}>
              <Text weight="semibold">{sig.label}</Text>{' '}
              {status && (
                <Badge appearance="tint" color={status.color} size="small">
                  {status.text}
                </Badge>
              )}
              <br />
              <Text size={200} className={mergeClasses(s.muted, s.wrap)}>
                {[sig.name, sig.email].filter(Boolean).join(' · ') || 'Not given on the form'}
              </Text>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
