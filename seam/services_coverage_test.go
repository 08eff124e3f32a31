package seam

import (
	"context"
	"go/ast"
	"go/parser"
	"go/token"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seamgo/seam-go/internal/normalize"
	"github.com/seamgo/seam-go/internal/servicegen"
)

// conveniences are the exported service methods that are not an
// operation's one method: a second way to call an operation, or a helper
// over several calls. Each names the operation it calls.
var conveniences = map[string]string{
	"AccessCodes.GetByCode":           "/access_codes/get",
	"AccessCodes.CreateWithAttempt":   "/access_codes/create",
	"AccessCodes.WaitUntilReady":      "/access_codes/get",
	"AccessCodes.Unmanaged.GetByCode": "/access_codes/unmanaged/get",
}

// normalizedSpec loads openapi.json and normalises it as the pipeline
// does, once for all the tests that need it (it takes seconds).
var normalizedSpec = sync.OnceValues(func() (*openapi3.T, error) {
	raw, err := os.ReadFile(filepath.Join("..", "openapi.json"))
	if err != nil {
		return nil, err
	}
	normalized, _, err := normalize.Normalize(context.Background(), raw, normalize.Options{})
	if err != nil {
		return nil, err
	}
	return openapi3.NewLoader().LoadFromData(normalized)
})

// plannedOperations returns the operations the service layer must cover.
func plannedOperations(t *testing.T) []servicegen.Operation {
	t.Helper()
	doc, err := normalizedSpec()
	require.NoError(t, err)
	ops, err := servicegen.Plan(doc)
	require.NoError(t, err)
	return ops
}

// serviceMethods walks the services of a client by reflection and returns
// every exported method of every service, as "Thermostats.Schedules.Create",
// mapped to the path the naming rule gives it.
func serviceMethods(t *testing.T, c *Client) map[string]string {
	t.Helper()
	out := map[string]string{}
	var walk func(v reflect.Value, names []string, path string)
	walk = func(v reflect.Value, names []string, path string) {
		require.False(t, v.IsNil(), "service %s is nil", strings.Join(names, "."))
		typ := v.Type()
		for i := range typ.NumMethod() {
			m := typ.Method(i)
			out[strings.Join(append(append([]string(nil), names...), m.Name), ".")] = path + "/" + servicegen.SnakeName(m.Name)
		}
		st := v.Elem()
		for i := range st.NumField() {
			f := st.Type().Field(i)
			if !f.IsExported() {
				continue
			}
			require.Equal(t, reflect.Pointer, f.Type.Kind(), "field %s of %s", f.Name, typ)
			walk(st.Field(i), append(append([]string(nil), names...), f.Name), path+"/"+servicegen.SnakeName(f.Name))
		}
	}
	sv := reflect.ValueOf(c.Services)
	for i := range sv.NumField() {
		f := sv.Type().Field(i)
		walk(sv.Field(i), []string{f.Name}, "/"+servicegen.SnakeName(f.Name))
	}
	return out
}

// declaredMethods returns the methods declared on *XxxService receivers in
// the package's non-test files, split by whether the file is generated.
func declaredMethods(t *testing.T) (generated, handWritten map[string]bool) {
	t.Helper()
	generated, handWritten = map[string]bool{}, map[string]bool{}
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		require.NoError(t, err)
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Recv == nil || !fd.Name.IsExported() {
				continue
			}
			star, ok := fd.Recv.List[0].Type.(*ast.StarExpr)
			if !ok {
				continue
			}
			recv := star.X.(*ast.Ident).Name
			if !strings.HasSuffix(recv, "Service") {
				continue
			}
			key := recv + "." + fd.Name.Name
			if strings.HasSuffix(name, ".gen.go") {
				generated[key] = true
			} else {
				handWritten[key] = true
			}
		}
	}
	return generated, handWritten
}

// receiver is the service type that holds the method of o.
func receiver(o servicegen.Operation) string {
	return strings.Join(o.Service, "") + "Service"
}

