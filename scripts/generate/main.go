// Command generate pulls Seam's OpenAPI spec, normalizes it and regenerates
// the gen package with the pinned oapi-codegen. It runs from "go generate"
// in gen/ (or "make generate") and works from the module root.
//
// Environment:
//
//	SEAM_OPENAPI_SOURCE        where to pull the spec: an http(s) URL (default
//	                           https://connect.getseam.com/openapi.json),
//	                           file:PATH or npm:@seamapi/types@VERSION
//	SEAM_INCLUDE_UNDOCUMENTED  "true" also generates x-undocumented operations
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"

	"github.com/seamgo/seam-go/internal/normalize"
	"github.com/seamgo/seam-go/internal/pipeline"
	"github.com/seamgo/seam-go/internal/reporoot"
	"github.com/seamgo/seam-go/internal/specsource"
)

func main() {
	source := flag.String("source", os.Getenv(specsource.EnvVar), "spec source (default $"+specsource.EnvVar+", else the published URL)")
	undocumented := flag.Bool("undocumented", normalize.IncludeUndocumentedFromEnv(), "also generate x-undocumented operations")
	keep := flag.String("keep-normalized", "", "also write the normalized spec to this path")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	root, err := reporoot.FromWorkingDir()
	if err == nil {
		_, err = pipeline.Run(ctx, pipeline.Options{Root: root, Source: resolveFile(*source, root), IncludeUndocumented: *undocumented, KeepNormalized: *keep, Log: os.Stdout})
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "generate:", err)
		fmt.Fprintln(os.Stderr, "generate: nothing was written; openapi.json and gen/ are unchanged")
		os.Exit(1)
	}
}

// resolveFile makes a relative file: source absolute. go generate runs this
// command in gen/, so a path that does not exist from the working directory
// is taken relative to the module root (SEAM_OPENAPI_SOURCE=file:openapi.json
// means the committed spec either way).
func resolveFile(source, root string) string {
	path, ok := strings.CutPrefix(source, "file:")
	if !ok || filepath.IsAbs(path) {
		return source
	}
	if _, err := os.Stat(path); err == nil {
		if abs, err := filepath.Abs(path); err == nil {
			return "file:" + abs
		}
		return source
	}
	return "file:" + filepath.Join(root, path)
}
