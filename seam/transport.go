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
	// err is an *APIError (which holds the server's Retry-After, if any)
	// or a *TransportError.
	err error
	// retryable says whether sending the request again is allowed.
	retryable bool
}

// Do sends req, retrying as configured, and returns the response when its
// status is 2xx, its body already read (within the attempt's timeout and the
// WithMaxResponseBytes limit) and buffered. Any other status gives
// (nil, *APIError), its body read and closed. A request that got no usable
// response gives a *TransportError naming the method and path.
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
		return nil, &TransportError{Method: method, Path: path, Phase: PhaseSend, Err: fmt.Errorf("reading the request body: %w", err)}
	}

	for attempt := 0; ; attempt++ {
		res, failure := t.try(ctx, cfg, req, method, getBody, length, attempt)
		if failure == nil {
			return res, nil
		}
		if te, ok := failure.err.(*TransportError); ok {
			te.Attempts = attempt + 1
		}
		if !failure.retryable || attempt >= cfg.maxRetries {
			return nil, failure.err
		}
		delay := backoffDelay(cfg.backoffMin, cfg.backoffMax, attempt)
		if apiErr, ok := failure.err.(*APIError); ok && apiErr.hasRetryAfter {
			if apiErr.RetryAfter > maxRetryAfter {
				return nil, failure.err
			}
			delay = apiErr.RetryAfter
		}
		if deadline, ok := ctx.Deadline(); ok && time.Now().Add(delay).After(deadline) {
			return nil, failure.err
		}
		cfg.logger.LogAttrs(ctx, slog.LevelDebug, "seam: retrying request",
			slog.String("method", method), slog.String("path", path),
			slog.Int("next_attempt", attempt+2), slog.Duration("delay", delay))
		if err := sleep(ctx, delay); err != nil {
			return nil, &TransportError{Method: method, Path: path, Phase: PhaseRetryWait, Attempts: attempt + 1,
				Err: fmt.Errorf("%w (last attempt: %w)", err, failure.err)}
		}
	}
}

// try makes attempt number attempt (0-based): it sends the request and, for
// a 2xx status, reads the whole body, all within the per-attempt timeout.
// It returns the response with its body buffered, else why not.
func (t *transport) try(ctx context.Context, cfg *config, req *http.Request, method string,
	getBody func() (io.ReadCloser, error), length int64, attempt int,
) (*http.Response, *attemptFailure) {
	path := req.URL.Path
	attemptCtx, cancel := attemptContext(ctx, cfg.timeout)
	defer cancel()
	// A shallow copy: setHeaders gives it a header map of its own, so
	// neither req nor the request of an earlier attempt is changed.
	r := req.WithContext(attemptCtx)
	if getBody != nil {
		body, err := getBody()
		if err != nil {
			return nil, &attemptFailure{err: &TransportError{Method: method, Path: path, Phase: PhaseSend,
				Err: fmt.Errorf("rewinding the request body: %w", err)}}
		}
		r.Body, r.GetBody, r.ContentLength = body, getBody, length
	}
	setHeaders(r, cfg)

	start := time.Now()
	res, err := cfg.httpClient.Do(r)
	// Debug records are built only when the logger wants them.
	debug := cfg.logger.Enabled(ctx, slog.LevelDebug)
	attrs := func(extra ...slog.Attr) []slog.Attr {
		if !debug {
			return nil
		}
		return append([]slog.Attr{
			slog.String("method", method), slog.String("path", path),
			slog.Int("attempt", attempt+1), slog.Duration("duration", time.Since(start)),
		}, extra...)
	}
	if err != nil {
		return nil, t.transportFailure(ctx, attemptCtx, cfg, method, path, PhaseSend, err, attrs())
	}

	var requestID string
	if debug {
		requestID = redactString(res.Header.Get("Seam-Request-Id"), cfg.auth.token)
	}
	status := slog.Int("status", res.StatusCode)
	if res.StatusCode < 200 || res.StatusCode > 299 {
		if debug {
			cfg.logger.LogAttrs(ctx, slog.LevelDebug, "seam: request done", attrs(status, slog.String("request_id", requestID))...)
		}
		return nil, &attemptFailure{
			err:       newAPIError(res, method, path, cfg.auth.token),
			retryable: retryableResponse(method, res.StatusCode),
		}
	}

	body, err := readCapped(res, cfg.maxResponseBytes)
	_ = res.Body.Close()
	if err != nil {
		return nil, t.transportFailure(ctx, attemptCtx, cfg, method, path, PhaseBody, err,
			attrs(status, slog.String("request_id", requestID)))
	}
	if debug {
		cfg.logger.LogAttrs(ctx, slog.LevelDebug, "seam: request done",
			attrs(status, slog.String("request_id", requestID), slog.Int("bytes", len(body)))...)
	}
	res.Body = newBufferedBody(body)
	res.ContentLength = int64(len(body))
	return res, nil
}

