import { Skeleton, SkeletonItem, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, paddingBlock: tokens.spacingVerticalM },
});

/** Shown at once, while the email's form is read. */
export function PaneSkeleton() {
  const styles = useStyles();
  return (
    <div role="status" aria-live="polite" aria-busy="true">
      <span className="visually-hidden">Checking the application…</span>
      <Skeleton className={styles.root} aria-hidden="true">
        <SkeletonItem size={24} />
        <SkeletonItem size={40} />
        <SkeletonItem size={16} />
        <SkeletonItem size={16} />
        <SkeletonItem size={16} />
        <SkeletonItem size={32} />
      </Skeleton>
    </div>
  );
}
