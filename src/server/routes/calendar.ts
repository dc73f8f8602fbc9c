import { ZErrorBody, ZProgrammeParams } from '../../contracts/common';
import { ZCalendar, ZCalendarFeed, ZCalendarQuery, ZFeedParams } from '../../contracts/planning';
import { getMyCalendar, getProgrammeCalendar } from '../../services/calendar/events';
import { createFeed, getFeed, renderFeed, revokeFeed } from '../../services/calendar/feeds';
import { type App, type AppDeps, publicUrlOf } from '../app';
import { now, userContextOf } from '../session';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };
const tags = ['calendar'];

/** Calendars per role, "my days", and the private iCalendar subscription. */
export function registerCalendarRoutes(app: App, deps: AppDeps): void {
  const { db } = deps.database;

  app.get(
    '/api/programmes/:programmeId/calendar',
    {
      schema: {
        tags,
        summary: 'The programme’s events from..to that the reader may see',
        params: ZProgrammeParams,
        querystring: ZCalendarQuery,
        response: { 200: ZCalendar, ...errors },
      },
    },
    async (req) =>
      getProgrammeCalendar(
        db,
        userContextOf(req, deps),
        req.params.programmeId,
        req.query.from,
        req.query.to,
      ),
  );

  app.get(
    '/api/me/calendar',
    {
      schema: {
        tags,
        summary: 'My days: what I take part in, across programmes',
        querystring: ZCalendarQuery,
        response: { 200: ZCalendar, ...errors },
      },
    },
    async (req) => getMyCalendar(db, userContextOf(req, deps), req.query.from, req.query.to),
  );

  app.get(
    '/api/me/calendar-feed',
    {
      schema: {
        tags,
        summary: 'Whether I have a subscription link',
        response: { 200: ZCalendarFeed, ...errors },
      },
    },
    async (req) => getFeed(db, userContextOf(req, deps)),
  );

  app.post(
    '/api/me/calendar-feed',
    {
      schema: {
        tags,
        summary: 'Make (or rotate) my private subscription link; the URL is shown only in this answer',
        response: { 200: ZCalendarFeed, ...errors },
      },
    },
    async (req) => createFeed(db, userContextOf(req, deps), publicUrlOf(app, deps.config)),
  );

  app.delete(
    '/api/me/calendar-feed',
    { schema: { tags, summary: 'Revoke my subscription link', response: { 200: ZCalendarFeed, ...errors } } },
    async (req) => revokeFeed(db, userContextOf(req, deps)),
  );

  app.get(
    '/api/calendar/:file',
    {
      schema: {
        tags,
        summary: 'A private iCalendar feed (`<token>.ics`); no session: the token is the key',
        params: ZFeedParams,
      },
    },
    async (req, reply) => {
      const ics = await renderFeed(db, req.params.file, now(deps));
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', 'inline; filename="lederprogram.ics"')
        .send(ics);
    },
  );
}
