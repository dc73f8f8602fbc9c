/**
 * The staff's controls shared by the gathering evaluations, the expectation round and the overall
 * evaluation: the projector panel (QR code and link) and closing with a confirmation.
 */
import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { type ReactNode, useState } from 'react';

/** The answer form's QR code and link for the screen in the room; optionally enlarged. */
export function ProjectorPanel({
  prefix,
  heading,
  qrSrc,
  qrAlt,
  lead,
  link,
  enlarge,
}: {
  /** Test ids `<prefix>-projector`, `-qr`, `-link`. */
  prefix: string;
  heading: string;
  qrSrc: string;
  qrAlt: string;
  lead: string;
  link: string;
  /** The label of a toggle that enlarges the QR code; no toggle without it. */
  enlarge?: string;
}) {
  const [large, setLarge] = useState(false);
  return (
    <section
      className={`app-evaluation__projector${large ? ' app-evaluation__projector--large' : ''}`}
      aria-label={heading}
      data-testid={`${prefix}-projector`}
    >
      <img
        className="app-evaluation__qr"
        src={qrSrc}
        alt={qrAlt}
        width={288}
        height={288}
        data-testid={`${prefix}-qr`}
      />
      <div>
        <Paragraph>{lead}</Paragraph>
        <Paragraph className="app-evaluation__link">
          <a href={link} data-testid={`${prefix}-link`}>
            {link}
          </a>
        </Paragraph>
        {enlarge ? (
          <Button variant="tertiary" aria-pressed={large} onClick={() => setLarge((v) => !v)}>
            {enlarge}
          </Button>
        ) : null}
      </div>
    </section>
  );
}

/**
 * "Close" and its confirmation (closing is final). Other buttons may stand before it in the same
 * row (`actions`); they stay while the confirmation is shown. Test ids `<prefix>-close`,
 * `-close-confirm`, `-close-confirm-button`.
 */
export function ConfirmClose({
  prefix,
  actions,
  closeText,
  confirmText,
  cancelText,
  pending,
  onClose,
}: {
  prefix: string;
  actions?: ReactNode;
  closeText: string;
  confirmText: string;
  cancelText: string;
  pending: boolean;
  /** Closes; calls `done` once closed, which hides the confirmation. */
  onClose: (done: () => void) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      {actions || !confirming ? (
        <div className="app-evaluation__actions">
          {actions}
          {confirming ? null : (
            <Button
              variant="secondary"
              data-color="danger"
              onClick={() => setConfirming(true)}
              data-testid={`${prefix}-close`}
            >
              {closeText}
            </Button>
          )}
        </div>
      ) : null}
      {confirming ? (
        <Alert data-color="warning" data-testid={`${prefix}-close-confirm`}>
          <Paragraph>{confirmText}</Paragraph>
          <div className="app-evaluation__actions">
            <Button
              data-color="danger"
              loading={pending}
              data-testid={`${prefix}-close-confirm-button`}
              onClick={() => onClose(() => setConfirming(false))}
            >
              {closeText}
            </Button>
            <Button variant="tertiary" onClick={() => setConfirming(false)}>
              {cancelText}
            </Button>
          </div>
        </Alert>
      ) : null}
    </>
  );
}
