package updatespec

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seamgo/seam-go/internal/specsource"
)

// The tests below run the real pipeline and go command on two tiny specs
// (testdata/v1.json, v2.json): v2 removes POST /gadgets/list and the gadget
// schema, adds POST /widgets/list and an optional widget.color.

// generatedPaths are what a regeneration writes.
var generatedPaths = []string{"openapi.json", "openapi.meta.json", "gen"}

func run(t *testing.T, opts Options) (*Result, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), testTimeout)
	defer cancel()
	return Run(ctx, opts)
}

func TestRunUnchangedWritesOnlyTheChangelog(t *testing.T) {
	root := newModule(t)
	generateFrom(t, root, testdataSource(t, "v1.json"))
	before := snapshot(t, root, generatedPaths...)

	res, err := run(t, Options{Root: root, Source: testdataSource(t, "v1.json")})
	require.NoError(t, err)
	assert.False(t, res.Changed)
	assert.False(t, res.Breaking())
	assert.Equal(t, VerdictNoChange, res.Verdict)
	assert.Equal(t, "No change.\n", res.Changelog)
	assert.Equal(t, res.Old, res.New)
	assert.Empty(t, res.OldSpecPath)
	assert.Equal(t, filepath.Join(root, ".build", "update-spec", "CHANGELOG-spec.md"), res.ChangelogPath)
	assert.Equal(t, "No change.\n", readString(t, res.ChangelogPath))
	assert.Equal(t, "No change.\n", readString(t, res.PRBodyPath))
	assert.NoFileExists(t, filepath.Join(root, ".build", "update-spec", OldSpecName))
	assert.Equal(t, before, snapshot(t, root, generatedPaths...))
}

func TestRunUpdatesAndDescribesTheChange(t *testing.T) {
	root := newModule(t)
	first := generateFrom(t, root, testdataSource(t, "v1.json"))
	oldSpec := readString(t, filepath.Join(root, "openapi.json"))
	changelogPath := filepath.Join(t.TempDir(), "out", "changes.md")

	res, err := run(t, Options{Root: root, Source: testdataSource(t, "v2.json"), Changelog: changelogPath, NoTest: true})
	require.NoError(t, err)
	assert.True(t, res.Changed)
	assert.True(t, res.Breaking())
	assert.Equal(t, first.Meta, res.Old)
	assert.Equal(t, specsource.RepoSource(testdataSource(t, "v2.json"), root), res.New.Source)
	assert.True(t, strings.HasPrefix(res.New.Source, "file:../"), "recorded relative to the module root: %s", res.New.Source)
	assert.NotEqual(t, res.Old.SHA256, res.New.SHA256)

	// The spec comparison (oasdiff on the normalised specs).
	require.NotNil(t, res.Spec)
	assert.True(t, res.Spec.Breaking())
	assert.True(t, res.Spec.HasOperation("endpoint-added", "POST /widgets/list"), res.Spec.Markdown(0))
	assert.True(t, res.Spec.HasOperation("api-path-removed-without-deprecation", "POST /gadgets/list"), res.Spec.Markdown(0))
	// The Go API (apidiff on gen; there is no seam/ in this module).
	assert.Nil(t, res.GoAPI.NewTypeErrors)
	assert.Nil(t, res.GoAPI.OldTypeErrors)
	require.Len(t, res.GoAPI.Packages, 1)
	gen := res.GoAPI.Packages[0]
	assert.Contains(t, gen.Incompatible, GoChange{Kind: KindRemoved, Object: "Gadget", Message: "removed"})
	assert.Contains(t, gen.Compatible, GoChange{Kind: KindCompatible, Object: "WidgetsListResponseBody", Message: "added"})
	assert.NotContains(t, gen.Compatible, GoChange{Kind: KindCompatible, Object: "Widget", Message: "added"})
	assert.DirExists(t, filepath.Join(res.OldTreePath, "gen"), "the old tree is kept for inspection")

	// The files.
	assert.Equal(t, changelogPath, res.ChangelogPath)
	assert.Equal(t, res.Changelog, readString(t, changelogPath))
	assert.Equal(t, res.Changelog, readString(t, res.PRBodyPath), "a small changelog is the PR body as it is")
	assert.Equal(t, oldSpec, readString(t, res.OldSpecPath), "the old spec is kept")
	assert.Contains(t, readString(t, filepath.Join(root, "gen", "spec.gen.go")), res.New.SHA256)
	assert.NotContains(t, readString(t, filepath.Join(root, "gen", "seam.gen.go")), "type Gadget ")

	for _, want := range []string{
		"**Verdict: breaking**",
		"**Spec verdict: breaking**",
		"- `POST /widgets/list`: ",
		"- `POST /gadgets/list`: ",
		"#### removed (",
		"- `Gadget`: removed",
		"- `WidgetsListResponseBody`: added",
	} {
		assert.Contains(t, res.Changelog, want)
	}

	// Pulling v2 again is no change.
	again, err := run(t, Options{Root: root, Source: testdataSource(t, "v2.json"), NoTest: true})
	require.NoError(t, err)
	assert.False(t, again.Changed)
}

