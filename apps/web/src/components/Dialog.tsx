import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A modal dialog on the native <dialog>: the rest of the page is inert while it is open,
 * Escape closes it, focus moves to the first field and returns to what opened it.
 */
export function Dialog(props: { title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { onClose } = props;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement as HTMLElement | null;
    dialog.showModal();
    const first = dialog.querySelector<HTMLElement>(
      'input:not([type=hidden]), select, textarea, button:not(.dialog-close)',
    );
    first?.focus();
    const cancel = (event: Event) => {
      event.preventDefault();
      onClose();
    };
    dialog.addEventListener('cancel', cancel);
    return () => {
      dialog.removeEventListener('cancel', cancel);
      dialog.close();
      opener?.focus();
    };
  }, [onClose]);
  return (
    <dialog ref={ref} aria-labelledby={titleId} className="dialog">
      <h2 id={titleId}>{props.title}</h2>
      {props.children}
    </dialog>
  );
}

/** "Are you sure?" before something is registered. */
export function ConfirmDialog(props: {
  title: string;
  text: string;
  /** Lines under the question: what exactly will be registered. */
  details?: string[];
  yes: string;
  no: string;
  onYes: () => void;
  onNo: () => void;
}) {
  return (
    <Dialog title={props.title} onClose={props.onNo}>
      <p>{props.text}</p>
      {props.details?.length ? (
        <ul className="confirm-details">
          {props.details.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
      <div className="buttons">
        <button className="primary" onClick={props.onYes}>
          {props.yes}
        </button>
        <button onClick={props.onNo}>{props.no}</button>
      </div>
    </Dialog>
  );
}
