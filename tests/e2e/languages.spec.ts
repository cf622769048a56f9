import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { stdioServerScript } from '../support/mcpServers';
import { test, expect } from './fixtures';

/** The words this spec looks for, per language (the catalogues' own, typed out independently). */
const words = {
  de: {
    name: 'Deutsch',
    settings: 'Einstellungen',
    general: 'Allgemein',
    prices: 'Preise',
    data: 'Daten',
    language: 'Sprache',
    usage: 'Nutzung',
    sidebar: 'Seitenleiste mit Unterhaltungen',
    search: 'Unterhaltungen durchsuchen',
    today: 'Heute',
    welcome: 'Willkommen bei Switchboard',
    calls: 'Aufrufe',
    compare: 'Vergleichen',
    newConversation: 'Neue Unterhaltung',
    message: 'Nachricht',
    send: 'Senden',
    parameters: 'Parameter',
    presets: 'Voreinstellungen',
    copyAnswer: 'Antwort kopieren',
    promptLibrary: 'Prompt-Bibliothek',
    chooseModel: 'Modell wählen',
    cacheWrite: 'Cache-Schreiben',
    backUpNow: 'Jetzt sichern',
    syncTitle: 'Synchronisieren über WebDAV',
    testConnection: 'Verbindung testen',
    apiKey: 'API-Schlüssel',
    byDay: 'Token pro Tag',
    run: 'Ausführen',
    addModel: 'Modell hinzufügen',
    prompt: 'Prompt zum Vergleichen',
    firstToken: 'Erstes Token',
  },
  'zh-CN': {
    name: '简体中文',
    settings: '设置',
    general: '通用',
    prices: '价格',
    data: '数据',
    language: '语言',
    usage: '用量',
    sidebar: '对话侧边栏',
    search: '搜索对话',
    today: '今天',
    welcome: '欢迎使用 Switchboard',
    calls: '调用次数',
    compare: '对比',
    newConversation: '新建对话',
    message: '消息',
    send: '发送',
    parameters: '参数',
    presets: '预设',
    copyAnswer: '复制回答',
    promptLibrary: '提示词库',
    chooseModel: '选择模型',
    cacheWrite: '缓存写入',
    backUpNow: '立即备份',
    syncTitle: '通过 WebDAV 同步',
    testConnection: '测试连接',
    apiKey: 'API 密钥',
    byDay: '每日 Token',
    run: '运行',
    addModel: '添加模型',
    prompt: '对比提示词',
    firstToken: '首个 Token',
  },
} as const;
type Language = keyof typeof words;
/** An answer's accessible name in each language (English first, before the switch). */
const assistantMessage = /^(Assistant message|Antwort des Assistenten|助手消息)$/;

async function chat(app: Page, prompt: string): Promise<void> {
  await app.getByRole('textbox', { name: 'Message' }).fill(prompt);
  await app.getByRole('textbox', { name: 'Message' }).press('Enter');
  await expect(app.getByRole('article', { name: assistantMessage }).last()).toContainText('emu-1');
}

/** Settings › General › Language, from whatever language the page is in now. */
async function chooseLanguage(app: Page, settingsName: string, generalName: string, to: string) {
  await app.getByRole('button', { name: settingsName, exact: true }).click();
  const dialog = app.getByRole('dialog', { name: settingsName });
  await dialog.getByRole('button', { name: generalName, exact: true }).click();
  await dialog.getByRole('combobox').first().selectOption({ label: to });
}

async function shoot(app: Page, path: string): Promise<void> {
  await app.screenshot({ path });
}

