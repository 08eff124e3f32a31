// Command pull fetches the Seam Connect OpenAPI spec, writes it in canonical
// form and records its source and SHA-256 in a metadata file.
//
// Usage:
//
//	go run ./scripts/pull [-source SRC] [-out openapi.json] [-meta openapi.meta.json]
//
// SRC is an http(s) URL, file:PATH or npm:@seamapi/types@VERSION; it defaults
// to $SEAM_OPENAPI_SOURCE, else the published URL. On failure nothing is written.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"

	"github.com/seamgo/seam-go/internal/specsource"
)

func main() {
	defaultSource := os.Getenv(specsource.EnvVar)
	if defaultSource == "" {
		defaultSource = specsource.DefaultURL
	}
	source := flag.String("source", defaultSource, "spec source: URL, file:PATH or npm:@seamapi/types@VERSION (default $"+specsource.EnvVar+", else the published URL)")
	out := flag.String("out", "openapi.json", "where to write the canonical spec")
	meta := flag.String("meta", "openapi.meta.json", "where to write the spec metadata")
	timeout := flag.Duration("timeout", specsource.DefaultTimeout, "time limit for the whole pull")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, *source, *out, *meta, specsource.Options{Timeout: *timeout})
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "pull:", err)
		os.Exit(1)
	}
}

// run pulls the spec from source and stores it, printing one summary line.
func run(ctx context.Context, source, out, metaPath string, opts specsource.Options) error {
	r, err := specsource.Pull(ctx, source, opts)
	if err != nil {
		return err
	}
	m, err := specsource.Store(out, metaPath, r)
	if err != nil {
		return err
	}
	line := fmt.Sprintf("source=%s sha256=%s paths=%d", m.Source, m.SHA256, r.Paths)
	if m.Source != r.Source {
		line += " pulled_from=" + r.Source
	}
	fmt.Println(line)
	return nil
}
