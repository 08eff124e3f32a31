package seam_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seamgo/seam-go/gen"
	"github.com/seamgo/seam-go/internal/seamfake"
	"github.com/seamgo/seam-go/seam"
)

// These tests run the client against the official fake Seam server
// (internal/seamfake), one fake per test so that no test sees another's
// changes. StartT stops it when the test ends.

// hookTransport counts the requests a client sends, per "METHOD /path", and
// lets a test act on a response before the client sees it.
type hookTransport struct {
	base http.RoundTripper

	mu     sync.Mutex
	counts map[string]int
	// after, when set, runs on each response; res.Body may be read: it is
	// buffered and handed to the client afterwards.
	after func(req *http.Request, res *http.Response, body []byte)
}

// RoundTrip sends req, counts it and runs the hook.
func (h *hookTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	h.mu.Lock()
	h.counts[req.Method+" "+req.URL.Path]++
	after := h.after
	h.mu.Unlock()
	res, err := h.base.RoundTrip(req)
	if err != nil || after == nil {
		return res, err
	}
	body, err := io.ReadAll(res.Body)
	_ = res.Body.Close()
	if err != nil {
		return nil, err
	}
	res.Body = io.NopCloser(bytes.NewReader(body))
	after(req, res, body)
	return res, nil
}

// count returns how many requests route ("METHOD /path") was sent.
func (h *hookTransport) count(route string) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.counts[route]
}

// setAfter replaces the response hook.
func (h *hookTransport) setAfter(after func(req *http.Request, res *http.Response, body []byte)) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.after = after
}

// fakeClient starts a fake and returns it with a client authenticated with
// its seeded API key, sending through a hookTransport, with millisecond
// retry backoff and fast action attempt polls, plus opts.
func fakeClient(t *testing.T, opts ...seam.Option) (*seamfake.Server, *seam.Client, *hookTransport) {
	t.Helper()
	s := seamfake.StartT(t)
	base := http.DefaultTransport.(*http.Transport).Clone()
	t.Cleanup(base.CloseIdleConnections)
	hook := &hookTransport{base: base, counts: map[string]int{}}
	all := append([]seam.Option{
		seam.WithAPIKey(s.APIKey),
		seam.WithEndpoint(s.Endpoint),
		seam.WithHTTPClient(&http.Client{Transport: hook}),
		seam.WithRetryBackoff(time.Millisecond, 5*time.Millisecond),
		seam.WithActionAttemptPollInterval(20 * time.Millisecond),
	}, opts...)
	c, err := seam.New(all...)
	require.NoError(t, err)
	return s, c, hook
}

// attemptIDFrom reads action_attempt.action_attempt_id from a response body.
func attemptIDFrom(t *testing.T, body []byte) string {
	t.Helper()
	var env struct {
		ActionAttempt struct {
			ID string `json:"action_attempt_id"`
		} `json:"action_attempt"`
	}
	if err := json.Unmarshal(body, &env); err != nil || env.ActionAttempt.ID == "" {
		t.Errorf("no action attempt id in %s (%v)", body, err)
	}
	return env.ActionAttempt.ID
}

// requestNumber returns N of the fake's request id "requestN": the fake
// numbers every request it answers, so consecutive numbers prove that no
// other request reached it in between.
func requestNumber(t *testing.T, id string) int {
	t.Helper()
	n, err := strconv.Atoi(strings.TrimPrefix(id, "request"))
	require.NoError(t, err, "request id %q", id)
	return n
}

// probe makes one request and returns the fake's number for it.
func probe(t *testing.T, c *seam.Client) int {
	t.Helper()
	res, err := c.API().WorkspacesGetGetWithResponse(t.Context())
	require.NoError(t, err)
	return requestNumber(t, res.HTTPResponse.Header.Get("Seam-Request-Id"))
}

// lockedState returns properties.locked of a lock.
func lockedState(t *testing.T, c *seam.Client, deviceID string) bool {
	t.Helper()
	d, err := c.Locks.Get(t.Context(), deviceID)
	require.NoError(t, err)
	require.NotNil(t, d.Properties.Locked)
	return *d.Properties.Locked
}

