package seam

import (
	"context"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLoggerRecordsAttemptsWithoutSecrets(t *testing.T) {
	var hits counter
	srv := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set(testRequestIDHdr, "request42")
		if hits.inc() == 1 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		_, _ = w.Write([]byte(`{}`))
	})
	logger, buf := debugLogger()
	c := newTestClient(t, srv.URL, WithLogger(logger))
	res, err := do(t, c, context.Background(), http.MethodGet, "/devices/list?secret_query=1", nil)
	require.NoError(t, err)
	_ = readBody(t, res)

	out := buf.String()
	for _, want := range []string{
		`"method":"GET"`, `"path":"/devices/list"`, `"status":503`, `"status":200`,
		`"attempt":1`, `"attempt":2`, `"request_id":"request42"`, `"duration"`, "retrying",
	} {
		assert.Contains(t, out, want)
	}
	assertNoSecret(t, out)
	assert.NotContains(t, out, "secret_query")
	assert.NotContains(t, strings.ToLower(out), "authorization")
	assert.NotContains(t, strings.ToLower(out), "bearer")
}

func TestLoggerTransportErrorHasNoQuery(t *testing.T) {
	var hits counter
	srv := newTestServer(t, resetConnection(&hits))
	logger, buf := debugLogger()
	c := newTestClient(t, srv.URL, WithLogger(logger), WithMaxRetries(0))
	_, err := do(t, c, context.Background(), http.MethodPost, "/x?secret_query=1", nil)
	require.Error(t, err)
	out := buf.String()
	assert.Contains(t, out, "request failed")
	assert.NotContains(t, out, "secret_query")
	assertNoSecret(t, out)
}

func TestDefaultLoggerSilent(t *testing.T) {
	// Route the process-wide default logger to a buffer: a client without
	// WithLogger must not write there (nor anywhere else).
	global, globalBuf := debugLogger()
	orig := slog.Default()
	slog.SetDefault(global)
	t.Cleanup(func() { slog.SetDefault(orig) })

	var hits counter
	srv := newTestServer(t, failFirst(&hits, 1, http.StatusServiceUnavailable, nil))
	c, err := New(withGetenv(envMap(map[string]string{EnvAPIKey: testAPIKey, EnvAPIURL: srv.URL})), fastRetries)
	require.NoError(t, err)
	res, err := do(t, c, context.Background(), http.MethodGet, "/x", nil)
	require.NoError(t, err)
	_ = readBody(t, res)
	assert.Equal(t, int64(2), hits.get())

	assert.Empty(t, globalBuf.String())
	assert.False(t, c.cfg.logger.Enabled(context.Background(), slog.LevelError))
}

func TestExtraHeadersAndUserAgentOverride(t *testing.T) {
	var got http.Header
	done := make(chan struct{}, 1)
	srv := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		got = r.Header.Clone()
		done <- struct{}{}
	})
	c := newTestClient(t, srv.URL, WithHeader("User-Agent", "my-app/1.0"), WithHeader("x-trace", "a"), WithHeader("X-Trace", "b"))
	req, err := http.NewRequest(http.MethodGet, srv.URL+"/x", nil)
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer spoofed")
	req.Header.Set("Seam-Sdk-Name", "spoofed")
	res, err := c.transport.Do(req)
	require.NoError(t, err)
	_ = readBody(t, res)
	<-done
	assert.Equal(t, "my-app/1.0", got.Get("User-Agent"))
	assert.Equal(t, []string{"b"}, got.Values("X-Trace"))
	assert.Equal(t, "Bearer "+testAPIKey, got.Get("Authorization"), "the client's credential always wins")
	assert.Equal(t, SDKName, got.Get("Seam-Sdk-Name"))
	assert.Equal(t, "Bearer spoofed", req.Header.Get("Authorization"), "the caller's request is not modified")
}
