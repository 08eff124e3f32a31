package seam

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// acSequence is a test server whose /access_codes/get answers the bodies in
// order, repeating the last one.
type acSequence struct {
	mu     sync.Mutex
	bodies []string
	polls  int
}

func (s *acSequence) serve(t *testing.T) *Client {
	t.Helper()
	srv := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, "/access_codes/get", r.URL.Path)
		assert.Equal(t, http.MethodGet, r.Method)
		assert.Equal(t, "ac1", r.URL.Query().Get("access_code_id"))
		s.mu.Lock()
		body := s.bodies[min(s.polls, len(s.bodies)-1)]
		s.polls++
		s.mu.Unlock()
		if body == "404" {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusNotFound)
			_, _ = w.Write([]byte(`{"error":{"type":"access_code_not_found","message":"Access Code Not Found"},"ok":false}`))
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"access_code":` + body + `,"ok":true}`))
	})
	return newTestClient(t, srv.URL)
}

func (s *acSequence) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.polls
}

// acCode is an access code body with the given extra fields.
func acCode(fields string) string {
	return `{"access_code_id":"ac1","device_id":"lock","type":"ongoing","warnings":[],"is_managed":true,` + fields + `}`
}

var acFastPolls = []Option{WithActionAttemptPollInterval(5 * time.Millisecond), WithActionAttemptTimeout(5 * time.Second)}

func TestWaitUntilReadyOnline(t *testing.T) {
	seq := &acSequence{bodies: []string{
		acCode(`"status":"setting","code":"1234","errors":[]`),
		acCode(`"status":"setting","code":"1234","errors":[],"warnings":[{"warning_code":"delay_in_setting_on_device","message":"slow"}]`),
		acCode(`"status":"set","code":"1234","errors":[]`),
	}}
	c := seq.serve(t)
	ac, err := c.AccessCodes.WaitUntilReady(t.Context(), "ac1", acFastPolls...)
	require.NoError(t, err)
	assert.Equal(t, "set", string(ac.Status))
	assert.Equal(t, 3, seq.count())
}

func TestWaitUntilReadyOffline(t *testing.T) {
	seq := &acSequence{bodies: []string{
		acCode(`"status":"unset","code":null,"is_offline_access_code":true,"is_waiting_for_code_assignment":true,"errors":[]`),
		acCode(`"status":"unset","code":"48213957","is_offline_access_code":true,"is_waiting_for_code_assignment":true,"errors":[]`),
		acCode(`"status":"unset","code":"48213957","is_offline_access_code":true,"is_waiting_for_code_assignment":false,"errors":[]`),
	}}
	c := seq.serve(t)
	ac, err := c.AccessCodes.WaitUntilReady(t.Context(), "ac1", acFastPolls...)
	require.NoError(t, err)
	assert.Equal(t, "48213957", ac.Code.MustGet())
	assert.Equal(t, "unset", string(ac.Status), "an offline code is ready once its PIN is assigned")
	assert.Equal(t, 3, seq.count())
}

func TestWaitUntilReadyFailsOnErrors(t *testing.T) {
	seq := &acSequence{bodies: []string{
		acCode(`"status":"setting","code":"1234","errors":[]`),
		acCode(`"status":"setting","code":"1234","errors":[{"error_code":"failed_to_set_on_device","message":"Failed to set code on device.","is_access_code_error":true,"created_at":"2030-01-01T00:00:00Z"}]`),
		acCode(`"status":"set","code":"1234","errors":[]`),
	}}
	c := seq.serve(t)
	ac, err := c.AccessCodes.WaitUntilReady(t.Context(), "ac1", acFastPolls...)
	require.ErrorIs(t, err, ErrAccessCodeFailed)
	var failed *AccessCodeFailedError
	require.ErrorAs(t, err, &failed)
	assert.Equal(t, []AccessCodeIssue{{Code: "failed_to_set_on_device", Message: "Failed to set code on device."}}, failed.Issues)
	assert.Same(t, ac, failed.AccessCode)
	assert.Equal(t, `seam: access code ac1 (status "setting") reports errors: failed_to_set_on_device: Failed to set code on device.`, err.Error())
	assert.Equal(t, 2, seq.count(), "stops at the first error")
}

func TestWaitUntilReadyFailsWhenRemoving(t *testing.T) {
	seq := &acSequence{bodies: []string{acCode(`"status":"removing","code":"1234","errors":[]`)}}
	c := seq.serve(t)
	_, err := c.AccessCodes.WaitUntilReady(t.Context(), "ac1", acFastPolls...)
	require.ErrorIs(t, err, ErrAccessCodeFailed)
	assert.Contains(t, err.Error(), `status "removing"`)
}

func TestWaitUntilReadyTimesOut(t *testing.T) {
	seq := &acSequence{bodies: []string{acCode(`"status":"setting","code":"1234","errors":[]`)}}
	c := seq.serve(t)
	begin := time.Now()
	ac, err := c.AccessCodes.WaitUntilReady(t.Context(), "ac1",
		WithActionAttemptPollInterval(20*time.Millisecond), WithActionAttemptTimeout(150*time.Millisecond))
	elapsed := time.Since(begin)
	require.ErrorIs(t, err, ErrAccessCodeNotReady)
	var nr *AccessCodeNotReadyError
	require.ErrorAs(t, err, &nr)
	assert.Equal(t, "ac1", nr.ID)
	assert.Same(t, ac, nr.AccessCode)
	assert.GreaterOrEqual(t, nr.Waited, 150*time.Millisecond)
	assert.Less(t, elapsed, 3*time.Second)
	assert.GreaterOrEqual(t, seq.count(), 3)
	assert.Contains(t, err.Error(), `not ready after`)
	assert.Contains(t, err.Error(), `(status "setting")`)
	assert.NotErrorIs(t, err, context.DeadlineExceeded, "its own timeout, not the context's")
}

func TestWaitUntilReadyContextDeadline(t *testing.T) {
	seq := &acSequence{bodies: []string{acCode(`"status":"setting","code":"1234","errors":[]`)}}
	c := seq.serve(t)
	ctx, cancel := context.WithTimeout(t.Context(), 100*time.Millisecond)
	defer cancel()
	_, err := c.AccessCodes.WaitUntilReady(ctx, "ac1", WithActionAttemptPollInterval(10*time.Millisecond), WithActionAttemptTimeout(time.Minute))
	require.ErrorIs(t, err, ErrAccessCodeNotReady)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
}

func TestWaitUntilReadyContext(t *testing.T) {
	seq := &acSequence{bodies: []string{acCode(`"status":"setting","code":"1234","errors":[]`)}}
	c := seq.serve(t)
	ctx, cancel := context.WithCancel(t.Context())
	go func() {
		time.Sleep(50 * time.Millisecond)
		cancel()
	}()
	_, err := c.AccessCodes.WaitUntilReady(ctx, "ac1", WithActionAttemptPollInterval(10*time.Millisecond), WithActionAttemptTimeout(time.Minute))
	require.ErrorIs(t, err, ErrAccessCodeNotReady)
	assert.True(t, errors.Is(err, context.Canceled))
}

func TestWaitUntilReadyAPIError(t *testing.T) {
	seq := &acSequence{bodies: []string{"404"}}
	c := seq.serve(t)
	_, err := c.AccessCodes.WaitUntilReady(t.Context(), "ac1", acFastPolls...)
	require.ErrorIs(t, err, ErrNotFound)
	assert.NotErrorIs(t, err, ErrAccessCodeNotReady)
	assert.Equal(t, 1, seq.count())
}

func TestIsAccessCodeReady(t *testing.T) {
	assert.False(t, IsAccessCodeReady(nil))
}
