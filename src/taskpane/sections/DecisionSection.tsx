// The pane's decision section: the reviewers' panel once the application is filed (loaded on
// demand: the first screen does not carry it), else a line saying it must be filed first.
import { Spinner, Text } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import type { FilingState } from '../components/FilingPanel';
import type { DecisionSave, FiledItem } from '../services/filing';
import { plainError } from '../services/plain-error';
import type { CriterionView } from '../view/pane-view';

const DecisionPanel = lazy(() => import(/* webpackChunkName: "decision" */ '../components/DecisionPanel'));

export interface DecisionSectionProps {
  /** Which email is shown (the panel starts afresh for another email or item). */
  readonly emailKey: string;
  readonly criteria: readonly CriterionView[];
  readonly filing: FilingState;
  readonly decidedBy: string;
  readonly onSave: (item: FiledItem, save: DecisionSave) => Promise<{ item: FiledItem; note: string | null }>;
}

export function DecisionSection({ emailKey, criteria, filing, decidedBy, onSave }: DecisionSectionProps) {
  if (!criteria.length) return null;
  if (filing.kind !== 'filed') {
    return (
      <Text as="p" size={200}>
        File the application to record a decision on it.
      </Text>
    );
  }
  return (
    <Suspense fallback={<Spinner size="tiny" label="Loading the decision panel…" />}>
      <DecisionPanel
        key={`${emailKey}:${filing.item.id}`}
        criteria={criteria}
        item={filing.item}
        decidedBy={decidedBy}
        onSave={onSave}
        describeError={(e) => plainError(e, 'saving the decision')}
      />
    </Suspense>
  );
}
