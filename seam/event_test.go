package seam_test

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seamgo/seam-go/gen"
	"github.com/seamgo/seam-go/seam"
)

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
