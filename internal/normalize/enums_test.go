package normalize_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/seamgo/seam-go/internal/normalize"
)

func TestStringEnumUnionsMerged(t *testing.T) {
	r := run(t, spec(`{"device": {"type": "object", "properties": {
		"device_type": {"description": "Type of the device.", "oneOf": [
			{"type": "string", "enum": ["august_lock", "schlage_lock"], "description": "Device type for locks."},
			{"type": "string", "enum": ["ecobee_thermostat"]},
			{"type": "string", "enum": ["august_lock"]}]},
		"maybe_type": {"nullable": true, "oneOf": [
			{"type": "string", "enum": ["a"]},
			{"type": "string", "enum": ["b"]}]}
	}}}`, ""), normalize.Options{})

	assert.Equal(t, map[string]int{normalize.RuleMergeEnumUnions: 2}, r.counts())
	// One string enum with every value once, in member order; the union's
	// own documentation stays.
	deviceType := r.obj(t, "#/components/schemas/device/properties/device_type")
	assert.Equal(t, map[string]any{
		"description": "Type of the device.",
		"type":        "string",
		"enum":        []any{"august_lock", "schlage_lock", "ecobee_thermostat"},
	}, deviceType)
	maybe := r.obj(t, "#/components/schemas/device/properties/maybe_type")
	assert.Equal(t, true, maybe["nullable"])
	assert.Equal(t, []any{"a", "b"}, maybe["enum"])
	assert.NotContains(t, maybe, "oneOf")
	assert.ElementsMatch(t, []string{"device"}, r.components(t))
}

func TestStringEnumUnionsNotMerged(t *testing.T) {
	for _, tc := range []struct {
		name  string
		union string
	}{{
		name:  "a member with a format",
		union: `{"oneOf": [{"type": "string", "enum": ["a"]}, {"type": "string", "format": "date-time", "enum": ["2020-01-01T00:00:00Z"]}]}`,
	}, {
		name:  "a member without an enum",
		union: `{"oneOf": [{"type": "string", "enum": ["a"]}, {"type": "string"}]}`,
	}, {
		name:  "a nullable member",
		union: `{"oneOf": [{"type": "string", "enum": ["a"]}, {"type": "string", "enum": ["b"], "nullable": true}]}`,
	}, {
		name:  "a $ref member",
		union: `{"oneOf": [{"type": "string", "enum": ["a"]}, {"$ref": "#/components/schemas/other"}]}`,
	}, {
		name:  "a non-string member",
		union: `{"oneOf": [{"type": "string", "enum": ["a"]}, {"type": "integer", "enum": [1]}]}`,
	}, {
		name:  "a single member",
		union: `{"oneOf": [{"type": "string", "enum": ["a"]}]}`,
	}} {
		t.Run(tc.name, func(t *testing.T) {
			r := run(t, spec(`{"u": `+tc.union+`, "other": {"type": "string", "enum": ["b"]}}`, ""), normalize.Options{})

			assert.Empty(t, r.counts())
			assert.Contains(t, r.component(t, "u"), "oneOf")
		})
	}
}
