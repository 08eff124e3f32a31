package normalize_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seamgo/seam-go/internal/normalize"
)

func TestDiscriminatedUnionMembersAreLiftedAndMapped(t *testing.T) {
	r := run(t, fixture(t, "discriminated.json"), normalize.Options{})

	assert.Equal(t, map[string]int{
		// event: 2 inline members; its nested result union: 2; access_code errors: 2.
		normalize.RuleLiftDiscriminated: 6,
		normalize.RuleMapDiscriminator:  3,
		// The result and errors unions sit inside properties: each becomes a component.
		normalize.RuleLiftUnions: 2,
	}, r.counts())

	// Inline members become <owner>_<value>; a member that is already a
	// $ref keeps it and is mapped from its own enum.
	assert.Equal(t, []string{
		schemaRef("event_device_connected"),
		schemaRef("event_lock_locked"),
		schemaRef("lock_unlocked_event"),
	}, r.oneOfRefs(t, "#/components/schemas/event"))
	assert.Equal(t, map[string]string{
		"device.connected": schemaRef("event_device_connected"),
		"lock.locked":      schemaRef("event_lock_locked"),
		"lock.unlocked":    schemaRef("lock_unlocked_event"),
	}, r.mapping(t, "#/components/schemas/event"))
	// The lifted member is the member itself, documentation included.
	connected := r.component(t, "event_device_connected")
	assert.Equal(t, "A device was connected.", connected["description"])
	assert.Equal(t, []any{"event_type", "device_id"}, connected["required"])

	// A union nested in a lifted member is walked under the member's name.
	assert.Equal(t, schemaRef("event_lock_locked_result"), r.ref(t, "#/components/schemas/event_lock_locked/properties/result"))
	assert.Equal(t, map[string]string{
		"keypad": schemaRef("event_lock_locked_result_keypad"),
		"remote": schemaRef("event_lock_locked_result_remote"),
	}, r.mapping(t, "#/components/schemas/event_lock_locked_result"))

	// A union under a property path (array items add no segment) is named
	// <owner>_<property path>, its members <owner>_<property path>_<value>.
	assert.Equal(t, schemaRef("access_code_errors"), r.ref(t, "#/components/schemas/access_code/properties/errors/items"))
	assert.Equal(t, []string{
		schemaRef("access_code_errors_device_offline"),
		schemaRef("access_code_errors_failed_to_set_on_device"),
	}, r.oneOfRefs(t, "#/components/schemas/access_code_errors"))
	assert.Equal(t, "device_offline", r.at(t, "#/components/schemas/access_code_errors_device_offline/properties/error_code/enum/0"))

	assert.ElementsMatch(t, []string{
		"access_code", "access_code_errors", "access_code_errors_device_offline", "access_code_errors_failed_to_set_on_device",
		"event", "event_device_connected", "event_lock_locked", "event_lock_locked_result",
		"event_lock_locked_result_keypad", "event_lock_locked_result_remote", "lock_unlocked_event",
	}, r.components(t))
}

func TestDiscriminatedUnionExistingMappingIsKept(t *testing.T) {
	// A union whose members are all $refs with a correct mapping needs nothing.
	r := run(t, spec(`{
		"u": {"discriminator": {"propertyName": "kind", "mapping": {"a": "#/components/schemas/a"}}, "oneOf": [{"$ref": "#/components/schemas/a"}]},
		"a": {"type": "object", "properties": {"kind": {"type": "string", "enum": ["a"]}}}
	}`, ""), normalize.Options{})

	assert.Empty(t, r.counts())
	assert.Equal(t, map[string]string{"a": schemaRef("a")}, r.mapping(t, "#/components/schemas/u"))
}

func TestDiscriminatedUnionIdenticalMembersShareOneComponent(t *testing.T) {
	member := `{"type": "object", "properties": {"kind": {"type": "string", "enum": ["a"]}, "x": {"type": "string"}}}`
	r := run(t, spec(`{
		"u1": {"discriminator": {"propertyName": "kind"}, "oneOf": [`+member+`, {"type": "object", "properties": {"kind": {"type": "string", "enum": ["b"]}}}]},
		"u2": {"discriminator": {"propertyName": "kind"}, "oneOf": [`+member+`, {"type": "object", "properties": {"kind": {"type": "string", "enum": ["c"]}}}]}
	}`, ""), normalize.Options{})

	assert.Equal(t, map[string]int{normalize.RuleLiftDiscriminated: 4, normalize.RuleMapDiscriminator: 2}, r.counts())
	assert.ElementsMatch(t, []string{"u1", "u1_a", "u1_b", "u2", "u2_c"}, r.components(t))
	assert.Equal(t, map[string]string{"a": schemaRef("u1_a"), "c": schemaRef("u2_c")}, r.mapping(t, "#/components/schemas/u2"))
}