// pendingThenSuccess makes the action attempt of every answer to path
// pending, and successful delay later, so that the client has to poll: the
// fake stores the attempt as already successful. Wait on the returned group
// before the test ends.
func pendingThenSuccess(t *testing.T, s *seamfake.Server, hook *hookTransport, path string, delay time.Duration) *sync.WaitGroup {
	t.Helper()
	done := &sync.WaitGroup{}
	hook.setAfter(func(req *http.Request, _ *http.Response, body []byte) {
		if req.URL.Path != path {
			return
		}
		id := attemptIDFrom(t, body)
		assert.NoError(t, s.UpdateActionAttempt(context.Background(), id, seamfake.ActionAttemptPending, "", ""))
		done.Go(func() {
			time.Sleep(delay)
			assert.NoError(t, s.UpdateActionAttempt(context.Background(), id, seamfake.ActionAttemptSuccess, "", ""))
		})
	})
	return done
}

func TestFakeUnlockWaitsForTheActionAttempt(t *testing.T) {
	s, c, hook := fakeClient(t)
	lock := s.Seed.AugustLock1ID
	require.True(t, lockedState(t, c, lock))

	const delay = 200 * time.Millisecond
	done := pendingThenSuccess(t, s, hook, "/locks/unlock_door", delay)
	start := time.Now()
	got, err := c.Locks.UnlockDoor(t.Context(), lock)
	elapsed := time.Since(start)
	done.Wait()
	require.NoError(t, err)
	sum := summary(t, got)
	assert.Equal(t, seam.ActionAttemptSuccess, sum.Status)
	assert.Equal(t, "UNLOCK_DOOR", sum.ActionType)
	assert.GreaterOrEqual(t, elapsed, delay, "it waited for the attempt to succeed")
	assert.Equal(t, 1, hook.count("POST /locks/unlock_door"))
	assert.GreaterOrEqual(t, hook.count("GET /action_attempts/get"), 2, "pending at least once, then success")

	hook.setAfter(nil)
	assert.False(t, lockedState(t, c, lock))
}

func TestFakeUnlockFailure(t *testing.T) {
	s, c, hook := fakeClient(t)
	hook.setAfter(func(req *http.Request, _ *http.Response, body []byte) {
		if req.URL.Path == "/locks/unlock_door" {
			id := attemptIDFrom(t, body)
			assert.NoError(t, s.UpdateActionAttempt(context.Background(), id, seamfake.ActionAttemptError,
				"lock_offline", "The lock is offline"))
		}
	})
	got, err := c.Locks.UnlockDoor(t.Context(), s.Seed.AugustLock2ID)
	require.ErrorIs(t, err, seam.ErrActionAttemptFailed)
	var failed *seam.ActionAttemptFailedError
	require.ErrorAs(t, err, &failed)
	assert.Equal(t, "UNLOCK_DOOR", failed.ActionType)
	assert.Equal(t, "lock_offline", failed.ErrorType)
	assert.Equal(t, "The lock is offline", failed.Message)
	assert.NotEmpty(t, failed.ID)
	assert.Equal(t, seam.ActionAttemptError, summary(t, got).Status)
	assert.Equal(t, 1, hook.count("POST /locks/unlock_door"))
}

func TestFakeUnlockWithoutWaiting(t *testing.T) {
	s, c, hook := fakeClient(t, seam.WithWaitForActionAttempts(false))
	got, err := c.Locks.UnlockDoor(t.Context(), s.Seed.AugustLock1ID)
	require.NoError(t, err)
	sum := summary(t, got)
	assert.Equal(t, seam.ActionAttemptPending, sum.Status)
	assert.Equal(t, 0, hook.count("GET /action_attempts/get"))

	// Waiting later, by id.
	done, err := c.WaitForActionAttemptID(t.Context(), sum.ID)
	require.NoError(t, err)
	assert.Equal(t, seam.ActionAttemptSuccess, summary(t, done).Status)
}

func TestFakeDevicesPagination(t *testing.T) {
	s, c, hook := fakeClient(t)
	params := &gen.DevicesListGetParams{Limit: seam.Ptr(2.0)}

	first, err := c.Devices.List(t.Context(), params)
	require.NoError(t, err)
	assert.Len(t, first.Items, 2)
	assert.True(t, first.HasNextPage)
	assert.NotEmpty(t, first.NextPageCursor)

	var all []string
	for d, err := range c.Devices.All(t.Context(), params) {
		require.NoError(t, err)
		all = append(all, d.DeviceId)
	}
	assert.Equal(t, 1+3, hook.count("GET /devices/list"), "one List, then three pages of 2, 2 and 1")
	assert.Len(t, all, 5)
	want := append(slices.Clone(s.Seed.LockIDs), s.Seed.ThermostatID, s.Seed.NoiseSensorID)
	assert.ElementsMatch(t, want, all, "every seeded device once")
	assert.Equal(t, ids(first.Items, func(d gen.Device) string { return d.DeviceId }), strings.Join(all[:2], ","))
}

