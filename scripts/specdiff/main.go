// Command specdiff writes a human changelog of the change between two
// versions of the Seam Connect OpenAPI spec, headed by its verdict
// (breaking, not breaking or no change), as judged by oasdiff on the two
// specs normalised as for generation (see internal/specdiff).
//
// Usage:
//
//	go run ./scripts/specdiff -old a.json -new b.json [-undocumented] [-max 50] [-o CHANGELOG-spec.md] [-fail-on-breaking]
//
// The Markdown goes to stdout, or to the -o file (then the verdict is
// printed on stderr). Exit status: 0 on success, 1 on error, 2 on bad
// usage, 3 when -fail-on-breaking is set and the change is breaking.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"

	"github.com/seamgo/seam-go/internal/specdiff"
)

// exitBreaking is the exit status for a breaking change under -fail-on-breaking.
const exitBreaking = 3

func main() {
	oldPath := flag.String("old", "", "the older spec (a raw spec, JSON)")
	newPath := flag.String("new", "", "the newer spec (a raw spec, JSON)")
	undocumented := flag.Bool("undocumented", false, "include operations marked x-undocumented")
	out := flag.String("o", "", "write the Markdown to this file instead of stdout")
	maxItems := flag.Int("max", specdiff.DefaultMaxItems, "entries shown per list before \"… and K more\" (0: all)")
	failOnBreaking := flag.Bool("fail-on-breaking", false, "exit with status 3 when the change is breaking")
	flag.Parse()
	if *oldPath == "" || *newPath == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: specdiff -old OLD.json -new NEW.json [-undocumented] [-max N] [-o FILE] [-fail-on-breaking]")
		os.Exit(2)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	report, err := run(ctx, *oldPath, *newPath, *out, *maxItems, specdiff.Options{IncludeUndocumented: *undocumented})
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "specdiff:", err)
		os.Exit(1)
	}
	if *failOnBreaking && report.Breaking() {
		os.Exit(exitBreaking)
	}
}

// run reads both specs, compares them and writes the Markdown.
func run(ctx context.Context, oldPath, newPath, out string, maxItems int, opts specdiff.Options) (*specdiff.Report, error) {
	oldSpec, err := os.ReadFile(oldPath)
	if err != nil {
		return nil, fmt.Errorf("old spec: %w", err)
	}
	newSpec, err := os.ReadFile(newPath)
	if err != nil {
		return nil, fmt.Errorf("new spec: %w", err)
	}
	report, err := specdiff.Compare(ctx, oldSpec, newSpec, opts)
	if err != nil {
		return nil, err
	}
	md := report.Markdown(maxItems)
	if out == "" {
		if _, err := fmt.Print(md); err != nil {
			return nil, fmt.Errorf("write markdown: %w", err)
		}
		return report, nil
	}
	if err := os.WriteFile(out, []byte(md), 0o644); err != nil {
		return nil, fmt.Errorf("write markdown: %w", err)
	}
	fmt.Fprintf(os.Stderr, "specdiff: %s (%s)\n", report.Verdict(), out)
	return report, nil
}
