import * as migration_20261126_053543_initial_schema from './20261126_053543_initial_schema';
import * as migration_20261126_060000_release_rules_constraints from './20261126_060000_release_rules_constraints';
import * as migration_20261126_061901_users_audit_fields from './20261126_061901_users_audit_fields';
import * as migration_20261126_063553_site_cache_purge_task from './20261126_063553_site_cache_purge_task';
import * as migration_20261126_064147_release_artifacts from './20261126_064147_release_artifacts';
import * as migration_20261126_091049_search_index from './20261126_091049_search_index';
import * as migration_20261126_091606_scheduled_jobs_and_news from './20261126_091606_scheduled_jobs_and_news';
import * as migration_20261126_092638_search_index_tasks from './20261126_092638_search_index_tasks';
import * as migration_20261126_093542_search_host_words from './20261126_093542_search_host_words';
import * as migration_20261204_023600_mail_task from './20261204_023600_mail_task';
import * as migration_20261204_034601_media_published from './20261204_034601_media_published';
import * as migration_20261204_055107_minutes from './20261204_055107_minutes';
import * as migration_20261204_055159_redirect_rules from './20261204_055159_redirect_rules';
import * as migration_20261204_055445_accounts from './20261204_055445_accounts';
import * as migration_20261204_060413_jobs_board from './20261204_060413_jobs_board';
import * as migration_20261204_061533_expire_jobs_task from './20261204_061533_expire_jobs_task';
import * as migration_20261204_061552_event_timezone from './20261204_061552_event_timezone';
import * as migration_20261204_073201_job_submitter from './20261204_073201_job_submitter';
import * as migration_20261204_085217_psf_memberships from './20261204_085217_psf_memberships';
import * as migration_20261204_090408_sponsorship from './20261204_090408_sponsorship';
import * as migration_20261204_091102_elections_nominations from './20261204_091102_elections_nominations';
import * as migration_20261204_093912_sponsor_contracts from './20261204_093912_sponsor_contracts';
import * as migration_20261204_120845_sponsorship_application_assets from './20261204_120845_sponsorship_application_assets';
import * as migration_20261204_152206_rendered_markup_html from './20261204_152206_rendered_markup_html';

export const migrations = [
  {
    up: migration_20261126_053543_initial_schema.up,
    down: migration_20261126_053543_initial_schema.down,
    name: '20261126_053543_initial_schema',
  },
  {
    up: migration_20261126_060000_release_rules_constraints.up,
    down: migration_20261126_060000_release_rules_constraints.down,
    name: '20261126_060000_release_rules_constraints',
  },
  {
    up: migration_20261126_061901_users_audit_fields.up,
    down: migration_20261126_061901_users_audit_fields.down,
    name: '20261126_061901_users_audit_fields',
  },
  {
    up: migration_20261126_063553_site_cache_purge_task.up,
    down: migration_20261126_063553_site_cache_purge_task.down,
    name: '20261126_063553_site_cache_purge_task',
  },
  {
    up: migration_20261126_064147_release_artifacts.up,
    down: migration_20261126_064147_release_artifacts.down,
    name: '20261126_064147_release_artifacts',
  },
  {
    up: migration_20261126_091049_search_index.up,
    down: migration_20261126_091049_search_index.down,
    name: '20261126_091049_search_index',
  },
  {
    up: migration_20261126_091606_scheduled_jobs_and_news.up,
    down: migration_20261126_091606_scheduled_jobs_and_news.down,
    name: '20261126_091606_scheduled_jobs_and_news',
  },
  {
    up: migration_20261126_092638_search_index_tasks.up,
    down: migration_20261126_092638_search_index_tasks.down,
    name: '20261126_092638_search_index_tasks',
  },
  {
    up: migration_20261126_093542_search_host_words.up,
    down: migration_20261126_093542_search_host_words.down,
    name: '20261126_093542_search_host_words',
  },
  {
    up: migration_20261204_023600_mail_task.up,
    down: migration_20261204_023600_mail_task.down,
    name: '20261204_023600_mail_task',
  },
  {
    up: migration_20261204_034601_media_published.up,
    down: migration_20261204_034601_media_published.down,
    name: '20261204_034601_media_published',
  },
  {
    up: migration_20261204_055107_minutes.up,
    down: migration_20261204_055107_minutes.down,
    name: '20261204_055107_minutes',
  },
  {
    up: migration_20261204_055159_redirect_rules.up,
    down: migration_20261204_055159_redirect_rules.down,
    name: '20261204_055159_redirect_rules',
  },
  {
    up: migration_20261204_055445_accounts.up,
    down: migration_20261204_055445_accounts.down,
    name: '20261204_055445_accounts',
  },
  {
    up: migration_20261204_060413_jobs_board.up,
    down: migration_20261204_060413_jobs_board.down,
    name: '20261204_060413_jobs_board',
  },
  {
    up: migration_20261204_061533_expire_jobs_task.up,
    down: migration_20261204_061533_expire_jobs_task.down,
    name: '20261204_061533_expire_jobs_task',
  },
  {
    up: migration_20261204_061552_event_timezone.up,
    down: migration_20261204_061552_event_timezone.down,
    name: '20261204_061552_event_timezone',
  },
  {
    up: migration_20261204_073201_job_submitter.up,
    down: migration_20261204_073201_job_submitter.down,
    name: '20261204_073201_job_submitter',
  },
  {
    up: migration_20261204_085217_psf_memberships.up,
    down: migration_20261204_085217_psf_memberships.down,
    name: '20261204_085217_psf_memberships',
  },
  {
    up: migration_20261204_090408_sponsorship.up,
    down: migration_20261204_090408_sponsorship.down,
    name: '20261204_090408_sponsorship',
  },
  {
    up: migration_20261204_091102_elections_nominations.up,
    down: migration_20261204_091102_elections_nominations.down,
    name: '20261204_091102_elections_nominations',
  },
  {
    up: migration_20261204_093912_sponsor_contracts.up,
    down: migration_20261204_093912_sponsor_contracts.down,
    name: '20261204_093912_sponsor_contracts',
  },
  {
    up: migration_20261204_120845_sponsorship_application_assets.up,
    down: migration_20261204_120845_sponsorship_application_assets.down,
    name: '20261204_120845_sponsorship_application_assets',
  },
  {
    up: migration_20261204_152206_rendered_markup_html.up,
    down: migration_20261204_152206_rendered_markup_html.down,
    name: '20261204_152206_rendered_markup_html'
  },
];
