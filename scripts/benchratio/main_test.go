package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const sampleOutput = `goos: linux
BenchmarkCall/call=get/impl=seam-2   1000   110 ns/op   100 cpu-ns/op   300 B/op   15 allocs/op
BenchmarkCall/call=get/impl=raw-2    1000   100 ns/op    90 cpu-ns/op   200 B/op   10 allocs/op
BenchmarkCall/call=get/impl=seam-2   1000   130 ns/op   120 cpu-ns/op   300 B/op   15 allocs/op
BenchmarkCall/call=get/impl=raw-2    1000   100 ns/op    90 cpu-ns/op   200 B/op   10 allocs/op
BenchmarkCall/call=get/impl=seam-2   1000   105 ns/op   100 cpu-ns/op   300 B/op   15 allocs/op
BenchmarkCall/call=get/impl=raw-2    1000   100 ns/op    90 cpu-ns/op   200 B/op   10 allocs/op
BenchmarkCall/call=walk20/impl=seam-2  10  2000 ns/op   100 B/op   20 allocs/op
BenchmarkCall/call=walk20/impl=raw-2   10  1000 ns/op   100 B/op   10 allocs/op
BenchmarkOther-2   10  5 ns/op
PASS
`

func TestReportMediansAndRatios(t *testing.T) {
	runs, order, err := parse(strings.NewReader(sampleOutput))
	require.NoError(t, err)
	assert.Equal(t, []string{"get", "walk20"}, order)
	require.Len(t, runs[key{"get", "seam"}], 3)

	var out bytes.Buffer
	missed := report(&out, runs, order)
	text := out.String()
	// get: median 110 ns against 100, inside 1.10; allocs 1.5×, at the
	// limit. walk20: no ns target, allocs 2× the baseline's.
	assert.Regexp(t, `get\s+seam\s+3\s+110\s+1\.10\s+100\s+1\.11\s+300\s+1\.50\s+15\s+1\.50\s+ns ≤1\.10: ok, allocs ≤1\.5: ok`, text)
	assert.Regexp(t, `walk20\s+seam\s+1\s+2000\s+2\.00\s+.*allocs ≤1\.5: MISSED`, text)
	assert.Equal(t, 1, missed)
}

func TestParseRefusesABadFigure(t *testing.T) {
	_, _, err := parse(strings.NewReader("BenchmarkCall/call=get/impl=raw-2 10 x ns/op\n"))
	assert.ErrorContains(t, err, `figure "x"`)
}
