package seam_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seamgo/seam-go/gen"
	"github.com/seamgo/seam-go/seam"
)

// eventCommonRequired are the properties every member of the spec's event
// union requires; seam.Event decodes them (and device_id,
// connected_account_id) into its own fields.
var eventCommonRequired = []string{"event_id", "event_type", "workspace_id", "occurred_at", "created_at"}

// specEventMembers loads openapi.json and returns the members of the event
// union, by event_type.
func specEventMembers(t *testing.T) map[string]*openapi3.Schema {
	t.Helper()
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromFile("../openapi.json")
	require.NoError(t, err)
	union := doc.Components.Schemas["event"]
	require.NotNil(t, union, "components.schemas.event")
	require.NotNil(t, union.Value.Discriminator)
	require.Equal(t, "event_type", union.Value.Discriminator.PropertyName)
	members := map[string]*openapi3.Schema{}
	for i, ref := range union.Value.OneOf {
		m := ref.Value
		typ := m.Properties["event_type"]
		require.NotNil(t, typ, "member %d has no event_type", i)
		require.Len(t, typ.Value.Enum, 1, "member %d: event_type is a one-value enum", i)
		name, ok := typ.Value.Enum[0].(string)
		require.True(t, ok)
		require.NotContains(t, members, name, "event_type %s appears twice", name)
		members[name] = m
	}
	return members
}

// sampleValue builds a minimal valid JSON value for schema s: required
// properties only, the first enum value, the first oneOf/anyOf member,
// values that fit the format. depth bounds recursion.
func sampleValue(s *openapi3.Schema, depth int) any {
	if s == nil || depth > 12 {
		return nil
	}
	switch {
	case len(s.OneOf) > 0:
		return sampleValue(s.OneOf[0].Value, depth+1)
	case len(s.AnyOf) > 0:
		return sampleValue(s.AnyOf[0].Value, depth+1)
	case len(s.AllOf) > 0:
		merged := map[string]any{}
		for _, part := range s.AllOf {
			if obj, ok := sampleValue(part.Value, depth+1).(map[string]any); ok {
				for k, v := range obj {
					merged[k] = v
				}
			}
		}
		return merged
	case len(s.Enum) > 0:
		return s.Enum[0]
	}
	switch {
	case s.Type.Is("string"):
		switch s.Format {
		case "date-time":
			return "2026-11-30T09:15:00.123Z"
		case "date":
			return "2026-11-30"
		case "uuid":
			return "6f1c3c1e-2b1a-4d8e-9a43-0c7d5b1e9f21"
		case "email":
			return "guest@example.com"
		case "uri", "url":
			return "https://example.com/x"
		}
		return "x"
	case s.Type.Is("integer"), s.Type.Is("number"):
		if s.Min != nil {
			return *s.Min
		}
		return 1
	case s.Type.Is("boolean"):
		return true
	case s.Type.Is("array"):
		if s.MinItems > 0 && s.Items != nil {
			return []any{sampleValue(s.Items.Value, depth+1)}
		}
		return []any{}
	}
	obj := map[string]any{}
	for _, name := range s.Required {
		if p := s.Properties[name]; p != nil {
			obj[name] = sampleValue(p.Value, depth+1)
		}
	}
	return obj
}

// TestParseEventEverySpecType decodes, for every member of the spec's event
// union, a sample built from its schema, and checks that it comes back
// typed as its own generated struct with the common fields set.
func TestParseEventEverySpecType(t *testing.T) {
	members := specEventMembers(t)
	require.Greater(t, len(members), 100, "the spec has about 100 event types")

	occurred := time.Date(2026, 11, 30, 9, 1, 2, 345e6, time.UTC)
	created := occurred.Add(3 * time.Second)
	goTypes := map[reflect.Type]string{}
	names := make([]string, 0, len(members))
	for name := range members {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		m := members[name]
		t.Run(name, func(t *testing.T) {
			for _, p := range eventCommonRequired {
				assert.Contains(t, m.Required, p, "every event type requires %s", p)
			}
			sample, ok := sampleValue(m, 0).(map[string]any)
			require.True(t, ok)
			sample["event_id"] = "evt_" + name
			sample["workspace_id"] = "ws_1"
			sample["occurred_at"] = occurred.Format(time.RFC3339Nano)
			sample["created_at"] = created.Format(time.RFC3339Nano)
			deviceID := ""
			if _, has := m.Properties["device_id"]; has {
				deviceID = "dev_1"
				sample["device_id"] = deviceID
			}
			raw, err := json.Marshal(sample)
			require.NoError(t, err)

			ev, err := seam.ParseEvent(raw)
			require.NoError(t, err, "%s", raw)
			assert.True(t, ev.Known())
			assert.Equal(t, name, ev.Type)
			assert.Equal(t, "evt_"+name, ev.ID)
			assert.Equal(t, "ws_1", ev.WorkspaceID)
			assert.Equal(t, deviceID, ev.DeviceID)
			assert.True(t, occurred.Equal(ev.OccurredAt), "occurred_at %s", ev.OccurredAt)
			assert.True(t, created.Equal(ev.CreatedAt), "created_at %s", ev.CreatedAt)
			assert.JSONEq(t, string(raw), string(ev.Raw))

			// Data is the generated member of gen.Event, by value.
			v := reflect.ValueOf(ev.Data)
			require.Equal(t, reflect.Struct, v.Kind(), "Data is %T", ev.Data)
			assert.Equal(t, reflect.TypeOf(gen.Event{}).PkgPath(), v.Type().PkgPath())
			assert.Equal(t, name, v.FieldByName("EventType").String())
			assert.Equal(t, "evt_"+name, v.FieldByName("EventId").String())
			if other, dup := goTypes[v.Type()]; dup {
				t.Errorf("%s and %s both decode as %s", other, name, v.Type())
			}
			goTypes[v.Type()] = name

			// Every required property made it into the typed struct.
			back, err := json.Marshal(ev.Data)
			require.NoError(t, err)
			var fields map[string]any
			require.NoError(t, json.Unmarshal(back, &fields))
			for _, p := range m.Required {
				assert.Contains(t, fields, p, "%s keeps %s", v.Type().Name(), p)
			}
		})
	}
}

