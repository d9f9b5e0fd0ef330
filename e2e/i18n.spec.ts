/**
 * The core flows in Kazakh and in Russian, chosen by the browser's Accept-Language and by the
 * header's switcher: sign in, record a detention through the form, the dashboard, an export; and on
 * /cases and /dashboard no English interface text left (data, such as names, may stay as entered).
 * Labels are read from the catalogues, so the spec follows the translators' wording.
 */
import type { Browser, Page } from '@playwright/test';
import en from '../lib/i18n/messages/en/index';
import kk from '../lib/i18n/messages/kk/index';
import ru from '../lib/i18n/messages/ru/index';
import { addUser, expect, test, uniqueName, USERS } from './fixtures';

type Tree = { [key: string]: string | Tree };
const CATALOGUES = { en, kk, ru } as unknown as Record<'en' | 'kk' | 'ru', Tree>;
type Lang = 'kk' | 'ru';

function flatten(tree: Tree, prefix = '', out = new Map<string, string>()) {
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else flatten(value, `${prefix}${key}.`, out);
  }
  return out;
}
const FLAT = { en: flatten(CATALOGUES.en), kk: flatten(CATALOGUES.kk), ru: flatten(CATALOGUES.ru) };

/** A catalogue message with no placeholders, as the page shows it. */
function msg(lang: 'en' | Lang, key: string): string {
  const value = FLAT[lang].get(key);
  if (value === undefined) throw new Error(`no ${lang} message ${key}`);
  return value;
}

/**
 * English interface text that a kk/ru page must not show: each English message whose translation
 * differs (so "CSV" is not counted), cut at its placeholders into plain fragments. A whole text node
 * or attribute equal to a fragment counts, and so does a longer fragment (four words or more)
 * anywhere in the text.
 */
function englishFragments(lang: Lang) {
  const whole = new Set<string>();
  const long = new Set<string>();
  for (const [key, english] of FLAT.en) {
    if (FLAT[lang].get(key) === english) continue;
    for (const fragment of english.split(/\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}|<\/?\w+>/)) {
      const text = fragment.replace(/\s+/g, ' ').trim().replace(/^[\s,.;:()·—–-]+|[\s,.;:()·—–-]+$/g, '');
      if (text.length < 3 || !/[A-Za-z]{3}/.test(text)) continue;
      if (text === english.trim()) whole.add(text);
      if (text.split(' ').length >= 4) long.add(text);
    }
  }
  return { whole, long };
}

/** The page's visible text nodes (options of visible selects too) and its title/aria-label/placeholder attributes. */
async function pageTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('script, style, [data-i18n-data]')) continue;
      const select = parent.closest('select');
      const visible = select ? select.checkVisibility() : parent.checkVisibility();
      const text = node.textContent?.replace(/\s+/g, ' ').trim();
      if (visible && text) out.push(text);
    }
    for (const el of document.querySelectorAll('[title], [aria-label], [placeholder]')) {
      if (el.closest('[data-i18n-data]')) continue;
      for (const name of ['title', 'aria-label', 'placeholder']) {
        const value = el.getAttribute(name)?.trim();
        if (value) out.push(value);
      }
    }
    return out;
  });
}

async function findEnglish(page: Page, lang: Lang): Promise<string[]> {
  const { whole, long } = englishFragments(lang);
  const texts = await pageTexts(page);
  const joined = texts.join('\n');
  const found = new Set<string>();
  for (const text of texts) if (whole.has(text)) found.add(text);
  for (const fragment of long) if (joined.includes(fragment)) found.add(fragment);
  return [...found];
}

async function expectNoEnglish(page: Page, lang: Lang) {
  expect(await findEnglish(page, lang), `English interface text on ${page.url()} in ${lang}`).toEqual([]);
}

async function signInAs(page: Page, lang: Lang, credentials: { email: string; password: string }) {
  await page.goto('/login');
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await page.getByLabel(msg(lang, 'login.email')).fill(credentials.email);
  await page.getByLabel(msg(lang, 'login.password')).fill(credentials.password);
  await page.getByRole('button', { name: msg(lang, 'login.submit') }).click();
  await expect(page).toHaveURL(/\/cases$/);
}

/** Records a detention with the fewest fields the form needs, by the labels in `lang`. */
async function recordDetention(page: Page, lang: Lang, name: string) {
  await page.goto('/cases/new');
  await expect(page.getByRole('heading', { name: msg(lang, 'cases.newTitle') })).toBeVisible();
  await page.getByLabel(msg(lang, 'fields.activist'), { exact: true }).fill(name);
  // The city combobox finds a place by any spelling: typed in the reader's script here.
  await page.getByRole('combobox', { name: msg(lang, 'fields.city'), exact: true }).fill('Алматы');
  await page.getByRole('listbox', { name: msg(lang, 'places.listLabel') }).getByRole('option').first().click();
  const detained = page.getByRole('group', { name: msg(lang, 'fields.detainedOn'), exact: true });
  await detained.getByLabel(msg(lang, 'form.dateOn'), { exact: true }).fill('2021-01-09');
  await page.getByLabel(msg(lang, 'fields.sourceUrl'), { exact: true }).first().fill(`https://news.example.org/${lang}-${Date.now()}`);
  await page.getByLabel(msg(lang, 'fields.sourceTitle'), { exact: true }).first().fill(`Report ${name}`);
  await page.getByRole('button', { name: msg(lang, 'form.save') }).click();
  await expect(page).toHaveURL(/\/cases\/\d+$/);
  await expect(page.getByText(name).first()).toBeVisible();
}

