import { Link as DsLink, type LinkProps as DsLinkProps } from '@digdir/designsystemet-react';
import { forwardRef } from 'react';
import { Link, NavLink } from 'react-router';

type Props = Omit<DsLinkProps, 'href' | 'asChild'> & { to: string };

/** A Designsystemet link that navigates inside the app (no full page load). */
export const RouterLink = forwardRef<HTMLAnchorElement, Props>(function RouterLink(
  { to, children, ...rest },
  ref,
) {
  return (
    <DsLink asChild {...rest}>
      <Link to={to} ref={ref}>
        {children}
      </Link>
    </DsLink>
  );
});

/** Like RouterLink, and marks itself `aria-current="page"` when it is the current page. */
export function NavRouterLink({
  to,
  children,
  end = true,
}: {
  to: string;
  children: React.ReactNode;
  end?: boolean;
}) {
  return (
    <DsLink asChild>
      <NavLink to={to} end={end}>
        {children}
      </NavLink>
    </DsLink>
  );
}
