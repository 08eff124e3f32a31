package seam

import (
	"context"
	"net/http"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPollerDelaysGrowAndClampToDeadline(t *testing.T) {
	p := poller{timeout: time.Second, minDelay: 20 * time.Millisecond, maxDelay: 80 * time.Millisecond, maxPolls: 100}
	var at []time.Duration
	start := time.Now()
	end, err := p.run(context.Background(), false, func(context.Context) (bool, error) {
		at = append(at, time.Since(start))
		return false, nil
	})
	require.NoError(t, err)
	require.NotNil(t, end)
	assert.NoError(t, end.cause, "the wait's own timeout is no context error")
	elapsed := time.Since(start)
	assert.GreaterOrEqual(t, elapsed, time.Second)
	assert.Less(t, elapsed, 2500*time.Millisecond, "the last sleep is clamped to the deadline")
	// 20, 40, 80, 80… ms apart: at most 1 + 1 + 1 + 11 polls in a second.
	require.GreaterOrEqual(t, len(at), 4)
	assert.LessOrEqual(t, len(at), 14)
	assert.GreaterOrEqual(t, at[0], 20*time.Millisecond)
	assert.GreaterOrEqual(t, at[1]-at[0], 40*time.Millisecond)
	for i := 2; i < len(at); i++ {
		assert.GreaterOrEqual(t, at[i]-at[i-1], 80*time.Millisecond)
	}
}

func TestPollerBoundedByCount(t *testing.T) {
	p := poller{timeout: time.Minute, minDelay: time.Microsecond, maxDelay: time.Microsecond, maxPolls: 5}
	var n int
	end, err := p.run(context.Background(), true, func(context.Context) (bool, error) { n++; return false, nil })
	require.NoError(t, err)
	require.NotNil(t, end)
	assert.ErrorContains(t, end.cause, "more than 5 polls")
	assert.Equal(t, 5, n)
}

func TestPollerCheckSeesTheWaitDeadline(t *testing.T) {
	p := poller{timeout: 100 * time.Millisecond, minDelay: time.Millisecond, maxDelay: time.Millisecond, maxPolls: 10}
	start := time.Now()
	end, err := p.run(context.Background(), true, func(ctx context.Context) (bool, error) {
		d, ok := ctx.Deadline()
		require.True(t, ok, "the poll runs under the wait's deadline")
		assert.False(t, d.Before(start.Add(100*time.Millisecond)))
		assert.False(t, d.After(time.Now().Add(100*time.Millisecond)))
		<-ctx.Done()
		return false, ctx.Err()
	})
	require.NoError(t, err, "a check cut short by the wait's deadline ends the wait")
	require.NotNil(t, end)
	assert.NoError(t, end.cause)
}

// WaitUntilReady is bounded by its own timeout even when a poll stalls
// (each poll gets what is left of the wait, not the 10 s attempt timeout).
func TestWaitUntilReadyBoundsAStalledPoll(t *testing.T) {
	var hits counter
	srv := newTestServer(t, blockUntilGone(&hits))
	c := newTestClient(t, srv.URL, WithTimeout(10*time.Second))
	start := time.Now()
	_, err := c.AccessCodes.WaitUntilReady(context.Background(), "ac1", WithActionAttemptTimeout(200*time.Millisecond))
	elapsed := time.Since(start)
	var nr *AccessCodeNotReadyError
	require.ErrorAs(t, err, &nr)
	assert.NotErrorIs(t, err, context.DeadlineExceeded, "its own timeout, not the caller's deadline")
	assert.GreaterOrEqual(t, elapsed, 200*time.Millisecond)
	assert.Less(t, elapsed, 3*time.Second, "far below the 10 s attempt timeout")
	assert.Equal(t, int64(1), hits.get())
}

// The action attempt wait and WaitUntilReady, ended every way (success,
// failure, own timeout, ctx cancelled, ctx deadline), leave no goroutine
// behind.
func TestWaitsLeaveNoGoroutine(t *testing.T) {
	var acPolls, aaPolls atomic.Int64
	srv := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch r.URL.Path {
		case "/access_codes/get":
			status := "setting"
			if r.URL.Query().Get("access_code_id") == "ready" && acPolls.Add(1)%2 == 0 {
				status = "set"
			}
			_, _ = w.Write([]byte(`{"access_code":` + acCode(`"status":"`+status+`","code":"1234","errors":[]`) + `,"ok":true}`))
		case "/action_attempts/get":
			aaPolls.Add(1)
			status := "pending"
			if r.URL.Query().Get("action_attempt_id") == "done" {
				status = "success"
			}
			_, _ = w.Write([]byte(`{"action_attempt":{"action_attempt_id":"x","action_type":"UNLOCK_DOOR","status":"` + status +
				`","result":{},"error":null},"ok":true}`))
		default:
			w.WriteHeader(http.StatusNotFound)
		}
	})
	tr := &http.Transport{DisableKeepAlives: true}
	c := newTestClient(t, srv.URL, WithHTTPClient(&http.Client{Transport: tr}),
		WithActionAttemptPollInterval(2*time.Millisecond), WithActionAttemptTimeout(10*time.Second))
	short := WithActionAttemptTimeout(60 * time.Millisecond)

	runtime.GC()
	before := runtime.NumGoroutine()
	for range 10 {
		_, err := c.AccessCodes.WaitUntilReady(context.Background(), "ready")
		require.NoError(t, err)
		_, err = c.AccessCodes.WaitUntilReady(context.Background(), "never", short)
		require.ErrorIs(t, err, ErrAccessCodeNotReady)
		_, err = c.WaitForActionAttemptID(context.Background(), "done")
		require.NoError(t, err)
		_, err = c.WaitForActionAttemptID(context.Background(), "pending", short)
		require.ErrorIs(t, err, ErrActionAttemptTimeout)

		ctx, cancel := context.WithTimeout(context.Background(), 15*time.Millisecond)
		_, err = c.WaitForActionAttemptID(ctx, "pending", WithActionAttemptTimeout(time.Minute))
		cancel()
		require.ErrorIs(t, err, context.DeadlineExceeded)
		ctx, cancel = context.WithCancel(context.Background())
		time.AfterFunc(10*time.Millisecond, cancel)
		_, err = c.AccessCodes.WaitUntilReady(ctx, "never", WithActionAttemptTimeout(time.Minute))
		require.ErrorIs(t, err, context.Canceled)
	}
	tr.CloseIdleConnections()
	deadline := time.Now().Add(2 * time.Second)
	after := runtime.NumGoroutine()
	for after > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
		after = runtime.NumGoroutine()
	}
	assert.LessOrEqual(t, after, before, "goroutines before %d, after %d", before, after)
	assert.Greater(t, aaPolls.Load(), int64(20))
	assert.Greater(t, acPolls.Load(), int64(10))
}