func TestRunNotBreakingWhenOnlyAdding(t *testing.T) {
	root := newModule(t)
	generateFrom(t, root, testdataSource(t, "v2.json"))
	// v2 plus the gadget operation back: additions only.
	v3 := filepath.Join(t.TempDir(), "v3.json")
	require.NoError(t, os.WriteFile(v3, []byte(mergeGadgets(t)), 0o644))

	res, err := run(t, Options{Root: root, Source: "file:" + v3, NoTest: true})
	require.NoError(t, err)
	assert.True(t, res.Changed)
	assert.Equal(t, VerdictNotBreaking, res.Verdict, res.Changelog)
	assert.False(t, res.GoAPI.Breaking())
	assert.Contains(t, res.GoAPI.Packages[0].Compatible, GoChange{Kind: KindCompatible, Object: "Gadget", Message: "added"})
	assert.Contains(t, res.Changelog, "**Verdict: not breaking**")
}

func TestRunKeepsRegeneratedFilesWhenTheBuildFails(t *testing.T) {
	root := newModule(t)
	generateFrom(t, root, testdataSource(t, "v1.json"))
	// A package that uses a type v2 removes.
	writeUnder(t, root, "usegen/use.go", "package usegen\n\nimport \"github.com/seamgo/seam-go/gen\"\n\n// G uses a type that v2 removes.\nvar G gen.Gadget\n")

	res, err := run(t, Options{Root: root, Source: testdataSource(t, "v2.json"), NoTest: true})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "go build ./...")
	require.NotNil(t, res, "the changelog is still reported")
	assert.True(t, res.Breaking())
	assert.Contains(t, res.CheckFailure, "$ go build ./...")
	assert.Contains(t, res.CheckFailure, "undefined: gen.Gadget", "the failure output is kept")
	changelog := readString(t, res.ChangelogPath)
	assert.Contains(t, changelog, "- `Gadget`: removed")
	assert.Contains(t, changelog, "## The build or the tests fail with the new spec")
	assert.Contains(t, changelog, "undefined: gen.Gadget")
	assert.Contains(t, readString(t, res.PRBodyPath), "undefined: gen.Gadget", "the PR body shows the failure")
	assert.Contains(t, readString(t, filepath.Join(root, "openapi.meta.json")), "v2.json")
}

func TestRunRunsTestsUnlessNoTest(t *testing.T) {
	failing := "package usegen\n\nimport \"testing\"\n\nfunc TestFails(t *testing.T) { t.Fatal(\"planted failure\") }\n"
	setup := func(t *testing.T) string {
		root := newModule(t)
		generateFrom(t, root, testdataSource(t, "v1.json"))
		writeUnder(t, root, "usegen/use.go", "// Package usegen is a test fixture.\npackage usegen\n")
		writeUnder(t, root, "usegen/use_test.go", failing)
		return root
	}

	_, err := run(t, Options{Root: setup(t), Source: testdataSource(t, "v2.json"), NoTest: true})
	require.NoError(t, err, "go test is skipped")

	res, err := run(t, Options{Root: setup(t), Source: testdataSource(t, "v2.json")})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "go test ./...")
	require.NotNil(t, res)
	assert.True(t, res.Changed)
	assert.True(t, res.Breaking(), "a spec that fails the tests is breaking")
	assert.Contains(t, res.CheckFailure, "planted failure")
	assert.Contains(t, res.Changelog, "planted failure")
}

func TestRunFailedPullWritesNothing(t *testing.T) {
	root := newModule(t)
	generateFrom(t, root, testdataSource(t, "v1.json"))
	before := snapshot(t, root, generatedPaths...)

	res, err := run(t, Options{Root: root, Source: "file:" + filepath.Join(t.TempDir(), "missing.json")})
	require.Error(t, err)
	assert.Nil(t, res)
	assert.Contains(t, err.Error(), "pull")
	assert.Equal(t, before, snapshot(t, root, generatedPaths...))
	assert.NoDirExists(t, filepath.Join(root, ".build"))
}

// mergeGadgets returns v2 with v1's gadget operation and schema added.
func mergeGadgets(t *testing.T) string {
	t.Helper()
	v1, v2 := readJSON(t, "v1.json"), readJSON(t, "v2.json")
	paths := v2["paths"].(map[string]any)
	paths["/gadgets/list"] = v1["paths"].(map[string]any)["/gadgets/list"]
	schemas := v2["components"].(map[string]any)["schemas"].(map[string]any)
	schemas["gadget"] = v1["components"].(map[string]any)["schemas"].(map[string]any)["gadget"]
	return marshal(t, v2)
}
