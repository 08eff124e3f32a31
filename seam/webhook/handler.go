package webhook

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"

	"github.com/seamgo/seam-go/seam"
)

// DefaultMaxBodySize is the largest body a Handler reads unless
// WithMaxBodySize says otherwise: 1 MiB.
const DefaultMaxBodySize = 1 << 20

// HandlerFunc handles one verified event. Its error chooses the answer (see
// Handler): nil answers 204; Ack(err) answers 200, so that Svix does not
// retry; any other error answers 500 and Svix delivers the event again
// later (deliveries can thus repeat: use ev.ID to skip an event already
// handled).
type HandlerFunc func(ctx context.Context, ev seam.Event) error

// Handler is an http.Handler that receives Seam's webhook deliveries:
// it reads the body (at most the size limit), verifies it with its
// Verifier, decodes the event and calls its HandlerFunc with the request's
// context. It answers
//
//   - 204 No Content when the function returns nil;
//   - 200 OK when it returns an error wrapped by Ack (logged, not retried);
//   - the error's status when it returns a *StatusError with a 2xx or 5xx
//     code; 500 for any other error (Svix retries it);
//   - 400 Bad Request for a missing or malformed svix-* header, or a body
//     that is not an event (ErrMissingHeader, ErrInvalidHeader,
//     ErrInvalidPayload) or could not be read;
//   - 401 Unauthorized when verification fails (ErrSignatureMismatch,
//     ErrTimestampExpired): the function is not called;
//   - 413 Request Entity Too Large past the size limit;
//   - 405 Method Not Allowed for a method other than POST.
//
// Response bodies are a short reason and never the error's text. With a
// logger (WithLogger) it records each answer; records hold the svix-id,
// event type and id, status and reason, never the secret, signature or
// body. By default it logs nothing.
type Handler struct {
	verifier *Verifier
	fn       HandlerFunc
	maxBody  int64
	logger   *slog.Logger
}

// HandlerOption configures a Handler; pass it to NewHandler.
type HandlerOption func(*Handler) error

// WithMaxBodySize sets the largest body the handler reads; a larger one is
// answered 413 without being verified. Default DefaultMaxBodySize (1 MiB);
// n must be positive.
func WithMaxBodySize(n int64) HandlerOption {
	return func(h *Handler) error {
		if n <= 0 {
			return fmt.Errorf("%w: webhook.WithMaxBodySize: %d is not positive", seam.ErrInvalidOptions, n)
		}
		h.maxBody = n
		return nil
	}
}

// WithLogger sets the logger that records each delivery's answer: debug for
// handled events, warnings for refused deliveries and errors for failures
// of the HandlerFunc. Records never contain the secret, the signature or
// the body. Default: nothing is logged.
func WithLogger(logger *slog.Logger) HandlerOption {
	return func(h *Handler) error {
		if logger == nil {
			return fmt.Errorf("%w: webhook.WithLogger: logger is nil", seam.ErrInvalidOptions)
		}
		h.logger = logger
		return nil
	}
}

// NewHandler returns a Handler that verifies deliveries with v and passes
// their events to fn. A nil v or fn, or an invalid option, gives an error
// matching seam.ErrInvalidOptions.
func NewHandler(v *Verifier, fn HandlerFunc, opts ...HandlerOption) (*Handler, error) {
	if v == nil {
		return nil, fmt.Errorf("%w: webhook.NewHandler: verifier is nil", seam.ErrInvalidOptions)
	}
	if fn == nil {
		return nil, fmt.Errorf("%w: webhook.NewHandler: function is nil", seam.ErrInvalidOptions)
	}
	h := &Handler{verifier: v, fn: fn, maxBody: DefaultMaxBodySize, logger: slog.New(slog.DiscardHandler)}
	for _, opt := range opts {
		if opt == nil {
			continue
		}
		if err := opt(h); err != nil {
			return nil, err
		}
	}
	return h, nil
}

