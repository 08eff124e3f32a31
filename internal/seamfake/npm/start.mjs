#!/usr/bin/env node
// Starts the official fake Seam Connect server (@seamapi/fake-seam-connect),
// seeded, bound to 127.0.0.1 only, for seam-go tests and demos.
//
// Usage: node internal/seamfake/npm/start.mjs [--port N]   (or env PORT; default: a free port)
//
// When ready it prints exactly ONE JSON line to stdout:
//   {"endpoint":"http://127.0.0.1:PORT","api_key":"seam_apikey1_token",
//    "workspace_id":"seed_workspace_1","pid":...,"fake_version":"1.86.0",
//    "devices":{...},"seed":{...}}
// All logging goes to stderr. The process stops the server and exits when its
// stdin reaches EOF (so a dying parent never leaves an orphan) or on
// SIGTERM/SIGINT.

import net from "node:net";
import process from "node:process";
import { readFileSync } from "node:fs";

const HOST = "127.0.0.1";
const MAX_PORT_TRIES = 5;

// Keep stdout for the single ready line: route every console method that
// would write to stdout to stderr instead.
for (const method of ["log", "info", "debug", "trace", "dir"]) {
  console[method] = console.error.bind(console);
}

// Run the fake in production mode: otherwise every error body carries a
// "stack" field with this machine's file paths, which the real API never sends.
process.env.NODE_ENV = "production";

// The fake (and get-port inside it) call listen() without a host, which binds
// every interface. Force every TCP listen in this process onto 127.0.0.1.
const originalListen = net.Server.prototype.listen;
net.Server.prototype.listen = function listenOnLoopback(...args) {
  const callback =
    typeof args[args.length - 1] === "function" ? args.pop() : undefined;
  const first = args[0];
  let options;
  if (first === undefined || first === null) {
    options = { port: 0, host: HOST };
  } else if (typeof first === "number" || /^\d+$/.test(String(first))) {
    const backlog = typeof args[2] === "number" ? args[2] : typeof args[1] === "number" ? args[1] : undefined;
    options = { port: Number(first), host: HOST };
    if (backlog !== undefined) options.backlog = backlog;
  } else if (typeof first === "object" && !("path" in first) && !("fd" in first) && !("_handle" in first) && !("handle" in first)) {
    options = { ...first, host: HOST };
  } else {
    // Unix socket path or handle: not a TCP port, leave untouched.
    return originalListen.apply(this, callback ? [...args, callback] : args);
  }
  return callback
    ? originalListen.call(this, options, callback)
    : originalListen.call(this, options);
};

const requestedPort = () => {
  const i = process.argv.indexOf("--port");
  const raw = i >= 0 ? process.argv[i + 1] : process.env.PORT;
  if (raw === undefined || raw === "") return 0;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`invalid port: ${raw}`);
  }
  return port;
};

// Asks the kernel for a free loopback port. The fake needs the port number
// before it listens (it builds its base URL from it), so a race with another
// process is possible: start() retries on EADDRINUSE.
const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once("error", reject);
    originalListen.call(probe, { port: 0, host: HOST }, () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

// The package's "exports" hides package.json, so read it from disk.
const fakeVersion = () => {
  const file = new URL(
    "./node_modules/@seamapi/fake-seam-connect/package.json",
    import.meta.url,
  );
  return JSON.parse(readFileSync(file, "utf8")).version;
};

let fake = null;
let stopping = false;

const stop = async (code) => {
  if (stopping) return;
  stopping = true;
  try {
    if (fake !== null) {
      const httpServer = fake.server?.server;
      await fake.stopServer();
      httpServer?.closeAllConnections?.();
    }
  } catch (err) {
    console.error("fake: error while stopping:", err);
  } finally {
    process.exit(code);
  }
};

const main = async () => {
  const { createFake } = await import("@seamapi/fake-seam-connect");
  fake = await createFake();
  const seed = await fake.seed();

  const wanted = requestedPort();
  let port = 0;
  for (let attempt = 1; ; attempt++) {
    port = wanted !== 0 ? wanted : await freePort();
    try {
      await fake.startServer({ port, baseUrl: `http://${HOST}:${port}` });
      break;
    } catch (err) {
      if (err?.code !== "EADDRINUSE" || wanted !== 0 || attempt >= MAX_PORT_TRIES) {
        throw err;
      }
    }
  }

  const address = fake.server.server.address();
  if (address === null || typeof address === "string" || address.address !== HOST) {
    throw new Error(`fake is not bound to ${HOST}: ${JSON.stringify(address)}`);
  }

  const ready = {
    endpoint: `http://${HOST}:${address.port}`,
    api_key: seed.seam_apikey1_token,
    workspace_id: seed.seed_workspace_1,
    pid: process.pid,
    fake_version: fakeVersion(),
    devices: {
      locks: [seed.august_device_1, seed.august_device_2, seed.schlage_device_1],
      august_lock_1: seed.august_device_1,
      august_lock_2: seed.august_device_2,
      schlage_lock: seed.schlage_device_1,
      thermostat: seed.ecobee_device_1,
      noise_sensor: seed.minut_device_1,
    },
    seed,
  };
  process.stdout.write(`${JSON.stringify(ready)}\n`);
};

process.on("SIGTERM", () => void stop(0));
process.on("SIGINT", () => void stop(0));
process.on("SIGHUP", () => void stop(0));
process.on("unhandledRejection", (err) => {
  console.error("fake: unhandled rejection:", err);
  void stop(1);
});

process.stdin.on("end", () => void stop(0));
process.stdin.on("error", () => void stop(0));
process.stdin.on("close", () => void stop(0));
process.stdin.resume();

main().catch((err) => {
  console.error("fake: failed to start:", err);
  void stop(1);
});
