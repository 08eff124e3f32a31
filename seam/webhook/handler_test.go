package webhook_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seamgo/seam-go/gen"
	"github.com/seamgo/seam-go/seam"
	"github.com/seamgo/seam-go/seam/webhook"
)

// recorder is a HandlerFunc that records the events it gets and returns
// err.
type recorder struct {
	mu     sync.Mutex
	events []seam.Event
	ctxOK  []bool
	err    error
}

type ctxKey struct{}

func (r *recorder) handle(ctx context.Context, ev seam.Event) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.events = append(r.events, ev)
	r.ctxOK = append(r.ctxOK, ctx.Value(ctxKey{}) == "request")
	return r.err
}

// post sends a delivery to h and returns the response.
func post(h http.Handler, d delivery) *http.Response {
	req := httptest.NewRequest(http.MethodPost, "/webhooks/seam", bytes.NewReader(d.body))
	req = req.WithContext(context.WithValue(req.Context(), ctxKey{}, "request"))
	for k, v := range d.headers() {
		req.Header[k] = v
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w.Result()
}

// bodyOf reads a response body.
func bodyOf(t *testing.T, res *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	return string(b)
}

// newTestHandler returns a handler on the test verifier calling rec.
func newTestHandler(t *testing.T, rec *recorder, opts ...webhook.HandlerOption) *webhook.Handler {
	t.Helper()
	h, err := webhook.NewHandler(newTestVerifier(t), rec.handle, opts...)
	require.NoError(t, err)
	return h
}

func TestHandlerDeliversTypedEvent(t *testing.T) {
	rec := &recorder{}
	h := newTestHandler(t, rec)
	res := post(h, signedAt(testKey, testNow, unlockBody))
	assert.Equal(t, http.StatusNoContent, res.StatusCode)
	assert.Empty(t, bodyOf(t, res))
	require.Len(t, rec.events, 1)
	assert.True(t, rec.ctxOK[0], "the function gets the request's context")
	unlocked, ok := rec.events[0].Data.(gen.EventLockUnlocked)
	require.True(t, ok, "Data is %T", rec.events[0].Data)
	assert.Equal(t, "8f1c2a5e-0d7b-4e59-9c1e-1d5b7a3c9e01", unlocked.EventId)
}

func TestHandlerOverHTTP(t *testing.T) {
	rec := &recorder{}
	srv := httptest.NewServer(newTestHandler(t, rec, webhook.WithMaxBodySize(4096)))
	defer srv.Close()
	d := signedAt(testKey, testNow, unlockBody)
	send := func(d delivery) int {
		req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, srv.URL, bytes.NewReader(d.body))
		require.NoError(t, err)
		req.Header = d.headers()
		req.Header.Set("Content-Type", "application/json")
		res, err := srv.Client().Do(req)
		require.NoError(t, err)
		_, _ = io.Copy(io.Discard, res.Body)
		_ = res.Body.Close()
		return res.StatusCode
	}
	assert.Equal(t, http.StatusNoContent, send(d))
	tampered := d
	tampered.body = bytes.Replace(d.body, []byte("keycode"), []byte("manual!"), 1)
	assert.Equal(t, http.StatusUnauthorized, send(tampered))
	big := signedAt(testKey, testNow, strings.Replace(unlockBody, `"ws_1"`, `"`+strings.Repeat("w", 5000)+`"`, 1))
	assert.Equal(t, http.StatusRequestEntityTooLarge, send(big))
	assert.Len(t, rec.events, 1, "only the valid delivery reaches the function")
}

