// Package updatespec brings the committed Seam OpenAPI spec and the generated
// gen package up to date with the newest spec from a source, checks that the
// module still builds (and, unless told otherwise, that its tests pass), and
// describes the change in a Markdown changelog with a verdict.
//
// Run is what "make update-spec" (scripts/update-spec) and the regenerate
// workflow call. It pulls the spec first and stops with "No change." when its
// SHA-256 is the one of the committed openapi.json; otherwise it keeps a copy
// of the old spec, regenerates through internal/pipeline (the code behind
// "go generate ./..."), and writes a changelog made of two parts: the spec
// changes oasdiff finds in the normalised specs (internal/specdiff), and the
// changes apidiff finds in the Go API of APIPackages (gen and seam), fields
// that flip between T and *T listed one by one. An incompatible Go change is
// breaking (code using it no longer compiles), whatever the spec verdict.
package updatespec
