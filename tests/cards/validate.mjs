// Validates Adaptive Cards with Microsoft's own renderer library (npm adaptivecards), as Teams would see them.
//
//   node tests/cards/validate.mjs [cards.json]      (or the JSON on stdin)
//
// Input: a JSON array of cards (a single card object is accepted too). Output on stdout: a JSON array
// [{ "index": 0, "errors": ["UnknownElementType: …", …] }, …], one entry per card, exit code 0; the caller decides.
// Exit code 2 only when the input itself cannot be read or is not JSON.
//
// Reported per card:
//  - parse events from a SerializationContext targeting 1.5 (unknown element/action types, invalid values);
//  - card.validateProperties() events (duplicate ids, empty choice sets, missing required properties …);
//  - a declared version above 1.5, or none at all (Teams renders up to 1.5);
//  - Teams rules the library does not know: Action.Execute/refresh need version 1.4+, refresh.userIds holds at most
//    60 ids, ToggleVisibility targets must exist, and a card above 80 KB of JSON is refused (messages are capped at
//    ~100 KB, and the project keeps a margin);
//  - property names the library's schema for that object does not have (a casing slip such as "IsVisible"), and
//    known properties it dropped when re-serializing the parsed card (values it could not use);
//  - a "fallback" that is neither "drop" nor an element or action (the library parses fallbacks but never writes them
//    back, so they are checked on their own);
//  - Teams-only chart elements (Chart.Donut, Chart.HorizontalBar.Stacked), which the library does not know: each needs
//    an element as its fallback (what the library, and every client without charts, shows instead; "drop" would lose
//    what the chart says), and its properties, data points and colors are checked against Teams' documented shapes.
//    Only then is the library's UnknownElementType for it not reported; any other unknown type still is.
//    Host extensions ("msteams", "$schema") are exempt.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
// The package's lib/ entry does not load in Node 20; the webpack bundle does.
const AC = require("adaptivecards/dist/adaptivecards.js");

// The library checks "lang" with a /g regex and exec(): its lastIndex carries over, so every second card with a
// valid "lang" in one run was reported invalid. The same pattern without the global flag checks what it means to.
{
  const lang = AC.CardElement.langProperty;
  if (lang?.regEx?.global) lang.regEx = new RegExp(lang.regEx.source, lang.regEx.flags.replace("g", ""));
}

const teamsMaxVersion = AC.Versions.v1_5;
const universalActionsVersion = AC.Versions.v1_4;
const maxRefreshUserIds = 60;
const maxCardBytes = 80 * 1024;
const hostExtensions = new Set(["msteams", "$schema"]);

// Teams-only elements, with the properties Teams documents for them ("charts in Adaptive Cards", learn.microsoft.com).
const chartElementNames = ["type", "id", "spacing", "separator", "isVisible", "height", "horizontalAlignment", "lang",
  "requires", "fallback", "targetWidth", "grid.area", "title", "colorSet", "data"];
const teamsOnlyElements = new Map([
  ["Chart.Donut", { names: new Set(chartElementNames), point: "slice" }],
  ["Chart.HorizontalBar.Stacked", { names: new Set([...chartElementNames, "color", "xAxisTitle", "yAxisTitle"]), point: "bar" }],
]);
const chartPointNames = new Set(["legend", "value", "color"]);
const chartBarNames = new Set(["title", "data"]);
const chartColorSets = new Set(["categorical", "sequential", "diverging"]);
const chartColors = new Set(["good", "warning", "attention", "neutral",
  ...["Red", "Purple", "Lavender", "Blue", "LightBlue", "Teal", "Green", "Lime", "Marigold"].map(c => `categorical${c}`),
  ...[1, 2, 3, 4, 5, 6, 7, 8].map(i => `sequential${i}`),
  ...["Blue", "LightBlue", "Cyan", "Teal", "Yellow", "Peach", "LightRed", "Red", "Maroon", "Gray"].map(c => `diverging${c}`)]);

function readInput() {
  const path = process.argv[2];
  return readFileSync(path && path !== "-" ? path : 0, "utf8");
}

