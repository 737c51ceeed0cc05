#!/usr/bin/env node
// Types a message into the Microsoft 365 Agents Playground's web UI in headless Chromium and waits for the bot's reply.
//
//   node tests/playground/chat-in-browser.mjs <playgroundUrl> <message> <expectedReplyText> <screenshot.png>
//        [--chat "Personal Chat"] [--timeout-ms 60000]  (the whole run: Chromium, page load, reply) [--chromium /usr/bin/chromium]
//
// Opens the page (which itself installs the bot in the personal chat: the bot gets installationUpdate and
// conversationUpdate), opens the chat named by --chat in the left list, types the message into the compose box and
// presses Enter, then waits until a bot message (left side of the chat pane) containing expectedReplyText appears that
// was not there before. Saves a screenshot (also on failure, when it can) and exits 0, or prints why and exits 1
// (2 for bad arguments). Uses a fresh Chromium profile, deleted afterwards. Only loopback URLs are allowed.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function usage(message) {
  console.error(`chat-in-browser: ${message}`);
  console.error('usage: node chat-in-browser.mjs <playgroundUrl> <message> <expectedReplyText> <screenshot.png> ' +
    '[--chat NAME] [--timeout-ms N] [--chromium PATH]');
  process.exit(2);
}

const positional = [];
const options = { chat: 'Personal Chat', timeoutMs: 60000, chromium: process.env.CHROMIUM_PATH || '/usr/bin/chromium' };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const arg = argv[i];
  if (arg === '--chat') options.chat = argv[++i];
  else if (arg === '--timeout-ms') options.timeoutMs = Number(argv[++i]);
  else if (arg === '--chromium') options.chromium = argv[++i];
  else if (arg.startsWith('--')) usage(`unknown option ${arg}`);
  else positional.push(arg);
}
if (positional.length !== 4) usage('expected 4 arguments');
const [url, message, expected, screenshotPath] = positional;
if (!message.trim()) usage('the message is empty');
if (!expected) usage('the expected reply text is empty');
if (!Number.isFinite(options.timeoutMs) || options.timeoutMs <= 0) usage('--timeout-ms must be a positive number');
let parsedUrl;
try { parsedUrl = new URL(url); } catch { usage(`not a URL: ${url}`); }
if (!['127.0.0.1', 'localhost', '[::1]'].includes(parsedUrl.hostname)) usage(`only loopback Playground URLs are allowed: ${url}`);
if (!fs.existsSync(options.chromium)) {
  console.error(`chat-in-browser: Chromium not found at ${options.chromium} (apt-get install -y chromium, or pass --chromium).`);
  process.exit(1);
}

const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'playground-chromium-'));
let context;
let page;
let step = 'starting Chromium';
const started = Date.now();
const remaining = () => Math.max(1000, options.timeoutMs - (Date.now() - started));

// In the page: bot messages are the elements on the left half of the chat pane (the column holding the compose box);
// the user's own messages are on the right, the chat list and the log panel are outside the pane.
function countBotMatches([expectedText]) {
  const box = document.querySelector('[data-lexical-editor="true"][role="textbox"]');
  if (!box) return -1;
  let pane = box;
  while (pane.parentElement && pane.getBoundingClientRect().height < window.innerHeight * 0.6) pane = pane.parentElement;
  const paneRect = pane.getBoundingClientRect();
  const middle = paneRect.left + paneRect.width / 2;
  let count = 0;
  const walker = document.createTreeWalker(pane, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.includes(expectedText) || box.contains(node)) continue;
    const rect = node.parentElement.getBoundingClientRect();
    if (rect.width > 0 && rect.left < middle) count++;
  }
  return count;
}

try {
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: options.chromium,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 900 },
    timeout: remaining(),
  });
  page = context.pages()[0] ?? await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));

  step = `opening ${url}`;
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: remaining() });

  step = 'waiting for the chat UI (compose box)';
  const compose = page.locator('[data-lexical-editor="true"][role="textbox"]');
  await compose.waitFor({ state: 'visible', timeout: remaining() });

  step = `opening the chat "${options.chat}"`;
  await page.getByText(options.chat, { exact: true }).first().click({ timeout: remaining() });
  await compose.waitFor({ state: 'visible', timeout: remaining() });

  const before = await page.evaluate(countBotMatches, [expected]);

  // On a busy machine the editor can take keys before it is ready (the text is lost) or ignore an Enter (the text stays):
  // type until the box holds the message, press Enter until the box lets it go. Each check waits on the page's state.
  const composeHolds = async (text) => (await compose.innerText({ timeout: remaining() }).catch(() => '')).includes(text);
  step = 'typing the message';
  for (let tries = 1; !(await composeHolds(message)); tries++) {
    if (tries > 3) throw new Error('the compose box did not take the typed text');
    await compose.click({ timeout: remaining() });
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.type(message);
  }
  step = 'sending the message';
  for (let tries = 1; ; tries++) {
    await page.keyboard.press('Enter');
    const waitUntil = Date.now() + 10000;
    while (await composeHolds(message) && Date.now() < waitUntil) await page.waitForTimeout(100);
    if (!(await composeHolds(message))) break;
    if (tries >= 3) throw new Error('the compose box kept the message after Enter three times: the page did not send it');
  }

  step = `waiting for a bot reply containing ${JSON.stringify(expected)}`;
  const deadline = started + options.timeoutMs;
  let now = before;
  while ((now = await page.evaluate(countBotMatches, [expected])) <= before) {
    if (Date.now() > deadline) {
      throw new Error(`no bot reply containing ${JSON.stringify(expected)} within ${options.timeoutMs} ms ` +
        `(bot messages with it before sending: ${before}, now: ${now})` + (pageErrors.length ? `; page errors: ${pageErrors.join(' | ')}` : ''));
    }
    await page.waitForTimeout(100);
  }

  step = 'saving the screenshot';
  await page.waitForTimeout(300); // let the bubble finish rendering
  fs.mkdirSync(path.dirname(path.resolve(screenshotPath)), { recursive: true });
  await page.screenshot({ path: screenshotPath });
  console.log(`chat-in-browser: the bot replied with ${JSON.stringify(expected)}; screenshot ${screenshotPath}`);
  await context.close();
  context = undefined;
  process.exitCode = 0;
} catch (error) {
  console.error(`chat-in-browser: failed while ${step}: ${error?.message ?? error}`);
  if (page) {
    try {
      fs.mkdirSync(path.dirname(path.resolve(screenshotPath)), { recursive: true });
      await page.screenshot({ path: screenshotPath, timeout: 5000 });
      console.error(`chat-in-browser: screenshot of the failure in ${screenshotPath}`);
    } catch { /* no screenshot */ }
  }
  process.exitCode = 1;
} finally {
  if (context) await context.close().catch(() => {});
  fs.rmSync(userDataDir, { recursive: true, force: true });
}
