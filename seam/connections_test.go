package seam_test

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seamgo/seam-go/seam"
)

// connCountingServer starts the benchmark server on 127.0.0.1 and counts
// the connections it accepts.
func connCountingServer(t *testing.T) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var conns atomic.Int64
	srv := httptest.NewUnstartedServer(newBenchHandler(t))
	srv.Config.ConnState = func(_ net.Conn, state http.ConnState) {
		if state == http.StateNew {
			conns.Add(1)
		}
	}
	srv.Start()
	t.Cleanup(srv.Close)
	require.True(t, strings.HasPrefix(srv.URL, "http://127.0.0.1:"), "server must bind 127.0.0.1, got %s", srv.URL)
	return srv, &conns
}

// newConnTestClient returns a client of the server made by New with the
// default HTTP client.
func newConnTestClient(t *testing.T, url string, opts ...seam.Option) *seam.Client {
	t.Helper()
	c, err := seam.New(append([]seam.Option{seam.WithAPIKey(benchAPIKey), seam.WithEndpoint(url)}, opts...)...)
	require.NoError(t, err)
	return c
}

func TestConnectionsReusedByConcurrentCalls(t *testing.T) {
	for _, tc := range []struct{ goroutines, calls int }{
		{64, 50},
		// More goroutines than the pool's 64 connections per host: the
		// extra calls wait for a free connection, and succeed.
		{100, 10},
	} {
		t.Run(fmt.Sprintf("%dx%d", tc.goroutines, tc.calls), func(t *testing.T) {
			srv, conns := connCountingServer(t)
			c := newConnTestClient(t, srv.URL)
			ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
			defer cancel()

			var wg sync.WaitGroup
			var failed atomic.Int64
			for range tc.goroutines {
				wg.Go(func() {
					for range tc.calls {
						if _, err := c.Devices.Get(ctx, benchDeviceID); err != nil {
							failed.Add(1)
							return
						}
					}
				})
			}
			wg.Wait()
			require.Zero(t, failed.Load(), "every call succeeds")
			// At most one connection per goroutine, up to the pool's 64,
			// and a few spare in case one is lost: with net/http's default
			// of 2 idle connections per host, a busy program opened one
			// per 2.4 requests.
			assert.LessOrEqual(t, conns.Load(), int64(min(tc.goroutines, 64)+4),
				"new connections for %d calls", tc.goroutines*tc.calls)
		})
	}
}

func TestClientsShareOnePool(t *testing.T) {
	srv, conns := connCountingServer(t)
	for i := range 100 {
		c := newConnTestClient(t, srv.URL, seam.WithHeader("X-Client", string(rune('a'+i%26))))
		_, err := c.Devices.Get(t.Context(), benchDeviceID)
		require.NoError(t, err)
	}
	assert.LessOrEqual(t, conns.Load(), int64(2), "100 clients, one after the other, reuse one connection")
}

func TestPublishableKeyClientReusesTheExchangeConnection(t *testing.T) {
	var conns atomic.Int64
	mux := http.NewServeMux()
	mux.HandleFunc("POST /client_sessions/get_or_create", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"client_session":{"client_session_id":"cs1","token":"seam_cst_bench1",` +
			`"user_identifier_key":"user_1"},"ok":true}`))
	})
	mux.Handle("GET /devices/get", newBenchHandler(t))
	srv := httptest.NewUnstartedServer(mux)
	srv.Config.ConnState = func(_ net.Conn, state http.ConnState) {
		if state == http.StateNew {
			conns.Add(1)
		}
	}
	srv.Start()
	t.Cleanup(srv.Close)

	c, err := seam.NewFromPublishableKey(t.Context(), "seam_pk_bench", "user_1", seam.WithEndpoint(srv.URL))
	require.NoError(t, err)
	_, err = c.Devices.Get(t.Context(), benchDeviceID)
	require.NoError(t, err)
	assert.Equal(t, int64(1), conns.Load(), "the exchange and the client's calls share one connection")
}

func TestWithHTTPClientGivesItsOwnPool(t *testing.T) {
	srv, conns := connCountingServer(t)
	var dials atomic.Int64
	tr := &http.Transport{DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
		dials.Add(1)
		return (&net.Dialer{}).DialContext(ctx, network, addr)
	}}
	t.Cleanup(tr.CloseIdleConnections)
	shared := newConnTestClient(t, srv.URL)
	own := newConnTestClient(t, srv.URL, seam.WithHTTPClient(&http.Client{Transport: tr}))
	for _, c := range []*seam.Client{shared, own, shared, own} {
		_, err := c.Devices.Get(t.Context(), benchDeviceID)
		require.NoError(t, err)
	}
	assert.Equal(t, int64(1), dials.Load(), "the client's own transport dialled once")
	assert.Equal(t, int64(2), conns.Load(), "one connection per pool")
}