func TestFakeUnauthorized(t *testing.T) {
	s := seamfake.StartT(t)
	const badKey = "seam_apikey_SECRETinvalid42"
	c, err := seam.New(seam.WithAPIKey(badKey), seam.WithEndpoint(s.Endpoint))
	require.NoError(t, err)

	_, err = c.Devices.List(t.Context(), nil)
	require.ErrorIs(t, err, seam.ErrUnauthorized)
	var apiErr *seam.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusUnauthorized, apiErr.StatusCode)
	assert.Equal(t, "unauthorized", apiErr.Type)
	assert.Regexp(t, `^request\d+$`, apiErr.RequestID)
	assert.Contains(t, err.Error(), apiErr.RequestID)
	assert.NotContains(t, err.Error(), badKey)
	assert.NotContains(t, err.Error(), "SECRET")
	assert.NotContains(t, string(apiErr.Body), badKey)
}

func TestFakeErrors(t *testing.T) {
	s, c, _ := fakeClient(t)

	t.Run("not found", func(t *testing.T) {
		_, err := c.Devices.Get(t.Context(), "no_such_device")
		require.ErrorIs(t, err, seam.ErrNotFound)
		var apiErr *seam.APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, http.StatusNotFound, apiErr.StatusCode)
		assert.Equal(t, "device_not_found", apiErr.Type)
		assert.Equal(t, "Device not found", apiErr.Message)
		assert.Regexp(t, `^request\d+$`, apiErr.RequestID)
		assert.Equal(t, "GET", apiErr.Method)
		assert.Equal(t, "/devices/get", apiErr.Path)
	})

	t.Run("invalid input", func(t *testing.T) {
		// The typed body always has a device_id (an empty one is looked
		// up and not found), so a request editor sends a body without it.
		body := []byte(`{"name":"x"}`)
		withoutDeviceID := func(_ context.Context, req *http.Request) error {
			req.Body = io.NopCloser(bytes.NewReader(body))
			req.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
			req.ContentLength = int64(len(body))
			return nil
		}
		_, err := c.API().AccessCodesCreatePostWithResponse(t.Context(), gen.AccessCodesCreateRequestBody{}, withoutDeviceID)
		require.ErrorIs(t, err, seam.ErrInvalidInput)
		var apiErr *seam.APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, http.StatusBadRequest, apiErr.StatusCode)
		assert.Equal(t, "invalid_input", apiErr.Type)
		assert.Equal(t, []string{"Required"}, apiErr.ValidationMessages("device_id"))
		assert.Equal(t, []string{"device_id"}, apiErr.ValidationParams())
	})

	t.Run("invalid input, request-wide message", func(t *testing.T) {
		_, err := c.API().EventsListGetWithResponse(t.Context(), &gen.EventsListGetParams{})
		require.ErrorIs(t, err, seam.ErrInvalidInput)
		var apiErr *seam.APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, []string{"Must specify either since or between"}, apiErr.ValidationMessages(""))
	})

	t.Run("action attempt not found", func(t *testing.T) {
		_, err := c.ActionAttempts.Get(t.Context(), "nope")
		require.ErrorIs(t, err, seam.ErrNotFound)
		var apiErr *seam.APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, "action_attempt_not_found", apiErr.Type)
		assert.Equal(t, map[string]any{"action_attempt_id": "nope"}, apiErr.Data)
	})

	t.Run("wrong workspace", func(t *testing.T) {
		other, err := seam.New(seam.WithAPIKey(s.Seed.EmptyWorkspaceAPIKey), seam.WithEndpoint(s.Endpoint))
		require.NoError(t, err)
		p, err := other.Devices.List(t.Context(), nil)
		require.NoError(t, err)
		assert.Empty(t, p.Items, "the second seeded workspace has no devices")
	})
}

