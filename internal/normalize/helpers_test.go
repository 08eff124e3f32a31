package normalize_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/seamgo/seam-go/internal/normalize"
)

// result is what Normalize made of a test spec, decoded for inspection.
type result struct {
	raw    []byte
	doc    map[string]any
	report *normalize.Report
}

// spec builds a minimal OpenAPI 3.0 document from the JSON text of its
// component schemas and its paths ("" means none).
func spec(schemas, paths string) []byte {
	if schemas == "" {
		schemas = "{}"
	}
	if paths == "" {
		paths = "{}"
	}
	return []byte(`{"openapi":"3.0.0","info":{"title":"test","version":"1.0.0"},` +
		`"paths":` + paths + `,"components":{"schemas":` + schemas + `}}`)
}

// op is the JSON of an operation with no parameters and an empty 200
// response, plus extra top-level members (`"x-undocumented":true`).
func op(id, extra string) string {
	if extra != "" {
		extra = "," + extra
	}
	return `{"operationId":"` + id + `","responses":{"200":{"description":"ok"}}` + extra + `}`
}

// jsonContent is the JSON of a content map holding schema as application/json.
func jsonContent(schema string) string {
	return `{"application/json":{"schema":` + schema + `}}`
}

// fixture reads testdata/name.
func fixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	return data
}

// run normalizes data with opts and fails the test on error.
func run(t testing.TB, data []byte, opts normalize.Options) result {
	t.Helper()
	out, report, err := normalize.Normalize(context.Background(), data, opts)
	require.NoError(t, err)
	var doc map[string]any
	require.NoError(t, json.Unmarshal(out, &doc))
	return result{raw: out, doc: doc, report: report}
}

// runErr normalizes data and returns the error it must fail with.
func runErr(t testing.TB, data []byte) error {
	t.Helper()
	out, report, err := normalize.Normalize(context.Background(), data, normalize.Options{})
	require.Error(t, err)
	require.Nil(t, out)
	require.Nil(t, report)
	return err
}

// lookup resolves a JSON pointer ("#/components/schemas/x") in the result.
func (r result) lookup(ptr string) (any, error) {
	var node any = r.doc
	for _, tok := range strings.Split(strings.TrimPrefix(ptr, "#/"), "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		switch n := node.(type) {
		case map[string]any:
			next, ok := n[tok]
			if !ok {
				return nil, fmt.Errorf("%s: no member %q", ptr, tok)
			}
			node = next
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(n) {
				return nil, fmt.Errorf("%s: %q is not an index of an array of %d", ptr, tok, len(n))
			}
			node = n[i]
		default:
			return nil, fmt.Errorf("%s: cannot descend into %T at %q", ptr, node, tok)
		}
	}
	return node, nil
}

// at resolves a JSON pointer in the result and fails the test when it
// does not resolve.
func (r result) at(t testing.TB, ptr string) any {
	t.Helper()
	node, err := r.lookup(ptr)
	require.NoError(t, err)
	return node
}

// obj resolves ptr to a JSON object.
func (r result) obj(t testing.TB, ptr string) map[string]any {
	t.Helper()
	m, ok := r.at(t, ptr).(map[string]any)
	require.Truef(t, ok, "%s is not an object", ptr)
	return m
}

// has reports whether ptr resolves in the result.
func (r result) has(ptr string) bool {
	_, err := r.lookup(ptr)
	return err == nil
}

// ref is the $ref at ptr, "" if the schema there is inline.
func (r result) ref(t testing.TB, ptr string) string {
	t.Helper()
	s, _ := r.obj(t, ptr)["$ref"].(string)
	return s
}

// component is the component schema name.
func (r result) component(t testing.TB, name string) map[string]any {
	t.Helper()
	return r.obj(t, "#/components/schemas/"+name)
}

// components lists the component schema names of the result.
func (r result) components(t testing.TB) []string {
	t.Helper()
	var names []string
	for name := range r.obj(t, "#/components/schemas") {
		names = append(names, name)
	}
	return names
}

// mapping is the discriminator mapping of the schema at ptr.
func (r result) mapping(t testing.TB, ptr string) map[string]string {
	t.Helper()
	raw := r.obj(t, ptr+"/discriminator")["mapping"]
	m, ok := raw.(map[string]any)
	require.Truef(t, ok, "%s has no discriminator mapping", ptr)
	out := map[string]string{}
	for k, v := range m {
		out[k], _ = v.(string)
	}
	return out
}

// oneOfRefs lists the $ref of each oneOf member of the schema at ptr.
func (r result) oneOfRefs(t testing.TB, ptr string) []string {
	t.Helper()
	members, ok := r.obj(t, ptr)["oneOf"].([]any)
	require.Truef(t, ok, "%s has no oneOf", ptr)
	refs := make([]string, len(members))
	for i, m := range members {
		refs[i], _ = m.(map[string]any)["$ref"].(string)
	}
	return refs
}

// counts returns the report's counts, with rules that changed nothing
// left out, so that a test can compare them whole.
func (r result) counts() map[string]int {
	out := map[string]int{}
	for rule, n := range r.report.Counts {
		if n != 0 {
			out[rule] = n
		}
	}
	return out
}

// schemaRef is the $ref value naming a component.
func schemaRef(name string) string { return "#/components/schemas/" + name }
