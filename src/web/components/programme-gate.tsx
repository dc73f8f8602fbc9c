import type { ProgrammeDetail } from '../api';
import { isNotFound, isUuid, useProgramme } from '../programme-data';
import { ErrorAlert } from './error-alert';
import { PageLoading } from './loading';
import { NotFound } from './not-found';

/** Loads the programme and renders the page with it, or the not-found page, or the error. */
export function ProgrammeGate({
  programmeId,
  children,
}: {
  programmeId: string | undefined;
  children: (programme: ProgrammeDetail) => React.ReactNode;
}) {
  const id = programmeId ?? '';
  const programme = useProgramme(id);
  if (!isUuid(id)) return <NotFound />;
  if (programme.isPending) return <PageLoading />;
  if (programme.isError)
    return isNotFound(programme.error) ? <NotFound /> : <ErrorAlert error={programme.error} />;
  return <>{children(programme.data)}</>;
}
