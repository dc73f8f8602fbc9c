import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { privacyApi, saveFile } from '../api';
import { ErrorAlert } from './error-alert';

/** "Download my data": everything stored about the signed-in user, as a readable JSON file. */
export function PrivacyDownloadMine() {
  const { t } = useTranslation();
  const download = useMutation({ mutationFn: () => privacyApi.exportMine(), onSuccess: saveFile });
  return (
    <section className="app-section" aria-labelledby="privacy-mine">
      <Heading level={2} data-size="xs" id="privacy-mine">
        {t('privacy.mineTitle')}
      </Heading>
      <Paragraph>{t('privacy.mineLead')}</Paragraph>
      <Button
        variant="secondary"
        onClick={() => download.mutate()}
        loading={download.isPending}
        data-testid="privacy-download-mine"
      >
        {t('privacy.downloadMine')}
      </Button>
      {download.isError ? <ErrorAlert error={download.error} /> : null}
    </section>
  );
}
