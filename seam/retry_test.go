package seam

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// failFirst answers status to the first n requests, then 200 with a JSON body.
func failFirst(hits *counter, n int64, status int, header http.Header) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		if hits.inc() <= n {
			for k, v := range header {
				w.Header()[k] = v
			}
			w.WriteHeader(status)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"ok":true}`))
	}
}

// bodyLog records the request bodies a test server receives.
type bodyLog struct {
	mu     sync.Mutex
	bodies []string
}

// record returns a handler that reads the request body into the log, then
// calls next (which finds the body drained).
func (l *bodyLog) record(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		l.mu.Lock()
		l.bodies = append(l.bodies, string(b))
		l.mu.Unlock()
		next(w, r)
	}
}

// get returns the bodies received so far, in order.
func (l *bodyLog) get() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.bodies)
}

// resetConnection reads the request, then drops the connection with a TCP
// reset and no response, as a proxy dying after forwarding would.
func resetConnection(hits *counter) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		hits.inc()
		_, _ = io.Copy(io.Discard, r.Body)
		conn, _, err := w.(http.Hijacker).Hijack()
		if err != nil {
			panic(err)
		}
		if tcp, ok := conn.(*net.TCPConn); ok {
			_ = tcp.SetLinger(0)
		}
		_ = conn.Close()
	}
}

// blockUntilGone holds the request until the client goes away (at most 5 s).
// It reads the request body first: net/http notices a closed connection
// (and ends r.Context()) only once the body has been read.
func blockUntilGone(hits *counter) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		hits.inc()
		_, _ = io.Copy(io.Discard, r.Body)
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	}
}

func readBody(t *testing.T, res *http.Response) string {
	t.Helper()
	defer func() { _ = res.Body.Close() }()
	b, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	return string(b)
}

func TestGetRetriedOn503ThenSuccess(t *testing.T) {
	var hits counter
	srv := newTestServer(t, failFirst(&hits, 1, http.StatusServiceUnavailable, nil))
	c := newTestClient(t, srv.URL)
	res, err := do(t, c, context.Background(), http.MethodGet, "/devices/list", nil)
	require.NoError(t, err)
	assert.Equal(t, `{"ok":true}`, readBody(t, res))
	assert.Equal(t, int64(2), hits.get())
}

func TestIdempotentMethodsRetriedOn5xxAnd429(t *testing.T) {
	for _, method := range []string{http.MethodGet, http.MethodHead, http.MethodOptions, http.MethodPut, http.MethodDelete} {
		for _, status := range []int{http.StatusTooManyRequests, http.StatusInternalServerError, http.StatusBadGateway} {
			t.Run(method+"/"+http.StatusText(status), func(t *testing.T) {
				var hits counter
				srv := newTestServer(t, failFirst(&hits, 2, status, nil))
				c := newTestClient(t, srv.URL)
				res, err := do(t, c, context.Background(), method, "/x", nil)
				require.NoError(t, err)
				_ = readBody(t, res)
				assert.Equal(t, int64(3), hits.get())
			})
		}
	}
}

func TestGetGivesUpAfterMaxRetries(t *testing.T) {
	var hits counter
	srv := newTestServer(t, failFirst(&hits, 100, http.StatusServiceUnavailable, nil))
	c := newTestClient(t, srv.URL)
	res, err := do(t, c, context.Background(), http.MethodGet, "/devices/list", nil)
	require.Nil(t, res)
	require.ErrorIs(t, err, ErrServer)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusServiceUnavailable, apiErr.StatusCode)
	assert.Equal(t, int64(1+DefaultMaxRetries), hits.get())
}

func TestNotRetriedOn4xx(t *testing.T) {
	var hits counter
	srv := newTestServer(t, failFirst(&hits, 100, http.StatusBadRequest, nil))
	c := newTestClient(t, srv.URL)
	_, err := do(t, c, context.Background(), http.MethodGet, "/x", nil)
	require.Error(t, err)
	assert.Equal(t, int64(1), hits.get())
}

func TestPostNotRetriedOn5xx(t *testing.T) {
	for _, method := range []string{http.MethodPost, http.MethodPatch} {
		for _, status := range []int{http.StatusInternalServerError, http.StatusServiceUnavailable} {
			t.Run(method+"/"+http.StatusText(status), func(t *testing.T) {
				var hits counter
				srv := newTestServer(t, failFirst(&hits, 100, status, nil))
				c := newTestClient(t, srv.URL)
				_, err := do(t, c, context.Background(), method, "/locks/unlock_door", strings.NewReader(`{"device_id":"d"}`))
				var apiErr *APIError
				require.ErrorAs(t, err, &apiErr)
				assert.Equal(t, status, apiErr.StatusCode)
				assert.Equal(t, int64(1), hits.get())
			})
		}
	}
}

// A 429 means the request was refused, not processed: every method is
// retried, POST included, and the body is sent again in full.
func TestPostRetriedOn429(t *testing.T) {
	for _, method := range []string{http.MethodPost, http.MethodPatch} {
		t.Run(method, func(t *testing.T) {
			var hits counter
			var bodies bodyLog
			srv := newTestServer(t, bodies.record(failFirst(&hits, 2, http.StatusTooManyRequests, nil)))
			c := newTestClient(t, srv.URL)
			res, err := do(t, c, context.Background(), method, "/locks/unlock_door", strings.NewReader(`{"device_id":"d"}`))
			require.NoError(t, err)
			assert.Equal(t, `{"ok":true}`, readBody(t, res))
			assert.Equal(t, int64(3), hits.get())
			assert.Equal(t, []string{`{"device_id":"d"}`, `{"device_id":"d"}`, `{"device_id":"d"}`}, bodies.get())
		})
	}
}

func TestPostRetriedOn429HonoursRetryAfter(t *testing.T) {
	var hits counter
	srv := newTestServer(t, failFirst(&hits, 1, http.StatusTooManyRequests, http.Header{"Retry-After": {"1"}}))
	c := newTestClient(t, srv.URL)
	start := time.Now()
	res, err := do(t, c, context.Background(), http.MethodPost, "/access_codes/create", strings.NewReader(`{}`))
	require.NoError(t, err)
	_ = readBody(t, res)
	assert.GreaterOrEqual(t, time.Since(start), time.Second, "waited the Retry-After second, not the 1 ms backoff")
	assert.Equal(t, int64(2), hits.get())
}

func TestPostNotReplayedAfterConnectionReset(t *testing.T) {
	var hits counter
	srv := newTestServer(t, resetConnection(&hits))
	c := newTestClient(t, srv.URL)
	res, err := do(t, c, context.Background(), http.MethodPost, "/locks/unlock_door", strings.NewReader(`{"device_id":"d"}`))
	require.Nil(t, res)
	require.Error(t, err)
	var apiErr *APIError
	assert.False(t, errors.As(err, &apiErr))
	assert.False(t, isDialError(err))
	assert.Contains(t, err.Error(), "POST /locks/unlock_door")
	assert.Equal(t, int64(1), hits.get(), "a POST that may have reached the server is never replayed")
}

func TestGetRetriedAfterConnectionReset(t *testing.T) {
	var hits counter
	srv := newTestServer(t, resetConnection(&hits))
	c := newTestClient(t, srv.URL)
	_, err := do(t, c, context.Background(), http.MethodGet, "/devices/list", nil)
	require.Error(t, err)
	assert.Equal(t, int64(3), hits.get())
}

// flakyDialer fails the first `failures` dials with a real "connection
// refused" (dialing a closed port) and dials the real address afterwards.
func flakyDialer(t *testing.T, failures int64) (*http.Client, *atomic.Int64) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	closedAddr := ln.Addr().String()
	require.NoError(t, ln.Close())
	var dials atomic.Int64
	tr := &http.Transport{DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
		var d net.Dialer
		if dials.Add(1) <= failures {
			return d.DialContext(ctx, network, closedAddr)
		}
		return d.DialContext(ctx, network, addr)
	}}
	t.Cleanup(tr.CloseIdleConnections)
	return &http.Client{Transport: tr}, &dials
}

func TestPostRetriedOnDialError(t *testing.T) {
	var hits counter
	var gotBody atomic.Value
	srv := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		hits.inc()
		b, _ := io.ReadAll(r.Body)
		gotBody.Store(string(b))
		_, _ = w.Write([]byte(`{"ok":true}`))
	})
	hc, dials := flakyDialer(t, 1)
	c := newTestClient(t, srv.URL, WithHTTPClient(hc))
	res, err := do(t, c, context.Background(), http.MethodPost, "/access_codes/create", strings.NewReader(`{"code":"1234"}`))
	require.NoError(t, err)
	assert.Equal(t, `{"ok":true}`, readBody(t, res))
	assert.Equal(t, int64(2), dials.Load())
	assert.Equal(t, int64(1), hits.get())
	assert.Equal(t, `{"code":"1234"}`, gotBody.Load())
}

func TestDialErrorRetriesBounded(t *testing.T) {
	hc, dials := flakyDialer(t, 100)
	c := newTestClient(t, "http://127.0.0.1:1", WithHTTPClient(hc))
	_, err := do(t, c, context.Background(), http.MethodPost, "/access_codes/create", strings.NewReader(`{}`))
	require.Error(t, err)
	assert.True(t, isDialError(err))
	assert.Equal(t, int64(1+DefaultMaxRetries), dials.Load())
}

func TestBodyResentOnRetry(t *testing.T) {
	var hits counter
	var bodies bodyLog
	srv := newTestServer(t, bodies.record(func(w http.ResponseWriter, r *http.Request) {
		if hits.inc() <= 2 {
			w.WriteHeader(http.StatusBadGateway)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}))
	c := newTestClient(t, srv.URL)
	// A reader type http.NewRequest does not know, so the request has no
	// GetBody and the transport must buffer the body itself.
	body := io.MultiReader(strings.NewReader(`{"name":`), strings.NewReader(`"x"}`))
	res, err := do(t, c, context.Background(), http.MethodPut, "/x", body)
	require.NoError(t, err)
	_ = readBody(t, res)
	assert.Equal(t, []string{`{"name":"x"}`, `{"name":"x"}`, `{"name":"x"}`}, bodies.get())
}

func TestRetryAfterHonoured(t *testing.T) {
	var hits counter
	srv := newTestServer(t, failFirst(&hits, 1, http.StatusTooManyRequests, http.Header{"Retry-After": {"1"}}))
	c := newTestClient(t, srv.URL) // backoff of a few ms: the wait comes from Retry-After
	start := time.Now()
	res, err := do(t, c, context.Background(), http.MethodGet, "/devices/list", nil)
	elapsed := time.Since(start)
	require.NoError(t, err)
	_ = readBody(t, res)
	assert.Equal(t, int64(2), hits.get())
	assert.GreaterOrEqual(t, elapsed, time.Second)
	assert.Less(t, elapsed, 3*time.Second)
}

func TestRetryAfterPastDeadlineStops(t *testing.T) {
	var hits counter
	srv := newTestServer(t, failFirst(&hits, 100, http.StatusTooManyRequests, http.Header{"Retry-After": {"5"}}))
	c := newTestClient(t, srv.URL)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	start := time.Now()
	_, err := do(t, c, ctx, http.MethodGet, "/devices/list", nil)
	assert.Less(t, time.Since(start), time.Second, "returns at once instead of waiting past the deadline")
	require.ErrorIs(t, err, ErrRateLimited)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 5*time.Second, apiErr.RetryAfter)
	assert.Equal(t, int64(1), hits.get())
}

func TestRetryAfterAboveCapNotRetried(t *testing.T) {
	var hits counter
	srv := newTestServer(t, failFirst(&hits, 100, http.StatusServiceUnavailable, http.Header{"Retry-After": {"3600"}}))
	c := newTestClient(t, srv.URL)
	start := time.Now()
	_, err := do(t, c, context.Background(), http.MethodGet, "/devices/list", nil)
	assert.Less(t, time.Since(start), time.Second)
	require.ErrorIs(t, err, ErrServer)
	assert.Equal(t, int64(1), hits.get())
}

func TestCancelStopsBackoff(t *testing.T) {
	var hits counter
	srv := newTestServer(t, failFirst(&hits, 100, http.StatusServiceUnavailable, nil))
	c := newTestClient(t, srv.URL, WithRetryBackoff(10*time.Second, 10*time.Second))
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	start := time.Now()
	_, err := do(t, c, ctx, http.MethodGet, "/devices/list", nil)
	elapsed := time.Since(start)
	assert.Less(t, elapsed, 2*time.Second, "cancellation interrupts the backoff")
	require.ErrorIs(t, err, context.Canceled)
	assert.ErrorIs(t, err, ErrServer, "the last attempt's error is kept")
	var te *TransportError
	require.ErrorAs(t, err, &te)
	assert.Equal(t, PhaseRetryWait, te.Phase)
	assert.Equal(t, 1, te.Attempts)
	assert.Contains(t, err.Error(), "GET /devices/list: waiting to retry")
	assert.Equal(t, int64(1), hits.get())
}

func TestCanceledContextNotRetried(t *testing.T) {
	var hits counter
	srv := newTestServer(t, blockUntilGone(&hits))
	c := newTestClient(t, srv.URL)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	start := time.Now()
	_, err := do(t, c, ctx, http.MethodGet, "/x", nil)
	assert.Less(t, time.Since(start), 2*time.Second)
	require.ErrorIs(t, err, context.Canceled)
	assert.Equal(t, int64(1), hits.get())
}

func TestPerAttemptTimeout(t *testing.T) {
	var hits counter
	srv := newTestServer(t, blockUntilGone(&hits))
	c := newTestClient(t, srv.URL, WithTimeout(100*time.Millisecond), WithMaxRetries(0))
	ctx := context.Background()
	start := time.Now()
	_, err := do(t, c, ctx, http.MethodGet, "/slow", nil)
	elapsed := time.Since(start)
	require.ErrorIs(t, err, ErrAttemptTimeout)
	assert.NotErrorIs(t, err, context.DeadlineExceeded, "our timeout is not the caller's deadline")
	var te *TransportError
	require.ErrorAs(t, err, &te)
	assert.True(t, te.Timeout())
	assert.Equal(t, PhaseSend, te.Phase)
	assert.Contains(t, err.Error(), "GET /slow")
	assert.Contains(t, err.Error(), "after 100ms")
	assert.GreaterOrEqual(t, elapsed, 100*time.Millisecond)
	assert.Less(t, elapsed, 2*time.Second)
	assert.Equal(t, int64(1), hits.get())
}

func TestCallerDeadlineIsDeadlineExceeded(t *testing.T) {
	var hits counter
	srv := newTestServer(t, blockUntilGone(&hits))
	c := newTestClient(t, srv.URL, WithTimeout(10*time.Second))
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	_, err := do(t, c, ctx, http.MethodGet, "/slow", nil)
	require.ErrorIs(t, err, context.DeadlineExceeded)
	assert.NotErrorIs(t, err, ErrAttemptTimeout)
	var te *TransportError
	require.ErrorAs(t, err, &te)
	assert.False(t, te.Timeout())
	assert.Equal(t, int64(1), hits.get(), "the caller's deadline is never retried")
}

func TestTimedOutAttemptsRetriedOnlyWhenIdempotent(t *testing.T) {
	for method, want := range map[string]int64{http.MethodGet: 3, http.MethodPost: 1} {
		t.Run(method, func(t *testing.T) {
			var hits counter
			srv := newTestServer(t, blockUntilGone(&hits))
			c := newTestClient(t, srv.URL, WithTimeout(50*time.Millisecond))
			_, err := do(t, c, context.Background(), method, "/slow", nil)
			require.ErrorIs(t, err, ErrAttemptTimeout)
			assert.NotErrorIs(t, err, context.DeadlineExceeded)
			var te *TransportError
			require.ErrorAs(t, err, &te)
			assert.Equal(t, int(want), te.Attempts)
			assert.Equal(t, want, hits.get())
		})
	}
}

func TestSuccessBodyReadableAfterDo(t *testing.T) {
	srv := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"devices":[`))
		w.(http.Flusher).Flush()
		time.Sleep(50 * time.Millisecond)
		_, _ = w.Write([]byte(`]}`))
	})
	c := newTestClient(t, srv.URL, WithTimeout(2*time.Second))
	res, err := do(t, c, context.Background(), http.MethodGet, "/devices/list", nil)
	require.NoError(t, err)
	time.Sleep(10 * time.Millisecond)
	assert.Equal(t, `{"devices":[]}`, readBody(t, res))
}

