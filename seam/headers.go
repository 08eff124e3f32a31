package seam

import (
	"net/http"
	"slices"
	"sync"
)

// headerCache holds the headers computed once for a configuration.
type headerCache struct {
	once sync.Once
	h    http.Header
}

// requestHeaders returns the headers this package sets on every request of
// c: the User-Agent, the extra headers (WithHeader, which may replace the
// User-Agent), the authentication headers and the SDK headers, in that
// order of precedence. It computes them on first use; c must not change
// afterwards (a configuration is complete before its first request, and a
// call's settings are a clone). The returned header and its value slices
// are shared by every request: set them on a request by assigning the
// slices (their capacity equals their length, so an append copies), never
// change them.
func (c *config) requestHeaders() http.Header {
	if c.sent == nil { // a config not made by defaultConfig or clone
		return c.buildRequestHeaders()
	}
	c.sent.once.Do(func() { c.sent.h = c.buildRequestHeaders() })
	return c.sent.h
}

// buildRequestHeaders computes the headers of requestHeaders.
func (c *config) buildRequestHeaders() http.Header {
	h := make(http.Header, len(c.headers)+5)
	h.Set("User-Agent", userAgent)
	for key, values := range c.headers {
		h[key] = slices.Clone(values)
	}
	c.auth.setAuthHeaders(h)
	h.Set("Seam-Sdk-Name", SDKName)
	h.Set("Seam-Sdk-Version", SDKVersionHeader())
	for key, values := range h {
		h[key] = slices.Clip(values)
	}
	return h
}
