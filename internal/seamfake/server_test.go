package seamfake

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testClient is the HTTP client of these tests (never http.DefaultClient).
var testClient = &http.Client{Timeout: 10 * time.Second}

// call sends a request to the fake with the seeded API key and decodes the
// JSON body (if any) into a map.
func call(t *testing.T, s *Server, method, path, body string) (int, map[string]any) {
	t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req, err := http.NewRequestWithContext(t.Context(), method, s.Endpoint+path, r)
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer "+s.APIKey)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := testClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	var out map[string]any
	if len(data) > 0 {
		require.NoError(t, json.Unmarshal(data, &out), "body: %s", data)
	}
	return resp.StatusCode, out
}

func TestStartServesHealthAndSeed(t *testing.T) {
	s := StartT(t)

	u, err := url.Parse(s.Endpoint)
	require.NoError(t, err)
	assert.Equal(t, "127.0.0.1", u.Hostname())
	assert.Equal(t, "1.86.0", s.FakeVersion)
	assert.Positive(t, s.PID)

	status, health := call(t, s, http.MethodGet, "/health", "")
	require.Equal(t, http.StatusOK, status)
	assert.Equal(t, true, health["ok"])

	assert.Equal(t, "seed_workspace_1", s.WorkspaceID)
	assert.Equal(t, s.WorkspaceID, s.Seed.WorkspaceID)
	assert.Equal(t, []string{"august_device_1", "august_device_2", "schlage_device_id"}, s.Seed.LockIDs)
	assert.Equal(t, "ecobee_device_1", s.Seed.ThermostatID)
	assert.Equal(t, "minut_device_1", s.Seed.NoiseSensorID)
	assert.Equal(t, "john_connected_account_id", s.Seed.ConnectedAccountID)
	assert.Equal(t, "seed_workspace_2", s.Seed.EmptyWorkspaceID)
	assert.NotEmpty(t, s.Seed.ClientSessionToken)
	assert.NotEmpty(t, s.Seed.PersonalAccessToken)

	// The seeded ids are the devices the API key really sees.
	status, list := call(t, s, http.MethodGet, "/devices/list", "")
	require.Equal(t, http.StatusOK, status)
	var ids []string
	for _, d := range list["devices"].([]any) {
		ids = append(ids, d.(map[string]any)["device_id"].(string))
	}
	wantIDs := append(append([]string{}, s.Seed.LockIDs...), s.Seed.ThermostatID, s.Seed.NoiseSensorID)
	assert.ElementsMatch(t, wantIDs, ids)
}

func TestDefaultSeedMatchesStartSeed(t *testing.T) {
	s := StartT(t)
	seed, err := s.DefaultSeed(t.Context())
	require.NoError(t, err)
	assert.Equal(t, s.Seed.All, seed)
	assert.Equal(t, s.APIKey, seed["seam_apikey1_token"])
}

func TestTwoServersRunAtOnce(t *testing.T) {
	a := StartT(t)
	b := StartT(t)
	assert.NotEqual(t, a.Endpoint, b.Endpoint)
	assert.NotEqual(t, a.PID, b.PID)
	for _, s := range []*Server{a, b} {
		status, _ := call(t, s, http.MethodGet, "/health", "")
		assert.Equal(t, http.StatusOK, status, s.Endpoint)
	}
}

func TestStartWithPort(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	port := l.Addr().(*net.TCPAddr).Port
	require.NoError(t, l.Close())

	s := StartT(t, WithPort(port))
	assert.Equal(t, "http://127.0.0.1:"+strconv.Itoa(port), s.Endpoint)
	status, _ := call(t, s, http.MethodGet, "/health", "")
	assert.Equal(t, http.StatusOK, status)
}

