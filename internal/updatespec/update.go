package updatespec

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/seamgo/seam-go/internal/pipeline"
	"github.com/seamgo/seam-go/internal/specdiff"
	"github.com/seamgo/seam-go/internal/specsource"
)

// Result says what Run found and did.
type Result struct {
	// Changed is false when the pulled spec is the committed one; then Run
	// wrote nothing but the changelog ("No change.").
	Changed bool
	// Verdict is VerdictNoChange, VerdictNotBreaking or VerdictBreaking
	// (see Verdict).
	Verdict string
	// Old and New describe the committed spec before and after the update
	// (equal when nothing changed; Old is zero when there was none).
	Old, New specsource.Meta
	// Spec is oasdiff's comparison of the old and new spec, both
	// normalised; nil when unchanged.
	Spec *specdiff.Report
	// GoAPI is apidiff's comparison of the Go API of APIPackages, the tree
	// before the update against the tree after it (with the type errors of
	// either tree, if any).
	GoAPI GoAPIDiff
	// Changelog is the Markdown changelog, also written to ChangelogPath.
	Changelog     string
	ChangelogPath string
	// PRBodyPath holds the changelog made to fit MaxPRBodyBytes (shorter
	// lists, then cut).
	PRBodyPath string
	// OldSpecPath is the copy of the previous openapi.json; empty when
	// unchanged or when there was none.
	OldSpecPath string
	// CheckFailure is set when go build or go test failed after
	// regenerating: the command and the end of its output. The verdict is
	// then breaking and the changelog starts with it.
	CheckFailure string
	// OldTreePath is the copy of go.mod, go.sum and the non-test Go files of
	// APIPackages taken before regenerating; empty when unchanged.
	OldTreePath string
}

// Breaking reports whether the verdict is breaking.
func (r *Result) Breaking() bool { return r.Verdict == VerdictBreaking }

// Run pulls the spec from opts.Source and, when it differs from the
// committed openapi.json, regenerates openapi.json, its metadata and gen/
// (as "go generate ./..." does), writes the changelog, then runs
// "go build ./..." and, unless opts.NoTest, "go test ./...".
//
// When the regeneration fails, the committed files are left as they were.
// When the build or the tests fail, the regenerated files and the changelog
// stay in place for inspection and Run returns the Result with the error.
func Run(ctx context.Context, opts Options) (*Result, error) {
	log := opts.log()
	root := opts.root()
	specPath := filepath.Join(root, pipeline.SpecFile)

	oldSpec, err := readOptional(specPath)
	if err != nil {
		return nil, err
	}
	oldMeta, err := readMetaOptional(filepath.Join(root, pipeline.MetaFile))
	if err != nil {
		return nil, err
	}

	fmt.Fprintf(log, "update-spec: pulling %s\n", sourceName(opts.Source))
	pulled, err := specsource.Pull(ctx, opts.Source, specsource.Options{Timeout: opts.PullTimeout})
	if err != nil {
		return nil, fmt.Errorf("pull: %w", err)
	}
	fmt.Fprintf(log, "update-spec: pulled %s (%d paths, sha256 %s)\n", pulled.Source, pulled.Paths, pulled.SHA256)
	if oldSpec != nil && sha256Hex(oldSpec) == pulled.SHA256 {
		return unchanged(opts, oldMeta)
	}

	res := &Result{Changed: true, Old: oldMeta}
	res.OldTreePath = filepath.Join(opts.workDir(), OldTreeName)
	if err := snapshotTree(root, res.OldTreePath, APIPackages); err != nil {
		return nil, err
	}
	if oldSpec != nil {
		res.OldSpecPath = filepath.Join(opts.workDir(), OldSpecName)
		if err := writeFile(res.OldSpecPath, oldSpec); err != nil {
			return nil, err
		}
	}

	generated, err := pipeline.Run(ctx, pipeline.Options{
		Root:                root,
		Pulled:              pulled,
		IncludeUndocumented: opts.IncludeUndocumented,
		Log:                 log,
	})
	if err != nil {
		return nil, fmt.Errorf("regenerate: %w", err)
	}
	res.New = generated.Meta

	if err := describe(ctx, opts, res, oldSpec, generated.Normalized); err != nil {
		return nil, err
	}
	fmt.Fprintf(log, "update-spec: %s; changelog in %s\n", res.Verdict, res.ChangelogPath)

	if failure, err := check(ctx, opts); err != nil {
		res.CheckFailure = failure
		res.Verdict = VerdictBreaking
		if werr := writeDescription(opts, res); werr != nil {
			return res, errors.Join(err, werr)
		}
		return res, err
	}
	return res, nil
}