test('the whole interface switches to German and to Chinese at once, and stays after a reload', async ({
  app,
}, testInfo) => {
  await expect(app.getByRole('button', { name: 'Settings', exact: true })).toBeVisible();
  await chat(app, 'Hello there');
  let from: { settings: string; general: string } = { settings: 'Settings', general: 'General' };

  for (const language of Object.keys(words) as Language[]) {
    const w = words[language];
    const out = (name: string) => testInfo.outputPath(`${language}-${name}.png`);
    await chooseLanguage(app, from.settings, from.general, w.name);
    from = { settings: w.settings, general: w.general };

    // No reload: the open dialog is already in the new language.
    const dialog = app.getByRole('dialog', { name: w.settings });
    await expect(dialog.getByRole('heading', { name: w.general })).toBeVisible();
    await expect(dialog.getByRole('combobox', { name: w.language })).toHaveValue(language);
    await expect(app.locator('html')).toHaveAttribute('lang', language);
    await shoot(app, out('settings-general'));
    await dialog.getByRole('button', { name: w.prices, exact: true }).click();
    await expect(dialog.getByRole('columnheader', { name: w.cacheWrite })).toBeVisible();
    await shoot(app, out('settings-prices'));
    await dialog.getByRole('button', { name: w.data, exact: true }).click();
    await expect(dialog.getByRole('button', { name: w.backUpNow })).toBeVisible();
    await expect(dialog.getByRole('heading', { name: w.syncTitle })).toBeVisible();
    await shoot(app, out('settings-data'));
    await dialog.getByRole('navigation').getByRole('button').first().click();
    await expect(dialog.getByRole('button', { name: w.testConnection })).toBeVisible();
    await expect(dialog.getByText(w.apiKey, { exact: true })).toBeVisible();
    await shoot(app, out('settings-profile'));
    await app.keyboard.press('Escape');

    const sidebar = app.getByRole('complementary', { name: w.sidebar });
    await expect(sidebar.getByRole('searchbox', { name: w.search })).toBeVisible();
    await expect(app.getByRole('button', { name: w.newConversation, exact: true })).toBeVisible();
    await expect(sidebar).toContainText(w.today);
    await shoot(app, out('sidebar'));

    // The chat: composer, header and the answer's actions in the chosen language.
    await expect(app.getByRole('textbox', { name: w.message, exact: true })).toBeVisible();
    await expect(app.getByRole('button', { name: w.send, exact: true })).toBeVisible();
    await expect(app.getByRole('button', { name: w.parameters, exact: true })).toBeVisible();
    await expect(app.getByRole('button', { name: w.presets, exact: true })).toBeVisible();
    const latest = app.getByRole('article', { name: assistantMessage }).last();
    await latest.hover();
    await expect(latest.getByRole('button', { name: w.copyAnswer })).toBeVisible();
    await shoot(app, out('chat'));
    await app.getByRole('button', { name: w.presets, exact: true }).click();
    const presets = app.getByRole('dialog', { name: w.presets });
    await expect(presets.getByRole('heading', { name: w.promptLibrary })).toBeVisible();
    await shoot(app, out('presets'));
    await app.keyboard.press('Escape');
    await app.getByRole('button', { name: /emu-1/ }).first().click();
    await expect(app.getByRole('dialog', { name: w.chooseModel })).toBeVisible();
    await shoot(app, out('model-picker'));
    await app.keyboard.press('Escape');

    await app.getByRole('button', { name: w.usage, exact: true }).click();
    const usage = app.getByRole('dialog', { name: w.usage });
    await expect(usage.getByText(w.calls, { exact: true }).first()).toBeVisible();
    await expect(usage.getByRole('heading', { name: w.byDay })).toBeVisible();
    await shoot(app, out('usage'));
    await app.keyboard.press('Escape');

    // The inspector, in the language shown.
    const answer = app.getByRole('article', { name: assistantMessage }).last();
    await answer.hover();
    await answer.getByRole('button', { name: /^(Inspect|Untersuchen|检查)$/ }).click();
    await expect(app.getByRole('dialog', { name: /^(Inspector|Inspektor|检查器)$/ })).toBeVisible();
    await shoot(app, out('inspector'));
    await app.keyboard.press('Escape');
    await app.getByRole('button', { name: w.compare, exact: true }).click();
    const compare = app.getByRole('dialog', { name: w.compare });
    await expect(compare.getByRole('button', { name: w.run, exact: true })).toBeVisible();
    await expect(compare.getByRole('button', { name: w.addModel })).toBeVisible();
    // A run, so the columns' figures are looked at in the language too.
    await compare.getByRole('textbox', { name: w.prompt }).fill('Hello there');
    await compare.getByRole('button', { name: w.run, exact: true }).click();
    await expect(compare.getByRole('term').filter({ hasText: w.firstToken })).toHaveCount(2);
    await expect(compare.getByRole('article').first()).toContainText('emu-1');
    await shoot(app, out('compare'));
    await app.keyboard.press('Escape');
  }

  // The choice is kept: a reload opens in Chinese.
  await app.reload();
  await expect(app.getByRole('button', { name: '设置', exact: true })).toBeVisible();
  await expect(app.getByRole('complementary', { name: '对话侧边栏' })).toBeVisible();
});

