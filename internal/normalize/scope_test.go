package normalize_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/seamgo/seam-go/internal/normalize"
)

// scopeSpec marks operations undocumented on the operation (true, a
// non-boolean value, an explicit false) and on a whole path item.
func scopeSpec() []byte {
	return spec("", `{
		"/a/list": {"get": `+op("aListGet", "")+`, "post": `+op("aListPost", `"x-undocumented": true`)+`},
		"/b/hidden": {"x-undocumented": true, "get": `+op("bHiddenGet", "")+`, "post": `+op("bHiddenPost", "")+`},
		"/c/ok": {"post": `+op("cOkPost", `"x-undocumented": false`)+`},
		"/d/reason": {"post": `+op("dReasonPost", `"x-undocumented": "internal only"`)+`}
	}`)
}

func TestScopeDropsUndocumentedOperations(t *testing.T) {
	r := run(t, scopeSpec(), normalize.Options{})

	assert.Equal(t, map[string]int{normalize.RuleScope: 4}, r.counts())
	assert.Equal(t, 2, r.report.Operations)
	// The operation-level mark removes one method, the path-level mark the
	// whole item; an explicit false keeps the operation; a path item left
	// without operations goes.
	assert.True(t, r.has("#/paths/~1a~1list/get"))
	assert.False(t, r.has("#/paths/~1a~1list/post"))
	assert.False(t, r.has("#/paths/~1b~1hidden"))
	assert.True(t, r.has("#/paths/~1c~1ok/post"))
	assert.False(t, r.has("#/paths/~1d~1reason"))
}

func TestScopeIncludeUndocumentedKeepsEverything(t *testing.T) {
	r := run(t, scopeSpec(), normalize.Options{IncludeUndocumented: true})

	assert.Empty(t, r.counts())
	assert.Equal(t, 6, r.report.Operations)
	for _, ptr := range []string{"#/paths/~1a~1list/post", "#/paths/~1b~1hidden/get", "#/paths/~1b~1hidden/post", "#/paths/~1d~1reason/post"} {
		assert.True(t, r.has(ptr), ptr)
	}
}