function eventName(event) {
  return AC.ValidationEvent[event] ?? String(event);
}

function versionErrors(json) {
  if (typeof json.version !== "string") return ["MissingCardVersion: the card declares no \"version\""];
  const version = AC.Version.parse(json.version, new AC.SerializationContext());
  if (!version || !version.isValid) return [`InvalidCardVersion: "${json.version}" is not a version`];
  return version.compareTo(teamsMaxVersion) > 0
    ? [`UnsupportedCardVersion: version ${json.version} is above ${teamsMaxVersion.toString()}, the highest Teams renders`]
    : [];
}

// Every object in the card JSON, depth first.
function* objects(node) {
  if (Array.isArray(node)) {
    for (const item of node) yield* objects(item);
  } else if (node !== null && typeof node === "object") {
    yield node;
    for (const value of Object.values(node)) yield* objects(value);
  }
}

function teamsErrors(json) {
  const errors = [];
  const bytes = Buffer.byteLength(JSON.stringify(json), "utf8");
  if (bytes > maxCardBytes) errors.push(`CardTooLarge: ${bytes} bytes of JSON, more than ${maxCardBytes}`);

  const all = [...objects(json)];
  const version = typeof json.version === "string" ? AC.Version.parse(json.version, new AC.SerializationContext()) : undefined;
  const usesUniversalActions = json.refresh !== undefined || all.some(o => o.type === "Action.Execute");
  if (usesUniversalActions && version?.isValid && version.compareTo(universalActionsVersion) < 0) {
    errors.push(`UniversalActionsNeedVersion: Action.Execute/refresh need version ${universalActionsVersion.toString()}+, the card declares ${json.version} (Teams would not render them)`);
  }

  const userIds = json.refresh?.userIds;
  if (Array.isArray(userIds) && userIds.length > maxRefreshUserIds) {
    errors.push(`TooManyRefreshUserIds: refresh.userIds has ${userIds.length} ids; Teams honours at most ${maxRefreshUserIds}`);
  }

  const ids = new Set(all.map(o => o.id).filter(id => typeof id === "string"));
  for (const toggle of all.filter(o => o.type === "Action.ToggleVisibility")) {
    for (const target of toggle.targetElements ?? []) {
      const id = typeof target === "string" ? target : target?.elementId;
      if (!ids.has(id)) errors.push(`UnknownTargetElement: Action.ToggleVisibility targets "${id}", which no element has as id`);
    }
  }
  return errors;
}

// Known property names per "type", read from the library's own object schemas.
const typedClasses = new Map([
  ["AdaptiveCard", AC.AdaptiveCard], ["Column", AC.Column], ["TableRow", AC.TableRow], ["TableCell", AC.TableCell],
  ["TextRun", AC.TextRun],
]);
for (const registry of [AC.GlobalRegistry.elements, AC.GlobalRegistry.actions]) {
  for (let i = 0; i < registry.getItemCount(); i++) {
    const item = registry.getItemAt(i);
    typedClasses.set(item.typeName, item.objectType);
  }
}
const untypedClasses = [AC.Fact, AC.Choice, AC.TableColumnDefinition, AC.RefreshDefinition, AC.Authentication,
  AC.TokenExchangeResource, AC.AuthCardButton, AC.BackgroundImage, AC.ChoiceSetInputDataQuery].filter(Boolean);

function schemaNames(objectType) {
  const schema = new objectType().getSchema();
  // Child collections are parsed by hand-written code, outside the property schemas.
  const names = new Set(["type", "fallback", "requires", "body", "actions", "items", "columns", "rows", "cells", "inlines", "card"]);
  for (let i = 0; i < schema.getCount(); i++) names.add(schema.getItemAt(i).name);
  return names;
}
const namesByType = new Map([...typedClasses].map(([name, type]) => [name, schemaNames(type)]));
// Objects without a "type" (facts, choices, table column definitions, refresh, targetElements entries …).
const untypedNames = new Set([...untypedClasses.flatMap(t => [...schemaNames(t)]), "elementId", "isVisible"]);

