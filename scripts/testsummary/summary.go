package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"
)

// sectionPrefix marks a non-JSON input line that starts a new section.
const sectionPrefix = "==> "

// summaryLinePrefixes mark a line of test output that is printed even when
// the test passes: one-line reports a test prints with fmt.Println, such as
// the summary of internal/conformance.
var summaryLinePrefixes = []string{"conformance: "}

// maxReason bounds the skip reason printed for a skipped test.
const maxReason = 200

// testKey names a test (or subtest) within a package.
type testKey struct {
	pkg, test string
}

// pkgState is what summary keeps about a package until it finishes.
type pkgState struct {
	output      []string            // package-level output, not tied to a test
	rootOutput  map[string][]string // chronological output of each top-level test and its subtests
	testOutput  map[string][]string // each test's own output, for skip reasons
	running     map[string]bool     // tests started but not finished
	failedTests int
}

// summary turns a stream of test2json events into a quiet report.
type summary struct {
	out        io.Writer
	failOnSkip bool

	packages    map[string]*pkgState
	buildOutput map[string][]string

	total, section counts
	sectionName    string
	subtotals      int // section subtotals printed so far

	failures []string // failed tests and packages, in the order they failed
	skips    []string // skipped tests with their reasons

	lastPrint    time.Time // when the last line was printed, for the heartbeat
	packagesDone int       // packages finished, for the heartbeat
}

func newSummary(out io.Writer, failOnSkip bool) *summary {
	return &summary{
		out:         out,
		failOnSkip:  failOnSkip,
		packages:    map[string]*pkgState{},
		buildOutput: map[string][]string{},
	}
}

// read consumes r to its end.
func (s *summary) read(r io.Reader) error {
	br := bufio.NewReader(r)
	for {
		line, err := br.ReadString('\n')
		if line != "" {
			s.line(line)
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read test events: %w", err)
		}
	}
}

// line handles one input line: a test2json event or text to copy through.
func (s *summary) line(line string) {
	var ev event
	if strings.HasPrefix(line, "{") && json.Unmarshal([]byte(line), &ev) == nil && ev.Action != "" {
		s.event(ev)
		return
	}
	if strings.HasPrefix(line, sectionPrefix) {
		s.endSection()
		s.sectionName = strings.TrimSpace(strings.TrimPrefix(line, sectionPrefix))
	}
	s.print(line)
}

func (s *summary) print(text string) {
	if !strings.HasSuffix(text, "\n") {
		text += "\n"
	}
	fmt.Fprint(s.out, text)
	s.lastPrint = time.Now()
}

func (s *summary) pkg(name string) *pkgState {
	p, ok := s.packages[name]
	if !ok {
		p = &pkgState{rootOutput: map[string][]string{}, testOutput: map[string][]string{}, running: map[string]bool{}}
		s.packages[name] = p
	}
	return p
}

func (s *summary) event(ev event) {
	switch ev.Action {
	case actionBuildOutput:
		s.buildOutput[ev.ImportPath] = append(s.buildOutput[ev.ImportPath], ev.Output)
		return
	case actionBuildFail:
		for _, l := range s.buildOutput[ev.ImportPath] {
			s.print(l)
		}
		delete(s.buildOutput, ev.ImportPath)
		return
	}
	if ev.Package == "" {
		return
	}
	p := s.pkg(ev.Package)
	if ev.Test == "" {
		s.packageEvent(ev, p)
		return
	}
	root, _, _ := strings.Cut(ev.Test, "/")
	switch ev.Action {
	case actionOutput:
		p.rootOutput[root] = append(p.rootOutput[root], ev.Output)
		p.testOutput[ev.Test] = append(p.testOutput[ev.Test], ev.Output)
		for _, prefix := range summaryLinePrefixes {
			if strings.HasPrefix(ev.Output, prefix) {
				s.print(ev.Output)
			}
		}
	case "run":
		p.running[ev.Test] = true
	case actionPass:
		s.section.passed++
		s.finishTest(p, ev.Test, root == ev.Test, false)
	case actionSkip:
		s.section.skipped++
		s.skips = append(s.skips, fmt.Sprintf("%s %s%s", ev.Package, ev.Test, reason(p.testOutput[ev.Test])))
		s.finishTest(p, ev.Test, root == ev.Test, false)
	case actionFail:
		s.section.failed++
		p.failedTests++
		s.failures = append(s.failures, ev.Package+" "+ev.Test)
		s.finishTest(p, ev.Test, root == ev.Test, true)
	}
}

