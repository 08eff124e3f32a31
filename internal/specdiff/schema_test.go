package specdiff

import (
	"fmt"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func typed(t string) *openapi3.SchemaRef {
	return &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{t}}}
}

func enumOf(values ...any) *openapi3.SchemaRef {
	return &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{openapi3.TypeString}, Enum: values}}
}

func object(props map[string]*openapi3.SchemaRef) *openapi3.SchemaRef {
	return &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{openapi3.TypeObject}, Properties: props}}
}

func TestUnionLabels(t *testing.T) {
	member := func(props map[string]*openapi3.SchemaRef) *openapi3.SchemaRef { return object(props) }
	cases := []struct {
		name  string
		union *openapi3.Schema
		want  []string
	}{
		{"discriminator value", &openapi3.Schema{
			Discriminator: &openapi3.Discriminator{PropertyName: "kind"},
			OneOf: openapi3.SchemaRefs{
				member(map[string]*openapi3.SchemaRef{"kind": enumOf("a"), "x": enumOf("same")}),
				member(map[string]*openapi3.SchemaRef{"kind": enumOf("b"), "x": enumOf("same")}),
			},
		}, []string{"a", "b"}},
		{"discriminator mapping for $ref members", &openapi3.Schema{
			Discriminator: &openapi3.Discriminator{PropertyName: "kind", Mapping: openapi3.StringMap[openapi3.MappingRef]{
				"big": {Ref: componentPrefix + "big_thing"},
			}},
			OneOf: openapi3.SchemaRefs{
				{Ref: componentPrefix + "big_thing", Value: &openapi3.Schema{}},
				{Ref: componentPrefix + "small_thing", Value: &openapi3.Schema{}},
			},
		}, []string{"big", "small_thing"}},
		{"implicit: the pinned properties that vary", &openapi3.Schema{
			OneOf: openapi3.SchemaRefs{
				member(map[string]*openapi3.SchemaRef{"type": enumOf("LOCK"), "status": enumOf("ok"), "v": enumOf(true)}),
				member(map[string]*openapi3.SchemaRef{"type": enumOf("LOCK"), "status": enumOf("error"), "v": enumOf(true)}),
				member(map[string]*openapi3.SchemaRef{"type": enumOf("OPEN"), "status": enumOf("ok"), "v": enumOf(true)}),
			},
		}, []string{"status=ok,type=LOCK", "status=error,type=LOCK", "status=ok,type=OPEN"}},
		{"index when nothing tells members apart", &openapi3.Schema{
			AnyOf: openapi3.SchemaRefs{typed(openapi3.TypeString), typed(openapi3.TypeNumber)},
		}, []string{"#0", "#1"}},
		{"duplicate discriminator values fall back to the index", &openapi3.Schema{
			Discriminator: &openapi3.Discriminator{PropertyName: "kind"},
			OneOf: openapi3.SchemaRefs{
				member(map[string]*openapi3.SchemaRef{"kind": enumOf("a")}),
				member(map[string]*openapi3.SchemaRef{"kind": enumOf("a")}),
				member(map[string]*openapi3.SchemaRef{}),
			},
		}, []string{"a", "#1", "#2"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			labels, members := unionMembers(tc.union)
			assert.Equal(t, tc.want, labels)
			assert.Len(t, members, len(tc.want))
		})
	}
}

func TestCompareCycleAndDepth(t *testing.T) {
	// Two genuinely cyclic schemas: node.next is node itself.
	cyclic := func(extra string) *openapi3.SchemaRef {
		node := &openapi3.Schema{Type: &openapi3.Types{openapi3.TypeObject}, Properties: map[string]*openapi3.SchemaRef{}}
		ref := &openapi3.SchemaRef{Ref: componentPrefix + "node", Value: node}
		node.Properties["next"] = ref
		node.Properties["children"] = &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{openapi3.TypeArray}, Items: ref}}
		if extra != "" {
			node.Properties[extra] = typed(openapi3.TypeString)
		}
		return ref
	}
	w := newWalker(InResponse, true)
	w.compare("node", cyclic(""), cyclic("label"), 0)
	assert.Equal(t, []Change{{Kind: Added, In: InResponse, Path: "node.label", Detail: "string"}}, w.changes)

	// A chain deeper than MaxDepth, rebuilt for each side so that no pointer
	// is shared: the change at the bottom is out of reach, the one at the top
	// is found.
	chain := func(bottom string, top string) *openapi3.SchemaRef {
		s := object(map[string]*openapi3.SchemaRef{"leaf": typed(bottom)})
		for i := 0; i < MaxDepth+5; i++ {
			s = object(map[string]*openapi3.SchemaRef{"down": s})
		}
		s.Value.Properties["top"] = typed(top)
		return s
	}
	w = newWalker(InResponse, true)
	w.compare("", chain(openapi3.TypeString, openapi3.TypeString), chain(openapi3.TypeInteger, openapi3.TypeBoolean), 0)
	require.Len(t, w.changes, 1)
	assert.Equal(t, Change{Kind: Retyped, In: InResponse, Path: "top", Detail: "string → boolean", Breaking: true}, w.changes[0])
}

