package updatespec

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seamgo/seam-go/internal/specdiff"
	"github.com/seamgo/seam-go/internal/specsource"
)

var (
	addedOnly   = &specdiff.Report{OperationsAdded: []specdiff.Operation{{Method: "POST", Path: "/widgets/list"}}}
	removedOnly = &specdiff.Report{OperationsRemoved: []specdiff.Operation{{Method: "POST", Path: "/gadgets/list"}}}
)

func TestVerdict(t *testing.T) {
	tests := []struct {
		name  string
		spec  *specdiff.Report
		types TypeDiff
		want  string
	}{
		{"nothing", &specdiff.Report{}, TypeDiff{}, VerdictNoChange},
		{"operation added", addedOnly, TypeDiff{Added: []string{"X"}}, VerdictNotBreaking},
		{"only a type added", &specdiff.Report{}, TypeDiff{Added: []string{"X"}}, VerdictNotBreaking},
		{"operation removed", removedOnly, TypeDiff{}, VerdictBreaking},
		{"type removed, spec not breaking", addedOnly, TypeDiff{Removed: []string{"X"}}, VerdictBreaking},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Verdict(tt.spec, tt.types))
		})
	}
}

func testChangelog() changelog {
	return changelog{
		old:      specsource.Meta{Source: "npm:@seamapi/types@1.0.0", SHA256: "aaa"},
		new:      specsource.Meta{Source: "npm:@seamapi/types@2.0.0", SHA256: "bbb"},
		spec:     addedOnly,
		types:    TypeDiff{Before: 3, After: 4, Added: []string{"WidgetsList", "WidgetsListBody"}, Removed: []string{"Gadget"}},
		maxItems: 50,
	}
}

func TestMarkdownHasVerdictSourcesSpecAndTypes(t *testing.T) {
	md := testChangelog().markdown()
	assert.True(t, strings.HasPrefix(md, "# Seam OpenAPI spec update\n\n**Verdict: breaking**\n"), md)
	assert.Contains(t, md, "| Source | `npm:@seamapi/types@1.0.0` | `npm:@seamapi/types@2.0.0` |")
	assert.Contains(t, md, "| SHA-256 | `aaa` | `bbb` |")
	assert.Contains(t, md, "| Exported types in `gen/seam.gen.go` | 3 | 4 |")
	// specdiff's own verdict is relabelled, so that the overall one is unique.
	assert.Contains(t, md, "## Spec changes\n\n**Spec verdict: not breaking**")
	assert.Equal(t, 1, strings.Count(md, "**Verdict:"))
	assert.Contains(t, md, "- `POST /widgets/list`")
	assert.Contains(t, md, "### Types removed (1 type) — breaking")
	assert.Contains(t, md, "- `Gadget`\n")
	assert.Contains(t, md, "### Types added (2 types)\n\n- `WidgetsList`\n- `WidgetsListBody`\n")
	assert.Less(t, strings.Index(md, "## Spec changes"), strings.Index(md, "## Generated Go types"))
}

func TestMarkdownWithoutTypeChanges(t *testing.T) {
	c := testChangelog()
	c.types = TypeDiff{Before: 3, After: 3}
	md := c.markdown()
	assert.Contains(t, md, "**Verdict: not breaking**")
	assert.Contains(t, md, "No exported type of `gen/seam.gen.go` was added or removed.")
	assert.NotContains(t, md, "### Types")
}

func TestMarkdownSpecFileChangedOutOfScope(t *testing.T) {
	c := testChangelog()
	c.spec, c.types = &specdiff.Report{}, TypeDiff{Before: 3, After: 3}
	md := c.markdown()
	assert.Contains(t, md, "**Verdict: no change**\n\nThe spec file changed, but not")
}

func TestMarkdownLimitsLists(t *testing.T) {
	c := testChangelog()
	c.types.Added = manyNames("T", 7)
	c.maxItems = 5
	md := c.markdown()
	assert.Contains(t, md, "- `T4`\n- … and 2 more\n")
	assert.NotContains(t, md, "`T5`")

	c.maxItems = 0
	assert.Contains(t, c.markdown(), "- `T6`\n")
}

func TestPRBodyShortensListsToFit(t *testing.T) {
	c := testChangelog()
	c.types.Added = manyNames("SomeRatherLongGeneratedTypeName", 400)
	c.maxItems = 0
	full := c.markdown()
	require.Greater(t, len(full), 4000)

	body := c.prBody(4000)
	assert.LessOrEqual(t, len(body), 4000)
	assert.Contains(t, body, "## Generated Go types")
	assert.Contains(t, body, "### Types removed (1 type) — breaking")
	assert.Contains(t, body, "### Types added (400 types)")
	assert.Contains(t, body, "more\n")
	assert.NotContains(t, body, "truncated")

	assert.Equal(t, full, c.prBody(len(full)), "a changelog that fits is kept whole")
}

func TestPRBodyCutsWhenShortListsDoNotFit(t *testing.T) {
	body := testChangelog().prBody(300)
	assert.LessOrEqual(t, len(body), 300)
	assert.True(t, strings.HasPrefix(body, "# Seam OpenAPI spec update\n"))
	assert.Contains(t, body, "… truncated to fit a pull-request body")
}

func manyNames(prefix string, n int) []string {
	names := make([]string, n)
	for i := range names {
		names[i] = fmt.Sprintf("%s%d", prefix, i)
	}
	return names
}
