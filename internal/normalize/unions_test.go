package normalize_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/seamgo/seam-go/internal/normalize"
)

func TestInlineUnionsLiftedOncePerDistinctUnion(t *testing.T) {
	r := run(t, spec(`{
		"a": {"type": "object", "properties": {
			"value": {"description": "A's value.", "oneOf": [{"type": "string"}, {"type": "boolean"}]},
			"mixed": {"oneOf": [{"type": "string"}, {"type": "object", "properties": {"x": {"type": "string"}}}]},
			"maybe": {"nullable": true, "oneOf": [{"type": "string"}, {"type": "number"}]},
			"any": {"anyOf": [{"type": "integer"}, {"type": "string", "description": "a string"}]},
			"stamp": {"oneOf": [{"type": "string", "format": "date-time"}, {"type": "boolean"}]}
		}},
		"b": {"type": "object", "properties": {
			"flag": {"description": "B's flag.", "oneOf": [{"type": "string"}, {"type": "boolean"}]},
			"mixed_too": {"description": "differs only in documentation", "oneOf": [{"type": "string"}, {"type": "object", "properties": {"x": {"type": "string"}}}]},
			"list": {"type": "array", "items": {"oneOf": [{"type": "string"}, {"type": "boolean"}]}}
		}},
		"top": {"oneOf": [{"type": "string"}, {"type": "boolean"}]}
	}`, ""), normalize.Options{})

	// Eight inline unions (a.value, a.mixed, a.maybe, a.any, a.stamp,
	// b.flag, b.mixed_too, b.list items); a component union stays where it is.
	assert.Equal(t, map[string]int{normalize.RuleLiftUnions: 8}, r.counts())

	// Bare primitive members name the union after their types, so the same
	// union anywhere is one type; documentation does not split it.
	for _, ptr := range []string{"#/components/schemas/a/properties/value", "#/components/schemas/b/properties/flag", "#/components/schemas/b/properties/list/items"} {
		assert.Equal(t, schemaRef("string_or_boolean"), r.ref(t, ptr), ptr)
	}
	assert.Equal(t, "A's value.", r.component(t, "string_or_boolean")["description"])
	assert.Equal(t, schemaRef("nullable_string_or_number"), r.ref(t, "#/components/schemas/a/properties/maybe"))
	// anyOf counts too, and a member's own description does not matter...
	assert.Equal(t, schemaRef("integer_or_string"), r.ref(t, "#/components/schemas/a/properties/any"))
	assert.Contains(t, r.component(t, "integer_or_string"), "anyOf")
	// ...but a member with more than a type (a format) is not a bare primitive.
	assert.Equal(t, schemaRef("a_stamp"), r.ref(t, "#/components/schemas/a/properties/stamp"))
	// Other unions are named after where they were first met.
	assert.Equal(t, schemaRef("a_mixed"), r.ref(t, "#/components/schemas/a/properties/mixed"))
	assert.Equal(t, schemaRef("a_mixed"), r.ref(t, "#/components/schemas/b/properties/mixed_too"))

	assert.ElementsMatch(t, []string{"a", "b", "top", "string_or_boolean", "nullable_string_or_number", "integer_or_string", "a_stamp", "a_mixed"}, r.components(t))
	assert.Len(t, r.oneOfRefs(t, "#/components/schemas/top"), 2, "a component union is left in place")
}
