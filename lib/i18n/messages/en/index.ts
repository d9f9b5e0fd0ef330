/**
 * The English catalogue, one file per namespace (the reference every other catalogue follows).
 * A new namespace is a new file here, in kk/ and in ru/, and a line in each index.
 */
import app from './app.json';
import nav from './nav.json';
import login from './login.json';
import cases from './cases.json';
import people from './people.json';
import sources from './sources.json';
import users from './users.json';
import filters from './filters.json';
import fields from './fields.json';
import form from './form.json';
import facts from './facts.json';
import dates from './dates.json';
import sentence from './sentence.json';
import history from './history.json';
import enums from './enums.json';
import errors from './errors.json';
import errorsPage from './errorsPage.json';
import deleted from './deleted.json';
import dashboard from './dashboard.json';
import dashboardView from './dashboardView.json';
import exports from './exports.json';
import imports from './imports.json';
import reports from './reports.json';
import twoFactor from './twoFactor.json';
import apiTokens from './apiTokens.json';
import audit from './audit.json';
import account from './account.json';
import calendar from './calendar.json';
import vocabulary from './vocabulary.json';
import locale from './locale.json';
import places from './places.json';
import matching from './matching.json';
import merge from './merge.json';
import evidence from './evidence.json';
import intake from './intake.json';
import lists from './lists.json';

const messages = {
  app,
  nav,
  login,
  cases,
  people,
  sources,
  users,
  filters,
  fields,
  form,
  facts,
  dates,
  sentence,
  history,
  enums,
  errors,
  errorsPage,
  deleted,
  dashboard,
  dashboardView,
  exports,
  imports,
  reports,
  twoFactor,
  apiTokens,
  audit,
  account,
  calendar,
  vocabulary,
  locale,
  places,
  matching,
  merge,
  lists,
  intake,
  evidence,
};

export default messages;