// finishTest forgets a finished test; a failing top-level test first prints
// its output and that of its subtests, in the order go test -v would.
func (s *summary) finishTest(p *pkgState, test string, isRoot, failed bool) {
	delete(p.running, test)
	delete(p.testOutput, test)
	if !isRoot {
		return
	}
	if failed {
		s.printTestOutput(p, test)
	}
	delete(p.rootOutput, test)
}

func (s *summary) printTestOutput(p *pkgState, root string) {
	for _, l := range p.rootOutput[root] {
		s.print(l)
	}
}

// packageEvent handles output and the final result of a package.
func (s *summary) packageEvent(ev event, p *pkgState) {
	switch ev.Action {
	case actionOutput:
		p.output = append(p.output, ev.Output)
		return
	case actionPass, actionSkip:
		for _, l := range p.output {
			if strings.HasPrefix(l, "ok") || strings.HasPrefix(l, "?") {
				s.print(l)
			}
		}
	case actionFail:
		s.failedPackage(ev, p)
	default:
		return
	}
	s.packagesDone++
	delete(s.packages, ev.Package)
}

// failedPackage reports a package that failed: tests cut short (a panic or
// a timeout) count as failed, and a package that failed with no failing
// test (a build failure, a failing TestMain) counts as one failure.
func (s *summary) failedPackage(ev event, p *pkgState) {
	unfinished := make([]string, 0, len(p.running))
	for test := range p.running {
		unfinished = append(unfinished, test)
	}
	sort.Strings(unfinished)
	for _, test := range unfinished {
		s.section.failed++
		p.failedTests++
		s.failures = append(s.failures, ev.Package+" "+test+" (did not finish)")
		if _, ok := p.rootOutput[test]; ok {
			s.printTestOutput(p, test)
		}
	}
	for _, l := range p.output {
		if l != "FAIL\n" && l != "PASS\n" {
			s.print(l)
		}
	}
	if p.failedTests > 0 {
		return
	}
	s.section.failed++
	if ev.FailedBuild != "" {
		s.failures = append(s.failures, ev.Package+" [build failed]")
		return
	}
	s.failures = append(s.failures, ev.Package+" (package failed outside any test: see its output above)")
}

// endSection prints the subtotal of the section that ends, if it ran tests.
func (s *summary) endSection() {
	if s.section.total() > 0 {
		name := s.sectionName
		if name == "" {
			name = "tests"
		}
		fmt.Fprintf(s.out, "%s: %s\n", name, s.section)
		s.subtotals++
	}
	s.total.add(s.section)
	s.section = counts{}
}

// finish prints the closing report and reports whether the run passed.
func (s *summary) finish() bool {
	if s.subtotals > 0 {
		s.endSection()
	} else {
		s.total.add(s.section)
		s.section = counts{}
	}
	ok := true
	if len(s.skips) > 0 {
		fmt.Fprintln(s.out)
		if s.failOnSkip {
			fmt.Fprintf(s.out, "skipped tests (not allowed when CI=true: every test must run in CI):\n")
			ok = false
		} else {
			fmt.Fprintf(s.out, "skipped tests:\n")
		}
		for _, sk := range s.skips {
			fmt.Fprintf(s.out, "  %s\n", sk)
		}
	}
	if len(s.failures) > 0 {
		ok = false
		fmt.Fprintf(s.out, "\nfailed:\n")
		for _, f := range s.failures {
			fmt.Fprintf(s.out, "  %s\n", f)
		}
	}
	if s.total.total() == 0 && len(s.failures) == 0 {
		ok = false
		fmt.Fprintln(s.out, "\nno test ran")
	}
	fmt.Fprintf(s.out, "test summary: %s\n", s.total)
	return ok
}

// reason extracts why a test skipped from its output: its log lines, without
// the === and --- markers, on one line.
func reason(output []string) string {
	var parts []string
	for _, l := range output {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "=== ") || strings.HasPrefix(l, "--- ") {
			continue
		}
		parts = append(parts, l)
	}
	r := strings.Join(parts, " ")
	if r == "" {
		return ""
	}
	if len(r) > maxReason {
		r = r[:maxReason] + "…"
	}
	return ": " + r
}
