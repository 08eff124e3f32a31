package seamtest_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seamgo/seam-go/gen"
	"github.com/seamgo/seam-go/seam"
	"github.com/seamgo/seam-go/seam/seamtest"
)

func TestServerCannedAnswersDecode(t *testing.T) {
	t.Parallel()
	s := seamtest.NewServer(t)
	c := s.Client()
	ctx := context.Background()

	page, err := c.Devices.List(ctx, nil)
	require.NoError(t, err)
	assert.False(t, page.HasNextPage)

	d, err := c.Devices.Get(ctx, "dev_1")
	require.NoError(t, err)
	assert.NotEmpty(t, d.DeviceId)

	a, err := c.Locks.UnlockDoor(ctx, "dev_1")
	require.NoError(t, err)
	assert.Equal(t, "success", actionStatus(t, a))

	code, err := c.AccessCodes.Create(ctx, "dev_1", seam.Ongoing("guest", "1234"))
	require.NoError(t, err)
	assert.NotEmpty(t, code.AccessCodeId)

	_, err = c.Thermostats.List(ctx, nil)
	require.NoError(t, err)
	_, err = c.Acs.Users.List(ctx, nil)
	require.NoError(t, err)
	_, err = c.Workspaces.Get(ctx)
	require.NoError(t, err)
	// The schema of /events/get leaves "event" optional; the canned answer
	// has one all the same.
	ev, err := c.Events.Get(ctx, "event_1")
	require.NoError(t, err)
	assert.NotEmpty(t, ev.ID)

	reqs := s.Requests()
	require.Len(t, reqs, 8) // the canned action attempt is already a success: no poll
	assert.Equal(t, "/devices/list", reqs[0].Path)
	assert.Equal(t, "GET", reqs[0].Method)
	assert.Equal(t, "dev_1", reqs[1].Query.Get("device_id"))
	unlock := s.RequestsTo("/locks/unlock_door")
	require.Len(t, unlock, 1)
	assert.Equal(t, "POST", unlock[0].Method)
	assert.Equal(t, map[string]any{"device_id": "dev_1"}, unlock[0].Body)
	assert.Equal(t, "Bearer "+seamtest.TestAPIKey, unlock[0].Header.Get("Authorization"))
	create := s.RequestsTo("/access_codes/create")
	require.Len(t, create, 1)
	assert.Equal(t, "1234", create[0].Body["code"])
}

// TestCannedAnswersHoldTheirResult checks answers.gen.json: every answer of
// an operation with an x-response-key holds that key, not null, so that
// the seam method returns a result instead of failing on the answer.
func TestCannedAnswersHoldTheirResult(t *testing.T) {
	raw, err := os.ReadFile("answers.gen.json")
	require.NoError(t, err)
	var answers map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(raw, &answers))
	keyed := 0
	for path, a := range answers {
		if !strings.HasPrefix(path, "/") {
			continue
		}
		var answer struct {
			Key  string                     `json:"key"`
			Body map[string]json.RawMessage `json:"body"`
		}
		require.NoError(t, json.Unmarshal(a, &answer), path)
		if answer.Key == "" {
			continue
		}
		keyed++
		v, ok := answer.Body[answer.Key]
		if assert.True(t, ok, "%s: the answer has no %q", path, answer.Key) {
			assert.NotEqual(t, "null", string(v), "%s: %q is null", path, answer.Key)
		}
	}
	assert.Greater(t, keyed, 100, "answers with a response key")
}

func actionStatus(t *testing.T, a *gen.ActionAttempt) string {
	t.Helper()
	raw, err := a.MarshalJSON()
	require.NoError(t, err)
	for _, s := range []string{"success", "pending", "error"} {
		if contains(string(raw), `"status":"`+s+`"`) {
			return s
		}
	}
	return string(raw)
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}