// TestEveryOperationHasOneMethod walks the spec and the client: every
// documented operation is reached through exactly one service method,
// generated or hand-written (never both), and every service method is an
// operation's method, the iterator of a paginated list, or a listed
// convenience.
func TestEveryOperationHasOneMethod(t *testing.T) {
	ops := plannedOperations(t)
	require.Len(t, ops, 201, "documented paths of openapi.json")
	c := newTestClient(t, "http://127.0.0.1:1")
	methods := serviceMethods(t, c)
	generated, handWritten := declaredMethods(t)

	byPath := map[string]servicegen.Operation{}
	paginated := 0
	for _, o := range ops {
		byPath[o.Path] = o
		q := o.Qualified()
		path, ok := methods[q]
		if assert.True(t, ok, "%s has no method %s", o.Path, q) {
			assert.Equal(t, o.Path, path)
		}
		decl := receiver(o) + "." + o.Name
		_, listed := servicegen.HandWritten[o.Path]
		assert.Equal(t, listed, handWritten[decl], "%s: %s hand-written", o.Path, decl)
		assert.Equal(t, !listed, generated[decl], "%s: %s generated", o.Path, decl)
		if o.Paginated {
			paginated++
			_, ok := methods[strings.TrimSuffix(q, "List")+"All"]
			assert.True(t, ok, "%s: paginated, but %s has no All", o.Path, q)
			all := receiver(o) + ".All"
			assert.True(t, generated[all] != handWritten[all], "%s: All declared once", o.Path)
		}
	}
	assert.Equal(t, 16, paginated, "paginated operations")
	for path, method := range servicegen.HandWritten {
		o, ok := byPath[path]
		if assert.True(t, ok, "HandWritten lists %s, which the spec does not document", path) {
			assert.Equal(t, o.Qualified(), method)
		}
	}

	var names []string
	for name := range methods {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if path, ok := conveniences[name]; ok {
			assert.Contains(t, byPath, path, "convenience %s", name)
			continue
		}
		if strings.HasSuffix(name, ".All") {
			o, ok := byPath[strings.TrimSuffix(methods[name], "/all")+"/list"]
			assert.True(t, ok && o.Paginated, "%s iterates over no paginated list", name)
			continue
		}
		o, ok := byPath[methods[name]]
		if assert.True(t, ok, "method %s reaches %s, which is no documented operation", name, methods[name]) {
			assert.Equal(t, name, o.Qualified())
		}
	}
}

// TestGeneratedFileIsCurrent regenerates the service layer from the
// committed spec and gen/ and compares it with seam/services.gen.go (past
// its first line, which names the spec's digest).
func TestGeneratedFileIsCurrent(t *testing.T) {
	doc, err := normalizedSpec()
	require.NoError(t, err)
	genSrc, err := os.ReadFile(filepath.Join("..", "gen", "seam.gen.go"))
	require.NoError(t, err)
	committed, err := os.ReadFile("services.gen.go")
	require.NoError(t, err)
	header, _, _ := strings.Cut(string(committed), "\n")
	require.Contains(t, header, "DO NOT EDIT")
	got, err := servicegen.Generate(doc, genSrc, header)
	require.NoError(t, err)
	again, err := servicegen.Generate(doc, genSrc, header)
	require.NoError(t, err)
	require.Equal(t, string(got), string(again), "the generator is not deterministic")
	require.Equal(t, string(committed), string(got), "seam/services.gen.go is stale: run make generate")
}

// TestEveryAllIteratorConcurrently (here, beside plannedOperations, which
// needs the spec) ranges every All iterator of the
// package from 8 goroutines at once (run it with -race): each must see
// both pages, fetched with its own copy of the params.
func TestEveryAllIteratorConcurrently(t *testing.T) {
	ops := plannedOperations(t)
	keys := map[string]string{}
	for _, o := range ops {
		if o.Paginated {
			keys[o.Path] = o.Key
		}
	}
	srv := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		key, ok := keys[r.URL.Path]
		if !ok {
			t.Errorf("unexpected %s", r.URL.Path)
			http.NotFound(w, r)
			return
		}
		cursor := r.URL.Query().Get("page_cursor")
		if r.Method == http.MethodPost {
			if c, ok := readJSON(t, r)["page_cursor"].(string); ok {
				cursor = c
			}
		}
		page := map[string]any{"ok": true, key: []any{map[string]any{}},
			"pagination": map[string]any{"has_next_page": cursor == "", "next_page_cursor": "next"}}
		if cursor != "" {
			assert.Equal(t, "next", cursor)
			page["pagination"] = map[string]any{"has_next_page": false, "next_page_cursor": nil}
		}
		writeJSON(t, w, page)
	})
	c := newTestClient(t, srv.URL)
	iterators := allIterators(t, c)
	require.Len(t, iterators, len(keys), "one All per paginated operation")
	for name, all := range iterators {
		t.Run(name, func(t *testing.T) {
			params := reflect.New(all.Type().In(1).Elem())
			fillRequired(params)
			seq := all.Call([]reflect.Value{reflect.ValueOf(t.Context()), params})[0]
			var wg sync.WaitGroup
			counts := make([]int, 8)
			errs := make([]error, 8)
			for g := range 8 {
				wg.Go(func() {
					yield := reflect.MakeFunc(seq.Type().In(0), func(args []reflect.Value) []reflect.Value {
						if err, _ := args[1].Interface().(error); err != nil {
							errs[g] = err
							return []reflect.Value{reflect.ValueOf(false)}
						}
						counts[g]++
						return []reflect.Value{reflect.ValueOf(true)}
					})
					seq.Call([]reflect.Value{yield})
				})
			}
			wg.Wait()
			for g := range 8 {
				require.NoError(t, errs[g], "goroutine %d", g)
				assert.Equal(t, 2, counts[g], "goroutine %d saw both pages", g)
			}
			assert.True(t, strings.HasSuffix(name, ".All"))
		})
	}
}