func TestStartFailsWhenPortIsTaken(t *testing.T) {
	requireTools(t)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer l.Close()
	port := l.Addr().(*net.TCPAddr).Port

	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	s, err := Start(ctx, WithPort(port))
	if err == nil {
		_ = s.Close()
	}
	require.Error(t, err)
	assert.Contains(t, err.Error(), "EADDRINUSE")
}

func TestCloseIsIdempotentAndStopsProcess(t *testing.T) {
	requireTools(t)
	s, err := Start(t.Context())
	require.NoError(t, err)
	require.NoError(t, s.Close())
	require.NoError(t, s.Close())
	select {
	case <-s.Done():
	default:
		t.Fatal("process still running after Close")
	}
	_, err = testClient.Get(s.Endpoint + "/health")
	require.Error(t, err, "the port must be closed")
}

func TestSimulateOutage(t *testing.T) {
	s := StartT(t)
	ctx := t.Context()
	require.NoError(t, s.SimulateOutage(ctx, s.WorkspaceID, []string{"/devices/list"}))

	status, body := call(t, s, http.MethodGet, "/devices/list?limit=1", "")
	assert.Equal(t, http.StatusServiceUnavailable, status)
	assert.Nil(t, body, "503 has an empty body")
	status, _ = call(t, s, http.MethodPost, "/devices/list", "{}")
	assert.Equal(t, http.StatusServiceUnavailable, status)
	status, _ = call(t, s, http.MethodGet, "/devices/get?device_id="+s.Seed.AugustLock1ID, "")
	assert.Equal(t, http.StatusOK, status, "other routes keep working")

	require.NoError(t, s.SimulateOutage(ctx, s.WorkspaceID, nil))
	status, _ = call(t, s, http.MethodGet, "/devices/list", "")
	assert.Equal(t, http.StatusOK, status)

	err := s.SimulateOutage(ctx, "no_such_workspace", nil)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "workspace_not_found")
}

func TestUpdateActionAttempt(t *testing.T) {
	s := StartT(t)
	ctx := t.Context()
	status, unlock := call(t, s, http.MethodPost, "/locks/unlock_door", `{"device_id":"`+s.Seed.AugustLock1ID+`"}`)
	require.Equal(t, http.StatusOK, status)
	attempt := unlock["action_attempt"].(map[string]any)
	assert.Equal(t, "pending", attempt["status"])
	id := attempt["action_attempt_id"].(string)

	get := func() map[string]any {
		status, body := call(t, s, http.MethodGet, "/action_attempts/get?action_attempt_id="+id, "")
		require.Equal(t, http.StatusOK, status)
		return body["action_attempt"].(map[string]any)
	}

	require.NoError(t, s.UpdateActionAttempt(ctx, id, ActionAttemptPending, "", ""))
	assert.Equal(t, "pending", get()["status"])

	require.NoError(t, s.UpdateActionAttempt(ctx, id, ActionAttemptError, "lock_offline", "Lock is offline"))
	got := get()
	assert.Equal(t, "error", got["status"])
	assert.Equal(t, map[string]any{"type": "lock_offline", "message": "Lock is offline"}, got["error"])
	assert.Nil(t, got["result"])

	require.NoError(t, s.UpdateActionAttempt(ctx, id, ActionAttemptSuccess, "", ""))
	got = get()
	assert.Equal(t, "success", got["status"])
	assert.Equal(t, map[string]any{}, got["result"])
	assert.Nil(t, got["error"])

	err := s.UpdateActionAttempt(ctx, "no_such_attempt", ActionAttemptSuccess, "", "")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "action_attempt_not_found")
}

func TestFakeErrorsCarryNoStack(t *testing.T) {
	s := StartT(t)
	status, body := call(t, s, http.MethodPost, "/access_codes/create", `{}`)
	require.Equal(t, http.StatusBadRequest, status)
	e := body["error"].(map[string]any)
	assert.Equal(t, "invalid_input", e["type"])
	assert.NotContains(t, e, "stack", "start.mjs runs the fake with NODE_ENV=production")
}
