import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, newKey } from '../api/client';
import type { Task, Unit } from '../api/types';
import { Dialog } from '../components/Dialog';
import { ErrorMessage } from '../components/ErrorMessage';

/**
 * Hands a task to another unit, with the reason the receiving unit will read. The units of
 * the task's lane come first; what was typed stays if the API refuses.
 */
export function ReassignDialog(props: {
  task: Task;
  title: string;
  units: Unit[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const candidates = props.units.filter((u) => u.id !== props.task.unitId);
  const sameLane = candidates.filter((u) => u.lane === props.task.lane);
  const others = candidates.filter((u) => u.lane !== props.task.lane);
  const [toUnitId, setTo] = useState(sameLane[0]?.id ?? '');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [key] = useState(newKey);

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api(`/api/v1/tasks/${props.task.id}/reassign`, {
        method: 'POST',
        idempotencyKey: key,
        body: { toUnitId, reason: reason.trim() },
      });
      props.onDone();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('tasks.reassignTitle', { title: props.title })} onClose={props.onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <label>
          {t('tasks.toUnit')}
          <select required value={toUnitId} onChange={(e) => setTo(e.target.value)}>
            <option value="">{t('forms.choose')}</option>
            <optgroup label={t(`stay.lanes.${props.task.lane}`)}>
              {sameLane.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </optgroup>
            <optgroup label={t('tasks.otherUnits')}>
              {others.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        <label>
          {t('tasks.reason')}
          <textarea
            required
            rows={3}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
        <ErrorMessage
          error={error}
          labels={{ toUnitId: t('tasks.toUnit'), reason: t('tasks.reason') }}
        />
        <div className="buttons">
          <button type="submit" className="primary" disabled={busy}>
            {t('tasks.confirmReassign')}
          </button>
          <button type="button" onClick={props.onClose}>
            {t('tasks.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
