package specdiff

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The fixtures: new.json removes POST /gadgets/list, makes widget.name
// optional in a response, adds POST /widgets/list and drops the
// x-undocumented POST /internal/reset.

func read(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	return data
}

func compare(t *testing.T, oldSpec, newSpec []byte, opts Options) *Report {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	r, err := Compare(ctx, oldSpec, newSpec, opts)
	require.NoError(t, err)
	return r
}

func TestCompareJudgesTheNormalisedSpecs(t *testing.T) {
	r := compare(t, read(t, "old.json"), read(t, "new.json"), Options{})
	md := r.Markdown(0)
	assert.Equal(t, VerdictBreaking, r.Verdict(), md)
	assert.True(t, r.HasOperation("api-path-removed-without-deprecation", "POST /gadgets/list"), md)
	assert.True(t, r.HasOperation("response-property-became-optional", "POST /widgets/get"), md)
	assert.True(t, r.HasOperation("endpoint-added", "POST /widgets/list"), md)
	assert.False(t, r.HasOperation("api-path-removed-without-deprecation", "POST /internal/reset"), "x-undocumented operations are out of scope")
	for _, c := range r.Changes {
		assert.NotEqual(t, "/internal/reset", c.Path, "out of scope: %+v", c)
	}
	// The breaking changes come first, each under its rule.
	assert.True(t, strings.HasPrefix(md, "**Verdict: breaking** (oasdiff on the normalised specs: "), md)
	assert.Less(t, strings.Index(md, "### Breaking changes"), strings.Index(md, "### Other changes"))
	assert.Contains(t, md, "#### `api-path-removed-without-deprecation` (1)\n\n- `POST /gadgets/list`: ")
	assert.Equal(t, r.Count(Breaking)+r.Count(Warning)+r.Count(Info), len(r.Changes))
}

func TestCompareWithUndocumented(t *testing.T) {
	r := compare(t, read(t, "old.json"), read(t, "new.json"), Options{IncludeUndocumented: true})
	assert.True(t, r.HasOperation("api-path-removed-without-deprecation", "POST /internal/reset"), r.Markdown(0))
	assert.Contains(t, r.Markdown(0), "x-undocumented operations included")
}

func TestCompareSameSpecIsNoChange(t *testing.T) {
	r := compare(t, read(t, "old.json"), read(t, "old.json"), Options{})
	assert.True(t, r.Empty())
	assert.Equal(t, VerdictNoChange, r.Verdict())
	assert.False(t, r.Breaking())
}

func TestCompareWithoutOldSpecAddsEverything(t *testing.T) {
	r := compare(t, nil, read(t, "new.json"), Options{})
	assert.Equal(t, VerdictNotBreaking, r.Verdict(), r.Markdown(0))
	assert.True(t, r.HasOperation("endpoint-added", "POST /widgets/get"))
}

func TestCompareRefusesAnInvalidSpec(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	_, err := Compare(ctx, read(t, "old.json"), []byte(`{"openapi":"3.0.0"`), Options{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "normalise the new spec")
}

func TestMarkdownLimitsEachRule(t *testing.T) {
	r := &Report{}
	for _, p := range []string{"/a", "/b", "/c", "/d"} {
		r.Changes = append(r.Changes, Change{Level: Breaking, ID: "api-path-removed-without-deprecation", Method: "POST", Path: p, Text: "removed"})
	}
	r.Changes = append(r.Changes, Change{Level: Info, ID: "api-schema-removed", Text: "removed the schema `x`"})
	md := r.Markdown(2)
	assert.Contains(t, md, "#### `api-path-removed-without-deprecation` (4)\n\n- `POST /a`: removed\n- `POST /b`: removed\n- … and 2 more\n")
	assert.Contains(t, md, "### Other changes (1)\n\n#### `api-schema-removed` (1)\n\n- removed the schema `x`\n")
	assert.NotContains(t, md, "/c")
	assert.Contains(t, r.Markdown(0), "- `POST /d`: removed\n")
}
