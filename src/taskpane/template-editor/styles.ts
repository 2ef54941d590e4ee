// The template editor's own styles, shared by its sections.
import { makeStyles, tokens } from '@fluentui/react-components';

export const useEditorStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column' },
  card: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  // Two controls side by side where the pane is wide enough; a control never pushes past the card.
  pair: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(130px, 1fr))',
    gap: tokens.spacingHorizontalS,
    '& > *': { minWidth: 0 },
  },
  back: { alignSelf: 'flex-start' },
  // A select is as wide as its longest option unless told otherwise.
  select: { minWidth: 0, maxWidth: '100%' },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  footer: {
    position: 'sticky',
    bottom: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalM,
    background: tokens.colorNeutralBackground1,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  missing: { color: tokens.colorPaletteRedForeground1 },
});

/** A change to the draft, as every section makes one. */
export type Edit<D> = (change: (draft: D) => D) => void;