func TestDiscriminatedUnionNameCollisionGetsSuffix(t *testing.T) {
	r := run(t, spec(`{
		"event": {"discriminator": {"propertyName": "event_type"}, "oneOf": [
			{"type": "object", "properties": {"event_type": {"type": "string", "enum": ["lock.locked"]}}},
			{"type": "object", "properties": {"event_type": {"type": "string", "enum": ["lock_locked"]}, "legacy": {"type": "boolean"}}}
		]},
		"event_lock_locked": {"type": "string", "description": "taken by the spec itself"}
	}`, ""), normalize.Options{})

	assert.Equal(t, map[string]int{normalize.RuleLiftDiscriminated: 2, normalize.RuleMapDiscriminator: 1}, r.counts())
	// The spec's own component keeps its name and content; two values that
	// sanitise to one name get distinct suffixes, in member order.
	assert.Equal(t, "taken by the spec itself", r.component(t, "event_lock_locked")["description"])
	assert.Equal(t, map[string]string{
		"lock.locked": schemaRef("event_lock_locked_2"),
		"lock_locked": schemaRef("event_lock_locked_3"),
	}, r.mapping(t, "#/components/schemas/event"))
	assert.Contains(t, r.component(t, "event_lock_locked_3")["properties"], "legacy")
}

func TestDiscriminatedUnionErrorsNameTheSchema(t *testing.T) {
	okMember := `{"type": "object", "properties": {"event_type": {"type": "string", "enum": ["lock.locked"]}}}`
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{{
		name: "member without a single-value enum",
		data: spec(`{"event": {"discriminator": {"propertyName": "event_type"}, "oneOf": [`+okMember+`,
			{"type": "object", "properties": {"event_type": {"type": "string"}}}]}}`, ""),
		want: `#/components/schemas/event/oneOf/1: discriminator "event_type": property "event_type" is not a single-value enum; cannot derive a mapping`,
	}, {
		name: "member with a two-value enum",
		data: spec(`{"event": {"discriminator": {"propertyName": "event_type"}, "oneOf": [`+okMember+`,
			{"type": "object", "properties": {"event_type": {"type": "string", "enum": ["a", "b"]}}}]}}`, ""),
		want: `#/components/schemas/event/oneOf/1: discriminator "event_type": property "event_type" is not a single-value enum`,
	}, {
		name: "member without the property",
		data: spec(`{"event": {"discriminator": {"propertyName": "event_type"}, "oneOf": [
			{"type": "object", "properties": {"other": {"type": "string"}}}, `+okMember+`]}}`, ""),
		want: `#/components/schemas/event/oneOf/0: discriminator "event_type": member has no property "event_type"`,
	}, {
		name: "duplicate value",
		data: spec(`{"event": {"discriminator": {"propertyName": "event_type"}, "oneOf": [`+okMember+`, `+okMember+`]}}`, ""),
		want: `#/components/schemas/event/oneOf/1: discriminator "event_type": value "lock.locked" is used by more than one member`,
	}, {
		name: "union inside a property",
		data: spec(`{"access_code": {"type": "object", "properties": {"errors": {"type": "array", "items":
			{"discriminator": {"propertyName": "error_code"}, "oneOf": [{"type": "object", "properties": {"message": {"type": "string"}}}]}}}}}`, ""),
		want: `#/components/schemas/access_code/properties/errors/items/oneOf/0: discriminator "error_code": member has no property "error_code"`,
	}, {
		// The pointer names the schema in the spec as given, not in the
		// lifted component the union was found in.
		name: "union inside a lifted member",
		data: spec(`{"event": {"discriminator": {"propertyName": "event_type"}, "oneOf": [
			{"type": "object", "properties": {"event_type": {"type": "string", "enum": ["lock.locked"]},
				"result": {"discriminator": {"propertyName": "kind"}, "oneOf": [{"type": "object", "properties": {"code": {"type": "string"}}}]}}}]}}`, ""),
		want: `#/components/schemas/event/oneOf/0/properties/result/oneOf/0: discriminator "kind": member has no property "kind"`,
	}, {
		name: "union inside a lifted response body",
		data: spec("", `{"/events/list": {"get": {"operationId": "eventsListGet", "responses": {"200": {"description": "ok", "content": `+jsonContent(`
			{"type": "object", "properties": {"event": {"discriminator": {"propertyName": "event_type"}, "oneOf": [`+okMember+`, {"type": "object"}]}}}`)+`}}}}}`),
		want: `#/paths/~1events~1list/get/responses/200/content/application~1json/schema/properties/event/oneOf/1: discriminator "event_type": member has no property "event_type"`,
	}} {
		t.Run(tc.name, func(t *testing.T) {
			err := runErr(t, tc.data)
			require.ErrorContains(t, err, tc.want)
		})
	}
}
