package seam

import (
	"encoding/json"
	"io"
	"net/http"
	"reflect"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seamgo/seam-go/gen"
)

// These tests exercise generated service methods (seam/services.gen.go)
// against httptest servers: waiting for an action attempt, pagination, a
// plain get, an answer without a result, and the checks made before any
// request.

// writeJSON answers v as JSON with status 200.
func writeJSON(t *testing.T, w http.ResponseWriter, v any) {
	t.Helper()
	w.Header().Set("Content-Type", "application/json")
	assert.NoError(t, json.NewEncoder(w).Encode(v))
}

// readJSON decodes a request's JSON body into a map.
func readJSON(t *testing.T, r *http.Request) map[string]any {
	t.Helper()
	var m map[string]any
	data, err := io.ReadAll(r.Body)
	require.NoError(t, err)
	if len(data) > 0 {
		require.NoError(t, json.Unmarshal(data, &m))
	}
	return m
}

func attemptJSON(id, status string) map[string]any {
	a := map[string]any{"action_attempt_id": id, "action_type": "SET_FAN_MODE", "status": status, "result": nil, "error": nil}
	if status == "success" {
		a["result"] = map[string]any{}
	}
	return a
}

func TestGeneratedActionAttemptIsWaitedFor(t *testing.T) {
	var polls atomic.Int32
	var got map[string]any
	srv := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/thermostats/set_fan_mode":
			assert.Equal(t, http.MethodPost, r.Method)
			got = readJSON(t, r)
			writeJSON(t, w, map[string]any{"ok": true, "action_attempt": attemptJSON("aa1", "pending")})
		case "/action_attempts/get":
			assert.Equal(t, "aa1", r.URL.Query().Get("action_attempt_id"))
			status := "pending"
			if polls.Add(1) >= 2 {
				status = "success"
			}
			writeJSON(t, w, map[string]any{"ok": true, "action_attempt": attemptJSON("aa1", status)})
		default:
			t.Errorf("unexpected %s %s", r.Method, r.URL.Path)
		}
	})
	c := newTestClient(t, srv.URL, WithActionAttemptPollInterval(time.Millisecond))
	mode := gen.ThermostatsSetFanModeRequestBodyFanModeSettingOn
	a, err := c.Thermostats.SetFanMode(t.Context(), &gen.ThermostatsSetFanModeRequestBody{DeviceId: "t1", FanModeSetting: &mode})
	require.NoError(t, err)
	s, err := SummarizeActionAttempt(a)
	require.NoError(t, err)
	assert.Equal(t, ActionAttemptSuccess, s.Status)
	assert.EqualValues(t, 2, polls.Load(), "polled until success")
	assert.Equal(t, map[string]any{"device_id": "t1", "fan_mode_setting": "on"}, got)

	// Per call: no waiting.
	polls.Store(0)
	a, err = c.Thermostats.SetFanMode(t.Context(), &gen.ThermostatsSetFanModeRequestBody{DeviceId: "t1"}, WithWaitForActionAttempts(false))
	require.NoError(t, err)
	s, err = SummarizeActionAttempt(a)
	require.NoError(t, err)
	assert.Equal(t, ActionAttemptPending, s.Status)
	assert.Zero(t, polls.Load())
}

func TestGeneratedListAndAll(t *testing.T) {
	var requests atomic.Int32
	srv := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		require.Equal(t, "/acs/users/list", r.URL.Path)
		assert.Equal(t, "sys1", r.URL.Query().Get("acs_system_id"), "the filter is sent on every page")
		switch cursor := r.URL.Query().Get("page_cursor"); cursor {
		case "":
			writeJSON(t, w, map[string]any{"ok": true, "acs_users": []any{map[string]any{"acs_user_id": "u1"}, map[string]any{"acs_user_id": "u2"}},
				"pagination": map[string]any{"has_next_page": true, "next_page_cursor": "c2"}})
		case "c2":
			writeJSON(t, w, map[string]any{"ok": true, "acs_users": []any{map[string]any{"acs_user_id": "u3"}},
				"pagination": map[string]any{"has_next_page": false, "next_page_cursor": nil}})
		default:
			t.Errorf("unexpected cursor %q", cursor)
		}
	})
	c := newTestClient(t, srv.URL)
	params := &gen.AcsUsersListGetParams{AcsSystemId: Ptr("sys1")}
	page, err := c.Acs.Users.List(t.Context(), params)
	require.NoError(t, err)
	require.Len(t, page.Items, 2)
	assert.Equal(t, "u1", page.Items[0].AcsUserId)
	assert.True(t, page.HasNextPage)
	assert.Equal(t, "c2", page.NextPageCursor)

	var got []string
	for u, err := range c.Acs.Users.All(t.Context(), params) {
		require.NoError(t, err)
		got = append(got, u.AcsUserId)
	}
	assert.Equal(t, []string{"u1", "u2", "u3"}, got)
	assert.Nil(t, params.PageCursor, "All leaves the caller's params alone")
	assert.EqualValues(t, 3, requests.Load())

	// From a cursor on.
	got = got[:0]
	for u, err := range c.Acs.Users.All(t.Context(), &gen.AcsUsersListGetParams{AcsSystemId: Ptr("sys1"), PageCursor: Ptr("c2")}) {
		require.NoError(t, err)
		got = append(got, u.AcsUserId)
	}
	assert.Equal(t, []string{"u3"}, got)
}