func TestHandlerAnswers(t *testing.T) {
	good := signedAt(testKey, testNow, unlockBody)
	tests := []struct {
		name   string
		d      delivery
		fnErr  error
		status int
		body   string
		called bool
	}{
		{"success", good, nil, http.StatusNoContent, "", true},
		{"function fails: Svix retries", good, errors.New("database down"), http.StatusInternalServerError, "Internal Server Error\n", true},
		{"function acknowledges its error", good, webhook.Ack(errors.New("device unknown here")), http.StatusOK, "OK\n", true},
		{"wrapped Ack", good, fmt.Errorf("handling: %w", webhook.Ack(errors.New("no such device"))), http.StatusOK, "OK\n", true},
		{"status 503", good, &webhook.StatusError{Code: http.StatusServiceUnavailable, Err: errors.New("busy")}, http.StatusServiceUnavailable, "Service Unavailable\n", true},
		{"status 202", good, &webhook.StatusError{Code: http.StatusAccepted, Err: errors.New("queued")}, http.StatusAccepted, "Accepted\n", true},
		{"status 404 becomes 500", good, &webhook.StatusError{Code: http.StatusNotFound, Err: errors.New("x")}, http.StatusInternalServerError, "Internal Server Error\n", true},
		{"missing header", func() delivery { d := good; d.signature = ""; return d }(), nil, http.StatusBadRequest, "missing svix header\n", false},
		{"bad timestamp header", func() delivery { d := good; d.timestamp = "soon"; return d }(), nil, http.StatusBadRequest, "invalid svix header\n", false},
		{"signed, bad JSON", signedAt(testKey, testNow, `{"event_type":`), nil, http.StatusBadRequest, "invalid event\n", false},
		{"bad signature", signedAt([]byte("wrong key"), testNow, unlockBody), nil, http.StatusUnauthorized, "invalid signature\n", false},
		{"expired", signedAt(testKey, testNow.Add(-time.Hour), unlockBody), nil, http.StatusUnauthorized, "timestamp outside tolerance\n", false},
		{"future", signedAt(testKey, testNow.Add(time.Hour), unlockBody), nil, http.StatusUnauthorized, "timestamp outside tolerance\n", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := &recorder{err: tc.fnErr}
			res := post(newTestHandler(t, rec), tc.d)
			assert.Equal(t, tc.status, res.StatusCode)
			assert.Equal(t, tc.body, bodyOf(t, res), "the body is a short reason, never the error's text")
			assert.Equal(t, tc.called, len(rec.events) == 1)
		})
	}
}

func TestHandlerBodyLimit(t *testing.T) {
	rec := &recorder{}
	h := newTestHandler(t, rec)
	// Padding inside the JSON keeps the body a valid, signed event.
	pad := func(n int) string {
		body := strings.Replace(unlockBody, `"method"`, `"pad":"`+strings.Repeat("p", n)+`","method"`, 1)
		return body
	}
	over := pad(webhook.DefaultMaxBodySize - len(pad(0)) + 1)
	require.Len(t, over, webhook.DefaultMaxBodySize+1)
	res := post(h, signedAt(testKey, testNow, over))
	assert.Equal(t, http.StatusRequestEntityTooLarge, res.StatusCode)
	assert.Equal(t, "body too large\n", bodyOf(t, res))

	at := pad(webhook.DefaultMaxBodySize - len(pad(0)))
	require.Len(t, at, webhook.DefaultMaxBodySize)
	res = post(h, signedAt(testKey, testNow, at))
	assert.Equal(t, http.StatusNoContent, res.StatusCode, "a body of exactly the limit is read")
	assert.Len(t, rec.events, 1)

	small := newTestHandler(t, rec, webhook.WithMaxBodySize(64))
	res = post(small, signedAt(testKey, testNow, unlockBody))
	assert.Equal(t, http.StatusRequestEntityTooLarge, res.StatusCode)
}

func TestHandlerMethod(t *testing.T) {
	rec := &recorder{}
	h := newTestHandler(t, rec)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/webhooks/seam", nil))
	assert.Equal(t, http.StatusMethodNotAllowed, w.Code)
	assert.Equal(t, http.MethodPost, w.Header().Get("Allow"))
	assert.Empty(t, rec.events)
}

