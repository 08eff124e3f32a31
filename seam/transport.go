package seam

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"runtime"
	"time"
)

// userAgent is sent with every request unless WithHeader overrides it.
var userAgent = fmt.Sprintf("%s/%s (%s)", SDKName, Version, runtime.Version())

// transport sends the requests of one Client: it implements the
// Do(*http.Request) (*http.Response, error) interface the generated client
// takes, adding authentication and SDK headers, a timeout per attempt,
// retries, logging, and turning non-2xx responses into *APIError.
type transport struct {
	// base is the client's configuration; a call may carry its own on the
	// request context (see configFor).
	base *config
}

// attemptFailure is why one attempt did not produce a 2xx response.
type attemptFailure struct {
	err error
	// retryable says whether sending the request again is allowed.
	retryable bool
	// retryAfter is the server's Retry-After, when hasRetryAfter.
	retryAfter    time.Duration
	hasRetryAfter bool
}

// Do sends req, retrying as configured, and returns the response when its
// status is 2xx. Its body stays readable until closed, within the
// per-attempt timeout. Any other status gives (nil, *APIError), its body
// read and closed. Transport failures give an error wrapping the cause (the
// context's error when req's context ended).
func (t *transport) Do(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	cfg := t.configFor(ctx)
	method := req.Method
	if method == "" {
		method = http.MethodGet
	}
	path := req.URL.Path

	getBody, length, err := replayableBody(req)
	if err != nil {
		return nil, fmt.Errorf("seam: %s %s: reading request body: %w", method, path, err)
	}

	for attempt := 0; ; attempt++ {
		res, failure := t.try(ctx, cfg, req, method, getBody, length, attempt)
		if failure == nil {
			return res, nil
		}
		if !failure.retryable || attempt >= cfg.maxRetries {
			return nil, failure.err
		}
		delay := backoffDelay(cfg.backoffMin, cfg.backoffMax, attempt)
		if failure.hasRetryAfter {
			if failure.retryAfter > maxRetryAfter {
				return nil, failure.err
			}
			delay = failure.retryAfter
		}
		if deadline, ok := ctx.Deadline(); ok && time.Now().Add(delay).After(deadline) {
			return nil, failure.err
		}
		cfg.logger.LogAttrs(ctx, slog.LevelDebug, "seam: retrying request",
			slog.String("method", method), slog.String("path", path),
			slog.Int("next_attempt", attempt+2), slog.Duration("delay", delay))
		if err := sleep(ctx, delay); err != nil {
			return nil, fmt.Errorf("seam: %s %s: stopped before retrying: %w (last attempt: %w)", method, path, err, failure.err)
		}
	}
}

// try makes attempt number attempt (0-based). It returns the response when
// the status is 2xx, else why not.
func (t *transport) try(ctx context.Context, cfg *config, req *http.Request, method string,
	getBody func() (io.ReadCloser, error), length int64, attempt int,
) (*http.Response, *attemptFailure) {
	path := req.URL.Path
	attemptCtx, cancel := context.WithTimeout(ctx, cfg.timeout)
	// A shallow copy: setHeaders gives it a header map of its own, so
	// neither req nor the request of an earlier attempt is changed.
	r := req.WithContext(attemptCtx)
	if getBody != nil {
		body, err := getBody()
		if err != nil {
			cancel()
			return nil, &attemptFailure{err: fmt.Errorf("seam: %s %s: rewinding request body: %w", method, path, err)}
		}
		r.Body, r.GetBody, r.ContentLength = body, getBody, length
	}
	setHeaders(r, cfg)

	start := time.Now()
	res, err := cfg.httpClient.Do(r)
	elapsed := time.Since(start)
	logAttrs := []slog.Attr{
		slog.String("method", method), slog.String("path", path),
		slog.Int("attempt", attempt+1), slog.Duration("duration", elapsed),
	}

	if err != nil {
		cancel()
		cfg.logger.LogAttrs(ctx, slog.LevelDebug, "seam: request failed",
			append(logAttrs, slog.String("error", errorForLog(err)))...)
		if ctxErr := ctx.Err(); ctxErr != nil {
			if !errors.Is(err, ctxErr) {
				err = fmt.Errorf("%w: %w", ctxErr, err)
			}
			return nil, &attemptFailure{err: fmt.Errorf("seam: %s %s: %w", method, path, err)}
		}
		retryable := isIdempotent(method) || isDialError(err)
		if errors.Is(attemptCtx.Err(), context.DeadlineExceeded) {
			if !errors.Is(err, context.DeadlineExceeded) {
				err = fmt.Errorf("%w: %w", context.DeadlineExceeded, err)
			}
			err = fmt.Errorf("seam: %s %s: attempt timed out after %s: %w", method, path, cfg.timeout, err)
		} else {
			err = fmt.Errorf("seam: %s %s: %w", method, path, err)
		}
		return nil, &attemptFailure{err: err, retryable: retryable}
	}

	requestID := res.Header.Get("Seam-Request-Id")
	cfg.logger.LogAttrs(ctx, slog.LevelDebug, "seam: request done",
		append(logAttrs, slog.Int("status", res.StatusCode), slog.String("request_id", requestID))...)

	if res.StatusCode >= 200 && res.StatusCode <= 299 {
		res.Body = &cancelOnClose{ReadCloser: res.Body, cancel: cancel}
		return res, nil
	}
	apiErr := newAPIError(res, method, path, cfg.auth.token)
	cancel()
	_, hasRetryAfter := parseRetryAfter(res.Header.Get("Retry-After"), time.Now())
	return nil, &attemptFailure{
		err:           apiErr,
		retryable:     isIdempotent(method) && retryableStatus(res.StatusCode),
		retryAfter:    apiErr.RetryAfter,
		hasRetryAfter: hasRetryAfter,
	}
}

// setHeaders sets on r the User-Agent, the configured extra headers, the
// authentication headers and the SDK headers, computed once per
// configuration (see requestHeaders). It replaces r.Header by a new map
// holding r's headers and, over them, those: the value slices are shared
// and never changed.
func setHeaders(r *http.Request, cfg *config) {
	sent := cfg.requestHeaders()
	h := make(http.Header, len(r.Header)+len(sent))
	for key, values := range r.Header {
		h[key] = values
	}
	for key, values := range sent {
		h[key] = values
	}
	r.Header = h
}

// replayableBody returns a function giving a fresh copy of req's body for
// each attempt, and the body's length, reading the body into memory (and
// closing it) when req has no GetBody. It returns nil when req has no body.
func replayableBody(req *http.Request) (func() (io.ReadCloser, error), int64, error) {
	if req.Body == nil || req.Body == http.NoBody {
		return nil, 0, nil
	}
	if req.GetBody != nil {
		_ = req.Body.Close()
		return req.GetBody, req.ContentLength, nil
	}
	data, err := io.ReadAll(req.Body)
	_ = req.Body.Close()
	if err != nil {
		return nil, 0, err
	}
	return func() (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(data)), nil
	}, int64(len(data)), nil
}

// errorForLog describes err without the request URL (which holds the query
// string) that *url.Error adds.
func errorForLog(err error) string {
	var urlErr *url.Error
	if errors.As(err, &urlErr) {
		return urlErr.Err.Error()
	}
	return err.Error()
}

// cancelOnClose releases an attempt's context when the response body is
// closed, so the body stays readable after Do returns.
type cancelOnClose struct {
	io.ReadCloser
	cancel context.CancelFunc
}

// Close closes the body and releases the attempt's context.
func (b *cancelOnClose) Close() error {
	err := b.ReadCloser.Close()
	b.cancel()
	return err
}
