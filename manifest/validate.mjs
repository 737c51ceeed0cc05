// Validates Teams app manifest and localization files against the official JSON schemas bundled in
// @microsoft/app-manifest (offline: a schema that is not bundled is an error, never a download).
// Usage: node manifest/validate.mjs <file.json>...
// Prints a JSON array [{ file, schema, errors: [..] }] on stdout; exit code 0 when every file is valid, 1 otherwise.
import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const packageRoot = dirname(require.resolve("@microsoft/app-manifest/package.json"));
const { AppManifestUtils } = require("@microsoft/app-manifest/build/generated-types/index.js");
// The same validator libraries the package uses, resolved from the package itself.
const fromPackage = createRequire(join(packageRoot, "package.json"));
const Ajv04 = fromPackage("ajv-draft-04");
const addFormats = fromPackage("ajv-formats");

// The official localization schema has patterns (a bare "]") that JavaScript rejects in unicode mode, which
// AppManifestUtils always uses; so localization files are checked with the same libraries and options except
// unicodeRegExp: false. Manifests go through AppManifestUtils.validateAgainstSchema unchanged.
function validateLocalization(document, schema) {
  const ajv = new Ajv04({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  addFormats(ajv, ["uri", "email", "regex"]);
  const validate = ajv.compile(schema);
  if (validate(document)) return [];
  return validate.errors.map((e) => `${e.instancePath} ${e.message ?? ""}. Details: ${JSON.stringify(e.params ?? {})}`);
}

// https://developer.microsoft.com[/en-us]/json-schemas/teams/v1.30/MicrosoftTeams.schema.json -> bundled file path
function localSchemaPath(url) {
  const match = /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}-[a-z]{2}\/)?json-schemas\/(teams\/v[0-9.]+|teams\/vDevPreview)\/([A-Za-z.]+\.schema\.json)$/i.exec(url ?? "");
  if (!match) return undefined;
  const path = join(packageRoot, "build", "json-schemas", match[1], match[2]);
  return existsSync(path) ? path : undefined;
}

async function validateFile(file) {
  let document;
  try {
    document = JSON.parse((await readFile(file, "utf8")).replace(/^\uFEFF/, ""));
  } catch (e) {
    return { file, schema: null, errors: [`not valid JSON: ${e.message}`] };
  }
  const schemaPath = localSchemaPath(document.$schema);
  if (!schemaPath) {
    return { file, schema: document.$schema ?? null, errors: [`$schema ${JSON.stringify(document.$schema)} is not an official Teams schema bundled in @microsoft/app-manifest`] };
  }
  const schema = JSON.parse(await readFile(schemaPath, "utf8"));
  const errors = schemaPath.endsWith("Localization.schema.json")
    ? validateLocalization(document, schema)
    : await AppManifestUtils.validateAgainstSchema(document, schema);
  return { file, schema: document.$schema, errors };
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node manifest/validate.mjs <file.json>...");
  process.exit(2);
}
const results = [];
for (const file of files) results.push(await validateFile(file));
console.log(JSON.stringify(results, null, 2));
process.exit(results.every((r) => r.errors.length === 0) ? 0 : 1);