/** The list, the dashboard and a CSV export, in `lang`, with no English interface text left. */
async function checkCoreFlows(page: Page, lang: Lang, name: string) {
  await recordDetention(page, lang, name);
  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { level: 1, name: msg(lang, 'dashboard.title') })).toBeVisible();
  await expectNoEnglish(page, lang);

  await page.goto(`/cases?q=${encodeURIComponent(name)}`);
  await expect(page.getByRole('heading', { level: 1, name: msg(lang, 'cases.title') })).toBeVisible();
  await expect(page.getByRole('link', { name })).toBeVisible();
  await expectNoEnglish(page, lang);
  await page.goto('/cases');
  await expectNoEnglish(page, lang);

  // Exports keep their stable English column names, whatever the reader's language.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: msg(lang, 'exports.csv'), exact: true }).click()]);
  const { readFile } = await import('node:fs/promises');
  const text = (await readFile((await download.path())!)).toString('utf8');
  expect(text.slice(1)).toMatch(/^id,link,activist,/);
}

/** Picks a language in one of the switchers and waits for the server action's answer. */
async function chooseLanguage(page: Page, selectId: 'header-locale' | 'account-locale', value: Lang | 'en' | 'browser') {
  const select = page.locator(`#${selectId}`);
  await select.selectOption(value);
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.status() < 400),
    page.locator('form.locale-switcher', { has: select }).getByRole('button').click(),
  ]);
}

async function newPage(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}) {
  const context = await browser.newContext(options);
  return context.newPage();
}

for (const [lang, acceptLanguage] of [['kk', 'kk-KZ,kk;q=0.9,ru;q=0.8'], ['ru', 'ru-RU,ru;q=0.9,en;q=0.5']] as const) {
  test.describe(`in ${lang}`, () => {
    test(`chosen by Accept-Language (${acceptLanguage}): sign in, record, dashboard, export`, async ({ browser }) => {
      const page = await newPage(browser, { locale: lang === 'ru' ? 'ru-RU' : 'kk-KZ', extraHTTPHeaders: { 'Accept-Language': acceptLanguage } });
      await signInAs(page, lang, USERS.monitor);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await checkCoreFlows(page, lang, uniqueName(`Тестов ${lang}`));
      await page.context().close();
    });

    test('chosen by the switcher, signed out and then on the account', async ({ browser, adminPage }) => {
      const user = { email: `${uniqueName('i18n').replace(/\W+/g, '-')}@example.org`.toLowerCase(), name: uniqueName('Switcher'), role: 'Monitor' as const, password: 'a long i18n test password' };
      await addUser(adminPage, user);

      // Signed out, in an English browser: the switcher sets the cookie, /login follows it.
      const page = await newPage(browser);
      await page.goto('/login');
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(page.getByLabel(msg('en', 'locale.label'))).toBeVisible();
      await chooseLanguage(page, 'header-locale', lang);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await signInAs(page, lang, user);
      await checkCoreFlows(page, lang, uniqueName(`Ауыстыру ${lang}`));

      // Signed in, the choice is saved on the account: a fresh English browser signs in to it.
      await page.goto('/account');
      await expect(page.locator('#account-locale')).toHaveValue('browser');
      await chooseLanguage(page, 'account-locale', lang);
      await page.reload();
      await expect(page.locator('#account-locale')).toHaveValue(lang);
      const elsewhere = await newPage(browser);
      await elsewhere.goto('/login');
      await elsewhere.getByLabel(msg('en', 'login.email')).fill(user.email);
      await elsewhere.getByLabel(msg('en', 'login.password')).fill(user.password);
      await elsewhere.getByRole('button', { name: msg('en', 'login.submit') }).click();
      await expect(elsewhere).toHaveURL(/\/cases$/);
      await expect(elsewhere.locator('html')).toHaveAttribute('lang', lang);

      // "Follow my browser" clears it: back to English in the English browser.
      await chooseLanguage(elsewhere, 'header-locale', 'browser');
      await elsewhere.reload();
      await expect(elsewhere.locator('html')).toHaveAttribute('lang', 'en');
      await expect(elsewhere.getByRole('heading', { level: 1, name: msg('en', 'cases.title') })).toBeVisible();
      await elsewhere.context().close();
      await page.context().close();
    });
  });
}

test('the English finder finds English: an English page fails the check', async ({ researcherPage: page }) => {
  await page.goto('/cases');
  const found = await findEnglish(page, 'ru');
  expect(found).toContain(msg('en', 'cases.title'));
  expect(found).toContain(msg('en', 'nav.dashboard'));
});

test('an unknown language and a malformed Accept-Language fall back to English', async ({ browser }) => {
  for (const header of ['de-DE,de;q=0.9', 'x-$$$;q=abc, ;;']) {
    const page = await newPage(browser, { extraHTTPHeaders: { 'Accept-Language': header } });
    const response = await page.goto('/login');
    expect(response?.status()).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.context().close();
  }
});

test('the switcher refuses anything but the offered languages', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto('/login');
  const select = page.getByLabel(msg('en', 'locale.label'));
  await select.evaluate((el) => {
    const option = document.createElement('option');
    option.value = 'de';
    option.textContent = 'Deutsch';
    el.appendChild(option);
  });
  await select.selectOption('de');
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.getByRole('button', { name: msg('en', 'locale.apply') }).click(),
  ]);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect((await page.context().cookies()).find((c) => c.name === 'locale')).toBeUndefined();
  await page.context().close();
});