func TestGeneratedGet(t *testing.T) {
	var requests atomic.Int32
	srv := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		assert.Equal(t, http.MethodGet, r.Method)
		assert.Equal(t, "/acs/systems/get", r.URL.Path)
		assert.Equal(t, "s1", r.URL.Query().Get("acs_system_id"))
		writeJSON(t, w, map[string]any{"ok": true, "acs_system": map[string]any{"acs_system_id": "s1", "name": "Front desk"}})
	})
	c := newTestClient(t, srv.URL)
	sys, err := c.Acs.Systems.Get(t.Context(), &gen.AcsSystemsGetGetParams{AcsSystemId: "s1"})
	require.NoError(t, err)
	assert.Equal(t, "s1", sys.AcsSystemId)
	assert.Equal(t, "Front desk", sys.Name)
	assert.EqualValues(t, 1, requests.Load())

	// A required parameter missing: refused before any request.
	var verr *ValidationError
	_, err = c.Acs.Systems.Get(t.Context(), nil)
	require.ErrorAs(t, err, &verr)
	assert.Equal(t, "acs_system_id", verr.Param)
	_, err = c.Acs.Systems.Get(t.Context(), &gen.AcsSystemsGetGetParams{})
	require.ErrorAs(t, err, &verr)
	assert.Equal(t, "acs_system_id", verr.Param)
	assert.EqualValues(t, 1, requests.Load(), "no request for invalid parameters")
}

func TestGeneratedAnswerWithoutResult(t *testing.T) {
	var paths []string
	var mu sync.Mutex
	srv := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		paths = append(paths, r.Method+" "+r.URL.Path)
		mu.Unlock()
		switch r.URL.Path {
		case "/workspaces/update": // answers 200 without a body
			w.WriteHeader(http.StatusOK)
		case "/acs/users/delete":
			writeJSON(t, w, map[string]any{"ok": true})
		}
	})
	c := newTestClient(t, srv.URL)
	require.NoError(t, c.Workspaces.Update(t.Context(), &gen.WorkspacesUpdateRequestBody{Name: Ptr("w")}))
	require.NoError(t, c.Acs.Users.Delete(t.Context(), &gen.AcsUsersDeleteRequestBody{AcsUserId: Ptr("u1")}))
	assert.Equal(t, []string{"POST /workspaces/update", "POST /acs/users/delete"}, paths)
}

// allIterators returns every All method of the client's services, by name,
// as functions that range it with a params of the right type.
func allIterators(t *testing.T, c *Client) map[string]reflect.Value {
	t.Helper()
	out := map[string]reflect.Value{}
	var walk func(v reflect.Value, name string)
	walk = func(v reflect.Value, name string) {
		if m := v.MethodByName("All"); m.IsValid() {
			out[name+".All"] = m
		}
		st := v.Elem()
		for i := range st.NumField() {
			if f := st.Type().Field(i); f.IsExported() {
				walk(st.Field(i), name+"."+f.Name)
			}
		}
	}
	sv := reflect.ValueOf(c.Services)
	for i := range sv.NumField() {
		walk(sv.Field(i), sv.Type().Field(i).Name)
	}
	return out
}

// fillRequired sets every string field of the struct p points to, so
// that required parameters are present.
func fillRequired(p reflect.Value) {
	st := p.Elem()
	for i := range st.NumField() {
		if f := st.Field(i); f.Kind() == reflect.String && f.CanSet() {
			f.SetString("x")
		}
	}
}
