package seam

import (
	"context"
	"log/slog"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDefaults(t *testing.T) {
	c, err := New(noEnv, WithAPIKey(testAPIKey))
	require.NoError(t, err)
	cfg := c.cfg
	assert.Equal(t, DefaultEndpoint, c.Endpoint())
	assert.Equal(t, 30*time.Second, cfg.timeout)
	assert.Equal(t, 2, cfg.maxRetries)
	assert.Equal(t, 200*time.Millisecond, cfg.backoffMin)
	assert.Equal(t, 5*time.Second, cfg.backoffMax)
	assert.True(t, cfg.waitForActionAttempts)
	assert.Equal(t, 10*time.Second, cfg.actionAttemptTimeout)
	assert.Equal(t, time.Second, cfg.actionAttemptPollInterval)
	require.NotNil(t, cfg.httpClient)
	assert.NotSame(t, http.DefaultClient, cfg.httpClient)
	assert.False(t, cfg.logger.Enabled(context.Background(), slog.LevelDebug), "silent by default")
	assert.False(t, cfg.logger.Enabled(context.Background(), slog.LevelError), "silent by default")

	other, err := New(noEnv, WithAPIKey(testAPIKey))
	require.NoError(t, err)
	assert.Same(t, cfg.httpClient, other.cfg.httpClient, "clients share one http.Client and its pool")
	tr, ok := cfg.httpClient.Transport.(*http.Transport)
	require.True(t, ok, "the default transport is an *http.Transport")
	assert.NotSame(t, http.DefaultTransport, tr)
	assert.GreaterOrEqual(t, tr.MaxIdleConnsPerHost, 64)
	assert.True(t, tr.ForceAttemptHTTP2)
	assert.NotNil(t, tr.Proxy, "proxy settings from the environment, as http.DefaultTransport")
}

func TestOptionsApplied(t *testing.T) {
	hc := &http.Client{}
	logger := slog.New(slog.DiscardHandler)
	c, err := New(noEnv, WithAPIKey(testAPIKey),
		WithHTTPClient(hc), WithTimeout(time.Second), WithMaxRetries(5),
		WithRetryBackoff(time.Millisecond, time.Second), WithWaitForActionAttempts(false),
		WithActionAttemptTimeout(time.Minute), WithActionAttemptPollInterval(50*time.Millisecond),
		WithLogger(logger), WithHeader("x-custom", "1"), Option{})
	require.NoError(t, err)
	cfg := c.cfg
	assert.Same(t, hc, cfg.httpClient)
	assert.Equal(t, time.Second, cfg.timeout)
	assert.Equal(t, 5, cfg.maxRetries)
	assert.Equal(t, time.Millisecond, cfg.backoffMin)
	assert.Equal(t, time.Second, cfg.backoffMax)
	assert.False(t, cfg.waitForActionAttempts)
	assert.Equal(t, time.Minute, cfg.actionAttemptTimeout)
	assert.Equal(t, 50*time.Millisecond, cfg.actionAttemptPollInterval)
	assert.Same(t, logger, cfg.logger)
	assert.Equal(t, "1", cfg.headers.Get("X-Custom"))
}

func TestOptionValidation(t *testing.T) {
	tests := map[string]Option{
		"nil http client":           WithHTTPClient(nil),
		"zero timeout":              WithTimeout(0),
		"negative timeout":          WithTimeout(-time.Second),
		"negative retries":          WithMaxRetries(-1),
		"too many retries":          WithMaxRetries(MaxRetriesLimit + 1),
		"zero backoff":              WithRetryBackoff(0, time.Second),
		"backoff max below min":     WithRetryBackoff(time.Second, time.Millisecond),
		"zero action timeout":       WithActionAttemptTimeout(0),
		"zero poll interval":        WithActionAttemptPollInterval(0),
		"nil logger":                WithLogger(nil),
		"empty header":              WithHeader("", "x"),
		"bad header name":           WithHeader("bad header", "x"),
		"header value with newline": WithHeader("X-Ok", "a\r\nX-Evil: 1"),
		"reserved authorization":    WithHeader("authorization", "Bearer SECRET"),
		"reserved workspace":        WithHeader("seam-workspace", "ws"),
		"reserved sdk name":         WithHeader("seam-sdk-name", "x"),
		"empty endpoint":            WithEndpoint(""),
		"relative endpoint":         WithEndpoint("/api"),
		"ftp endpoint":              WithEndpoint("ftp://example.com"),
		"no host":                   WithEndpoint("http://"),
		"endpoint with query":       WithEndpoint("https://example.com/?a=1"),
		"endpoint with fragment":    WithEndpoint("https://example.com/#x"),
		"unparsable endpoint":       WithEndpoint("http://[::1"),
	}
	for name, opt := range tests {
		t.Run(name, func(t *testing.T) {
			c, err := New(noEnv, WithAPIKey(testAPIKey), opt)
			require.Error(t, err)
			assert.Nil(t, c)
			assert.ErrorIs(t, err, ErrInvalidOptions)
			assertNoSecret(t, err.Error())
		})
	}
	assert.NotPanics(t, func() { _, _ = New(noEnv, WithLogger(nil), WithHTTPClient(nil)) })
}

func TestEndpointPasswordNotEchoed(t *testing.T) {
	_, err := New(noEnv, WithAPIKey(testAPIKey), WithEndpoint("ftp://user:SECRETpw@example.com"))
	require.ErrorIs(t, err, ErrInvalidOptions)
	assertNoSecret(t, err.Error())
}

func TestCallConfig(t *testing.T) {
	c, err := New(noEnv, WithAPIKey(testAPIKey), WithHeader("X-Client", "c"))
	require.NoError(t, err)

	same, err := c.callConfig(nil)
	require.NoError(t, err)
	assert.Same(t, c.cfg, same, "no options: the client's settings")

	cfg, err := c.callConfig([]Option{WithTimeout(time.Second), WithMaxRetries(0), WithHeader("X-Call", "k"), WithWaitForActionAttempts(false)})
	require.NoError(t, err)
	assert.Equal(t, time.Second, cfg.timeout)
	assert.Equal(t, 0, cfg.maxRetries)
	assert.False(t, cfg.waitForActionAttempts)
	assert.Equal(t, "c", cfg.headers.Get("X-Client"))
	assert.Equal(t, "k", cfg.headers.Get("X-Call"))
	assert.Equal(t, c.cfg.auth, cfg.auth)

	// The client is unchanged.
	assert.Equal(t, DefaultTimeout, c.cfg.timeout)
	assert.Equal(t, DefaultMaxRetries, c.cfg.maxRetries)
	assert.True(t, c.cfg.waitForActionAttempts)
	assert.Empty(t, c.cfg.headers.Get("X-Call"))

	_, err = c.callConfig([]Option{WithTimeout(0)})
	assert.ErrorIs(t, err, ErrInvalidOptions)
}

func TestCallConfigRefusesClientOnlyOptions(t *testing.T) {
	c, err := New(noEnv, WithAPIKey(testAPIKey))
	require.NoError(t, err)
	for name, opt := range map[string]Option{
		"WithEndpoint":            WithEndpoint("https://example.com"),
		"WithAPIKey":              WithAPIKey(testAPIKey),
		"WithPersonalAccessToken": WithPersonalAccessToken(testPAT, testWorkspaceID),
		"WithClientSessionToken":  WithClientSessionToken(testCST),
		"WithConsoleSessionToken": WithConsoleSessionToken(testConsoleJWT, testWorkspaceID),
	} {
		t.Run(name, func(t *testing.T) {
			_, err := c.callConfig([]Option{opt})
			require.ErrorIs(t, err, ErrInvalidOptions)
			assert.Contains(t, err.Error(), name+" can only be passed to New")
			assertNoSecret(t, err.Error())
		})
	}
}

func TestCallConfigAppliedByTransport(t *testing.T) {
	var hits counter
	var lastCall atomic.Value
	srv := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		hits.inc()
		lastCall.Store(r.Header.Get("X-Call"))
		w.WriteHeader(http.StatusServiceUnavailable)
	})
	c := newTestClient(t, srv.URL)

	cfg, err := c.callConfig([]Option{WithMaxRetries(0), WithHeader("X-Call", "per-call")})
	require.NoError(t, err)
	ctx := c.callContext(context.Background(), cfg)
	_, err = do(t, c, ctx, http.MethodGet, "/devices/list", nil)
	require.ErrorIs(t, err, ErrServer)
	assert.Equal(t, int64(1), hits.get(), "per-call WithMaxRetries(0)")
	assert.Equal(t, "per-call", lastCall.Load())

	// Another client's transport ignores this call's settings.
	other := newTestClient(t, srv.URL)
	_, err = do(t, other, ctx, http.MethodGet, "/devices/list", nil)
	require.ErrorIs(t, err, ErrServer)
	assert.Equal(t, int64(1+3), hits.get(), "client default: 2 retries")
	assert.Empty(t, lastCall.Load())
}
