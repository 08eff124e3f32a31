// Package seamtest lets programs that use github.com/seamgo/seam-go/seam
// test their own code against Seam without Seam:
//
//   - NewServer: a Node-free double on 127.0.0.1 that answers every
//     documented operation with a spec-valid canned answer (derived from the
//     spec when the module was generated), records every request, and lets a
//     test set any operation's answer: JSON bodies, Seam errors, 5xx, 429
//     with Retry-After, action attempts that stay pending, fail or succeed
//     after N polls.
//   - NewFake: the official fake Seam server (@seamapi/fake-seam-connect,
//     pinned), seeded, on 127.0.0.1; needs Node.js 20+.
//
// Both hand back a *seam.Client configured for them, and stop on t.Cleanup.
// The package keeps no global state: parallel tests each get their own
// server.
package seamtest
