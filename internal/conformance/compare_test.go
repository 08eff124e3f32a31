package conformance

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
)

// The comparison must catch what it is there to catch: these check it on
// hand-made requests, without node.

func testSpec() spec {
	return spec{"paths": map[string]any{
		"/things/get": map[string]any{
			"get":  map[string]any{"parameters": []any{map[string]any{"in": "query", "name": "thing_id"}}},
			"post": map[string]any{},
		},
		"/things/delete": map[string]any{"post": map[string]any{}, "delete": map[string]any{}},
		"/things/update": map[string]any{"post": map[string]any{}},
	}}
}

func TestCompareRequests(t *testing.T) {
	s := testSpec()
	body := func(v any) request {
		return request{Method: "POST", Path: "/things/get", Body: map[string]any{"thing_id": v}}
	}
	same, only, _ := compareRequests(s, body("a"), body("a"))
	assert.True(t, same)
	assert.False(t, only)

	same, only, diff := compareRequests(s, body("a"), body("b"))
	assert.False(t, same || only, "a different value is a difference")
	assert.Contains(t, diff, "thing_id")

	get := request{Method: "GET", Path: "/things/get", Query: url.Values{"thing_id": {"a"}}}
	same, only, _ = compareRequests(s, body("a"), get)
	assert.True(t, !same && only, "GET with the documented query is the POST body's method-only twin")

	get.Query = url.Values{"thing_id": {"a"}, "other": {"x"}}
	_, only, diff = compareRequests(s, body("a"), get)
	assert.False(t, only, "an undocumented query parameter is a difference")
	assert.Contains(t, diff, "other")

	del := request{Method: "DELETE", Path: "/things/delete", Query: url.Values{"id": {"a"}}}
	_, only, _ = compareRequests(s, request{Method: "POST", Path: "/things/delete", Body: map[string]any{"id": "a"}}, del)
	assert.False(t, only, "DELETE documents no query parameter")

	patch := request{Method: "PATCH", Path: "/things/update", Body: map[string]any{"id": "a"}}
	_, only, _ = compareRequests(s, request{Method: "POST", Path: "/things/update", Body: map[string]any{"id": "a"}}, patch)
	assert.False(t, only, "PATCH is not documented for the path")

	same, _, _ = compareRequests(s, body(true), request{Method: "POST", Path: "/things/get", Body: map[string]any{"thing_id": "true"}})
	assert.False(t, same, "a boolean and a string differ in a body")
}

func TestSetAsideStrict(t *testing.T) {
	r := request{Query: url.Values{"_strict": {"true"}, "a": {"1"}}}
	assert.True(t, setAsideStrict(&r))
	assert.Equal(t, url.Values{"a": {"1"}}, r.Query)
	r = request{Query: url.Values{"_strict": {"false"}}}
	assert.False(t, setAsideStrict(&r), "only _strict=true is set aside")
}

func TestNormalizeAndDiff(t *testing.T) {
	a := map[string]any{"at": "2027-03-04T05:06:07.000Z", "gone": nil, "n": 1.0}
	b := map[string]any{"at": "2027-03-04T05:06:07Z", "n": 1.0}
	assert.Empty(t, diffJSON("", normalizeValue(a), normalizeValue(b)))
	b["n"] = 2.0
	assert.Equal(t, []string{".n: seam 1, JS SDK 2"}, diffJSON("", normalizeValue(a), normalizeValue(b)))
	assert.Equal(t, []string{".x: only the JS SDK has it (1)"}, diffJSON("", map[string]any{}, map[string]any{"x": 1.0}))
}
