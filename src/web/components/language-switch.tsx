import { Dropdown, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../i18n';
import { useChangeLocale, useLocale } from '../session';
import { useErrorText } from './error-alert';

function CheckIcon({ visible }: { visible: boolean }) {
  return (
    <svg
      className={visible ? 'app-lang__check' : 'app-lang__check app-lang__check--hidden'}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
    >
      <path fill="currentColor" d="M9.5 16.6 4.9 12l-1.4 1.4 6 6L20.5 8.4 19.1 7z" />
    </svg>
  );
}

function GlobeIcon() {
  return (
    <svg viewBox="0 0 24 24" width="1.2em" height="1.2em" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20m6.9 6h-2.9a15.7 15.7 0 0 0-1.4-3.6A8 8 0 0 1 18.9 8M12 4c.8 1.2 1.5 2.5 1.9 4h-3.8c.4-1.4 1.1-2.8 1.9-4M4.3 14a8 8 0 0 1 0-4h3.4a16.5 16.5 0 0 0 0 4zm.8 2h2.9c.3 1.3.8 2.5 1.4 3.6A8 8 0 0 1 5.1 16M8 8H5.1a8 8 0 0 1 4.3-3.6C8.8 5.5 8.4 6.7 8 8m4 12c-.8-1.2-1.5-2.5-1.9-4h3.8c-.4 1.4-1.1 2.8-1.9 4m2.3-6H9.7a14.7 14.7 0 0 1 0-4h4.6a14.7 14.7 0 0 1 0 4m.3 5.6c.6-1.1 1.1-2.3 1.4-3.6h2.9a8 8 0 0 1-4.3 3.6m1.7-5.6a16.5 16.5 0 0 0 0-4h3.4a8 8 0 0 1 0 4z"
      />
    </svg>
  );
}

/**
 * The language menu: Bokmål, Nynorsk, English, each written in its own language (and marked
 * with `lang`), so people find theirs whatever the page is in. Logged in, the choice is saved.
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const locale = useLocale();
  const change = useChangeLocale();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);

  return (
    <div className="app-lang">
      <Dropdown.TriggerContext>
        <Dropdown.Trigger variant="tertiary" data-size="sm" data-testid="language-switch">
          <GlobeIcon />
          <span className="ds-sr-only">{t('language.label')}: </span>
          {t(`language.names.${locale}`)}
        </Dropdown.Trigger>
        <Dropdown
          placement="bottom-end"
          open={open}
          onOpen={() => setOpen(true)}
          onClose={() => setOpen(false)}
          data-size="sm"
        >
          <Dropdown.List aria-label={t('language.choose')}>
            {LOCALES.map((l) => (
              <Dropdown.Item key={l}>
                <Dropdown.Button
                  className="app-lang__option"
                  lang={l}
                  aria-current={l === locale ? 'true' : undefined}
                  data-locale={l}
                  onClick={() => {
                    setOpen(false);
                    if (l !== locale) change.mutate(l);
                  }}
                >
                  <CheckIcon visible={l === locale} />
                  {t(`language.names.${l}`)}
                </Dropdown.Button>
              </Dropdown.Item>
            ))}
          </Dropdown.List>
        </Dropdown>
      </Dropdown.TriggerContext>
      {change.isError ? (
        <Paragraph data-size="xs" role="alert" data-color="danger" className="app-lang__error">
          {t('language.changeFailed')} {errorText(change.error)}
        </Paragraph>
      ) : null}
    </div>
  );
}