// attemptContext returns the context of one attempt: ctx bounded by the
// per-attempt timeout. When ctx's own deadline comes first (a poll inside a
// wait, a caller's shorter deadline), the timeout cannot be what ends the
// attempt, and ctx is used as it is: one context (and its timer) less per
// request, and the same errors (transportFailure looks at ctx first).
func attemptContext(ctx context.Context, timeout time.Duration) (context.Context, context.CancelFunc) {
	if deadline, ok := ctx.Deadline(); ok && time.Until(deadline) <= timeout {
		return ctx, func() {}
	}
	return context.WithTimeout(ctx, timeout)
}

// bufferedBody is a 2xx response body the transport read whole inside the
// attempt (one allocation: the reader and the bytes it reads). Bytes
// returns what is left to read without a copy: the call helper and the
// generated client's readBody use it instead of reading.
type bufferedBody struct {
	bytes.Reader
	data []byte
}

// newBufferedBody returns a body reading data.
func newBufferedBody(data []byte) *bufferedBody {
	b := &bufferedBody{data: data}
	b.Reset(data)
	return b
}

// Bytes returns the unread part of the body, without a copy.
func (b *bufferedBody) Bytes() []byte { return b.data[len(b.data)-b.Len():] }

// Close does nothing: the connection's body was already read and closed.
func (*bufferedBody) Close() error { return nil }

// responseBytes reads and closes the body of res, using the bytes of a
// body the transport buffered without copying them.
func responseBytes(res *http.Response) ([]byte, error) {
	defer res.Body.Close()
	if b, ok := res.Body.(*bufferedBody); ok {
		return b.Bytes(), nil
	}
	return io.ReadAll(res.Body)
}

// transportFailure describes err, which ended an attempt in phase, as a
// *TransportError, logs it, and says whether the request may be sent again:
// an idempotent one always, any other only when the connection could not
// be opened (it was never sent). The cause is the caller's context error
// when that context ended, ErrAttemptTimeout when the attempt's own timeout
// did (then the network error is kept as text only, so that
// errors.Is(err, context.DeadlineExceeded) stays false), else err without
// the request URL that *url.Error adds.
func (t *transport) transportFailure(ctx, attemptCtx context.Context, cfg *config, method, path, phase string,
	err error, logAttrs []slog.Attr,
) *attemptFailure {
	detail := redactString(stripURL(err).Error(), cfg.auth.token)
	if logAttrs != nil {
		cfg.logger.LogAttrs(ctx, slog.LevelDebug, "seam: request failed",
			append(logAttrs, slog.String("phase", phase), slog.String("error", detail))...)
	}
	te := &TransportError{Method: method, Path: path, Phase: phase}
	switch {
	case ctx.Err() != nil:
		if errors.Is(err, ctx.Err()) {
			te.Err = ctx.Err()
		} else {
			te.Err = fmt.Errorf("%w (%s)", ctx.Err(), detail)
		}
		return &attemptFailure{err: te}
	case errors.Is(attemptCtx.Err(), context.DeadlineExceeded):
		te.Err = fmt.Errorf("%w after %s (WithTimeout): %s", ErrAttemptTimeout, cfg.timeout, detail)
	case errors.Is(err, ErrResponseTooLarge):
		te.Err = err
		return &attemptFailure{err: te}
	default:
		te.Err = stripURL(err)
		if text := te.Err.Error(); detail != text {
			// The cause quoted the secret: keep only its cleaned text.
			te.Err = errors.New(detail)
		}
		if phase == PhaseBody && errors.Is(err, io.ErrUnexpectedEOF) {
			te.Err = fmt.Errorf("body cut short: %w", te.Err)
		}
	}
	retryable := isIdempotent(method) || (phase == PhaseSend && isDialError(err))
	return &attemptFailure{err: te, retryable: retryable}
}

// readCapped reads the body of res, failing with ErrResponseTooLarge past
// limit bytes (judged from Content-Length first, when the server sent one).
func readCapped(res *http.Response, limit int64) ([]byte, error) {
	tooLarge := func() error {
		return fmt.Errorf("%w: more than %d bytes (raise the limit with WithMaxResponseBytes)", ErrResponseTooLarge, limit)
	}
	if res.ContentLength > limit {
		return nil, tooLarge()
	}
	if n := res.ContentLength; n >= 0 && res.Body != http.NoBody { // a HEAD answer has a length but no body
		// The length is known (and within the limit): one buffer of that
		// size; net/http reports a body cut short as io.ErrUnexpectedEOF.
		body := make([]byte, n)
		if _, err := io.ReadFull(res.Body, body); err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return nil, err
		}
		return body, nil
	}
	body, err := io.ReadAll(io.LimitReader(res.Body, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(body)) > limit {
		return nil, tooLarge()
	}
	return body, nil
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

// stripURL returns the error inside a *url.Error, whose message repeats the
// request URL and its query string; other errors are returned as they are.
func stripURL(err error) error {
	var urlErr *url.Error
	if errors.As(err, &urlErr) {
		return urlErr.Err
	}
	return err
}
