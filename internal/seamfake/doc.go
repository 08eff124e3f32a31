// Package seamfake runs the official fake Seam Connect server
// (npm package @seamapi/fake-seam-connect, pinned in internal/seamfake/npm) as a local
// peer for tests and demos.
//
// Start launches `node internal/seamfake/npm/start.mjs`, which seeds the fake, binds it
// to 127.0.0.1 on a free port and reports its endpoint, API key and seed ids.
// The Node.js process stops when Close is called, and also by itself when the
// Go process dies (its stdin reaches EOF), so no orphan is left behind.
//
// Tests use StartT, which skips when Node.js or npm is missing, except under
// CI=true where it fails.
package seamfake
