package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The files in testdata are real `go test -json` output (Go 1.26) of small
// throwaway modules: passing, skipping and failing tests, build and vet
// failures, a panicking TestMain and a timeout.

func run(t *testing.T, failOnSkip bool, input string) (string, bool) {
	t.Helper()
	var out bytes.Buffer
	s := newSummary(&out, failOnSkip)
	require.NoError(t, s.read(strings.NewReader(input)))
	ok := s.finish()
	return out.String(), ok
}

func fixture(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	return string(data)
}

func lastLine(out string) string {
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	return lines[len(lines)-1]
}

func TestPassingRunPrintsPackageLinesOnly(t *testing.T) {
	out, ok := run(t, true, fixture(t, "pass.json"))
	assert.True(t, ok)
	assert.Contains(t, out, "ok  \tx/a\t")
	assert.Contains(t, out, "?   \tx/c\t[no test files]")
	assert.NotContains(t, out, "a_test.go:3: hi", "a passing test's log stays quiet")
	assert.NotContains(t, out, "=== RUN")
	assert.Equal(t, "test summary: 2 passed, 0 failed, 0 skipped", lastLine(out))
}

func TestSkipsAreListedAndFailUnderCI(t *testing.T) {
	out, ok := run(t, false, fixture(t, "skip.json"))
	assert.True(t, ok)
	assert.Contains(t, out, "skipped tests:\n  x/a TestSkip: a_test.go:4: needs node\n")
	assert.Equal(t, "test summary: 2 passed, 0 failed, 1 skipped", lastLine(out))

	out, ok = run(t, true, fixture(t, "skip.json"))
	assert.False(t, ok)
	assert.Contains(t, out, "not allowed when CI=true")
	assert.Contains(t, out, "x/a TestSkip: a_test.go:4: needs node")
	assert.Equal(t, "test summary: 2 passed, 0 failed, 1 skipped", lastLine(out))
}

func TestFailuresAreShownInFull(t *testing.T) {
	out, ok := run(t, false, fixture(t, "failures.json"))
	assert.False(t, ok)
	// The failing test with its subtests, in go test -v order.
	assert.Contains(t, out, "=== RUN   TestFail\nprinted\n=== RUN   TestFail/sub\n    a_test.go:5: boom\n--- FAIL: TestFail/sub")
	assert.Contains(t, out, "    a_test.go:6: y bad\n")
	assert.NotContains(t, out, "a_test.go:3: hi", "a passing test's log stays quiet")
	// Build failure and a panicking TestMain.
	assert.Contains(t, out, `b/b_test.go:3:39: cannot use "s"`)
	assert.Contains(t, out, "panic: init fail\n")
	assert.Contains(t, out, "failed:\n  x/a TestFail/sub\n  x/a TestFail\n  x/a TestPar/y\n  x/a TestPar\n  x/b [build failed]\n  x/d (package failed outside any test")
	assert.Equal(t, "test summary: 2 passed, 6 failed, 1 skipped", lastLine(out))
}

func TestTimeoutAndVetFailure(t *testing.T) {
	out, ok := run(t, false, fixture(t, "timeout_vet.json"))
	assert.False(t, ok)
	assert.Contains(t, out, `fmt.Printf format %d has arg "x" of wrong type string`)
	assert.Contains(t, out, "panic: test timed out after 2s")
	assert.Contains(t, out, "    e_test.go:4: about to hang\n")
	assert.Contains(t, out, "  x/e TestHang (did not finish)\n")
	assert.Equal(t, "test summary: 1 passed, 2 failed, 0 skipped", lastLine(out))
}

func TestSectionsGetSubtotalsAndOneTotal(t *testing.T) {
	input := "==> go test ./...\n" + fixture(t, "pass.json") + "==> go test -race ./a\n" + fixture(t, "skip.json")
	out, ok := run(t, false, input)
	assert.True(t, ok)
	assert.Contains(t, out, "==> go test ./...\n")
	assert.Contains(t, out, "go test ./...: 2 passed, 0 failed, 0 skipped\n==> go test -race ./a\n")
	assert.Contains(t, out, "go test -race ./a: 2 passed, 0 failed, 1 skipped\n")
	assert.Equal(t, "test summary: 4 passed, 0 failed, 1 skipped", lastLine(out))
}

func TestSingleSectionHasNoSubtotal(t *testing.T) {
	out, ok := run(t, false, "==> go test ./...\n"+fixture(t, "pass.json"))
	assert.True(t, ok)
	assert.NotContains(t, out, "go test ./...: 2 passed")
	assert.Equal(t, "test summary: 2 passed, 0 failed, 0 skipped", lastLine(out))
}

func TestSummaryLineOfAPassingTestIsPrinted(t *testing.T) {
	input := `{"Action":"run","Package":"x/c","Test":"TestSame"}
{"Action":"output","Package":"x/c","Test":"TestSame","Output":"=== RUN   TestSame\n"}
{"Action":"output","Package":"x/c","Test":"TestSame","Output":"conformance: 2 paths: 2 same, 0 unexplained\n"}
{"Action":"output","Package":"x/c","Test":"TestSame","Output":"    c_test.go:9: quiet\n"}
{"Action":"pass","Package":"x/c","Test":"TestSame","Elapsed":0.1}
{"Action":"output","Package":"x/c","Output":"ok  \tx/c\t0.1s\n"}
{"Action":"pass","Package":"x/c","Elapsed":0.1}
`
	out, ok := run(t, true, input)
	assert.True(t, ok)
	assert.Contains(t, out, "conformance: 2 paths: 2 same, 0 unexplained\n")
	assert.NotContains(t, out, "quiet")
}

func TestOtherTextPassesThrough(t *testing.T) {
	out, _ := run(t, false, "go: downloading example.com/m v1.0.0\n{not json\n")
	assert.Contains(t, out, "go: downloading example.com/m v1.0.0\n{not json\n")
}

func TestNoTestsIsAFailure(t *testing.T) {
	out, ok := run(t, false, "")
	assert.False(t, ok)
	assert.Contains(t, out, "no test ran")
	assert.Equal(t, "test summary: 0 passed, 0 failed, 0 skipped", lastLine(out))
}

func TestReason(t *testing.T) {
	assert.Equal(t, "", reason([]string{"=== RUN   TestX\n", "--- SKIP: TestX (0.00s)\n"}))
	assert.Equal(t, ": x_test.go:9: no node", reason([]string{"=== RUN   TestX\n", "    x_test.go:9: no node\n", "--- SKIP: TestX (0.00s)\n"}))
	long := reason([]string{strings.Repeat("a", 500)})
	assert.Equal(t, ": "+strings.Repeat("a", maxReason)+"…", long)
}