/** What main says, per language: its own words from the errors catalogue, typed out independently. */
const mainWords = {
  de: {
    keyRefused:
      'Der Server hat den Schlüssel abgelehnt (HTTP 401). Prüfen Sie den API-Schlüssel dieses Profils.',
    failedAtKey: 'Fehlgeschlagen bei: Schlüssel',
    interrupted: 'Die Antwort endete vor ihrem Schluss',
    authAdvice: 'Prüfen Sie den API-Schlüssel dieses Anbieters in den Einstellungen.',
    tools: 'Werkzeuge',
    notStarted: 'Konnte nicht starten: Der Befehl wurde nicht gefunden',
  },
  'zh-CN': {
    keyRefused: '服务器拒绝了该密钥（HTTP 401）。请检查此配置的 API 密钥。',
    failedAtKey: '失败于：密钥',
    interrupted: '回答在结束前中断了',
    authAdvice: '请在设置中检查此服务商的 API 密钥。',
    tools: '工具',
    notStarted: '无法启动：找不到该命令',
  },
} as const;

test('what main says (a refused key, a cut answer) shows in German and in Chinese, a stored error too', async ({
  app,
}, testInfo) => {
  // Random hex with the emulator's refusal mark: a wrong key, as a person might paste one.
  const badKey = `sk-e2e-bad-${randomBytes(8).toString('hex')}`;
  // Two tool servers, added while the page is English: one that runs, one whose command is missing.
  await app.getByRole('button', { name: 'Settings' }).click();
  await app.getByRole('button', { name: 'Tools', exact: true }).click();
  const form = app.getByRole('form', { name: 'Add a tool server' });
  for (const [name, command, args] of [
    ['calc', process.execPath, `--import\ntsx\n${stdioServerScript}`],
    ['missing', '/nonexistent/switchboard-mcp-server', ''],
  ] as const) {
    await form.getByLabel('Name', { exact: true }).fill(name);
    await form.getByLabel('Command', { exact: true }).fill(command);
    await form.getByLabel('Arguments, one per line').fill(args);
    await form.getByRole('button', { name: 'Add server' }).click();
    const server = app.getByRole('listitem', { name: `Tool server ${name}` });
    await server.getByRole('button', { name: 'Start' }).click();
  }
  await expect(
    app.getByRole('listitem', { name: 'Tool server calc' }).getByText('ready', { exact: true }),
  ).toBeVisible({ timeout: 20_000 });
  await expect(app.getByRole('listitem', { name: 'Tool server missing' })).toContainText(
    'Could not start: The command was not found',
  );
  await app.keyboard.press('Escape');

  // An answer cut mid-stream, stored with main's code while the page is still English.
  await app.getByRole('textbox', { name: 'Message' }).fill('Cut short [tokens=40 drop=3]');
  await app.getByRole('textbox', { name: 'Message' }).press('Enter');
  // The first answer of this new conversation, whatever comes after it.
  const cut = app.getByRole('article', { name: assistantMessage }).first();
  await expect(cut.getByRole('alert')).toContainText('The answer stopped before its end');
  let from: { settings: string; general: string } = { settings: 'Settings', general: 'General' };

  for (const language of Object.keys(mainWords) as Language[]) {
    const w = words[language];
    const said = mainWords[language];
    const out = (name: string) => testInfo.outputPath(`${language}-${name}.png`);
    await chooseLanguage(app, from.settings, from.general, w.name);
    from = { settings: w.settings, general: w.general };

    // The connection test with a refused key: main's sentence in the language chosen.
    const dialog = app.getByRole('dialog', { name: w.settings });
    await dialog.getByRole('navigation').getByRole('button').first().click();
    await dialog.getByLabel(w.apiKey).fill(badKey);
    await dialog.getByRole('button', { name: w.testConnection }).click();
    const result = dialog.getByRole('status').filter({ hasText: 'HTTP 401' });
    await expect(result).toContainText(said.failedAtKey);
    await expect(result).toContainText(said.keyRefused);
    await expect(result).not.toContainText('The server refused');
    await shoot(app, out('connection-refused-key'));
    // Settings › Tools: the failed server's reason in the language, its stderr as it came.
    await dialog.getByRole('button', { name: said.tools, exact: true }).click();
    await expect(dialog.getByRole('status').filter({ hasText: 'nonexistent' })).toContainText(
      said.notStarted,
    );
    await shoot(app, out('settings-tools'));
    await app.keyboard.press('Escape');

    // The answer stored before the switch speaks the language now.
    await expect(cut.getByRole('alert')).toContainText(said.interrupted);
    await expect(cut.getByRole('alert')).not.toContainText('The answer stopped');
    // A refused call in the chat: the provider's words as it sent them, ours translated.
    await app.getByRole('textbox', { name: w.message, exact: true }).fill('Who am I [fault=401]');
    await app.getByRole('textbox', { name: w.message, exact: true }).press('Enter');
    const refused = app.getByRole('article', { name: assistantMessage }).last();
    await expect(refused.getByRole('alert')).toContainText(said.authAdvice);
    await shoot(app, out('chat-errors'));
  }
});

