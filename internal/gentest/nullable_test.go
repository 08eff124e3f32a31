package gentest

import (
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/oapi-codegen/nullable"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seamgo/seam-go/gen"
)

// nullableWalk compares a spec schema with the gen type that holds it and
// collects every property the spec marks nullable whose Go field cannot
// hold null apart from absent (anything but a nullable.Nullable[T]).
type nullableWalk struct {
	// checked counts the nullable properties found, and bad lists those
	// whose field is not a nullable.Nullable, as "where: property (Go type)".
	checked int
	bad     []string
	// ops counts the operations with at least one nullable property.
	ops map[string]bool
	// seen stops the walk on a schema already compared with a type (the
	// spec's schemas are shared and may be recursive).
	seen map[walkKey]bool
}

// walkKey is one schema compared with one Go type.
type walkKey struct {
	schema *openapi3.Schema
	typ    reflect.Type
}

// nullableType is the generic type nullable.Nullable, recognised by its
// package and name (any instance).
var nullableType = reflect.TypeFor[nullable.Nullable[string]]()

// isNullable reports whether t is a nullable.Nullable[T], and returns T.
func isNullable(t reflect.Type) (reflect.Type, bool) {
	if t.PkgPath() == nullableType.PkgPath() && strings.HasPrefix(t.Name(), "Nullable[") && t.Kind() == reflect.Map {
		return t.Elem(), true
	}
	return nil, false
}

// jsonFields returns the fields of the struct type t by JSON name.
func jsonFields(t reflect.Type) map[string]reflect.StructField {
	fields := map[string]reflect.StructField{}
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name != "" && name != "-" {
			fields[name] = f
		}
	}
	return fields
}

// unionMembers returns the member types of a generated union type t (a
// struct holding the raw JSON in an unexported field): the results of its
// As… methods.
func unionMembers(t reflect.Type) []reflect.Type {
	var members []reflect.Type
	for i := range t.NumMethod() {
		m := t.Method(i)
		if strings.HasPrefix(m.Name, "As") && m.Type.NumIn() == 1 && m.Type.NumOut() == 2 {
			members = append(members, m.Type.Out(0))
		}
	}
	return members
}

// schemaOf returns the value of a schema reference (nil when absent).
func schemaOf(ref *openapi3.SchemaRef) *openapi3.Schema {
	if ref == nil {
		return nil
	}
	return ref.Value
}

