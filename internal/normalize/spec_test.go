package normalize_test

import (
	"bytes"
	"encoding/json"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seamgo/seam-go/internal/normalize"
)

// committedSpec is the spec gen/ is generated from.
const committedSpec = "../../openapi.json"

// bodyContent matches the pointer of a media type object below an operation.
var bodyContent = regexp.MustCompile(`^/(requestBody|responses/[^/]+)/content/[^/]+$`)

var httpMethods = []string{"get", "put", "post", "delete", "options", "head", "patch", "trace"}

// countOperations counts the operations of a raw spec, and those not marked
// x-undocumented (on the operation or its path item).
func countOperations(t testing.TB, data []byte) (all, documented int) {
	t.Helper()
	var doc struct {
		Paths map[string]map[string]json.RawMessage `json:"paths"`
	}
	require.NoError(t, json.Unmarshal(data, &doc))
	undocumented := func(raw json.RawMessage) bool {
		var ext struct {
			X any `json:"x-undocumented"`
		}
		require.NoError(t, json.Unmarshal(raw, &ext))
		return ext.X != nil && ext.X != false
	}
	for _, item := range doc.Paths {
		itemHidden := false
		if raw, ok := item["x-undocumented"]; ok {
			itemHidden = string(raw) != "false"
		}
		for _, m := range httpMethods {
			raw, ok := item[m]
			if !ok {
				continue
			}
			all++
			if !itemHidden && !undocumented(raw) {
				documented++
			}
		}
	}
	return all, documented
}

// TestCommittedSpec checks what every rule promises on the real spec: the
// output is stable from run to run and has none of the shapes that make
// oapi-codegen fail or generate code that does not compile.
func TestCommittedSpec(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(committedSpec)
	require.NoError(t, err)
	all, documented := countOperations(t, data)

	first := run(t, data, normalize.Options{})
	second := run(t, data, normalize.Options{})
	require.True(t, bytes.Equal(first.raw, second.raw), "two runs on the committed spec differ")
	assert.Equal(t, documented, first.report.Operations)
	assert.Equal(t, all-documented, first.report.Counts[normalize.RuleScope])
	t.Logf("%d operations, %d in scope; rules:\n%s", all, documented, first.report)

	var in struct {
		Components struct {
			Schemas map[string]json.RawMessage `json:"schemas"`
		} `json:"components"`
	}
	require.NoError(t, json.Unmarshal(data, &in))
	lifted := regexp.MustCompile(`^[a-z0-9]+(_[a-z0-9]+)*$`)
	for _, name := range first.components(t) {
		if _, ok := in.Components.Schemas[name]; !ok {
			assert.Regexp(t, lifted, name, "lifted component name")
		}
	}

	var discriminated, bodies int
	walkJSON(first.doc, "#", func(ptr string, s map[string]any) {
		if d, ok := s["discriminator"].(map[string]any); ok {
			discriminated++
			members, _ := s["oneOf"].([]any)
			mapping, _ := d["mapping"].(map[string]any)
			assert.Len(t, mapping, len(members), "%s: mapping size", ptr)
			targets := map[string]bool{}
			for _, v := range mapping {
				targets[v.(string)] = true
			}
			for i, m := range members {
				ref, _ := m.(map[string]any)["$ref"].(string)
				assert.NotEmpty(t, ref, "%s/oneOf/%d is inline", ptr, i)
				assert.True(t, targets[ref], "%s/oneOf/%d is not mapped", ptr, i)
			}
		}
		if members, ok := s["allOf"].([]any); ok {
			for i, m := range members {
				assert.NotContains(t, m, "default", "%s/allOf/%d", ptr, i)
			}
		}
		if ap, ok := s["additionalProperties"].(map[string]any); ok && s["properties"] != nil {
			assert.NotEqual(t, true, ap["nullable"], "%s/additionalProperties", ptr)
		}
	})
	paths := first.obj(t, "#/paths")
	for path, rawItem := range paths {
		item := rawItem.(map[string]any)
		assert.NotContains(t, item, "x-undocumented", path)
		for _, method := range httpMethods {
			op, ok := item[method].(map[string]any)
			if !ok {
				continue
			}
			assert.NotContains(t, op, "x-undocumented", "%s %s", method, path)
			walkJSON(op, "", func(ptr string, obj map[string]any) {
				// Media types under requestBody/content and responses/<code>/content.
				if !bodyContent.MatchString(ptr) {
					return
				}
				if schema, ok := obj["schema"].(map[string]any); ok {
					assert.NotEmpty(t, schema["$ref"], "%s %s%s is inline", method, path, ptr)
					bodies++
				}
			})
		}
	}
	require.Positive(t, discriminated)
	require.Positive(t, bodies)
	t.Logf("%d components (%d in the spec), %d discriminated unions, %d bodies, all mapped and named",
		len(first.components(t)), len(in.Components.Schemas), discriminated, bodies)
}

func TestCommittedSpecIncludeUndocumented(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(committedSpec)
	require.NoError(t, err)
	all, _ := countOperations(t, data)

	r := run(t, data, normalize.Options{IncludeUndocumented: true})
	assert.Equal(t, all, r.report.Operations)
	assert.Zero(t, r.report.Counts[normalize.RuleScope])
}

// walkJSON calls fn for every JSON object below node, with its pointer.
func walkJSON(node any, ptr string, fn func(ptr string, obj map[string]any)) {
	switch n := node.(type) {
	case map[string]any:
		fn(ptr, n)
		for k, v := range n {
			walkJSON(v, ptr+"/"+strings.ReplaceAll(strings.ReplaceAll(k, "~", "~0"), "/", "~1"), fn)
		}
	case []any:
		for i, v := range n {
			walkJSON(v, ptr+"/"+itoa(i), fn)
		}
	}
}

func itoa(i int) string { return strconv.Itoa(i) }