// TestParseEventUnknownType checks that an event type newer than the spec is
// not an error: common fields and raw JSON, no typed data.
func TestParseEventUnknownType(t *testing.T) {
	raw := `{"event_id":"e9","event_type":"robot.arrived","workspace_id":"ws_1","device_id":"d_7",
		"connected_account_id":"ca_2","occurred_at":"2026-01-02T03:04:05.678Z","created_at":"2026-01-02T03:04:06Z",
		"robot":{"name":"R2","beeps":[1,2]}}`
	ev, err := seam.ParseEvent([]byte(raw))
	require.NoError(t, err)
	assert.False(t, ev.Known())
	assert.Nil(t, ev.Data)
	assert.Equal(t, "e9", ev.ID)
	assert.Equal(t, "robot.arrived", ev.Type)
	assert.Equal(t, "ws_1", ev.WorkspaceID)
	assert.Equal(t, "d_7", ev.DeviceID)
	assert.Equal(t, "ca_2", ev.ConnectedAccountID)
	assert.Equal(t, time.Date(2026, 1, 2, 3, 4, 5, 678e6, time.UTC), ev.OccurredAt.UTC())
	assert.Equal(t, time.Date(2026, 1, 2, 3, 4, 6, 0, time.UTC), ev.CreatedAt.UTC())
	assert.Equal(t, raw, string(ev.Raw))

	// The raw JSON still holds what the SDK does not know.
	var extra struct {
		Robot struct{ Name string } `json:"robot"`
	}
	require.NoError(t, json.Unmarshal(ev.Raw, &extra))
	assert.Equal(t, "R2", extra.Robot.Name)
}

func TestParseEventJSONRoundTrip(t *testing.T) {
	raw := `{"event_id":"e1","event_type":"lock.unlocked","workspace_id":"ws","device_id":"d1","method":"keycode",
		"connected_account_id":"ca","occurred_at":"2026-01-02T03:04:05Z","created_at":"2026-01-02T03:04:05Z"}`
	var ev seam.Event
	require.NoError(t, json.Unmarshal([]byte(raw), &ev))
	unlocked, ok := ev.Data.(gen.EventLockUnlocked)
	require.True(t, ok, "Data is %T", ev.Data)
	assert.Equal(t, gen.EventLockUnlockedMethodKeycode, unlocked.Method)
	assert.Equal(t, "d1", ev.DeviceID)

	out, err := json.Marshal(ev)
	require.NoError(t, err)
	assert.Equal(t, raw, string(ev.Raw))
	assert.JSONEq(t, raw, string(out), "an Event marshals back to what was received")
	out, err = json.Marshal(seam.Event{})
	require.NoError(t, err)
	assert.Equal(t, "null", string(out))
}

func TestParseEventInvalid(t *testing.T) {
	for _, tc := range []struct{ name, raw, msg string }{
		{"empty", "", "not a JSON object"},
		{"array", `[{"event_type":"lock.unlocked"}]`, "not a JSON object"},
		{"null", "null", "not a JSON object"},
		{"truncated", `{"event_id":"e1","event_type":"lock.unl`, "unexpected end"},
		{"no type", `{"event_id":"e1"}`, "event_type is missing"},
		{"empty type", `{"event_id":"e1","event_type":""}`, "event_type is missing"},
		{"no id", `{"event_type":"lock.unlocked"}`, "event_id is missing"},
		{"id not a string", `{"event_id":7,"event_type":"robot.arrived"}`, "event_id"},
		{"bad time", `{"event_id":"e1","event_type":"robot.arrived","occurred_at":"yesterday"}`, "yesterday"},
		{"known type, bad field", `{"event_id":"e1","event_type":"lock.unlocked","method":5}`, "lock.unlocked e1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ev, err := seam.ParseEvent([]byte(tc.raw))
			require.ErrorIs(t, err, seam.ErrInvalidEvent)
			assert.Contains(t, err.Error(), tc.msg)
			assert.Equal(t, seam.Event{}, ev)
		})
	}
}

// ExampleParseEvent decodes an event and switches on its typed form.
func ExampleParseEvent() {
	for _, raw := range []string{
		`{"event_id":"e1","event_type":"lock.unlocked","workspace_id":"ws","device_id":"front_door",
		  "method":"keycode","access_code_id":"ac1","occurred_at":"2026-01-02T03:04:05Z","created_at":"2026-01-02T03:04:05Z"}`,
		`{"event_id":"e2","event_type":"robot.arrived","workspace_id":"ws","device_id":"hall",
		  "occurred_at":"2026-01-02T03:04:05Z","created_at":"2026-01-02T03:04:05Z"}`,
	} {
		ev, err := seam.ParseEvent([]byte(raw))
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		switch e := ev.Data.(type) {
		case gen.EventLockUnlocked:
			fmt.Printf("%s unlocked by %s (access code %s)\n", ev.DeviceID, e.Method, *e.AccessCodeId)
		default:
			fmt.Printf("%s on %s, known: %v\n", ev.Type, ev.DeviceID, ev.Known())
		}
	}
	// Output:
	// front_door unlocked by keycode (access code ac1)
	// robot.arrived on hall, known: false
}
