package pipeline

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/seamgo/seam-go/internal/answergen"
	"github.com/seamgo/seam-go/internal/normalize"
	"github.com/seamgo/seam-go/internal/servicegen"
	"github.com/seamgo/seam-go/internal/specsource"
)

// Files the pipeline reads and writes, relative to the module root.
const (
	SpecFile   = "openapi.json"
	MetaFile   = "openapi.meta.json"
	ConfigFile = "oapi-codegen.yaml"
	GenDir     = "gen"
	// CodeFile is the code oapi-codegen generates.
	CodeFile = "seam.gen.go"
	// SpecInfoFile holds the package doc and what the code was generated from.
	SpecInfoFile = "spec.gen.go"
	// GeneratorModule is the pinned code generator (see tools.go).
	GeneratorModule = "github.com/oapi-codegen/oapi-codegen/v2"
)

// Options configure Run.
type Options struct {
	// Root is the module root. Empty means the working directory.
	Root string
	// Source is where to pull the spec from (see specsource.Pull); empty
	// means the published URL.
	Source string
	// IncludeUndocumented keeps operations marked x-undocumented.
	IncludeUndocumented bool
	// PullTimeout bounds the pull; zero means specsource.DefaultTimeout.
	PullTimeout time.Duration
	// Pulled, when set, is the spec already pulled, used instead of pulling
	// (Source and PullTimeout are then ignored): update-spec pulls once, to
	// compare with the committed spec, and regenerates from that pull.
	Pulled *specsource.Result
	// KeepNormalized, when set, is where to also write the normalized spec.
	KeepNormalized string
	// Log receives progress lines; nil means io.Discard.
	Log io.Writer
}

// Result says what Run did.
type Result struct {
	// Meta is the metadata written to openapi.meta.json.
	Meta specsource.Meta
	// Report says what the normaliser changed and how many operations
	// are in scope.
	Report *normalize.Report
	// Normalized is the normalised spec the code was generated from.
	Normalized []byte
	// Generator is the pinned oapi-codegen, e.g. "oapi-codegen v2.8.2".
	Generator string
	// Lines is the line count of gen/seam.gen.go.
	Lines int
}

// Run pulls, normalizes and generates. It writes openapi.json, its metadata
// and gen/ only after every step succeeded; on error the committed files are
// left as they were.
func Run(ctx context.Context, opts Options) (*Result, error) {
	log := opts.Log
	if log == nil {
		log = io.Discard
	}
	root := opts.Root
	if root == "" {
		root = "."
	}
	started := time.Now()

	pulled := opts.Pulled
	if pulled == nil {
		var err error
		if pulled, err = specsource.Pull(ctx, opts.Source, specsource.Options{Timeout: opts.PullTimeout}); err != nil {
			return nil, fmt.Errorf("pull: %w", err)
		}
	}
	fmt.Fprintf(log, "pull: %s (%d paths, sha256 %s) in %s\n", pulled.Source, pulled.Paths, pulled.SHA256, since(started))

	normalized, report, err := normalize.Normalize(ctx, pulled.Canonical, normalize.Options{IncludeUndocumented: opts.IncludeUndocumented})
	if err != nil {
		return nil, fmt.Errorf("normalize: %w", err)
	}
	fmt.Fprintf(log, "normalize: %d operations in scope, in %s\n%s", report.Operations, since(started), report)
	if opts.KeepNormalized != "" {
		if err := specsource.WriteAtomic(opts.KeepNormalized, normalized); err != nil {
			return nil, err
		}
	}

	meta, err := nextMeta(filepath.Join(root, MetaFile), pulled)
	if err != nil {
		return nil, err
	}
	generator, err := generatorVersion(ctx, root)
	if err != nil {
		return nil, err
	}
	code, err := generate(ctx, root, normalized)
	if err != nil {
		return nil, fmt.Errorf("generate: %w", err)
	}
	code, err = stampHeader(code, generator, meta)
	if err != nil {
		return nil, err
	}
	info := specInfo(generator, meta, report.Operations, opts.IncludeUndocumented)
	services, answers, err := generateServices(ctx, normalized, code, meta)
	if err != nil {
		return nil, fmt.Errorf("generate services: %w", err)
	}
	lines := bytes.Count(code, []byte("\n"))
	fmt.Fprintf(log, "generate: %s, %d lines, in %s\n", generator, lines, since(started))

	// Everything is in memory: write it.
	if err := os.MkdirAll(filepath.Join(root, GenDir), 0o755); err != nil {
		return nil, err
	}
	if _, err := specsource.Store(filepath.Join(root, SpecFile), filepath.Join(root, MetaFile), pulled); err != nil {
		return nil, err
	}
	if err := specsource.WriteAtomic(filepath.Join(root, GenDir, CodeFile), code); err != nil {
		return nil, err
	}
	if err := specsource.WriteAtomic(filepath.Join(root, GenDir, SpecInfoFile), info); err != nil {
		return nil, err
	}
	// The service layer belongs to the seam package: a module without it
	// (a test module holding only gen/) gets no services file.
	if _, err := os.Stat(filepath.Join(root, filepath.Dir(servicegen.File), "call.go")); err == nil {
		if err := specsource.WriteAtomic(filepath.Join(root, servicegen.File), services); err != nil {
			return nil, err
		}
		if err := os.MkdirAll(filepath.Join(root, filepath.Dir(answergen.File)), 0o755); err != nil {
			return nil, err
		}
		if err := specsource.WriteAtomic(filepath.Join(root, answergen.File), answers); err != nil {
			return nil, err
		}
	} else {
		fmt.Fprintf(log, "services: %s has no seam package; %s not written\n", root, servicegen.File)
	}
	return &Result{Meta: meta, Report: report, Normalized: normalized, Generator: generator, Lines: lines}, nil
}

