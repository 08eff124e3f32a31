package seam

import (
	"net/http"
	"sync"
)

// Connection pool of the default HTTP client.
const (
	// defaultMaxConnsPerHost bounds the connections to one host (in use,
	// idle or being opened): a call that finds none free waits for one
	// (within its timeout) instead of opening a connection the pool could
	// not keep. Over HTTP/2 one connection carries many calls at once.
	defaultMaxConnsPerHost = 64
	// defaultMaxIdleConnsPerHost is how many idle connections to one host
	// the pool keeps between calls: all of them, so that 64 goroutines
	// sharing clients reuse their connections (net/http keeps 2, so that
	// busy programs open a connection every few calls).
	defaultMaxIdleConnsPerHost = defaultMaxConnsPerHost
	// defaultMaxIdleConns bounds the idle connections of the pool over
	// every host.
	defaultMaxIdleConns = 256
)

// sharedHTTPClient is the http.Client of every Client made without
// WithHTTPClient: one connection pool per process, so that clients made per
// user or per request reuse the connections (and TLS sessions) of the
// others. It is built on first use and never changed afterwards.
var sharedHTTPClient = sync.OnceValue(func() *http.Client {
	return &http.Client{Transport: newDefaultTransport()}
})

// newDefaultTransport returns a transport with the settings of
// http.DefaultTransport (proxy from the environment, dial and TLS timeouts,
// HTTP/2 when the server offers it), which it copies and never changes,
// with a pool sized for concurrent use: up to 64 connections per host, all
// kept idle between calls.
func newDefaultTransport() *http.Transport {
	var t *http.Transport
	if dt, ok := http.DefaultTransport.(*http.Transport); ok {
		t = dt.Clone()
	} else {
		t = &http.Transport{Proxy: http.ProxyFromEnvironment}
	}
	t.ForceAttemptHTTP2 = true
	t.MaxConnsPerHost = defaultMaxConnsPerHost
	t.MaxIdleConnsPerHost = defaultMaxIdleConnsPerHost
	if t.MaxIdleConns != 0 {
		t.MaxIdleConns = max(t.MaxIdleConns, defaultMaxIdleConns)
	}
	return t
}
