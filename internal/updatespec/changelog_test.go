package updatespec

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seamgo/seam-go/internal/specdiff"
	"github.com/seamgo/seam-go/internal/specsource"
)

var (
	addedOnly = &specdiff.Report{Changes: []specdiff.Change{
		{Level: specdiff.Info, ID: "endpoint-added", Method: "POST", Path: "/widgets/list", Text: "endpoint added"},
	}}
	removedOnly = &specdiff.Report{Changes: []specdiff.Change{
		{Level: specdiff.Breaking, ID: "api-removed-without-deprecation", Method: "POST", Path: "/gadgets/list", Text: "api removed without deprecation"},
	}}
	goAdded  = GoAPIDiff{Packages: []PackageAPIDiff{{Package: "gen", Compatible: []GoChange{{Kind: KindCompatible, Object: "Widget", Message: "added"}}}}}
	goToPtr  = GoAPIDiff{Packages: []PackageAPIDiff{{Package: "gen", Incompatible: []GoChange{{Kind: KindNowPointer, Object: "Widget.Color", Message: "changed from string to *string"}}}}}
	typeErrs = &TypeCheckError{Tree: TreeNew, Root: "/x", Errors: []string{"seam/a.go:1:2: undefined: gen.Gadget"}}
)

func TestVerdict(t *testing.T) {
	tests := []struct {
		name  string
		spec  *specdiff.Report
		goAPI GoAPIDiff
		want  string
	}{
		{"nothing", &specdiff.Report{}, GoAPIDiff{}, VerdictNoChange},
		{"operation added", addedOnly, goAdded, VerdictNotBreaking},
		{"only a Go name added", &specdiff.Report{}, goAdded, VerdictNotBreaking},
		{"operation removed", removedOnly, GoAPIDiff{}, VerdictBreaking},
		{"T to *T, spec not breaking", addedOnly, goToPtr, VerdictBreaking},
		{"new tree does not type-check", addedOnly, GoAPIDiff{Packages: goAdded.Packages, NewTypeErrors: typeErrs}, VerdictBreaking},
		{"old tree did not type-check", addedOnly, GoAPIDiff{Packages: goAdded.Packages, OldTypeErrors: &TypeCheckError{Tree: TreeOld}}, VerdictNotBreaking},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Verdict(tt.spec, tt.goAPI))
		})
	}
}

func testChangelog() changelog {
	return changelog{
		old:  specsource.Meta{Source: "npm:@seamapi/types@1.0.0", SHA256: "aaa"},
		new:  specsource.Meta{Source: "npm:@seamapi/types@2.0.0", SHA256: "bbb"},
		spec: addedOnly,
		goAPI: GoAPIDiff{Packages: []PackageAPIDiff{{
			Package: "gen",
			Incompatible: []GoChange{
				{Kind: KindRemoved, Object: "Gadget", Message: "removed"},
				{Kind: KindNowPointer, Object: "Widget.Color", Message: "changed from string to *string"},
			},
			Compatible: []GoChange{{Kind: KindCompatible, Object: "WidgetsList", Message: "added"}},
		}}},
		maxItems: 50,
	}
}

func TestMarkdownHasVerdictSourcesSpecAndGoAPI(t *testing.T) {
	md := testChangelog().markdown()
	assert.True(t, strings.HasPrefix(md, "# Seam OpenAPI spec update\n\n**Verdict: breaking**\n"), md)
	assert.Contains(t, md, "- apidiff finds 2 incompatible changes in the Go API;")
	assert.NotContains(t, md, "- oasdiff finds")
	assert.Contains(t, md, "| Source | `npm:@seamapi/types@1.0.0` | `npm:@seamapi/types@2.0.0` |")
	assert.Contains(t, md, "| SHA-256 | `aaa` | `bbb` |")
	// specdiff's own verdict is relabelled, so that the overall one is unique.
	assert.Contains(t, md, "## Spec changes (oasdiff)\n\n**Spec verdict: not breaking**")
	assert.Equal(t, 1, strings.Count(md, "**Verdict:"))
	assert.Contains(t, md, "- `POST /widgets/list`: endpoint added")
	assert.Contains(t, md, "### `gen`: incompatible changes (2)")
	assert.Contains(t, md, "#### removed (1)\n\n- `Gadget`: removed\n")
	assert.Contains(t, md, "#### T → *T (now optional) (1)\n\n- `Widget.Color`: changed from string to *string\n")
	assert.Contains(t, md, "### `gen`: compatible changes (1)\n\n- `WidgetsList`: added\n")
	assert.Less(t, strings.Index(md, "## Go API"), strings.Index(md, "## Spec changes"))
}

func TestMarkdownShowsTypeErrors(t *testing.T) {
	c := testChangelog()
	c.goAPI = GoAPIDiff{Packages: goAdded.Packages, NewTypeErrors: typeErrs}
	md := c.markdown()
	assert.Contains(t, md, "**Verdict: breaking**")
	assert.Contains(t, md, "- the regenerated code does not type-check;")
	assert.Contains(t, md, "**The new tree does not type-check**")
	assert.Contains(t, md, "undefined: gen.Gadget")
}

func TestMarkdownWithoutGoAPIChanges(t *testing.T) {
	c := testChangelog()
	c.goAPI = GoAPIDiff{}
	md := c.markdown()
	assert.Contains(t, md, "**Verdict: not breaking**")
	assert.Contains(t, md, "No exported name of these packages changed.")
	assert.NotContains(t, md, "### `gen`")
}

func TestMarkdownSpecFileChangedOutOfScope(t *testing.T) {
	c := testChangelog()
	c.spec, c.goAPI = &specdiff.Report{}, GoAPIDiff{}
	md := c.markdown()
	assert.Contains(t, md, "**Verdict: no change**\n\nThe spec file changed, but neither")
}

func TestMarkdownLimitsLists(t *testing.T) {
	c := testChangelog()
	c.goAPI.Packages[0].Compatible = manyChanges("T", 7)
	c.maxItems = 5
	md := c.markdown()
	assert.Contains(t, md, "- `T4`: added\n- … and 2 more\n")
	assert.NotContains(t, md, "`T5`")

	c.maxItems = 0
	assert.Contains(t, c.markdown(), "- `T6`: added\n")
}

func TestPRBodyShortensListsToFit(t *testing.T) {
	c := testChangelog()
	c.goAPI.Packages[0].Compatible = manyChanges("SomeRatherLongGeneratedTypeName", 400)
	c.maxItems = 0
	full := c.markdown()
	require.Greater(t, len(full), 4000)

	body := c.prBody(4000)
	assert.LessOrEqual(t, len(body), 4000)
	assert.Contains(t, body, "## Go API")
	assert.Contains(t, body, "#### removed (1)")
	assert.Contains(t, body, "### `gen`: compatible changes (400)")
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

func TestTypeCheckErrorIsFoundWrapped(t *testing.T) {
	var target *TypeCheckError
	require.True(t, errors.As(fmt.Errorf("wrapped: %w", typeErrs), &target))
	assert.Equal(t, TreeNew, target.Tree)
	assert.Contains(t, target.Error(), "the new tree (/x) does not type-check")
}

func manyChanges(prefix string, n int) []GoChange {
	cs := make([]GoChange, n)
	for i := range cs {
		cs[i] = GoChange{Kind: KindCompatible, Object: fmt.Sprintf("%s%d", prefix, i), Message: "added"}
	}
	return cs
}