// TestHandlerLogsNothingSecret sends valid, refused and failing deliveries
// through a handler with a debug logger and checks the records: the
// expected levels, and neither the secret, nor a signature, nor the body.
func TestHandlerLogsNothingSecret(t *testing.T) {
	var logs bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	rec := &recorder{}
	h := newTestHandler(t, rec, webhook.WithLogger(logger))
	good := signedAt(testKey, testNow, unlockBody)
	bad := good
	bad.body = bytes.Replace(good.body, []byte("front_door"), []byte("side_door!"), 1)
	post(h, good)
	post(h, bad)
	post(h, signedAt(testKey, testNow.Add(-time.Hour), unlockBody))
	rec.err = errors.New("database down")
	post(h, good)
	rec.err = webhook.Ack(errors.New("unknown device"))
	post(h, good)

	out := logs.String()
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 5, out)
	assert.Contains(t, lines[0], `"level":"DEBUG","msg":"webhook handled"`)
	assert.Contains(t, lines[0], `"event_type":"lock.unlocked"`)
	assert.Contains(t, lines[0], `"svix_id":"msg_2Qb5xT9wz0"`)
	assert.Contains(t, lines[1], `"level":"WARN","msg":"webhook refused"`)
	assert.Contains(t, lines[1], `"status":401`)
	assert.Contains(t, lines[2], `"reason":"timestamp outside tolerance"`)
	assert.Contains(t, lines[3], `"level":"ERROR","msg":"webhook handler failed"`)
	assert.Contains(t, lines[3], `"error":"database down"`)
	assert.Contains(t, lines[4], `"status":200`)
	assert.Contains(t, lines[4], `"level":"ERROR"`)

	assertNoSecret(t, out)
	assert.NotContains(t, out, strings.TrimPrefix(good.signature, "v1,"), "no signature")
	assert.NotContains(t, out, "front_door", "no body")
	assert.NotContains(t, out, "side_door", "no body")
	assert.NotContains(t, out, "ac_1", "no body")
}

func TestNewHandlerInvalid(t *testing.T) {
	v := newTestVerifier(t)
	fn := (&recorder{}).handle
	for name, build := range map[string]func() (*webhook.Handler, error){
		"nil verifier":  func() (*webhook.Handler, error) { return webhook.NewHandler(nil, fn) },
		"nil function":  func() (*webhook.Handler, error) { return webhook.NewHandler(v, nil) },
		"zero limit":    func() (*webhook.Handler, error) { return webhook.NewHandler(v, fn, webhook.WithMaxBodySize(0)) },
		"negative size": func() (*webhook.Handler, error) { return webhook.NewHandler(v, fn, webhook.WithMaxBodySize(-1)) },
		"nil logger":    func() (*webhook.Handler, error) { return webhook.NewHandler(v, fn, webhook.WithLogger(nil)) },
	} {
		h, err := build()
		assert.ErrorIs(t, err, seam.ErrInvalidOptions, name)
		assert.Nil(t, h, name)
	}
}

func TestAck(t *testing.T) {
	assert.NoError(t, webhook.Ack(nil))
	cause := errors.New("gone")
	err := webhook.Ack(cause)
	assert.ErrorIs(t, err, cause)
	assert.Equal(t, "gone", err.Error())
	var se *webhook.StatusError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, http.StatusOK, se.Code)
	assert.Equal(t, "Service Unavailable", (&webhook.StatusError{Code: 503}).Error())
}

// TestHandlerConcurrent sends valid and tampered deliveries from several
// goroutines at once (run with -race): each gets its own answer.
func TestHandlerConcurrent(t *testing.T) {
	rec := &recorder{}
	h := newTestHandler(t, rec)
	const workers, each = 8, 25
	var wg sync.WaitGroup
	statuses := make([][]int, workers)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				body := strings.Replace(unlockBody, "front_door", fmt.Sprintf("door_%d_%d", w, i), 1)
				d := signedAt(testKey, testNow, body)
				if i%5 == 0 {
					d.body = append(d.body, ' ')
				}
				statuses[w] = append(statuses[w], post(h, d).StatusCode)
			}
		}()
	}
	wg.Wait()
	for w := range workers {
		for i, status := range statuses[w] {
			want := http.StatusNoContent
			if i%5 == 0 {
				want = http.StatusUnauthorized
			}
			assert.Equal(t, want, status, "worker %d delivery %d", w, i)
		}
	}
	assert.Len(t, rec.events, workers*each*4/5)
	seen := map[string]bool{}
	for _, ev := range rec.events {
		seen[ev.DeviceID] = true
	}
	assert.Len(t, seen, workers*each*4/5, "every event reached the function once")
}