test.describe('first run', () => {
  test.use({
    providerEnv: async ({ emulator }, use) => {
      await use({
        OPENAI_BASE_URL: emulator.url,
        SWITCHBOARD_KEYCHAIN_SERVICE: `switchboard-e2e-languages-${process.pid}`,
        // A port nothing listens on: no local server is found.
        SWITCHBOARD_LOCAL_SERVERS: 'Nothing:1',
      });
    },
  });

  test('the welcome screen in German and in Chinese', async ({ app }, testInfo) => {
    await expect(app.getByRole('heading', { name: 'Welcome to Switchboard' })).toBeVisible();
    for (const language of Object.keys(words) as Language[]) {
      await app.evaluate(
        (choice) =>
          localStorage.setItem(
            'switchboard.generalPreferences',
            JSON.stringify({ language: choice }),
          ),
        language,
      );
      await app.reload();
      await expect(app.getByRole('heading', { name: words[language].welcome })).toBeVisible();
      await app.screenshot({ path: testInfo.outputPath(`${language}-first-run.png`) });
    }
  });
});

/**
 * Drops large PDFs made in the page (the bytes never cross from the test): a PDF's header and
 * filler, so nothing is tokenized on the way (a text file this size would be counted first).
 */
async function dropLargePdfs(app: Page, sizes: number[]): Promise<void> {
  await app
    .getByRole('textbox')
    .first()
    .evaluate((target, list) => {
      const data = new DataTransfer();
      list.forEach((size, index) => {
        const bytes = new Uint8Array(size).fill(32);
        bytes.set(new TextEncoder().encode('%PDF-1.4\n'));
        data.items.add(new File([bytes], `big-${index + 1}.pdf`, { type: 'application/pdf' }));
      });
      target.dispatchEvent(
        new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }),
      );
      target.dispatchEvent(
        new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
      );
    }, sizes);
}