// StatusError is an error of a HandlerFunc that chooses the handler's
// answer: Code when it is 2xx or 5xx, 500 otherwise. Ack builds one with
// 200.
type StatusError struct {
	// Code is the HTTP status to answer.
	Code int
	// Err is the error, logged by the handler.
	Err error
}

// Error returns the wrapped error's text.
func (e *StatusError) Error() string {
	if e.Err == nil {
		return http.StatusText(e.Code)
	}
	return e.Err.Error()
}

// Unwrap returns the wrapped error.
func (e *StatusError) Unwrap() error { return e.Err }

// Ack wraps err, returned by a HandlerFunc, so that the handler answers
// 200 OK: Svix counts the delivery as done and does not retry it. Use it
// for an event you cannot handle however often it comes, e.g. about a
// device you no longer manage. The error is logged. Ack(nil) is nil.
func Ack(err error) error {
	if err == nil {
		return nil
	}
	return &StatusError{Code: http.StatusOK, Err: err}
}

// ServeHTTP handles one delivery, as described on Handler.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	attrs := []slog.Attr{slog.String("svix_id", clip(r.Header.Get(HeaderID)))}
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		h.answer(ctx, w, http.StatusMethodNotAllowed, "method not allowed", nil, append(attrs, slog.String("method", r.Method)))
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, h.maxBody))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			h.answer(ctx, w, http.StatusRequestEntityTooLarge, "body too large", nil, append(attrs, slog.Int64("max_body_size", h.maxBody)))
			return
		}
		h.answer(ctx, w, http.StatusBadRequest, "cannot read body", err, attrs)
		return
	}
	ev, err := h.verifier.Verify(r.Header, body)
	if err != nil {
		status, reason := verifyStatus(err)
		h.answer(ctx, w, status, reason, err, attrs)
		return
	}
	attrs = append(attrs, slog.String("event_type", ev.Type), slog.String("event_id", ev.ID))
	err = h.fn(ctx, ev)
	if err == nil {
		h.answer(ctx, w, http.StatusNoContent, "", nil, attrs)
		return
	}
	status := http.StatusInternalServerError
	var se *StatusError
	if errors.As(err, &se) && (se.Code/100 == 2 || se.Code/100 == 5) {
		status = se.Code
	}
	h.answer(ctx, w, status, http.StatusText(status), err, attrs)
}

// verifyStatus maps a Verify error to the answer and its short reason.
func verifyStatus(err error) (int, string) {
	switch {
	case errors.Is(err, ErrMissingHeader):
		return http.StatusBadRequest, "missing svix header"
	case errors.Is(err, ErrInvalidHeader):
		return http.StatusBadRequest, "invalid svix header"
	case errors.Is(err, ErrInvalidPayload):
		return http.StatusBadRequest, "invalid event"
	case errors.Is(err, ErrTimestampExpired):
		return http.StatusUnauthorized, "timestamp outside tolerance"
	default:
		return http.StatusUnauthorized, "invalid signature"
	}
}

// answer writes status with reason as a plain-text body (none for 204) and
// logs it: a handled event at debug level, a refused delivery (4xx) as a
// warning, a failure of the HandlerFunc (err with a 2xx or 5xx) as an
// error. err's text is logged, never sent.
func (h *Handler) answer(ctx context.Context, w http.ResponseWriter, status int, reason string, err error, attrs []slog.Attr) {
	level, msg := slog.LevelDebug, "webhook handled"
	switch {
	case status/100 == 4:
		level, msg = slog.LevelWarn, "webhook refused"
	case err != nil:
		level, msg = slog.LevelError, "webhook handler failed"
	}
	attrs = append(attrs, slog.Int("status", status))
	if reason != "" {
		attrs = append(attrs, slog.String("reason", reason))
	}
	if err != nil {
		attrs = append(attrs, slog.String("error", err.Error()))
	}
	h.logger.LogAttrs(ctx, level, msg, attrs...)
	if status == http.StatusNoContent {
		w.WriteHeader(status)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, _ = io.WriteString(w, reason+"\n")
}
