import { Breadcrumbs } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export interface Crumb {
  label: string;
  to: string;
}

/** "Mine program › <programme> › <page>"; the last crumb is the current page. */
export function PageBreadcrumbs({ crumbs }: { crumbs: Crumb[] }) {
  const { t } = useTranslation();
  return (
    <Breadcrumbs aria-label={t('layout.breadcrumbs')}>
      <Breadcrumbs.List>
        {crumbs.map((crumb, i) => (
          <Breadcrumbs.Item key={crumb.to}>
            <Breadcrumbs.Link asChild aria-current={i === crumbs.length - 1 ? 'page' : undefined}>
              <Link to={crumb.to}>{crumb.label}</Link>
            </Breadcrumbs.Link>
          </Breadcrumbs.Item>
        ))}
      </Breadcrumbs.List>
    </Breadcrumbs>
  );
}
