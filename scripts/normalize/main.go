// Command normalize rewrites a Seam OpenAPI document so that oapi-codegen can
// generate it, and prints what each rule changed.
//
//	go run ./scripts/normalize -in openapi.json -out /tmp/openapi.normalized.json
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/seamgo/seam-go/internal/normalize"
)

func main() {
	in := flag.String("in", "openapi.json", "spec to read")
	out := flag.String("out", "", "where to write the normalized spec (required)")
	undocumented := flag.Bool("undocumented", normalize.IncludeUndocumentedFromEnv(),
		"keep operations marked x-undocumented (default from SEAM_INCLUDE_UNDOCUMENTED=true)")
	flag.Parse()
	if err := run(*in, *out, *undocumented); err != nil {
		fmt.Fprintln(os.Stderr, "normalize:", err)
		os.Exit(1)
	}
}

func run(in, out string, undocumented bool) error {
	if out == "" {
		return fmt.Errorf("-out is required")
	}
	data, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	result, report, err := normalize.Normalize(context.Background(), data, normalize.Options{IncludeUndocumented: undocumented})
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, result, 0o644); err != nil {
		return err
	}
	fmt.Printf("normalize: %s -> %s\n%s", in, out, report)
	return nil
}
