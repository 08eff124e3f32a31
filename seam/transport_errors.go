package seam

import (
	"errors"
	"strconv"
	"strings"

	"github.com/seamgo/seam-go/gen"
)

// Sentinel errors of the transport, matched with errors.Is.
var (
	// ErrAttemptTimeout matches a *TransportError whose last attempt ran
	// out of the per-attempt timeout (WithTimeout). It is not
	// context.DeadlineExceeded: that one matches only when the deadline of
	// the caller's own context passed.
	ErrAttemptTimeout = errors.New("seam: attempt timed out")
	// ErrResponseTooLarge matches a *TransportError for a response body
	// longer than the limit set by WithMaxResponseBytes.
	ErrResponseTooLarge = errors.New("seam: response body too large")
)

// Phases of an attempt in which a transport failure happened, as reported by
// TransportError.Phase.
const (
	// PhaseSend covers opening the connection, sending the request and
	// waiting for the response headers.
	PhaseSend = "send"
	// PhaseBody covers reading the body of a 2xx response.
	PhaseBody = "body"
	// PhaseRetryWait is the wait between two attempts.
	PhaseRetryWait = "retry wait"
)

// TransportError is a request that got no usable response: the connection
// failed or was reset, the response headers or the 2xx body did not arrive
// in time or arrived cut short or too large, or the caller's context ended.
// Non-2xx responses are *APIError instead.
//
// Unwrap gives the cause: the caller's context error when the caller's
// context ended (so errors.Is(err, context.Canceled) or
// context.DeadlineExceeded hold then, and only then), ErrAttemptTimeout when
// the per-attempt timeout ran out, ErrResponseTooLarge, or the network
// error.
type TransportError struct {
	// Method and Path are those of the request (no query string).
	Method string
	Path   string
	// Phase is when the last attempt failed: PhaseSend, PhaseBody or
	// PhaseRetryWait.
	Phase string
	// Attempts is how many attempts were made.
	Attempts int
	// Err is the cause.
	Err error
}

// Error names the request, the phase, the number of attempts and the
// cause.
func (e *TransportError) Error() string {
	var b strings.Builder
	b.WriteString("seam: ")
	b.WriteString(e.Method)
	b.WriteByte(' ')
	b.WriteString(e.Path)
	b.WriteString(": ")
	switch e.Phase {
	case PhaseBody:
		b.WriteString("reading the response body")
	case PhaseRetryWait:
		b.WriteString("waiting to retry")
	default:
		b.WriteString("sending the request")
	}
	if e.Attempts > 1 {
		b.WriteString(" (after ")
		b.WriteString(strconv.Itoa(e.Attempts))
		b.WriteString(" attempts)")
	}
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the cause.
func (e *TransportError) Unwrap() error { return e.Err }

// Timeout reports whether the per-attempt timeout (WithTimeout) ended the
// last attempt. It is false when the caller's context ended the call.
func (e *TransportError) Timeout() bool { return errors.Is(e.Err, ErrAttemptTimeout) }

// DecodeError is a 2xx response whose body does not decode into the type
// the operation declares (gen.DecodeError): it names the method, the path
// and the seam-request-id of the response. Match it with errors.As.
type DecodeError = gen.DecodeError