func since(t time.Time) string { return time.Since(t).Round(10 * time.Millisecond).String() }

// nextMeta is the metadata Store will write for pulled.
func nextMeta(path string, pulled *specsource.Result) (specsource.Meta, error) {
	existing, err := specsource.ReadMeta(path)
	switch {
	case err == nil:
		return specsource.NextMeta(&existing, pulled, filepath.Dir(path)), nil
	case errors.Is(err, fs.ErrNotExist):
		return specsource.NextMeta(nil, pulled, filepath.Dir(path)), nil
	default:
		return specsource.Meta{}, err
	}
}

// generatorVersion is the version of oapi-codegen that go.mod pins.
func generatorVersion(ctx context.Context, root string) (string, error) {
	out, err := goCmd(ctx, root, "list", "-m", "-f", "{{.Version}}", GeneratorModule)
	if err != nil {
		return "", fmt.Errorf("find the pinned oapi-codegen version: %w", err)
	}
	return "oapi-codegen " + strings.TrimSpace(string(out)), nil
}

// generate runs the pinned oapi-codegen on the normalized spec with the
// module's configuration and returns the code it wrote.
func generate(ctx context.Context, root string, normalized []byte) ([]byte, error) {
	tmp, err := os.MkdirTemp("", "seam-generate-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	specPath := filepath.Join(tmp, "openapi.normalized.json")
	if err := os.WriteFile(specPath, normalized, 0o644); err != nil {
		return nil, err
	}
	// The configuration names gen/ as its output; a copy that points into
	// the temporary directory keeps gen/ untouched until everything worked.
	config, err := os.ReadFile(filepath.Join(root, ConfigFile))
	if err != nil {
		return nil, err
	}
	outPath := filepath.Join(tmp, CodeFile)
	config, err = redirectOutput(config, outPath)
	if err != nil {
		return nil, err
	}
	configPath := filepath.Join(tmp, ConfigFile)
	if err := os.WriteFile(configPath, config, 0o644); err != nil {
		return nil, err
	}
	if _, err := goCmd(ctx, root, "run", GeneratorModule+"/cmd/oapi-codegen", "-config", configPath, specPath); err != nil {
		return nil, err
	}
	return os.ReadFile(outPath)
}

// redirectOutput replaces the top-level "output:" line of an oapi-codegen
// configuration.
func redirectOutput(config []byte, path string) ([]byte, error) {
	lines := strings.Split(string(config), "\n")
	found := false
	for i, line := range lines {
		if strings.HasPrefix(line, "output:") {
			lines[i] = "output: " + strconv.Quote(path)
			found = true
		}
	}
	if !found {
		return nil, fmt.Errorf("%s has no top-level output: line", ConfigFile)
	}
	return []byte(strings.Join(lines, "\n")), nil
}

func goCmd(ctx context.Context, dir string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go %s: %w\n%s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}

// generateServices writes the service layer of seam/ (servicegen.File)
// from the normalized spec and the code generated from it.
func generateServices(ctx context.Context, normalized, code []byte, meta specsource.Meta) (services, answers []byte, err error) {
	loader := openapi3.NewLoader()
	loader.Context = ctx
	doc, err := loader.LoadFromData(normalized)
	if err != nil {
		return nil, nil, err
	}
	header := fmt.Sprintf("// Code generated by internal/servicegen from %s (sha256 %s, source %s) via scripts/generate. DO NOT EDIT.", SpecFile, meta.SHA256, meta.Source)
	if services, err = servicegen.Generate(doc, code, header); err != nil {
		return nil, nil, err
	}
	header = fmt.Sprintf("Code generated by internal/answergen from %s (sha256 %s, source %s) via scripts/generate. DO NOT EDIT.", SpecFile, meta.SHA256, meta.Source)
	if answers, err = answergen.Generate(doc, header); err != nil {
		return nil, nil, fmt.Errorf("answers: %w", err)
	}
	return services, answers, nil
}

// stampHeader replaces oapi-codegen's header comment with one that says
// which spec the code came from; the package doc lives in spec.gen.go.
func stampHeader(code []byte, generator string, meta specsource.Meta) ([]byte, error) {
	i := bytes.Index(code, []byte("\npackage "))
	if i < 0 {
		return nil, fmt.Errorf("generated code has no package clause")
	}
	header := fmt.Sprintf("// Code generated by %s from %s (sha256 %s, source %s) via scripts/generate. DO NOT EDIT.\n\n", generator, SpecFile, meta.SHA256, meta.Source)
	return append([]byte(header), code[i+1:]...), nil
}