func TestBackoffDelay(t *testing.T) {
	for range 200 {
		d0 := backoffDelay(200*time.Millisecond, 5*time.Second, 0)
		assert.GreaterOrEqual(t, d0, 160*time.Millisecond)
		assert.LessOrEqual(t, d0, 240*time.Millisecond)
		d1 := backoffDelay(200*time.Millisecond, 5*time.Second, 1)
		assert.GreaterOrEqual(t, d1, 320*time.Millisecond)
		assert.LessOrEqual(t, d1, 480*time.Millisecond)
		d9 := backoffDelay(200*time.Millisecond, 5*time.Second, 9)
		assert.GreaterOrEqual(t, d9, 4*time.Second)
		assert.LessOrEqual(t, d9, 5*time.Second)
		assert.Equal(t, time.Duration(1), backoffDelay(1, 1, 3))
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"", 0, false},
		{"3", 3 * time.Second, true},
		{" 0 ", 0, true},
		{"-1", 0, false},
		{"soon", 0, false},
		{"1.5", 0, false},
		{now.Add(10 * time.Second).Format(http.TimeFormat), 10 * time.Second, true},
		{now.Add(-time.Hour).Format(http.TimeFormat), 0, true},
		{"99999999999999", 24 * time.Hour, true},
	}
	for _, tc := range tests {
		got, ok := parseRetryAfter(tc.in, now)
		assert.Equal(t, tc.ok, ok, tc.in)
		assert.Equal(t, tc.want, got, tc.in)
	}
}

func TestIsIdempotent(t *testing.T) {
	for _, m := range []string{"GET", "HEAD", "OPTIONS", "PUT", "DELETE"} {
		assert.True(t, isIdempotent(m), m)
	}
	for _, m := range []string{"POST", "PATCH", "CONNECT", ""} {
		assert.False(t, isIdempotent(m), m)
	}
}

func TestIsDialError(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	require.NoError(t, ln.Close())
	_, dialErr := net.Dial("tcp", addr)
	require.Error(t, dialErr)
	assert.True(t, isDialError(dialErr))
	assert.True(t, isDialError(&net.OpError{Op: "dial", Err: errors.New("x")}))
	assert.False(t, isDialError(&net.OpError{Op: "read", Err: errors.New("connection reset")}))
	assert.False(t, isDialError(io.ErrUnexpectedEOF))
	assert.False(t, isDialError(context.DeadlineExceeded))
}
