// Command testsummary reads `go test -json` output on stdin and prints a quiet
// report of it: one line per package, the full output of every failing test
// and a closing line
//
//	test summary: N passed, N failed, N skipped
//
// It exits 1 when a test or a package (build failures included) failed, when
// no test ran at all, or, with -fail-on-skip (the default when CI=true), when
// any test was skipped. Subtests count like tests.
//
// Lines that are not JSON are copied through unchanged; those starting with
// "==> " mark a new section (as `make test` prints before each go test run),
// and testsummary prints a subtotal for each section that ran tests.
//
// Usage:
//
//	go test -json ./... | go run ./scripts/testsummary
package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	failOnSkip := flag.Bool("fail-on-skip", os.Getenv("CI") == "true", "fail when any test was skipped (default true when CI=true)")
	flag.Parse()

	s := newSummary(os.Stdout, *failOnSkip)
	if err := s.read(os.Stdin); err != nil {
		fmt.Fprintln(os.Stderr, "testsummary:", err)
		os.Exit(2)
	}
	if !s.finish() {
		os.Exit(1)
	}
}