// Flags properties the library does not know for that object (a casing slip such as "IsVisible"), and known ones it
// dropped when re-serializing what it parsed (a value it could not use).
function checkProperties(original, roundTripped, path, errors) {
  if (Array.isArray(original)) {
    original.forEach((item, i) => checkProperties(item, Array.isArray(roundTripped) ? roundTripped[i] : undefined, `${path}[${i}]`, errors));
    return;
  }
  if (original === null || typeof original !== "object") return;
  if (teamsOnlyElements.has(original.type)) {
    checkTeamsOnlyElement(original, roundTripped, path, errors);
    return;
  }
  const known = namesByType.get(original.type) ?? untypedNames;
  const kept = roundTripped !== null && typeof roundTripped === "object" ? roundTripped : undefined;
  for (const [key, value] of Object.entries(original)) {
    if (hostExtensions.has(key)) continue;
    if (!known.has(key)) {
      errors.push(`UnknownProperty: ${path}.${key} is not a property of ${original.type ?? "this object"}`);
      continue;
    }
    // Action data is free-form JSON; the version is checked above (the library drops it on nested ShowCard cards).
    if (key === "data" || key === "version") continue;
    // The library parses a fallback but never writes it back, so the round trip cannot speak for it: check its shape.
    if (key === "fallback") {
      checkFallback(value, `${path}.${key}`, errors);
      continue;
    }
    if (kept && !(key in kept) && !isSchemaDefault(key, value)) {
      errors.push(`DroppedProperty: ${path}.${key} = ${JSON.stringify(value)} was ignored by the renderer (unusable value)`);
      // A list dropped whole (a body of one chart without fallback): its items still say why.
      if (Array.isArray(value)) checkProperties(value, undefined, `${path}.${key}`, errors);
      continue;
    }
    checkProperties(value, kept?.[key], `${path}.${key}`, errors);
  }
}

// A Teams chart: its own shape is checked here; the library replaced it with its fallback, so what it kept at this
// place is the fallback's round trip.
function checkTeamsOnlyElement(chart, roundTripped, path, errors) {
  const { names, point } = teamsOnlyElements.get(chart.type);
  for (const key of Object.keys(chart)) {
    if (!names.has(key) && !hostExtensions.has(key)) errors.push(`UnknownProperty: ${path}.${key} is not a property of ${chart.type}`);
  }
  if (chart.colorSet !== undefined && !chartColorSets.has(chart.colorSet)) {
    errors.push(`InvalidChartColorSet: ${path}.colorSet = ${JSON.stringify(chart.colorSet)} is not one of ${[...chartColorSets].join(", ")}`);
  }
  if (chart.color !== undefined) checkChartColor(chart.color, `${path}.color`, errors);
  if (!Array.isArray(chart.data)) {
    errors.push(`MissingChartData: ${path}.data must be an array`);
  } else if (point === "slice") {
    chart.data.forEach((p, i) => checkChartPoint(p, `${path}.data[${i}]`, errors));
  } else {
    chart.data.forEach((bar, i) => {
      const barPath = `${path}.data[${i}]`;
      if (bar === null || typeof bar !== "object" || !Array.isArray(bar.data)) {
        errors.push(`InvalidChartBar: ${barPath} must be {"title", "data": [...]}`);
        return;
      }
      for (const key of Object.keys(bar)) if (!chartBarNames.has(key)) errors.push(`UnknownProperty: ${barPath}.${key} is not a property of a bar`);
      bar.data.forEach((p, j) => checkChartPoint(p, `${barPath}.data[${j}]`, errors));
    });
  }
  if (chart.fallback === null || typeof chart.fallback !== "object") {
    errors.push(`ChartWithoutFallback: ${path} (${chart.type}) has no element as its fallback; clients without charts would show ${chart.fallback === "drop" ? "nothing" : "nothing, or refuse the card"}`);
    return;
  }
  checkFallback(chart.fallback, `${path}.fallback`, errors, roundTripped);
}

