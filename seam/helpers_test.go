package seam

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/seamgo/seam-go/gen"
)

// Test credentials: distinctive so that tests can assert they leak nowhere.
const (
	testAPIKey       = "seam_testkey_SECRET1a2b3c"
	testPAT          = "seam_at_SECRET4d5e6f"
	testCST          = "seam_cst_SECRET7g8h9i"
	testConsoleJWT   = "eyJhbGciOiJIUzI1NiJ9.SECRETjwtbody.sig"
	testPublishable  = "seam_pk_SECRETpublishable"
	testWorkspaceID  = "ws_123"
	testRequestIDHdr = "Seam-Request-Id"
)

// envMap returns an environment lookup over vars, for withGetenv.
func envMap(vars map[string]string) func(string) string {
	return func(key string) string { return vars[key] }
}

// noEnv is an empty environment.
var noEnv = withGetenv(envMap(nil))

// fastRetries makes backoff take milliseconds.
var fastRetries = WithRetryBackoff(time.Millisecond, 5*time.Millisecond)

// newTestServer starts an httptest server on 127.0.0.1 closed at test end.
func newTestServer(t *testing.T, h http.HandlerFunc) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	require.True(t, strings.HasPrefix(srv.URL, "http://127.0.0.1:"), "server must bind 127.0.0.1, got %s", srv.URL)
	return srv
}

// newTestClient returns a client on endpoint authenticated with testAPIKey,
// with an empty environment and fast retries, plus opts.
func newTestClient(t *testing.T, endpoint string, opts ...Option) *Client {
	t.Helper()
	all := append([]Option{noEnv, WithAPIKey(testAPIKey), WithEndpoint(endpoint), fastRetries}, opts...)
	c, err := New(all...)
	require.NoError(t, err)
	return c
}

// do sends a request through the client's transport.
func do(t *testing.T, c *Client, ctx context.Context, method, path string, body io.Reader) (*http.Response, error) {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, method, c.Endpoint()+path, body)
	require.NoError(t, err)
	return c.transport.Do(req)
}

// counter counts requests that reached a test server.
type counter struct{ n atomic.Int64 }

func (c *counter) inc() int64 { return c.n.Add(1) }
func (c *counter) get() int64 { return c.n.Load() }

// syncBuffer is a goroutine-safe buffer for log output.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// debugLogger returns a logger writing JSON debug records to a buffer.
func debugLogger() (*slog.Logger, *syncBuffer) {
	buf := &syncBuffer{}
	return slog.New(slog.NewJSONHandler(buf, &slog.HandlerOptions{Level: slog.LevelDebug})), buf
}

// assertNoSecret fails when s contains any test credential.
func assertNoSecret(t *testing.T, s string) {
	t.Helper()
	for _, secret := range []string{testAPIKey, testPAT, testCST, testConsoleJWT, testPublishable, "SECRET"} {
		require.NotContains(t, s, secret)
	}
}

// deviceFrom decodes a device from JSON, as the API sends it.
func deviceFrom(t *testing.T, js string) *gen.Device {
	t.Helper()
	var d gen.Device
	require.NoError(t, json.Unmarshal([]byte(js), &d))
	return &d
}

// withGetenv replaces the environment lookup; for tests.
func withGetenv(getenv func(string) string) Option {
	return newClientOption("withGetenv", func(c *config) error {
		if getenv == nil {
			return invalidOptions("withGetenv: function is nil")
		}
		c.getenv = getenv
		return nil
	})
}
