package updatespec

import (
	"io"
	"path/filepath"
	"time"
)

// Default locations of the files Run writes, relative to the module root.
const (
	// DefaultWorkDir holds the old spec, the changelog and the PR body.
	DefaultWorkDir = ".build/update-spec"
	// OldSpecName is the copy of openapi.json taken before regenerating.
	OldSpecName = "openapi.old.json"
	// ChangelogName is the default name of the changelog.
	ChangelogName = "CHANGELOG-spec.md"
	// PRBodyName is the changelog cut to fit a pull-request body.
	PRBodyName = "pr-body.md"
	// OldTreeName is the copy of the Go API packages taken before
	// regenerating, for apidiff.
	OldTreeName = "old-tree"
)

// Options configure Run. Only Root is usually set; the zero value of the
// others is ready to use.
type Options struct {
	// Root is the module root. Empty means the working directory.
	Root string
	// Source is where to pull the spec from (see specsource.Pull): an
	// http(s) URL, file:PATH or npm:@seamapi/types@VERSION. Empty means the
	// published URL.
	Source string
	// WorkDir holds the old spec copy and the PR body. Empty means
	// DefaultWorkDir under Root.
	WorkDir string
	// Changelog is where to write the changelog. Empty means ChangelogName
	// in WorkDir.
	Changelog string
	// NoTest skips "go test ./..." after regenerating ("go build ./..."
	// always runs).
	NoTest bool
	// IncludeUndocumented generates, and compares, the operations marked
	// x-undocumented too.
	IncludeUndocumented bool
	// MaxItems is the number of entries shown per list of the changelog:
	// zero means specdiff.DefaultMaxItems, a negative value means all.
	MaxItems int
	// PullTimeout bounds each pull; zero means specsource.DefaultTimeout.
	PullTimeout time.Duration
	// Go is the go command (a name looked up in PATH, or a path). Empty
	// means "go".
	Go string
	// Log receives progress lines and the output of go build and go test;
	// nil means io.Discard.
	Log io.Writer
}

func (o Options) root() string {
	if o.Root == "" {
		return "."
	}
	return o.Root
}

func (o Options) workDir() string {
	if o.WorkDir == "" {
		return filepath.Join(o.root(), filepath.FromSlash(DefaultWorkDir))
	}
	return o.WorkDir
}

func (o Options) changelog() string {
	if o.Changelog == "" {
		return filepath.Join(o.workDir(), ChangelogName)
	}
	return o.Changelog
}

func (o Options) goCmd() string {
	if o.Go == "" {
		return "go"
	}
	return o.Go
}

func (o Options) log() io.Writer {
	if o.Log == nil {
		return io.Discard
	}
	return o.Log
}
