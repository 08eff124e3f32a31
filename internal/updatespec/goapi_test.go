package updatespec

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// writeTree writes a tiny module example.com/m with the given files.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	files["go.mod"] = "module example.com/m\n\ngo 1.25\n"
	for rel, src := range files {
		writeUnder(t, root, rel, src)
	}
	return root
}

// diffTrees runs DiffGoAPI on pkgs of two trees, bounded by testTimeout,
// and fails the test on an error.
func diffTrees(t *testing.T, oldRoot, newRoot string, pkgs ...string) GoAPIDiff {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), testTimeout)
	defer cancel()
	d, err := DiffGoAPI(ctx, oldRoot, newRoot, pkgs)
	require.NoError(t, err)
	return d
}

const seamFixture = `package seam

import "example.com/m/gen"

// Get returns an access code.
func Get() gen.AccessCode { return gen.AccessCode{} }
`

// TestDiffGoAPIFindsPointerFlips compares two tiny trees: a field turned
// from T into *T, one from *T into T, a field and a type removed, a type
// changed, names added; seam unchanged.
func TestDiffGoAPIFindsPointerFlips(t *testing.T) {
	oldRoot := writeTree(t, map[string]string{
		"gen/types.go": `package gen

type AccessCode struct {
	Code   string
	Name   *string
	Gone   int
	Starts int64
}

type Removed struct{}
`,
		"seam/seam.go": seamFixture,
	})
	newRoot := writeTree(t, map[string]string{
		"gen/types.go": `package gen

type AccessCode struct {
	Code   *string
	Name   string
	Starts string
	Added  bool
}

type Device struct{}
`,
		"seam/seam.go": seamFixture,
	})
	d := diffTrees(t, oldRoot, newRoot, "gen", "seam")
	require.Len(t, d.Packages, 2)
	gen, seam := d.Packages[0], d.Packages[1]
	assert.Equal(t, "gen", gen.Package)
	assert.Equal(t, []GoChange{
		{Kind: KindRemoved, Object: "AccessCode.Gone", Message: "removed"},
		{Kind: KindRemoved, Object: "Removed", Message: "removed"},
		{Kind: KindNowPointer, Object: "AccessCode.Code", Message: "changed from string to *string"},
		{Kind: KindNowValue, Object: "AccessCode.Name", Message: "changed from *string to string"},
		{Kind: KindTypeChanged, Object: "AccessCode.Starts", Message: "changed from int64 to string"},
	}, gen.Incompatible)
	assert.Contains(t, gen.Compatible, GoChange{Kind: KindCompatible, Object: "Device", Message: "added"})
	assert.Empty(t, seam.Incompatible)
	assert.True(t, d.Breaking())
	assert.Equal(t, 1, d.Count(KindNowPointer))
	assert.Equal(t, 5, d.IncompatibleCount())

	same := diffTrees(t, oldRoot, oldRoot, "gen", "seam")
	assert.True(t, same.Empty())
	assert.False(t, same.Breaking())
}

// TestDiffGoAPITypeErrorsInTheNewTree: seam no longer compiles against the
// new gen; the error says so and the gen comparison is still made.
func TestDiffGoAPITypeErrorsInTheNewTree(t *testing.T) {
	oldRoot := writeTree(t, map[string]string{
		"gen/types.go": "package gen\n\ntype AccessCode struct{ Code string }\n",
		"seam/seam.go": seamFixture,
	})
	newRoot := writeTree(t, map[string]string{
		"gen/types.go": "package gen\n\ntype Device struct{}\n",
		"seam/seam.go": seamFixture,
	})
	d := diffTrees(t, oldRoot, newRoot, "gen", "seam")
	require.NotNil(t, d.NewTypeErrors)
	assert.Nil(t, d.OldTypeErrors)
	assert.Equal(t, TreeNew, d.NewTypeErrors.Tree)
	assert.Contains(t, d.NewTypeErrors.Error(), "AccessCode")
	assert.True(t, d.Breaking())
	require.NotEmpty(t, d.Packages)
	assert.Contains(t, d.Packages[0].Incompatible, GoChange{Kind: KindRemoved, Object: "AccessCode", Message: "removed"})

	// The other way round, the old tree is the broken one: recorded, and
	// the comparison still made.
	back := diffTrees(t, newRoot, oldRoot, "gen", "seam")
	require.NotNil(t, back.OldTypeErrors)
	assert.Nil(t, back.NewTypeErrors)
	assert.Contains(t, back.Packages[0].Compatible, GoChange{Kind: KindCompatible, Object: "AccessCode", Message: "added"})
}

