#!/usr/bin/env node
// Calls operations through the official JavaScript SDK (@seamapi/http, pinned
// in package.json / package-lock.json beside this file) for seam-go's
// conformance test (internal/conformance).
//
// Usage: node internal/seamfake/npm/conformance.mjs OPERATIONS.json RESULTS.jsonl
//
// OPERATIONS.json: {"endpoint": "http://127.0.0.1:PORT", "api_key": "seam_…",
//   "wait_for_action_attempt": false,
//   "operations": [{"path": "/devices/list", "input": {...}}, ...]}
//
// Every operation is called as `new SeamHttpEndpoints(...)[path](input)`, one
// after the other, each with its own client carrying the header
// `seam-conformance-operation: PATH`, so the recording server can tell the
// calls apart. One JSON line per operation is written to RESULTS.jsonl:
//   {"path": "...", "value": <what the SDK returned>}        (undefined → no "value")
//   {"path": "...", "error": "...", "error_name": "..."}     (the SDK threw)
// The exit status is 0 unless the script itself failed.

import { readFileSync, writeFileSync } from "node:fs";
import process from "node:process";
import { SeamHttpEndpoints } from "@seamapi/http";

const [operationsFile, resultsFile] = process.argv.slice(2);
if (!operationsFile || !resultsFile) {
  console.error("usage: node conformance.mjs OPERATIONS.json RESULTS.jsonl");
  process.exit(2);
}

const plan = JSON.parse(readFileSync(operationsFile, "utf8"));
const lines = [];
for (const { path, input } of plan.operations) {
  const seam = SeamHttpEndpoints.fromApiKey(plan.api_key, {
    endpoint: plan.endpoint,
    waitForActionAttempt: plan.wait_for_action_attempt,
    axiosOptions: { headers: { "seam-conformance-operation": path } },
    axiosRetryOptions: { retries: 0 },
  });
  const line = { path };
  try {
    const method = seam[path];
    if (typeof method !== "function") {
      throw new Error(`SeamHttpEndpoints has no ${path}`);
    }
    const value = await (input === undefined || input === null
      ? method()
      : method(input));
    if (value !== undefined) line.value = value;
  } catch (err) {
    line.error = String(err?.message ?? err);
    line.error_name = String(err?.name ?? "");
  }
  lines.push(JSON.stringify(line));
}
writeFileSync(resultsFile, lines.join("\n") + (lines.length ? "\n" : ""));
