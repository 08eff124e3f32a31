package gentest

import (
	"encoding/json"
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

// These tests decode every event type of the committed spec through
// seam.ParseEvent, the decoder of webhook deliveries and of Events.Get and
// Events.List. They live here, beside the spec, rather than in seam/, whose
// tests must run from a copy of gen/ and seam/ alone (scripts/vendor-check).

// eventCommonRequired are the properties every member of the spec's event
// union requires; seam.Event decodes them (and device_id,
// connected_account_id) into its own fields.
var eventCommonRequired = []string{"event_id", "event_type", "workspace_id", "occurred_at", "created_at"}

// specEventMembers returns the members of the event
// union, by event_type.
func specEventMembers(t *testing.T) map[string]*openapi3.Schema {
	t.Helper()
	doc, err := committedSpec()
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

// TestParseEventMinimalAndNullEverySpecType decodes, for every member of the
// spec's event union, an event carrying only its required properties, and
// the same event with every optional property null: Data must be the
// member as encoding/json decodes it from the event, and give back exactly
// the required properties (and the nullable ones sent as null), nothing
// defaulted or reshaped.
func TestParseEventMinimalAndNullEverySpecType(t *testing.T) {
	members := specEventMembers(t)
	for name, m := range members {
		sample, ok := sampleValue(m, 0).(map[string]any)
		require.True(t, ok)
		withNulls := map[string]any{}
		for k, v := range sample {
			withNulls[k] = v
		}
		for p := range m.Properties {
			if _, req := sample[p]; !req {
				withNulls[p] = nil
			}
		}
		for variant, obj := range map[string]map[string]any{"required only": sample, "optional null": withNulls} {
			raw, err := json.Marshal(obj)
			require.NoError(t, err)
			ev, err := seam.ParseEvent(raw)
			require.NoError(t, err, "%s %s: %s", name, variant, raw)
			assert.Equal(t, string(raw), string(ev.Raw))
			var u gen.Event
			require.NoError(t, u.UnmarshalJSON(raw))
			want, err := u.ValueByDiscriminator()
			require.NoError(t, err)
			assert.Equal(t, want, ev.Data, "%s %s", name, variant)
			back, err := json.Marshal(ev.Data)
			require.NoError(t, err)
			var fields map[string]json.RawMessage
			require.NoError(t, json.Unmarshal(back, &fields))
			got := make([]string, 0, len(fields))
			for k := range fields {
				got = append(got, k)
			}
			sort.Strings(got)
			wantKeys := append([]string(nil), m.Required...)
			if variant == "optional null" {
				// A nullable property sent as null comes back as null
				// (nullable.Nullable keeps it); any other null is absent.
				for p, ref := range m.Properties {
					if _, req := sample[p]; !req && ref.Value != nil && ref.Value.Nullable {
						wantKeys = append(wantKeys, p)
					}
				}
			}
			sort.Strings(wantKeys)
			assert.Equal(t, wantKeys, got, "%s %s: %s", name, variant, back)
		}
	}
}
