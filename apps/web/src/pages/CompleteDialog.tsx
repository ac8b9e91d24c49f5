import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, newKey } from '../api/client';
import type { Activity, Task } from '../api/types';
import { Dialog } from '../components/Dialog';
import { ErrorMessage } from '../components/ErrorMessage';

/** Completing a task: the activity's outcomes (one must be chosen when there are any) and a note. */
export function CompleteDialog(props: {
  task: Task;
  activity: Activity | undefined;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const outcomes = props.activity?.outcomes ?? [];
  const [outcome, setOutcome] = useState<string>();
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [key] = useState(newKey);

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    try {
      await api(`/api/v1/tasks/${props.task.id}/complete`, {
        method: 'POST',
        idempotencyKey: key,
        body: { ...(outcome ? { outcome } : {}), ...(note.trim() ? { note: note.trim() } : {}) },
      });
      props.onDone();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('tasks.completeTitle', { title: props.activity?.title ?? props.task.activityId })}
      onClose={props.onClose}
    >
      <form onSubmit={(e) => void submit(e)}>
        {outcomes.length > 0 ? (
          <fieldset>
            <legend>{t('tasks.outcome')}</legend>
            {outcomes.map((o) => (
              <label key={o.id} className="choice">
                <input
                  type="radio"
                  name="outcome"
                  value={o.id}
                  required
                  checked={outcome === o.id}
                  onChange={() => setOutcome(o.id)}
                />
                {o.title}
              </label>
            ))}
          </fieldset>
        ) : null}
        <label>
          {t('tasks.note')}
          <textarea
            value={note}
            maxLength={2000}
            rows={3}
            onChange={(e) => setNote(e.target.value)}
          />
        </label>
        <ErrorMessage error={error} />
        <div className="buttons">
          <button type="submit" className="primary" disabled={busy}>
            {t('tasks.confirmComplete')}
          </button>
          <button type="button" onClick={props.onClose}>
            {t('tasks.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