func TestCompareShapes(t *testing.T) {
	allOf := func(members ...*openapi3.SchemaRef) *openapi3.SchemaRef {
		return &openapi3.SchemaRef{Value: &openapi3.Schema{AllOf: members}}
	}
	mapOf := func(v *openapi3.SchemaRef) *openapi3.SchemaRef {
		return &openapi3.SchemaRef{Value: &openapi3.Schema{
			Type: &openapi3.Types{openapi3.TypeObject}, AdditionalProperties: openapi3.AdditionalProperties{Schema: v},
		}}
	}
	cases := []struct {
		name     string
		old, new *openapi3.SchemaRef
		want     []Change
	}{
		{"allOf members are merged",
			allOf(object(map[string]*openapi3.SchemaRef{"a": typed("string")})),
			allOf(object(map[string]*openapi3.SchemaRef{"a": typed("string")}), object(map[string]*openapi3.SchemaRef{"b": typed("integer")})),
			[]Change{{Kind: Added, In: InSchema, Path: "x.b", Detail: "integer"}}},
		{"map values are compared",
			mapOf(enumOf("a")), mapOf(enumOf("a", "b")),
			[]Change{{Kind: EnumValueAdded, In: InSchema, Path: "x.*", Detail: "b"}}},
		{"struct becoming a map is a type change",
			object(map[string]*openapi3.SchemaRef{"a": typed("string")}), mapOf(typed("string")),
			[]Change{{Kind: Retyped, In: InSchema, Path: "x", Detail: "object → map", Breaking: true}}},
		{"enum values with odd types",
			&openapi3.SchemaRef{Value: &openapi3.Schema{Enum: []any{"", 1.0, true}}},
			&openapi3.SchemaRef{Value: &openapi3.Schema{Enum: []any{"", 2.0, true}}},
			[]Change{
				{Kind: EnumValueAdded, In: InSchema, Path: "x", Detail: "2"},
				{Kind: EnumValueRemoved, In: InSchema, Path: "x", Detail: "1", Breaking: true},
			}},
		{"nested $ref compared by name in a component",
			object(map[string]*openapi3.SchemaRef{"d": {Ref: componentPrefix + "device", Value: &openapi3.Schema{}}}),
			object(map[string]*openapi3.SchemaRef{"d": {Ref: componentPrefix + "phone", Value: &openapi3.Schema{}}}),
			[]Change{{Kind: Retyped, In: InSchema, Path: "x.d", Detail: "$ref device → $ref phone", Breaking: true}}},
		{"nested $ref to the same component is not entered",
			object(map[string]*openapi3.SchemaRef{"d": {Ref: componentPrefix + "device", Value: object(nil).Value}}),
			object(map[string]*openapi3.SchemaRef{"d": {Ref: componentPrefix + "device", Value: object(map[string]*openapi3.SchemaRef{"n": typed("string")}).Value}}),
			nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			w := newWalker(InSchema, false)
			w.compare("x", tc.old, tc.new, 0)
			sortChanges(w.changes)
			assert.Equal(t, tc.want, w.changes)
		})
	}
}

func TestDescribe(t *testing.T) {
	arr := func(items *openapi3.SchemaRef) *openapi3.SchemaRef {
		return &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{openapi3.TypeArray}, Items: items}}
	}
	date := &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{openapi3.TypeString}, Format: "date-time"}}
	for want, s := range map[string]*openapi3.SchemaRef{
		"array of string enum":             arr(enumOf("a")),
		"array of array of device":         arr(arr(&openapi3.SchemaRef{Ref: componentPrefix + "device"})),
		"string(date-time)":                date,
		"oneOf":                            {Value: &openapi3.Schema{OneOf: openapi3.SchemaRefs{typed("string")}}},
		"any":                              {Value: &openapi3.Schema{Nullable: true}},
		"array of array of array of array": arr(arr(arr(arr(typed("string"))))),
	} {
		assert.Equal(t, want, describe(s, 0), fmt.Sprint(want))
	}
}
