import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { TemplateAlreadySaved } from '../services/templates';
import { ListMessage } from './ListMessage';
import { useEditorStyles } from './styles';

export interface SaveFooterProps {
  readonly draftId: string;
  /** What stops a save, shown once a save was tried. */
  readonly problems: readonly string[] | null;
  readonly conflict: TemplateAlreadySaved | null;
  readonly saveError: string | null;
  readonly saving: boolean;
  readonly onSave: (replaceETag?: string) => void;
  readonly onCancel: () => void;
}

/** Save and Cancel, kept in view, with what stops a save: problems, a template already saved with this id, an error. */
export function SaveFooter({ draftId, problems, conflict, saveError, saving, onSave, onCancel }: SaveFooterProps) {
  const styles = useEditorStyles();
  return (
    <div className={styles.footer}>
      {problems && problems.length > 0 && (
        <ListMessage intent="error" title="Put these right to save" label="Problems with the template" lines={problems} />
      )}
      {conflict && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Already on the site</MessageBarTitle>A template with the id “{draftId}” was saved
            {conflict.savedBy ? ` by ${conflict.savedBy}` : ''}
            {conflict.savedAt
              ? ` on ${new Date(conflict.savedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}`
              : ''}
            . Replace it with this one, or give this one another id.
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => onSave(conflict.eTag)} disabled={saving}>
              Replace it
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {saveError && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{saveError}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => onSave()} disabled={saving}>
          {saving ? 'Saving…' : 'Save to SharePoint'}
        </Button>
        <Button onClick={onCancel} disabled={saving}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