func TestServerErrors(t *testing.T) {
	t.Parallel()
	s := seamtest.NewServer(t)
	c := s.Client()
	ctx := context.Background()

	s.Handle("/devices/get", seamtest.Error(http.StatusNotFound, "device_not_found", "Device not found"))
	_, err := c.Devices.Get(ctx, "nope")
	var apiErr *seam.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 404, apiErr.StatusCode)
	assert.Equal(t, "device_not_found", apiErr.Type)
	assert.Equal(t, "Device not found", apiErr.Message)
	assert.NotEmpty(t, apiErr.RequestID)

	// A 503 then the canned answer: the GET is retried without delay.
	s.Handle("/devices/list", seamtest.Sequence(seamtest.Status(http.StatusServiceUnavailable), seamtest.Canned()))
	_, err = c.Devices.List(ctx, nil)
	require.NoError(t, err)
	assert.Len(t, s.RequestsTo("/devices/list"), 2)

	// 429 with Retry-After: 0, then success: even a POST is retried.
	s.Handle("/locks/unlock_door", seamtest.Sequence(seamtest.RateLimited(0), seamtest.Canned()))
	_, err = c.Locks.UnlockDoor(ctx, "d")
	require.NoError(t, err)
	assert.Len(t, s.RequestsTo("/locks/unlock_door"), 2)

	// Always 500: the POST is not replayed.
	s.Handle("/locks/lock_door", seamtest.Status(http.StatusInternalServerError))
	_, err = c.Locks.LockDoor(ctx, "d")
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 500, apiErr.StatusCode)
	assert.Len(t, s.RequestsTo("/locks/lock_door"), 1)

	// A custom JSON body.
	body := s.Canned("/devices/get")
	body["device"].(map[string]any)["device_id"] = "custom"
	s.Handle("/devices/get", seamtest.JSON(200, body))
	d, err := c.Devices.Get(ctx, "custom")
	require.NoError(t, err)
	assert.Equal(t, "custom", d.DeviceId)
	s.Handle("/devices/get", nil)
	d, err = c.Devices.Get(ctx, "x")
	require.NoError(t, err)
	assert.NotEqual(t, "custom", d.DeviceId)
}

func TestServerActionAttempts(t *testing.T) {
	t.Parallel()
	s := seamtest.NewServer(t)
	c := s.Client()
	ctx := context.Background()

	s.Handle("/locks/unlock_door", seamtest.ActionAttemptSucceedsAfter(3))
	a, err := c.Locks.UnlockDoor(ctx, "d")
	require.NoError(t, err)
	assert.Equal(t, "success", actionStatus(t, a))
	assert.Len(t, s.RequestsTo("/action_attempts/get"), 4)

	s.Handle("/locks/unlock_door", seamtest.ActionAttemptFailsAfter(1, "lock_jammed", "The lock is jammed"))
	_, err = c.Locks.UnlockDoor(ctx, "d")
	var failed *seam.ActionAttemptFailedError
	require.ErrorAs(t, err, &failed)
	assert.Contains(t, err.Error(), "lock_jammed")

	s.Handle("/locks/unlock_door", seamtest.ActionAttemptPending())
	_, err = c.Locks.UnlockDoor(ctx, "d", seam.WithActionAttemptTimeout(50*time.Millisecond))
	var timeout *seam.ActionAttemptTimeoutError
	require.ErrorAs(t, err, &timeout)

	a, err = c.Locks.UnlockDoor(ctx, "d", seam.WithWaitForActionAttempts(false))
	require.NoError(t, err)
	assert.Equal(t, "pending", actionStatus(t, a))
	assert.False(t, errors.Is(err, context.DeadlineExceeded))
}

func TestServerUnknownPath(t *testing.T) {
	t.Parallel()
	s := seamtest.NewServer(t)
	resp, err := http.Post(s.URL+"/no/such/path", "application/json", nil)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, 404, resp.StatusCode)
	assert.NotEmpty(t, resp.Header.Get("seam-request-id"))
}
