package normalize_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/seamgo/seam-go/internal/normalize"
)

func TestAllOfMemberDefaults(t *testing.T) {
	r := run(t, spec(`{
		"one": {"allOf": [
			{"type": "object", "properties": {"a": {"type": "string"}}, "default": {}},
			{"type": "object", "properties": {"b": {"type": "string"}}}]},
		"two": {"allOf": [
			{"type": "object", "properties": {"a": {"type": "string"}}, "default": {}},
			{"type": "object", "properties": {"b": {"type": "string"}}, "default": {"b": "x"}}]},
		"own": {"default": {"a": "mine"}, "allOf": [
			{"type": "object", "properties": {"a": {"type": "string"}}, "default": {}}]},
		"by_ref": {"allOf": [{"$ref": "#/components/schemas/base"}, {"type": "object", "properties": {"c": {"type": "string"}}}]},
		"base": {"type": "object", "properties": {"z": {"type": "string"}}, "default": {}},
		"nested": {"type": "object", "properties": {"options": {"allOf": [
			{"type": "object", "properties": {"a": {"type": "boolean", "default": false}}, "default": {}}]}}}
	}`, ""), normalize.Options{})

	// one: 1 moved; two: 2 dropped; own: 1 dropped; nested: 1 moved.
	assert.Equal(t, map[string]int{normalize.RuleAllOfDefaults: 5}, r.counts())
	// A single member default moves to the parent.
	assert.Equal(t, map[string]any{}, r.component(t, "one")["default"])
	assert.NotContains(t, r.obj(t, "#/components/schemas/one/allOf/0"), "default")
	// Two member defaults cannot be merged: both go, the parent gets none.
	assert.NotContains(t, r.component(t, "two"), "default")
	assert.NotContains(t, r.obj(t, "#/components/schemas/two/allOf/0"), "default")
	assert.NotContains(t, r.obj(t, "#/components/schemas/two/allOf/1"), "default")
	// The parent's own default wins.
	assert.Equal(t, map[string]any{"a": "mine"}, r.component(t, "own")["default"])
	assert.NotContains(t, r.obj(t, "#/components/schemas/own/allOf/0"), "default")
	// A $ref member is another schema's business; its own default stays.
	assert.NotContains(t, r.component(t, "by_ref"), "default")
	assert.Equal(t, map[string]any{}, r.component(t, "base")["default"])
	// Inline allOf below a property; defaults of the member's properties stay.
	assert.Equal(t, map[string]any{}, r.obj(t, "#/components/schemas/nested/properties/options")["default"])
	assert.Equal(t, false, r.at(t, "#/components/schemas/nested/properties/options/allOf/0/properties/a/default"))
}

func TestNullableAdditionalPropertiesBesideProperties(t *testing.T) {
	r := run(t, spec(`{
		"space": {"type": "object", "properties": {"customer_data": {"type": "object",
			"properties": {"name": {"type": "string"}},
			"additionalProperties": {"type": "string", "nullable": true}}}},
		"only_map": {"type": "object", "additionalProperties": {"type": "string", "nullable": true}},
		"plain": {"type": "object", "properties": {"name": {"type": "string"}}, "additionalProperties": {"type": "string"}}
	}`, ""), normalize.Options{})

	assert.Equal(t, map[string]int{normalize.RuleNullableAdditional: 1}, r.counts())
	ap := r.obj(t, "#/components/schemas/space/properties/customer_data/additionalProperties")
	assert.NotContains(t, ap, "nullable")
	assert.Equal(t, "string", ap["type"])
	// A map without properties compiles with nullable values: left alone.
	assert.Equal(t, true, r.at(t, "#/components/schemas/only_map/additionalProperties/nullable"))
	assert.Equal(t, "string", r.at(t, "#/components/schemas/plain/additionalProperties/type"))
}