function checkChartPoint(p, path, errors) {
  if (p === null || typeof p !== "object") {
    errors.push(`InvalidChartPoint: ${path} must be {"legend", "value", "color"}`);
    return;
  }
  for (const key of Object.keys(p)) if (!chartPointNames.has(key)) errors.push(`UnknownProperty: ${path}.${key} is not a property of a chart data point`);
  if (typeof p.value !== "number" || !Number.isFinite(p.value)) errors.push(`InvalidChartValue: ${path}.value = ${JSON.stringify(p.value)} is not a number`);
  if (p.color !== undefined) checkChartColor(p.color, `${path}.color`, errors);
}

function checkChartColor(color, path, errors) {
  if (!chartColors.has(color)) errors.push(`InvalidChartColor: ${path} = ${JSON.stringify(color)} is not a color Teams charts accept`);
}

// The library's UnknownElementType events ("Unknown element type \"Chart.Donut\". …") for Teams charts that have an
// element fallback, by type: those are expected, so that many of them are not reported.
function expectedUnknownTypes(json) {
  const counts = new Map();
  for (const o of objects(json)) {
    if (teamsOnlyElements.has(o.type) && o.fallback !== null && typeof o.fallback === "object") {
      counts.set(o.type, (counts.get(o.type) ?? 0) + 1);
    }
  }
  return counts;
}

function isExpectedUnknownType(event, message, expected) {
  if (eventName(event) !== "UnknownElementType") return false;
  const type = /"([^"]+)"/.exec(message)?.[1];
  const left = expected.get(type) ?? 0;
  if (left === 0) return false;
  expected.set(type, left - 1);
  return true;
}

// A fallback is "drop" or an element/action of a type the library knows, with only properties it knows.
// roundTripped is what the library wrote in its place, when it used the fallback (a Teams chart's).
function checkFallback(value, path, errors, roundTripped = undefined) {
  if (value === "drop") return;
  if (value === null || typeof value !== "object" || !(namesByType.has(value.type) || teamsOnlyElements.has(value.type))) {
    errors.push(`InvalidFallback: ${path} = ${JSON.stringify(value)} is neither "drop" nor an element or action`);
    return;
  }
  checkProperties(value, roundTripped, path, errors);
}

// The library leaves out values equal to its defaults; those are not losses.
function isSchemaDefault(key, value) {
  if (value === false || value === "default" || value === "") return true;
  if (key === "isVisible" && value === true) return true;
  if ((key === "firstRowAsHeader" || key === "showGridLines") && value === true) return true;
  if ((key === "height" || key === "size" || key === "width") && value === "auto") return true;
  if (key === "associatedInputs" && value === "auto") return true;
  if (key === "style" && (value === "compact" || value === "text")) return true;
  if (key === "horizontalAlignment" && value === "left") return true;
  if (key === "valueOn" && value === "true") return true;
  if (key === "valueOff" && value === "false") return true;
  return false;
}

function validate(json) {
  if (json === null || typeof json !== "object" || Array.isArray(json)) return ["NotACard: expected a JSON object"];
  const errors = [];
  if (json.type !== "AdaptiveCard") errors.push(`NotACard: "type" is ${JSON.stringify(json.type)}, expected "AdaptiveCard"`);
  errors.push(...versionErrors(json));
  errors.push(...teamsErrors(json));

  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(teamsMaxVersion);
  try {
    card.parse(json, context);
  } catch (e) {
    errors.push(`ParseFailed: ${e.message}`);
    return errors;
  }
  const expected = expectedUnknownTypes(json);
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    if (isExpectedUnknownType(e.event, e.message, expected)) continue;
    errors.push(`${eventName(e.event)}: ${e.message}`);
  }
  for (const e of card.validateProperties().validationEvents) {
    errors.push(`${eventName(e.event)}: ${e.message}`);
  }

  const roundTripped = card.toJSON(new AC.SerializationContext(teamsMaxVersion));
  checkProperties(json, roundTripped, "$", errors);
  return errors;
}

let cards;
try {
  cards = JSON.parse(readInput());
} catch (e) {
  process.stderr.write(`validate.mjs: cannot read cards: ${e.message}\n`);
  process.exit(2);
}
if (!Array.isArray(cards)) cards = [cards];
const results = cards.map((json, index) => ({ index, errors: validate(json) }));
process.stdout.write(JSON.stringify(results) + "\n");