// describe compares the old spec with the new one, normalised by the
// regeneration (oasdiff), and the Go API (apidiff), and writes the
// changelog and the PR body.
func describe(ctx context.Context, opts Options, res *Result, oldSpec, newNormalized []byte) error {
	root := opts.root()
	fmt.Fprintln(opts.log(), "update-spec: comparing the normalised specs with oasdiff")
	var err error
	res.Spec, err = specdiff.CompareToNormalized(ctx, oldSpec, newNormalized, specdiff.Options{IncludeUndocumented: opts.IncludeUndocumented})
	if err != nil {
		return fmt.Errorf("compare the specs: %w", err)
	}
	fmt.Fprintf(opts.log(), "update-spec: comparing the Go API of %s with apidiff\n", strings.Join(APIPackages, ", "))
	if res.GoAPI, err = DiffGoAPI(ctx, res.OldTreePath, root, APIPackages); err != nil {
		return fmt.Errorf("compare the Go API: %w", err)
	}
	res.Verdict = Verdict(res.Spec, res.GoAPI)
	return writeDescription(opts, res)
}

// writeDescription renders the changelog of res and writes it and the PR
// body.
func writeDescription(opts Options, res *Result) error {
	maxItems := opts.MaxItems
	switch {
	case maxItems == 0:
		maxItems = specdiff.DefaultMaxItems
	case maxItems < 0:
		maxItems = 0
	}
	log := changelog{
		old: res.Old, new: res.New, spec: res.Spec, goAPI: res.GoAPI,
		checkFailure: res.CheckFailure, maxItems: maxItems,
	}
	res.Changelog = log.markdown()
	return writeChangelog(opts, res, log.prBody(MaxPRBodyBytes))
}

// unchanged is the Result when the pulled spec is the committed one.
func unchanged(opts Options, meta specsource.Meta) (*Result, error) {
	fmt.Fprintln(opts.log(), "update-spec: the spec is unchanged")
	res := &Result{Verdict: VerdictNoChange, Old: meta, New: meta, Changelog: NoChange}
	if err := writeChangelog(opts, res, NoChange); err != nil {
		return nil, err
	}
	return res, nil
}

// writeChangelog writes res.Changelog and the PR body.
func writeChangelog(opts Options, res *Result, body string) error {
	res.ChangelogPath = opts.changelog()
	res.PRBodyPath = filepath.Join(opts.workDir(), PRBodyName)
	if err := writeFile(res.ChangelogPath, []byte(res.Changelog)); err != nil {
		return err
	}
	return writeFile(res.PRBodyPath, []byte(body))
}

// maxFailureBytes bounds the output kept in Result.CheckFailure.
const maxFailureBytes = 16 << 10

// check builds the module and, unless opts.NoTest, runs its tests. On
// failure it returns the failing command with the end of its output.
func check(ctx context.Context, opts Options) (string, error) {
	steps := [][]string{{"build", "./..."}}
	if !opts.NoTest {
		steps = append(steps, []string{"test", "./..."})
	}
	for _, args := range steps {
		command := "go " + strings.Join(args, " ")
		fmt.Fprintf(opts.log(), "update-spec: %s\n", command)
		var out bytes.Buffer
		cmd := exec.CommandContext(ctx, opts.goCmd(), args...)
		cmd.Dir = opts.root()
		cmd.Stdout = io.MultiWriter(opts.log(), &out)
		cmd.Stderr = cmd.Stdout
		if err := cmd.Run(); err != nil {
			failure := fmt.Sprintf("$ %s\n%s\n%v", command, outputTail(out.Bytes(), maxFailureBytes), err)
			return failure, fmt.Errorf("%s after regenerating: %w", command, err)
		}
	}
	return "", nil
}

// outputTail returns the end of out, at most limit bytes from a line start.
func outputTail(out []byte, limit int) string {
	s := strings.TrimRight(string(out), "\n")
	if len(s) <= limit {
		return s
	}
	s = s[len(s)-limit:]
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[i+1:]
	}
	return "…\n" + s
}

func sourceName(source string) string {
	if source == "" {
		return specsource.DefaultURL
	}
	return source
}

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// readOptional reads the file at path; a missing file gives nil, nil.
func readOptional(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return data, nil
}

// readMetaOptional reads the spec metadata; a missing file gives zero Meta.
func readMetaOptional(path string) (specsource.Meta, error) {
	meta, err := specsource.ReadMeta(path)
	if errors.Is(err, fs.ErrNotExist) {
		return specsource.Meta{}, nil
	}
	return meta, err
}

// writeFile writes data to path atomically, creating its directory.
func writeFile(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("create %s: %w", filepath.Dir(path), err)
	}
	return specsource.WriteAtomic(path, data)
}
