// Package conformance holds the conformance test of seam against the
// official JavaScript SDK (@seamapi/http, pinned in internal/seamfake/npm): every
// documented operation of openapi.json is called with the same input through
// both, against one recording loopback server, and the requests and results
// are compared. See docs/conformance.md.
package conformance