// TestDiffGoAPIOursToIgnore: the spec metadata constants change value with
// every spec, and the generated client interfaces gain methods with every
// operation; neither is breaking for us.
func TestDiffGoAPIOursToIgnore(t *testing.T) {
	oldRoot := writeTree(t, map[string]string{
		"gen/gen.go": "package gen\n\nconst SpecSHA256 = \"aaa\"\nconst Limit = 1\n\ntype ClientInterface interface{ A() }\n\ntype Other interface{ A() }\n",
	})
	newRoot := writeTree(t, map[string]string{
		"gen/gen.go": "package gen\n\nconst SpecSHA256 = \"bbb\"\nconst Limit = 2\n\ntype ClientInterface interface{ A(); B() }\n\ntype Other interface{ A(); B() }\n",
	})
	d := diffTrees(t, oldRoot, newRoot, "gen")
	require.Len(t, d.Packages, 1)
	assert.Equal(t, []GoChange{
		{Kind: KindOtherChanged, Object: "Limit", Message: "value changed from 1 to 2"},
		{Kind: KindOtherChanged, Object: "Other.B", Message: "added"},
	}, d.Packages[0].Incompatible)
	assert.Equal(t, []GoChange{{Kind: KindCompatible, Object: "ClientInterface.B", Message: NoteInterfaceMethod}}, d.Packages[0].Compatible)
}

// TestDiffGoAPIFindsFlipsInsideInlineStructs: oapi-codegen writes inline
// objects as anonymous structs, which apidiff reports whole; the fields
// inside that flip between T and *T are listed one by one.
func TestDiffGoAPIFindsFlipsInsideInlineStructs(t *testing.T) {
	oldRoot := writeTree(t, map[string]string{
		"gen/types.go": `package gen

type Entrance struct {
	Brivo *struct {
		PointID string
		SiteID  *float64
		Gone    bool
	}
	Errors []struct{ Code string }
	Extra  *struct{ A string }
	Sites  []struct{ ID string }
}
`,
	})
	newRoot := writeTree(t, map[string]string{
		"gen/types.go": `package gen

type Entrance struct {
	Brivo *struct {
		PointID *string
		SiteID  float64
	}
	Errors []struct{ Code int }
	Extra  *struct {
		A string
		B int
	}
	Sites *[]struct{ ID *string }
}
`,
	})
	d := diffTrees(t, oldRoot, newRoot, "gen")
	require.Len(t, d.Packages, 1)
	assert.Equal(t, []GoChange{
		{Kind: KindRemoved, Object: "Entrance.Brivo.Gone", Message: "removed"},
		{Kind: KindNowPointer, Object: "Entrance.Brivo.PointID", Message: "changed from string to *string"},
		{Kind: KindNowPointer, Object: "Entrance.Sites", Message: "changed from []struct{…} to *[]struct{…}"},
		{Kind: KindNowPointer, Object: "Entrance.Sites[].ID", Message: "changed from string to *string"},
		{Kind: KindNowValue, Object: "Entrance.Brivo.SiteID", Message: "changed from *float64 to float64"},
		{Kind: KindTypeChanged, Object: "Entrance.Errors[].Code", Message: "changed from string to int"},
		{Kind: KindTypeChanged, Object: "Entrance.Extra", Message: "fields added to an inline struct: Entrance.Extra.B"},
	}, d.Packages[0].Incompatible)
	assert.Equal(t, 3, d.Count(KindNowPointer))
	assert.Equal(t, 1, d.Count(KindNowValue))
}

func TestClassify(t *testing.T) {
	for msg, want := range map[string]string{
		"removed":                                  KindRemoved,
		"changed from string to *string":           KindNowPointer,
		"changed from *[]Foo to []Foo":             KindNowValue,
		"changed from int to string":               KindTypeChanged,
		"value changed from 1 to 2":                KindOtherChanged,
		"changed from *string to **string":         KindNowPointer,
		"changed from map[string]any to *struct{}": KindTypeChanged,
	} {
		assert.Equal(t, want, classify(msg), msg)
	}
}
