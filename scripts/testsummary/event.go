package main

// event is one record of `go test -json` (cmd/test2json), including the
// build events (build-output, build-fail) that carry ImportPath instead of
// Package.
type event struct {
	Action      string
	Package     string
	Test        string
	Output      string
	ImportPath  string
	FailedBuild string
}

// Actions of test2json that testsummary acts on.
const (
	actionOutput      = "output"
	actionPass        = "pass"
	actionFail        = "fail"
	actionSkip        = "skip"
	actionBuildOutput = "build-output"
	actionBuildFail   = "build-fail"
)