func TestFakeOutageOnAGet(t *testing.T) {
	s, c, hook := fakeClient(t)
	ctx := t.Context()
	require.NoError(t, s.SimulateOutage(ctx, s.WorkspaceID, []string{"/devices/list"}))

	t.Run("retried, then fails", func(t *testing.T) {
		before := probe(t, c)
		_, err := c.Devices.List(ctx, nil)
		require.ErrorIs(t, err, seam.ErrServer)
		var apiErr *seam.APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, http.StatusServiceUnavailable, apiErr.StatusCode)
		assert.Empty(t, apiErr.Body)
		attempts := 1 + seam.DefaultMaxRetries
		assert.Equal(t, attempts, hook.count("GET /devices/list"))
		assert.Equal(t, before+attempts, requestNumber(t, apiErr.RequestID), "the error is the last attempt's")
		assert.Equal(t, before+attempts+1, probe(t, c))
	})

	t.Run("per-call retries through API and Context", func(t *testing.T) {
		n := hook.count("GET /devices/list")
		once, err := c.Context(ctx, seam.WithMaxRetries(0))
		require.NoError(t, err)
		_, err = c.API().DevicesListGetWithResponse(once, &gen.DevicesListGetParams{})
		require.ErrorIs(t, err, seam.ErrServer)
		assert.Equal(t, n+1, hook.count("GET /devices/list"), "WithMaxRetries(0) for this call only")

		_, err = c.API().DevicesListGetWithResponse(ctx, &gen.DevicesListGetParams{})
		require.ErrorIs(t, err, seam.ErrServer)
		assert.Equal(t, n+1+1+seam.DefaultMaxRetries, hook.count("GET /devices/list"), "the client's retries again")
	})

	t.Run("outage lifted during the retries", func(t *testing.T) {
		n := hook.count("GET /devices/list")
		hook.setAfter(func(req *http.Request, res *http.Response, _ []byte) {
			if req.URL.Path == "/devices/list" && res.StatusCode == http.StatusServiceUnavailable {
				assert.NoError(t, s.SimulateOutage(context.Background(), s.WorkspaceID, nil))
			}
		})
		defer hook.setAfter(nil)
		p, err := c.Devices.List(ctx, nil)
		require.NoError(t, err)
		assert.Len(t, p.Items, 5)
		assert.Equal(t, n+2, hook.count("GET /devices/list"), "one 503, then the retry succeeds")
	})
}

func TestFakeOutageOnAPost(t *testing.T) {
	s, c, hook := fakeClient(t)
	lock := s.Seed.AugustLock1ID
	require.True(t, lockedState(t, c, lock))
	require.NoError(t, s.SimulateOutage(t.Context(), s.WorkspaceID, []string{"/locks/unlock_door"}))

	before := probe(t, c)
	_, err := c.Locks.UnlockDoor(t.Context(), lock)
	require.ErrorIs(t, err, seam.ErrServer)
	var apiErr *seam.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, before+1, requestNumber(t, apiErr.RequestID))
	assert.Equal(t, before+2, probe(t, c), "exactly one unlock reached the fake")
	assert.Equal(t, 1, hook.count("POST /locks/unlock_door"), "a POST is never retried")
	assert.Equal(t, 0, hook.count("GET /action_attempts/get"))

	require.NoError(t, s.SimulateOutage(t.Context(), s.WorkspaceID, nil))
	assert.True(t, lockedState(t, c, lock), "the refused unlock had no effect")
}

func TestFakeWorkspaceAndConnectedAccounts(t *testing.T) {
	s, c, hook := fakeClient(t)

	ws, err := c.Workspaces.Get(t.Context())
	require.NoError(t, err)
	assert.Equal(t, s.WorkspaceID, ws.WorkspaceId)
	assert.True(t, ws.IsSandbox)

	var accounts []string
	for a, err := range c.ConnectedAccounts.All(t.Context(), &gen.ConnectedAccountsListGetParams{Limit: seam.Ptr(2)}) {
		require.NoError(t, err)
		accounts = append(accounts, a.ConnectedAccountId)
	}
	assert.Len(t, accounts, 3)
	assert.Contains(t, accounts, s.Seed.ConnectedAccountID)
	assert.Equal(t, 2, hook.count("GET /connected_accounts/list"), "3 accounts, 2 per page")
	assert.Len(t, slices.Compact(slices.Sorted(slices.Values(accounts))), 3, "no account twice")

	a, err := c.ConnectedAccounts.Get(t.Context(), s.Seed.ConnectedAccountID)
	require.NoError(t, err)
	assert.Equal(t, s.Seed.ConnectedAccountID, a.ConnectedAccountId)
}

