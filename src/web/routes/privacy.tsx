import { Alert, Button, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import {
  type PrivacyErasurePreview,
  type PrivacyErasureResult,
  type PrivacyPersonFound,
  privacyApi,
  saveFile,
} from '../api';
import { ErrorAlert } from '../components/error-alert';
import { PrivacyDownloadMine } from '../components/privacy-download-mine';
import { useDocumentTitle } from '../components/document-title';
import { NotFound } from '../components/not-found';
import { formatNumber } from '../format';
import { isUuid } from '../programme-data';
import { useLocale } from '../session';
import { AdminHead } from './admin';

/**
 * The provider admin's privacy page: find a person by e-mail, download everything stored about
 * them, and erase them after a preview and a typed confirmation.
 */
export function PrivacyPage() {
  const { t } = useTranslation();
  const { providerId = '' } = useParams();
  const [email, setEmail] = useState('');
  const [person, setPerson] = useState<PrivacyPersonFound | null>(null);
  const [erased, setErased] = useState<PrivacyErasureResult | null>(null);
  const find = useMutation({
    mutationFn: () => privacyApi.find(providerId, email),
    onSuccess: (found) => {
      setPerson(found);
      setErased(null);
    },
  });
  if (!isUuid(providerId)) return <NotFound />;

  const onFind = (e: FormEvent) => {
    e.preventDefault();
    setPerson(null);
    find.mutate();
  };

  return (
    <div className="app-page">
      <AdminHead title={t('privacy.title')} path={`/admin/${providerId}/privacy`} lead={t('privacy.lead')} />
      <section className="app-section" aria-labelledby="privacy-find">
        <Heading level={2} data-size="sm" id="privacy-find">
          {t('privacy.findTitle')}
        </Heading>
        <form onSubmit={onFind} noValidate>
          <Textfield
            label={t('privacy.emailLabel')}
            type="email"
            name="email"
            data-testid="privacy-email"
            autoComplete="off"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <Button type="submit" variant="secondary" loading={find.isPending} data-testid="privacy-find">
            {t('privacy.find')}
          </Button>
        </form>
        {find.isError ? <ErrorAlert error={find.error} /> : null}
      </section>
      {erased ? (
        <Alert data-color="success" role="status" data-testid="privacy-erased">
          {t('privacy.erased', { count: erased.tables.length, files: erased.filesDeleted })}
        </Alert>
      ) : null}
      {person && !erased ? <PersonPrivacy person={person} onErased={setErased} /> : null}
    </div>
  );
}

function PersonPrivacy({
  person,
  onErased,
}: {
  person: PrivacyPersonFound;
  onErased: (result: PrivacyErasureResult) => void;
}) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<PrivacyErasurePreview | null>(null);
  const [confirm, setConfirm] = useState('');
  const download = useMutation({
    mutationFn: () => privacyApi.exportPerson(person.userId),
    onSuccess: saveFile,
  });
  const loadPreview = useMutation({
    mutationFn: () => privacyApi.preview(person.userId),
    onSuccess: setPreview,
  });
  const erase = useMutation({
    mutationFn: () => privacyApi.erase(person.userId, confirm),
    onSuccess: onErased,
  });
  const matches = confirm.trim().toLowerCase() === person.email.toLowerCase();

  return (
    <section className="app-section" aria-labelledby="privacy-person">
      <Heading level={2} data-size="sm" id="privacy-person">
        {person.name}
      </Heading>
      <Paragraph>{person.email}</Paragraph>
      <div className="app-actions">
        <Button
          variant="secondary"
          onClick={() => download.mutate()}
          loading={download.isPending}
          data-testid="privacy-export"
        >
          {t('privacy.export')}
        </Button>
        <Button
          variant="secondary"
          data-color="danger"
          onClick={() => loadPreview.mutate()}
          data-testid="privacy-erase-open"
        >
          {t('privacy.erasePerson')}
        </Button>
      </div>
      {download.isError ? <ErrorAlert error={download.error} /> : null}
      {loadPreview.isError ? <ErrorAlert error={loadPreview.error} /> : null}
      {preview ? (
        <>
          <ErasurePreviewTable preview={preview} />
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (matches) erase.mutate();
            }}
            noValidate
          >
            <Textfield
              label={t('privacy.confirmLabel', { email: person.email })}
              name="confirmEmail"
              data-testid="privacy-confirm"
              autoComplete="off"
              value={confirm}
              onChange={(e) => setConfirm(e.target.value)}
            />
            <Button
              type="submit"
              data-color="danger"
              disabled={!matches}
              loading={erase.isPending}
              data-testid="privacy-erase"
            >
              {t('privacy.eraseConfirm')}
            </Button>
          </form>
          {erase.isError ? <ErrorAlert error={erase.error} /> : null}
        </>
      ) : null}
    </section>
  );
}

function ErasurePreviewTable({ preview }: { preview: PrivacyErasurePreview }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <Paragraph>{t('privacy.previewLead', { files: preview.files })}</Paragraph>
      <Table data-size="sm" data-testid="privacy-preview">
        <caption>{t('privacy.previewCaption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('privacy.columns.table')}</Table.HeaderCell>
            <Table.HeaderCell>{t('privacy.columns.deleted')}</Table.HeaderCell>
            <Table.HeaderCell>{t('privacy.columns.anonymised')}</Table.HeaderCell>
            <Table.HeaderCell>{t('privacy.columns.kept')}</Table.HeaderCell>
            <Table.HeaderCell>{t('privacy.columns.note')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {preview.tables.map((row) => (
            <Table.Row key={row.table}>
              <Table.Cell>{row.label}</Table.Cell>
              <Table.Cell>{formatNumber(row.deleted, locale)}</Table.Cell>
              <Table.Cell>{formatNumber(row.anonymised, locale)}</Table.Cell>
              <Table.Cell>{formatNumber(row.kept, locale)}</Table.Cell>
              <Table.Cell>{row.note}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </>
  );
}

/** `/my-data`: every signed-in user downloads everything stored about them. */
export function MyDataPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('privacy.mineTitle'));
  return (
    <div className="app-page">
      <Heading level={1} data-size="lg">
        {t('privacy.mineTitle')}
      </Heading>
      <PrivacyDownloadMine />
    </div>
  );
}
