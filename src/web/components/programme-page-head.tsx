import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { ProgrammeDetail } from '../api';
import { PageBreadcrumbs } from './breadcrumbs';
import { hasProgrammeList, useSession } from '../session';
import { useDocumentTitle } from './document-title';

/** Breadcrumbs, h1 and lead paragraph of a page inside a programme. */
export function ProgrammePageHead({
  programme,
  title,
  path,
  lead,
  children,
}: {
  programme: ProgrammeDetail;
  title: string;
  path: string;
  lead?: string;
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const { data: session } = useSession();
  useDocumentTitle(`${title} – ${programme.name}`);
  return (
    <div className="app-section">
      <PageBreadcrumbs
        crumbs={[
          ...(hasProgrammeList(session) ? [{ label: t('layout.myProgrammes'), to: '/' }] : []),
          { label: programme.name, to: `/programmes/${programme.id}` },
          { label: title, to: path },
        ]}
      />
      <Heading level={1} data-size="lg">
        {title}
      </Heading>
      {children}
      {lead ? <Paragraph className="app-page__lead">{lead}</Paragraph> : null}
    </div>
  );
}