// walk compares schema s with the Go type t, at where (for messages), on
// behalf of operation op.
func (w *nullableWalk) walk(op, where string, s *openapi3.Schema, t reflect.Type) {
	if s == nil || t == nil {
		return
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if elem, ok := isNullable(t); ok {
		t = elem
	}
	key := walkKey{s, t}
	if w.seen[key] {
		return
	}
	w.seen[key] = true
	for _, part := range s.AllOf {
		w.walk(op, where, schemaOf(part), t)
	}
	if members := append(append([]*openapi3.SchemaRef{}, s.OneOf...), s.AnyOf...); len(members) > 0 {
		w.walkUnion(op, where, members, t)
	}
	switch t.Kind() {
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() != reflect.Uint8 || s.Items != nil { // not json.RawMessage
			w.walk(op, where+"[]", schemaOf(s.Items), t.Elem())
		}
	case reflect.Map:
		if s.AdditionalProperties.Schema != nil {
			w.walk(op, where+"{}", schemaOf(s.AdditionalProperties.Schema), t.Elem())
		}
	case reflect.Struct:
		w.walkObject(op, where, s, t)
	}
}

// walkObject compares the properties of s with the fields of the struct
// type t.
func (w *nullableWalk) walkObject(op, where string, s *openapi3.Schema, t reflect.Type) {
	if len(s.Properties) == 0 {
		return
	}
	fields := jsonFields(t)
	if len(fields) == 0 {
		return // a union's raw JSON: walkUnion reaches its members
	}
	names := make([]string, 0, len(s.Properties))
	for name := range s.Properties {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		ps := schemaOf(s.Properties[name])
		if ps == nil {
			continue
		}
		f, ok := fields[name]
		if !ok {
			w.bad = append(w.bad, fmt.Sprintf("%s.%s: no field in %s", where, name, t))
			continue
		}
		if ps.Nullable {
			w.checked++
			w.ops[op] = true
			if _, ok := isNullable(f.Type); !ok {
				w.bad = append(w.bad, fmt.Sprintf("%s.%s: %s.%s is %s", where, name, t, f.Name, f.Type))
			}
		}
		w.walk(op, where+"."+name, ps, f.Type)
	}
}

// walkUnion compares each member schema of a oneOf or anyOf with the
// generated member type that has its properties: the member whose JSON
// field names are the schema's property names (gen names members by
// schema, not by position). A member schema that no generated member
// matches is reported.
func (w *nullableWalk) walkUnion(op, where string, members []*openapi3.SchemaRef, t reflect.Type) {
	goMembers := unionMembers(reflect.PointerTo(t))
	if len(goMembers) == 0 {
		goMembers = unionMembers(t)
	}
	if len(goMembers) == 0 {
		return // a union gen keeps as raw JSON or an interface (no members to check)
	}
	for i, ref := range members {
		ms := schemaOf(ref)
		if ms == nil || len(ms.Properties) == 0 {
			continue
		}
		var candidates []reflect.Type
		for _, gm := range goMembers {
			if gm.Kind() == reflect.Struct && sameNames(ms, gm) {
				candidates = append(candidates, gm)
			}
		}
		if len(candidates) == 0 {
			w.bad = append(w.bad, fmt.Sprintf("%s: member %d of the union has no generated member type in %s", where, i, t))
			continue
		}
		// Members with the same property names: the schema must hold for
		// one of them.
		var best *nullableWalk
		for _, c := range candidates {
			try := &nullableWalk{ops: map[string]bool{}, seen: maps.Clone(w.seen)}
			try.walk(op, fmt.Sprintf("%s|%d", where, i), ms, c)
			if best == nil || len(try.bad) < len(best.bad) {
				best = try
			}
		}
		w.checked += best.checked
		w.bad = append(w.bad, best.bad...)
		for o := range best.ops {
			w.ops[o] = true
		}
	}
}

// sameNames reports whether the struct type t has a JSON field for exactly
// the properties of s.
func sameNames(s *openapi3.Schema, t reflect.Type) bool {
	fields := jsonFields(t)
	if len(fields) != len(s.Properties) {
		return false
	}
	for name := range s.Properties {
		if _, ok := fields[name]; !ok {
			return false
		}
	}
	return true
}

// operationTypes returns the Go types of an operation's inputs (its query
// parameters struct and its JSON body, those it has; nil otherwise) and of
// its decoded 200 answer, read from the generated method
// opID+"WithResponse".
func operationTypes(t *testing.T, opID string) (params, body, answer reflect.Type) {
	t.Helper()
	m, ok := reflect.TypeFor[*gen.ClientWithResponses]().MethodByName(goMethodName(opID) + "WithResponse")
	require.True(t, ok, "gen has no method for %s", opID)
	// (receiver, ctx, [params or body], editors...)
	for i := 2; i < m.Type.NumIn()-1; i++ {
		in := m.Type.In(i)
		if in.Kind() == reflect.Pointer {
			params = in.Elem()
		} else {
			body = in
		}
	}
	res := m.Type.Out(0).Elem()
	if f, ok := res.FieldByName("JSON200"); ok {
		answer = f.Type.Elem()
	}
	return params, body, answer
}

// TestEveryNullablePropertyIsNullable checks, for every documented
// operation, that each property the spec marks nullable, in its JSON
// request body and its 200 answer (at any depth, through
// arrays, maps and the members of unions), is a nullable.Nullable[T] field
// in gen: the one Go type that can send null and tell a null from an
// absent field. It fails when oapi-codegen's nullable-type output option is
// turned off (the fields become pointers) or stops covering a property.
func TestEveryNullablePropertyIsNullable(t *testing.T) {
	doc, err := committedSpec()
	require.NoError(t, err)
	ids, _ := inScope(t)
	inScopeIDs := map[string]bool{}
	for _, id := range ids {
		inScopeIDs[id] = true
	}
	req := &nullableWalk{ops: map[string]bool{}}
	res := &nullableWalk{ops: map[string]bool{}}
	for _, path := range doc.Paths.InMatchingOrder() {
		for method, op := range doc.Paths.Value(path).Operations() {
			if !inScopeIDs[op.OperationID] {
				continue
			}
			where := method + " " + path
			// Each operation is walked whole (schemas shared between
			// operations are compared again), so that every operation
			// with a nullable property counts.
			req.seen, res.seen = map[walkKey]bool{}, map[walkKey]bool{}
			// Query parameters are left out: a query string has no null
			// (an absent parameter is all it can say), so gen holds a
			// nullable query parameter as a pointer, rightly.
			_, body, answer := operationTypes(t, op.OperationID)
			if op.RequestBody != nil && op.RequestBody.Value != nil && body != nil {
				if mt := op.RequestBody.Value.Content.Get("application/json"); mt != nil {
					req.walk(where, where+" body", schemaOf(mt.Schema), body)
				}
			}
			if rs := op.Responses.Status(200); rs != nil && rs.Value != nil && answer != nil {
				if mt := rs.Value.Content.Get("application/json"); mt != nil {
					res.walk(where, where+" answer", schemaOf(mt.Schema), answer)
				}
			}
		}
	}
	t.Logf("nullable properties: %d in request bodies (%d operations), %d in answers (%d operations), counted per operation",
		req.checked, len(req.ops), res.checked, len(res.ops))
	assert.Empty(t, req.bad, "request properties the spec marks nullable that gen cannot send as null")
	assert.Empty(t, res.bad, "answer properties the spec marks nullable whose null gen cannot tell from absent")
	// The issue counted 11 operations whose requests, and 39 whose answers,
	// carry a nullable property: the walk must reach at least those.
	assert.GreaterOrEqual(t, len(req.ops), 11, "operations with a nullable request property")
	assert.GreaterOrEqual(t, len(res.ops), 39, "operations with a nullable answer property")
}

// TestNullableWalkFindsAPointer checks the walk itself: a nullable property
// held by a pointer (what gen generates without nullable-type), at the top
// and inside an array, is reported; the same property as a
// nullable.Nullable is not.
func TestNullableWalkFindsAPointer(t *testing.T) {
	str := &openapi3.Schema{Type: &openapi3.Types{openapi3.TypeString}, Nullable: true}
	inner := &openapi3.Schema{Type: &openapi3.Types{openapi3.TypeObject},
		Properties: openapi3.Schemas{"ends_at": openapi3.NewSchemaRef("", str)}}
	s := &openapi3.Schema{Type: &openapi3.Types{openapi3.TypeObject}, Properties: openapi3.Schemas{
		"name":  openapi3.NewSchemaRef("", str),
		"codes": openapi3.NewSchemaRef("", &openapi3.Schema{Type: &openapi3.Types{openapi3.TypeArray}, Items: openapi3.NewSchemaRef("", inner)}),
	}}
	type pointerCode struct {
		EndsAt *string `json:"ends_at,omitempty"`
	}
	type pointers struct {
		Name  *string       `json:"name,omitempty"`
		Codes []pointerCode `json:"codes"`
	}
	type nullableCode struct {
		EndsAt nullable.Nullable[string] `json:"ends_at,omitempty"`
	}
	type nullables struct {
		Name  nullable.Nullable[string] `json:"name,omitempty"`
		Codes []nullableCode            `json:"codes"`
	}
	w := &nullableWalk{ops: map[string]bool{}, seen: map[walkKey]bool{}}
	w.walk("op", "x", s, reflect.TypeFor[pointers]())
	assert.Equal(t, 2, w.checked)
	assert.Len(t, w.bad, 2, "%v", w.bad)

	w = &nullableWalk{ops: map[string]bool{}, seen: map[walkKey]bool{}}
	w.walk("op", "x", s, reflect.TypeFor[nullables]())
	assert.Equal(t, 2, w.checked)
	assert.Empty(t, w.bad)

	// And the fields the test relies on do tell null from absent.
	var got nullables
	require.NoError(t, json.Unmarshal([]byte(`{"name":null,"codes":[{}]}`), &got))
	assert.True(t, got.Name.IsNull())
	assert.False(t, got.Codes[0].EndsAt.IsSpecified())
}
