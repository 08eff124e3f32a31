package seam_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seamgo/seam-go/gen"
	"github.com/seamgo/seam-go/seam"
)

// Events that carry only what the spec requires, or nulls: the typed Data
// must hold exactly that, as the member type decodes it, and Raw the bytes
// as sent (spaces included).
var minimalEvents = []struct {
	name string
	raw  string
	// keys are the properties json.Marshal(Data) gives back.
	keys []string
}{
	{"lock.unlocked required only",
		`{ "event_id": "e1", "event_type": "lock.unlocked", "workspace_id": "ws1", "connected_account_id": "ca1", "created_at": "2026-11-30T09:00:00Z", "occurred_at": "2026-11-30T08:59:59Z", "method": "keycode" }`,
		[]string{"connected_account_id", "created_at", "event_id", "event_type", "method", "occurred_at", "workspace_id"}},
	{"lock.unlocked optional fields null",
		`{"event_id":"e2","event_type":"lock.unlocked","workspace_id":"ws1","connected_account_id":"ca1","created_at":"2026-11-30T09:00:00Z","occurred_at":"2026-11-30T08:59:59Z","method":"manual","device_id":null,"access_code_id":null,"code":null,"is_via_nfc":null,"device_custom_metadata":null,"event_description":null}`,
		[]string{"connected_account_id", "created_at", "event_id", "event_type", "method", "occurred_at", "workspace_id"}},
	{"access_code.created required only",
		`{"event_id":"e3","event_type":"access_code.created","workspace_id":"ws1","created_at":"2026-11-30T09:00:00Z","occurred_at":"2026-11-30T09:00:00Z","access_code_id":"ac1","device_id":"d1","connected_account_id":"ca1"}`,
		[]string{"access_code_id", "connected_account_id", "created_at", "device_id", "event_id", "event_type", "occurred_at", "workspace_id"}},
	{"device.disconnected with null optionals",
		`{"event_id":"e4","event_type":"device.disconnected","workspace_id":"ws1","created_at":"2026-11-30T09:00:00Z","occurred_at":"2026-11-30T09:00:00Z","device_id":"d1","connected_account_id":"ca1","error_code":"account_disconnected","device_custom_metadata":null,"connected_account_custom_metadata":null}`,
		nil},
}

// memberOf decodes raw into the gen.Event member of its type directly,
// with encoding/json: what Data must equal.
func memberOf(t *testing.T, raw string) any {
	t.Helper()
	var u gen.Event
	require.NoError(t, u.UnmarshalJSON([]byte(raw)))
	v, err := u.ValueByDiscriminator()
	require.NoError(t, err)
	return v
}

func checkMinimalEvent(t *testing.T, ev seam.Event, raw string, keys []string) {
	t.Helper()
	assert.Equal(t, raw, string(ev.Raw), "Raw is the event as sent")
	require.True(t, ev.Known())
	assert.Equal(t, memberOf(t, raw), ev.Data)
	assert.Equal(t, reflect.TypeOf(memberOf(t, raw)), reflect.TypeOf(ev.Data))
	if keys != nil {
		back, err := json.Marshal(ev.Data)
		require.NoError(t, err)
		var fields map[string]json.RawMessage
		require.NoError(t, json.Unmarshal(back, &fields))
		got := make([]string, 0, len(fields))
		for k := range fields {
			got = append(got, k)
		}
		slices.Sort(got)
		assert.Equal(t, keys, got, "Data carries exactly the answer's fields: %s", back)
	}
}

func TestEventsListMinimalAndNullEvents(t *testing.T) {
	raws := make([]string, 0, len(minimalEvents))
	for _, e := range minimalEvents {
		raws = append(raws, e.raw)
	}
	body := `{"ok": true, "events": [` + strings.Join(raws, ",\n  ") + `], "pagination": null}`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(body))
	}))
	defer srv.Close()
	c, err := seam.New(seam.WithAPIKey("seam_test_key"), seam.WithEndpoint(srv.URL))
	require.NoError(t, err)
	evs, err := c.Events.List(t.Context(), &gen.EventsListGetParams{Since: seam.Ptr("2026-01-01T00:00:00Z")})
	require.NoError(t, err)
	require.Len(t, evs, len(minimalEvents))
	for i, e := range minimalEvents {
		t.Run(e.name, func(t *testing.T) { checkMinimalEvent(t, evs[i], e.raw, e.keys) })
	}
}

func TestEventsGetMinimalAndNullEvents(t *testing.T) {
	for _, e := range minimalEvents {
		t.Run(e.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				_, _ = w.Write([]byte(`{"event": ` + e.raw + `, "ok": true}`))
			}))
			defer srv.Close()
			c, err := seam.New(seam.WithAPIKey("seam_test_key"), seam.WithEndpoint(srv.URL))
			require.NoError(t, err)
			ev, err := c.Events.Get(t.Context(), "e")
			require.NoError(t, err)
			checkMinimalEvent(t, *ev, e.raw, e.keys)
		})
	}
}

// TestEventsNullAnswers: a null event or a null in a list is an error, a
// null list is no events; none panics.
func TestEventsNullAnswers(t *testing.T) {
	for body, wantErr := range map[string]string{
		`{"ok":true,"event":null,"events":null}`:                    "",
		`{"ok":true,"events":[null]}`:                               "not a JSON object",
		`{"ok":true,"events":[{"event_type":null,"event_id":"e"}]}`: "event_type is missing",
	} {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write([]byte(body))
		}))
		c, err := seam.New(seam.WithAPIKey("seam_test_key"), seam.WithEndpoint(srv.URL))
		require.NoError(t, err)
		evs, err := c.Events.List(t.Context(), &gen.EventsListGetParams{Since: seam.Ptr("x")})
		if wantErr == "" {
			assert.NoError(t, err, body)
			assert.Empty(t, evs, body)
		} else {
			assert.ErrorIs(t, err, seam.ErrInvalidEvent, body)
			assert.ErrorContains(t, err, wantErr, body)
		}
		_, err = c.Events.Get(t.Context(), "e")
		assert.Error(t, err, body)
		srv.Close()
	}
}
