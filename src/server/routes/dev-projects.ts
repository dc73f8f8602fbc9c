import {
  ZDevProjectEntryParams,
  ZDevProjectOverview,
  ZDevProjectParams,
  ZMyDevProject,
  ZSaveDevProject,
  ZSaveDevProjectEntry,
  ZShareDevProject,
  ZSharedDevProject,
} from '../../contracts/dev-projects';
import { ZErrorBody, ZProgrammeParams } from '../../contracts/common';
import {
  addEntry,
  deleteEntry,
  getMyProject,
  getProjectOverview,
  getSharedProject,
  saveMyProject,
  shareMyProject,
  updateEntry,
} from '../../services/dev-projects/projects';
import type { App, AppDeps } from '../app';
import { userContextOf } from '../session';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };
const tags = ['development projects'];

/** A leader's own development project and learning log; the staff's and client admin's yes/no overview. */
export function registerDevProjectRoutes(app: App, deps: AppDeps): void {
  const { db } = deps.database;

  app.get(
    '/api/programmes/:programmeId/project',
    {
      schema: {
        tags,
        summary: 'My development project, its learning log (newest first) and with whom it is shared',
        params: ZProgrammeParams,
        response: { 200: ZMyDevProject, ...errors },
      },
    },
    async (req) => getMyProject(db, userContextOf(req, deps), req.params.programmeId),
  );

  app.put(
    '/api/programmes/:programmeId/project',
    {
      schema: {
        tags,
        summary: 'Write my development project: title, goal, dimensions, how I will know it worked',
        params: ZProgrammeParams,
        body: ZSaveDevProject,
        response: { 200: ZMyDevProject, ...errors },
      },
    },
    async (req) => saveMyProject(db, userContextOf(req, deps), req.params.programmeId, req.body),
  );

  app.put(
    '/api/programmes/:programmeId/project/sharing',
    {
      schema: {
        tags,
        summary: 'Share my project with advisors of the programme (all entries or chosen ones); [] = private',
        params: ZProgrammeParams,
        body: ZShareDevProject,
        response: { 200: ZMyDevProject, ...errors, 409: ZErrorBody },
      },
    },
    async (req) => shareMyProject(db, userContextOf(req, deps), req.params.programmeId, req.body),
  );

  app.post(
    '/api/programmes/:programmeId/project/entries',
    {
      schema: {
        tags,
        summary: 'Add a learning-log entry: tried, happened, learned, next',
        params: ZProgrammeParams,
        body: ZSaveDevProjectEntry,
        response: { 200: ZMyDevProject, ...errors, 409: ZErrorBody },
      },
    },
    async (req) => addEntry(db, userContextOf(req, deps), req.params.programmeId, req.body),
  );

  app.put(
    '/api/programmes/:programmeId/project/entries/:entryId',
    {
      schema: {
        tags,
        summary: 'Change one of my learning-log entries',
        params: ZDevProjectEntryParams,
        body: ZSaveDevProjectEntry,
        response: { 200: ZMyDevProject, ...errors },
      },
    },
    async (req) =>
      updateEntry(db, userContextOf(req, deps), req.params.programmeId, req.params.entryId, req.body),
  );

  app.delete(
    '/api/programmes/:programmeId/project/entries/:entryId',
    {
      schema: {
        tags,
        summary: 'Delete one of my learning-log entries',
        params: ZDevProjectEntryParams,
        response: { 200: ZMyDevProject, ...errors },
      },
    },
    async (req) => deleteEntry(db, userContextOf(req, deps), req.params.programmeId, req.params.entryId),
  );

  app.get(
    '/api/programmes/:programmeId/projects',
    {
      schema: {
        tags,
        summary: 'Per leader: has a project (yes/no), and for an advisor whether it is shared with them',
        params: ZProgrammeParams,
        response: { 200: ZDevProjectOverview, ...errors },
      },
    },
    async (req) => getProjectOverview(db, userContextOf(req, deps), req.params.programmeId),
  );

  app.get(
    '/api/programmes/:programmeId/projects/:projectId',
    {
      schema: {
        tags,
        summary: 'A project shared with me (an advisor): the description and the entries shared with me',
        params: ZDevProjectParams,
        response: { 200: ZSharedDevProject, ...errors },
      },
    },
    async (req) =>
      getSharedProject(db, userContextOf(req, deps), req.params.programmeId, req.params.projectId),
  );
}
