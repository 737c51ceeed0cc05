// Renders Adaptive Cards to PNG with Microsoft's adaptivecards library in headless Chromium.
//
//   node tests/cards/render.mjs <folder of *.json cards> [output folder]
//
// Each <name>.json becomes <name>.png (next to it, or in the output folder). The page is built locally from the
// library's dist files, markdown-it (Teams applies markdown to TextBlocks) and a Teams-like host config; every network
// request is refused. Prints a JSON array on stdout: [{ name, png, width, height, text, expandedPng, expandedText,
// errors }], where text is the rendered card's visible text (what a user would read) and errors lists render failures
// and page errors. Cards with ShowCard/ToggleVisibility actions are also shot after pressing each of those once:
// <name>.expanded.png and expandedText (both null otherwise).
// Exit code 1 if Chromium cannot start or a card could not be rendered, 2 on bad arguments.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const cardWidth = 500;

const [inputDir, outputArg] = process.argv.slice(2);
if (!inputDir) {
  process.stderr.write("usage: node tests/cards/render.mjs <cards folder> [output folder]\n");
  process.exit(2);
}
const outputDir = resolve(outputArg ?? inputDir);
mkdirSync(outputDir, { recursive: true });

if (!existsSync(chromiumPath)) {
  process.stderr.write(`render.mjs: no Chromium at ${chromiumPath}; install it with: apt-get install -y chromium\n`);
  process.exit(1);
}

const { chromium } = require("playwright-core");
const adaptiveCardsJs = require.resolve("adaptivecards/dist/adaptivecards.js");
const adaptiveCardsCss = join(dirname(adaptiveCardsJs), "adaptivecards.css");
const markdownItJs = join(dirname(require.resolve("markdown-it")), "browser", "markdown-it.umd.min.js");
const hostConfig = JSON.parse(readFileSync(join(here, "teams-host-config.json"), "utf8"));

const files = readdirSync(inputDir).filter(f => f.endsWith(".json")).sort();
const profile = mkdtempSync(join(tmpdir(), "cards-chromium-"));
let context;
const results = [];
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: cardWidth + 40, height: 1600 },
    deviceScaleFactor: 1,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
  // Nothing leaves the machine: image URLs and font CDNs simply fail.
  await context.route("**/*", route => route.abort());
  const page = context.pages()[0] ?? await context.newPage();
  const pageErrors = [];
  page.on("pageerror", e => pageErrors.push(String(e)));

  await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>
      body { margin: 0; padding: 20px; background: #EBEBEB; font-family: ${hostConfig.fontFamily}; }
      #host { width: ${cardWidth}px; background: #FFFFFF; border-radius: 4px; box-shadow: 0 1px 2px rgba(0,0,0,.14); }
    </style></head><body><div id="host"></div></body></html>`);
  await page.addStyleTag({ path: adaptiveCardsCss });
  await page.addScriptTag({ path: markdownItJs });
  await page.addScriptTag({ path: adaptiveCardsJs });

  for (const file of files) {
    const name = basename(file, ".json");
    const png = join(outputDir, `${name}.png`);
    pageErrors.length = 0;
    const errors = [];
    let rendered = { ok: false, text: "" };
    try {
      const json = JSON.parse(readFileSync(join(inputDir, file), "utf8"));
      rendered = await page.evaluate(([cardJson, config]) => {
        const AC = window.AdaptiveCards;
        const host = document.getElementById("host");
        host.replaceChildren();
        const card = new AC.AdaptiveCard();
        card.hostConfig = new AC.HostConfig(config);
        card.parse(cardJson);
        const element = card.render();
        if (!element) return { ok: false, text: "", error: "card.render() returned nothing" };
        host.appendChild(element);
        window.renderedCard = card;
        return { ok: true, text: host.innerText };
      }, [json, hostConfig]);
      if (rendered.ok) {
        await page.locator("#host").screenshot({ path: png });
        rendered.box = await page.locator("#host").boundingBox();
        // Press every ShowCard/ToggleVisibility button once, as a user exploring the card would.
        const expandedText = await page.evaluate(() => {
          // getAllActions() lists an ActionSet's actions twice; a second press would undo the first.
          const buttons = new Set(window.renderedCard.getAllActions()
            .filter(a => ["Action.ShowCard", "Action.ToggleVisibility"].includes(a.getJsonTypeName()))
            .map(a => a.renderedElement)
            .filter(Boolean));
          if (buttons.size === 0) return null;
          for (const button of buttons) button.click();
          return document.getElementById("host").innerText;
        });
        if (expandedText !== null) {
          rendered.expandedPng = join(outputDir, `${name}.expanded.png`);
          rendered.expandedText = expandedText;
          await page.locator("#host").screenshot({ path: rendered.expandedPng });
        }
      } else {
        errors.push(rendered.error);
      }
    } catch (e) {
      errors.push(String(e.message ?? e));
    }
    errors.push(...pageErrors);
    const box = rendered.box;
    results.push({
      name, png: rendered.ok ? png : null, width: box?.width ?? 0, height: box?.height ?? 0, text: rendered.text,
      expandedPng: rendered.expandedPng ?? null, expandedText: rendered.expandedText ?? null, errors,
    });
  }
} catch (e) {
  process.stderr.write(`render.mjs: ${e.message ?? e}\n`);
  process.exitCode = 1;
} finally {
  await context?.close();
  rmSync(profile, { recursive: true, force: true });
}
process.stdout.write(JSON.stringify(results) + "\n");
if (results.some(r => r.errors.length > 0)) process.exitCode = 1;
