package normalize_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seamgo/seam-go/internal/normalize"
)

func TestInsertedUnionMemberRenamesNothing(t *testing.T) {
	before := run(t, fixture(t, "stability_v1.json"), normalize.Options{})
	after := run(t, fixture(t, "stability_v2.json"), normalize.Options{})

	assert.Equal(t, map[string]int{normalize.RuleLiftDiscriminated: 2, normalize.RuleMapDiscriminator: 1, normalize.RuleNameUnionMembers: 2}, before.counts())
	assert.Equal(t, map[string]int{normalize.RuleLiftDiscriminated: 3, normalize.RuleMapDiscriminator: 1, normalize.RuleNameUnionMembers: 3}, after.counts())

	// Every component of the older spec is still there, under the same name
	// and with the same content; only the new members' components are new.
	for _, name := range before.components(t) {
		if name == "event" || name == "action_attempt" {
			continue // the unions themselves gained a member
		}
		require.Contains(t, after.components(t), name)
		assert.JSONEq(t, mustJSON(t, before.component(t, name)), mustJSON(t, after.component(t, name)), name)
	}
	assert.ElementsMatch(t, []string{"event_access_code_created", "action_attempt_create_access_code_pending"},
		difference(after.components(t), before.components(t)))
	assert.Equal(t, map[string]string{
		"access_code.created": schemaRef("event_access_code_created"),
		"device.connected":    schemaRef("event_device_connected"),
		"lock.locked":         schemaRef("event_lock_locked"),
	}, after.mapping(t, "#/components/schemas/event"))
	assert.Equal(t, []string{
		schemaRef("action_attempt_create_access_code_pending"),
		schemaRef("action_attempt_lock_door_pending"),
		schemaRef("action_attempt_lock_door_success"),
	}, after.oneOfRefs(t, "#/components/schemas/action_attempt"))
}

func TestNormalizeIsDeterministic(t *testing.T) {
	for _, name := range []string{"discriminated.json", "bodies.json", "stability_v2.json"} {
		t.Run(name, func(t *testing.T) {
			data := fixture(t, name)
			first := run(t, data, normalize.Options{})
			second := run(t, data, normalize.Options{})
			assert.True(t, bytes.Equal(first.raw, second.raw), "two runs differ")

			// Key order in the input does not matter either: re-encoding
			// sorts every object's keys.
			var generic any
			require.NoError(t, json.Unmarshal(data, &generic))
			resorted, err := json.Marshal(generic)
			require.NoError(t, err)
			require.False(t, bytes.Equal(data, resorted), "the fixture should not already be in sorted key order")
			assert.True(t, bytes.Equal(first.raw, run(t, resorted, normalize.Options{}).raw), "re-encoded input gives different output")
		})
	}
}

func mustJSON(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}

// difference lists the names in a and not in b.
func difference(a, b []string) []string {
	in := map[string]bool{}
	for _, x := range b {
		in[x] = true
	}
	var out []string
	for _, x := range a {
		if !in[x] {
			out = append(out, x)
		}
	}
	return out
}
