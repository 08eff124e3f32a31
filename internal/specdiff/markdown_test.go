package specdiff

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.md")

func TestMarkdownGolden(t *testing.T) {
	for name, opts := range map[string]Options{
		"changelog.golden.md":              {},
		"changelog-undocumented.golden.md": {IncludeUndocumented: true},
	} {
		t.Run(name, func(t *testing.T) {
			got := fixtureReport(t, opts).Markdown()
			path := filepath.Join("testdata", name)
			if *update {
				require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err)
			assert.Equal(t, string(want), got)
		})
	}
}

func TestMarkdownDeterministic(t *testing.T) {
	first := fixtureReport(t, Options{}).Markdown()
	for i := 0; i < 10; i++ {
		require.Equal(t, first, fixtureReport(t, Options{}).Markdown(), "run %d", i)
	}
}

func TestMarkdownVerdictLine(t *testing.T) {
	assert.True(t, strings.HasPrefix(fixtureReport(t, Options{}).Markdown(), "**Verdict: breaking**\n"))

	newDoc := loadFixture(t, "old.json")
	bodySchema(t, newDoc, "POST", "/widgets/update").Properties["label"] = typed("string")
	r := Diff(loadFixture(t, "old.json"), newDoc, Options{})
	md := r.Markdown()
	assert.True(t, strings.HasPrefix(md, "**Verdict: not breaking**\n"), md)
	assert.Contains(t, md, "### Request changes (1 change)\n\n- `POST /widgets/update`\n  - added `label` (string)\n")
	assert.NotContains(t, md, "Breaking changes")
	assert.NotContains(t, md, "**breaking**")
}

func TestMarkdownLimit(t *testing.T) {
	r := fixtureReport(t, Options{})
	full := r.MarkdownLimit(0)
	capped := r.MarkdownLimit(2)

	// Counts stay exact; lists are cut after 2 entries.
	for _, heading := range []string{
		"### Breaking changes (17 changes)", "### Request changes (9 changes)",
		"### Response changes (15 changes)", "### Operations added (3 operations)",
	} {
		assert.Contains(t, full, heading)
		assert.Contains(t, capped, heading)
	}
	assert.Contains(t, capped, "- … and 15 more\n")  // breaking changes
	assert.Contains(t, capped, "- … and 13 more\n")  // response changes
	assert.Contains(t, capped, "  - … and 3 more\n") // POST /widgets/update: 5 changes
	assert.NotContains(t, full, "more\n")
	assert.Equal(t, r.MarkdownLimit(DefaultMaxItems), r.Markdown())
	assert.Less(t, len(capped), len(full))
}

func TestChangeText(t *testing.T) {
	for want, c := range map[string]Change{
		"added `a.b` (string, required)":      {Kind: Added, In: InBody, Path: "a.b", Detail: "string, required"},
		"removed `x` (integer)":               {Kind: Removed, In: InQuery, Path: "x", Detail: "integer"},
		"path parameter `id` is now required": {Kind: NowRequired, In: InPath, Path: "id"},
		"`x` is now optional":                 {Kind: NowOptional, In: InBody, Path: "x"},
		"request body: type object → oneOf":   {Kind: Retyped, In: InBody, Detail: "object → oneOf"},
		"response body: type object → any":    {Kind: Retyped, In: InResponse, Detail: "object → any"},
		"`c`: enum value `red` added":         {Kind: EnumValueAdded, In: InSchema, Path: "c", Detail: "red"},
		"`c`: enum value `\"\"` removed":      {Kind: EnumValueRemoved, In: InSchema, Path: "c", Detail: `""`},
	} {
		assert.Equal(t, want, changeText(c))
	}
}
