// Command testsummary reads `go test -json` output on stdin and prints a quiet
// report of it: one line per package, the full output of every failing test,
// the one-line reports tests print (lines starting "conformance: ") and a
// closing line
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
// While go test compiles or a slow package runs, nothing else would be
// printed for minutes: whenever no line was printed for -heartbeat (15 s by
// default), testsummary prints one saying how long it has been running and
// how many packages finished.
//
// Usage:
//
//	go test -json ./... | go run ./scripts/testsummary
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"time"
)

func main() {
	failOnSkip := flag.Bool("fail-on-skip", os.Getenv("CI") == "true", "fail when any test was skipped (default true when CI=true)")
	heartbeat := flag.Duration("heartbeat", 15*time.Second, "print a progress line after this long without output (0: never)")
	flag.Parse()

	s := newSummary(os.Stdout, *failOnSkip)
	read := s.read
	if *heartbeat > 0 {
		read = func(r io.Reader) error { return s.readWithHeartbeat(r, *heartbeat) }
	}
	if err := read(os.Stdin); err != nil {
		fmt.Fprintln(os.Stderr, "testsummary:", err)
		os.Exit(2)
	}
	if !s.finish() {
		os.Exit(1)
	}
}
