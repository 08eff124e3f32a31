package seam

import (
	"context"
	"errors"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// maxRetryAfter is the longest Retry-After the client waits for; a response
// asking for more is returned to the caller instead of retried.
const maxRetryAfter = time.Minute

// isIdempotent reports whether a request with method may be sent again
// after it may have reached the server.
func isIdempotent(method string) bool {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodOptions, http.MethodPut, http.MethodDelete:
		return true
	}
	return false
}

// retryableResponse reports whether a response with status may be retried
// for a request with method. 429 Too Many Requests means the request was
// refused before being processed, so any method is retried; a 5xx may come
// after the server acted, so only idempotent methods are.
func retryableResponse(method string, status int) bool {
	switch {
	case status == http.StatusTooManyRequests:
		return true
	case status >= 500 && status <= 599:
		return isIdempotent(method)
	}
	return false
}

// isDialError reports whether err comes from failing to open the
// connection (refused, unreachable, DNS failure, dial timeout): the request
// was never written, so resending it is safe whatever its method. Errors
// after the connection opened (TLS handshake, proxy CONNECT, reset,
// timeout waiting for the response) do not count.
func isDialError(err error) bool {
	var opErr *net.OpError
	return errors.As(err, &opErr) && opErr.Op == "dial"
}

// backoffDelay returns the delay before retry number retry (0 for the first
// retry): minDelay doubled per retry, capped at maxDelay, jittered by ±20%
// and kept within (0, maxDelay].
func backoffDelay(minDelay, maxDelay time.Duration, retry int) time.Duration {
	d := minDelay
	for i := 0; i < retry && d < maxDelay; i++ {
		d *= 2
	}
	d = min(d, maxDelay)
	if spread := int64(d) / 5; spread > 0 {
		d += time.Duration(rand.Int64N(2*spread+1) - spread)
	}
	return max(min(d, maxDelay), 1)
}

// parseRetryAfter reads a Retry-After header value: a number of seconds or
// an HTTP date (a past date means now).
func parseRetryAfter(value string, now time.Time) (time.Duration, bool) {
	value = strings.TrimSpace(value)
	if value == "" {
		return 0, false
	}
	if secs, err := strconv.ParseInt(value, 10, 64); err == nil {
		if secs < 0 {
			return 0, false
		}
		if secs > int64(24*time.Hour/time.Second) {
			secs = int64(24 * time.Hour / time.Second)
		}
		return time.Duration(secs) * time.Second, true
	}
	if t, err := http.ParseTime(value); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

// sleep waits for d or until ctx is done, whichever comes first, and
// returns ctx's error in the latter case.
func sleep(ctx context.Context, d time.Duration) error {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-timer.C:
		return nil
	}
}
