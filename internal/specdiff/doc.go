// Package specdiff judges a change of the Seam Connect OpenAPI spec the way
// the generated client sees it: both specs are first normalised with
// internal/normalize (the operations out of scope dropped, unions and bodies
// lifted into named schemas, exactly as before code generation), then
// compared by oasdiff (github.com/oasdiff/oasdiff), the standard
// breaking-change checker built on kin-openapi.
//
// What is ours: the normalisation before the comparison, the scope
// (x-undocumented operations are out unless Options.IncludeUndocumented),
// and the Markdown rendering for the changelog. Which change is breaking is
// oasdiff's call: a change at its ERR level is breaking, WARN is listed as
// "may break", INFO as other changes.
//
// A spec change can also break Go code that oasdiff rightly finds compatible
// on the wire (a response field that became optional turns T into *T in the
// generated type). internal/updatespec therefore also compares the Go API of
// the generated and hand-written packages; this package only judges the
// spec.
package specdiff