test('a size main measured reads the German way: attachments over the message’s limit', async ({
  app,
}, testInfo) => {
  await chooseLanguage(app, 'Settings', 'General', words.de.name);
  await app.keyboard.press('Escape');
  // The first-run scan's find, named by main as a code: German too, the variable as it is.
  await expect(app.getByText('OPENAI_API_KEY in der Umgebung', { exact: true })).toBeVisible();
  const MB = 1024 * 1024;
  // Each under one attachment's 20 MB, together over a message's 32 MB: main refuses at send.
  await dropLargePdfs(app, [16.5 * MB, 16.25 * MB]);
  const chips = app.getByRole('list', { name: 'Anhänge' });
  await expect(chips.getByRole('listitem')).toHaveCount(2);
  // Stored by main (read, checked, kept): then the chip says how it goes to the model.
  for (const [name, size] of [
    ['big-1.pdf', '16,5 MB'],
    ['big-2.pdf', '16,3 MB'],
  ] as const)
    await expect(chips.getByRole('listitem', { name })).toContainText(`${size} · als PDF`, {
      timeout: 30_000,
    });
  const box = app.getByRole('textbox', { name: words.de.message, exact: true });
  await box.fill('Was steht darin?');
  await box.press('Enter');
  const refusal = app.getByText(/^Diese Anhänge ergeben zusammen/);
  await expect(refusal).toHaveText(
    /^Diese Anhänge ergeben zusammen 32,8\sMB; eine Nachricht kann höchstens 32\sMB tragen\.$/,
  );
  await expect(app.getByText('32.8 MB')).toHaveCount(0);
  await shoot(app, testInfo.outputPath('de-attachments-too-large.png'));
});

test('the panes the first test does not open, and a web search step, in German and Chinese', async ({
  app,
  emulator,
}, testInfo) => {
  // SearXNG on the emulator, set while the page is English; one chat searches through it.
  await app.getByRole('button', { name: 'Settings', exact: true }).click();
  const english = app.getByRole('dialog', { name: 'Settings' });
  await english.getByRole('button', { name: 'Web search' }).click();
  await english.getByRole('combobox', { name: 'Search provider' }).selectOption('searxng');
  await english.getByRole('textbox', { name: 'Instance URL' }).fill(`${emulator.origin}/searxng`);
  await english.getByRole('button', { name: 'Test' }).click();
  await expect(english.getByRole('status')).toHaveText('SearXNG answered with 3 results.');
  await app.keyboard.press('Escape');
  const panel = app.getByRole('complementary', { name: 'Chat settings' });
  if (!(await panel.isVisible())) await app.getByRole('button', { name: /^Parameters/ }).click();
  await panel.getByRole('checkbox', { name: 'Web search' }).check();
  await app
    .getByRole('textbox', { name: 'Message' })
    .fill('Who makes it? [tool=web_search tool_args={"query":"switchboard-client"}]');
  await app.getByRole('textbox', { name: 'Message' }).press('Enter');
  const answer = app.getByRole('log').getByRole('article', { name: assistantMessage }).last();
  await expect(answer).toContainText('Tool said: SearXNG results for');

  const headings = {
    de: {
      step: '3 Seiten von SearXNG zu „switchboard-client“',
      panes: ['Websuche', 'Wissen', 'Werkzeuge'],
    },
    'zh-CN': {
      step: 'SearXNG 为“switchboard-client”找到 3 个页面',
      panes: ['网络搜索', '知识库', '工具'],
    },
  } as const;
  let from: { settings: string; general: string } = { settings: 'Settings', general: 'General' };
  for (const language of Object.keys(headings) as Language[]) {
    const w = words[language];
    const out = (name: string) => testInfo.outputPath(`${language}-${name}.png`);
    await chooseLanguage(app, from.settings, from.general, w.name);
    from = { settings: w.settings, general: w.general };
    const dialog = app.getByRole('dialog', { name: w.settings });
    for (const [index, pane] of headings[language].panes.entries()) {
      await dialog.getByRole('button', { name: pane, exact: true }).click();
      await expect(dialog.getByRole('heading', { name: pane })).toBeVisible();
      await shoot(app, out(`pane-${index}`));
    }
    await app.keyboard.press('Escape');
    // The search step: the pages under a heading in the language, the model's text folded.
    const step = answer.locator('details.tool-step');
    if (!(await step.evaluate((details) => (details as HTMLDetailsElement).open)))
      await step.locator('summary').first().click();
    await expect(step).toContainText(headings[language].step);
    await step.screenshot({ path: out('search-step') });
  }
});