func TestFakeEvents(t *testing.T) {
	s, c, _ := fakeClient(t)
	lock := s.Seed.AugustLock1ID
	before := time.Now().Add(-time.Minute)
	_, err := c.Locks.UnlockDoor(t.Context(), lock)
	require.NoError(t, err)
	_, err = c.Locks.LockDoor(t.Context(), lock)
	require.NoError(t, err)

	events, err := c.Events.List(t.Context(), &gen.EventsListGetParams{Since: seam.Ptr("2000-01-01T00:00:00Z")})
	require.NoError(t, err)
	types := map[string]int{}
	var unlocked []gen.EventLockUnlocked
	var unlockEvent seam.Event
	for _, ev := range events {
		types[ev.Type]++
		assert.True(t, ev.Known(), "the fake's %s is in the spec", ev.Type)
		switch e := ev.Data.(type) {
		case gen.EventLockUnlocked:
			unlocked = append(unlocked, e)
			unlockEvent = ev
		}
	}
	assert.GreaterOrEqual(t, len(types), 3, "several event types: %v", types)
	for _, typ := range []string{"device.connected", "lock.unlocked", "lock.locked"} {
		assert.Positive(t, types[typ], typ)
	}
	// The unlock comes back typed, with its fields and the common ones.
	require.Len(t, unlocked, 1, "one unlock, one lock.unlocked event")
	assert.Equal(t, s.WorkspaceID, unlocked[0].WorkspaceId)
	assert.Equal(t, seam.Ptr(lock), unlocked[0].DeviceId)
	assert.Equal(t, "lock.unlocked", unlockEvent.Type)
	assert.Equal(t, lock, unlockEvent.DeviceID)
	assert.Equal(t, s.WorkspaceID, unlockEvent.WorkspaceID)
	assert.Equal(t, unlocked[0].EventId, unlockEvent.ID)
	assert.True(t, unlockEvent.OccurredAt.After(before), "occurred_at %s is now", unlockEvent.OccurredAt)

	// Get gives the same event.
	got, err := c.Events.Get(t.Context(), unlockEvent.ID)
	require.NoError(t, err)
	assert.Equal(t, unlocked[0], got.Data)
	assert.JSONEq(t, string(unlockEvent.Raw), string(got.Raw))

	// Filtering by type.
	filtered, err := c.Events.List(t.Context(), &gen.EventsListGetParams{
		Since:      seam.Ptr("2000-01-01T00:00:00Z"),
		EventTypes: &[]gen.EventsListGetParamsEventTypes{"lock.locked", "lock.unlocked"},
	})
	require.NoError(t, err)
	assert.Equal(t, types["lock.locked"]+types["lock.unlocked"], len(filtered))
}

func TestFakeAPIGenericCall(t *testing.T) {
	s, c, hook := fakeClient(t)

	res, err := c.API().LocksListGetWithResponse(t.Context(), &gen.LocksListGetParams{})
	require.NoError(t, err)
	require.NotNil(t, res.JSON200)
	var got []string
	for _, d := range res.JSON200.Devices {
		got = append(got, d.DeviceId)
	}
	assert.ElementsMatch(t, s.Seed.LockIDs, got)

	_, err = c.API().DevicesGetGetWithResponse(t.Context(), &gen.DevicesGetGetParams{DeviceId: seam.Ptr("no_such_device")})
	assert.ErrorIs(t, err, seam.ErrNotFound, "generated calls get the same errors")

	// Per-call settings reach a generated call through Context.
	ctx, err := c.Context(t.Context(), seam.WithHeader("X-Trace", "abc"), seam.WithTimeout(5*time.Second))
	require.NoError(t, err)
	var trace string
	hook.setAfter(func(req *http.Request, _ *http.Response, _ []byte) { trace = req.Header.Get("X-Trace") })
	_, err = c.API().WorkspacesGetGetWithResponse(ctx)
	require.NoError(t, err)
	assert.Equal(t, "abc", trace)
	_, err = c.API().WorkspacesGetGetWithResponse(t.Context())
	require.NoError(t, err)
	assert.Empty(t, trace)
	hook.setAfter(nil)

	_, err = c.Context(t.Context(), seam.WithAPIKey(s.APIKey))
	assert.ErrorIs(t, err, seam.ErrInvalidOptions, "who the client is cannot change per call")
}
