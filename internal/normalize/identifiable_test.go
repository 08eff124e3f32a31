package normalize_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/seamgo/seam-go/internal/normalize"
)

// attempt is an inline action-attempt-like member: one value each for
// action_type and status, plus a result of its own.
func attempt(actionType, status, result string) string {
	return `{"type": "object", "properties": {
		"action_type": {"type": "string", "enum": ["` + actionType + `"]},
		"status": {"type": "string", "enum": ["` + status + `"]},
		"result": ` + result + `}}`
}

func TestPlainUnionMembersNamedBySingleValueEnums(t *testing.T) {
	r := run(t, spec(`{"action_attempt": {"oneOf": [
		`+attempt("LOCK_DOOR", "pending", `{"nullable": true}`)+`,
		`+attempt("LOCK_DOOR", "success", `{"type": "object"}`)+`,
		`+attempt("UNLOCK_DOOR", "pending", `{"nullable": true}`)+`
	]}}`, ""), normalize.Options{})

	assert.Equal(t, map[string]int{normalize.RuleNameUnionMembers: 3}, r.counts())
	// Both keys tell the members apart: names join their values in key
	// order (action_type, status), lower-cased.
	assert.Equal(t, []string{
		schemaRef("action_attempt_lock_door_pending"),
		schemaRef("action_attempt_lock_door_success"),
		schemaRef("action_attempt_unlock_door_pending"),
	}, r.oneOfRefs(t, "#/components/schemas/action_attempt"))
	// A plain oneOf gets no discriminator.
	assert.NotContains(t, r.component(t, "action_attempt"), "discriminator")
	assert.Equal(t, "UNLOCK_DOOR", r.at(t, "#/components/schemas/action_attempt_unlock_door_pending/properties/action_type/enum/0"))
}

func TestPlainUnionMembersNotLiftedWhenValuesDoNotTellThemApart(t *testing.T) {
	for _, tc := range []struct {
		name  string
		union string
	}{{
		name: "same value in two members",
		union: `{"oneOf": [
			{"type": "object", "properties": {"status": {"type": "string", "enum": ["pending"]}, "a": {"type": "string"}}},
			{"type": "object", "properties": {"status": {"type": "string", "enum": ["pending"]}, "b": {"type": "integer"}}}]}`,
	}, {
		// status has several values in one member, so only action_type is a
		// key, and it is the same in both members.
		name: "only a shared key is single-valued everywhere",
		union: `{"oneOf": [
			{"type": "object", "properties": {"action_type": {"type": "string", "enum": ["X"]}, "status": {"type": "string", "enum": ["pending"]}}},
			{"type": "object", "properties": {"action_type": {"type": "string", "enum": ["X"]}, "status": {"type": "string", "enum": ["success", "error"]}}}]}`,
	}, {
		name: "no key common to every member",
		union: `{"oneOf": [
			{"type": "object", "properties": {"a": {"type": "string", "enum": ["one"]}}},
			{"type": "object", "properties": {"b": {"type": "string", "enum": ["two"]}}}]}`,
	}, {
		name: "a member is a $ref",
		union: `{"oneOf": [
			{"type": "object", "properties": {"kind": {"type": "string", "enum": ["one"]}}},
			{"$ref": "#/components/schemas/other"}]}`,
	}, {
		name:  "members are not objects",
		union: `{"oneOf": [{"type": "string", "enum": ["one"]}, {"type": "integer"}]}`,
	}} {
		t.Run(tc.name, func(t *testing.T) {
			r := run(t, spec(`{"u": `+tc.union+`,
				"other": {"type": "object", "properties": {"kind": {"type": "string", "enum": ["two"]}}}}`, ""), normalize.Options{})

			assert.Empty(t, r.counts())
			assert.ElementsMatch(t, []string{"u", "other"}, r.components(t))
		})
	}
}
