package webhook

import (
	"encoding/base64"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	svix "github.com/svix/svix-webhooks/go"

	"github.com/seamgo/seam-go/seam"
)

// The headers Svix signs a delivery with; the Verifier reads these only
// (not the unbranded webhook-* headers of Standard Webhooks).
const (
	// HeaderID is the message id, the same on every retry of a delivery.
	HeaderID = "svix-id"
	// HeaderTimestamp is when the delivery was signed, in Unix seconds.
	HeaderTimestamp = "svix-timestamp"
	// HeaderSignature holds space-separated "v1,<base64 signature>" entries,
	// usually one; a delivery is accepted when any of them matches.
	HeaderSignature = "svix-signature"
)

// DefaultTolerance is how far svix-timestamp may be from now, either way,
// unless WithTolerance says otherwise: Svix's own default.
const DefaultTolerance = 5 * time.Minute

// secretPrefix starts every Svix endpoint secret.
const secretPrefix = "whsec_"

// Verifier checks Seam's webhook deliveries against one endpoint secret. It
// is safe for concurrent use.
type Verifier struct {
	svix      *svix.Webhook
	tolerance time.Duration
	now       func() time.Time
}

// VerifierOption configures a Verifier; pass it to NewVerifier.
type VerifierOption func(*Verifier) error

// WithTolerance sets how far svix-timestamp may be from now, in the past or
// in the future, before a delivery is refused with ErrTimestampExpired.
// Default DefaultTolerance (5 minutes); d must be positive.
func WithTolerance(d time.Duration) VerifierOption {
	return func(v *Verifier) error {
		if d <= 0 {
			return fmt.Errorf("%w: webhook.WithTolerance: %s is not positive", seam.ErrInvalidOptions, d)
		}
		v.tolerance = d
		return nil
	}
}

// WithClock sets the function that gives the current time, against which
// svix-timestamp is checked; for tests. Default time.Now.
func WithClock(now func() time.Time) VerifierOption {
	return func(v *Verifier) error {
		if now == nil {
			return fmt.Errorf("%w: webhook.WithClock: function is nil", seam.ErrInvalidOptions)
		}
		v.now = now
		return nil
	}
}

// NewVerifier returns a Verifier for the endpoint secret Seam shows for the
// webhook ("whsec_" followed by base64; Svix also accepts the base64 part
// alone). A malformed secret gives an error matching ErrInvalidSecret; an
// invalid option one matching seam.ErrInvalidOptions. Neither repeats the
// secret.
func NewVerifier(secret string, opts ...VerifierOption) (*Verifier, error) {
	key, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(secret, secretPrefix))
	switch {
	case secret == "":
		return nil, fmt.Errorf("%w: the secret is empty", ErrInvalidSecret)
	case err != nil:
		return nil, fmt.Errorf("%w: not %q followed by standard base64", ErrInvalidSecret, secretPrefix)
	case len(key) == 0:
		return nil, fmt.Errorf("%w: no key after %q", ErrInvalidSecret, secretPrefix)
	}
	wh, err := svix.NewWebhook(secret)
	if err != nil {
		// Unreachable after the check above; the error is not quoted as it
		// could describe the secret.
		return nil, fmt.Errorf("%w: refused by the Svix library", ErrInvalidSecret)
	}
	v := &Verifier{svix: wh, tolerance: DefaultTolerance, now: time.Now}
	for _, opt := range opts {
		if opt == nil {
			continue
		}
		if err := opt(v); err != nil {
			return nil, err
		}
	}
	return v, nil
}

// Verify checks that a delivery comes from Seam (see VerifySignature) and
// decodes its event with seam.ParseEvent. headers are the request's headers
// and body its raw body, unchanged. An event type this SDK does not know is
// not an error: it comes back untyped (see seam.Event).
func (v *Verifier) Verify(headers http.Header, body []byte) (seam.Event, error) {
	if err := v.VerifySignature(headers, body); err != nil {
		return seam.Event{}, err
	}
	ev, err := seam.ParseEvent(body)
	if err != nil {
		return seam.Event{}, fmt.Errorf("%w: %w", ErrInvalidPayload, err)
	}
	return ev, nil
}

// VerifySignature checks a delivery without decoding its body: the three
// svix-* headers are present (ErrMissingHeader), svix-timestamp is a Unix
// time (ErrInvalidHeader) within the tolerance of now (ErrTimestampExpired),
// and one of the v1 signatures in svix-signature is the body's, checked by
// the Svix library (ErrSignatureMismatch).
func (v *Verifier) VerifySignature(headers http.Header, body []byte) error {
	id, timestamp, signature := headers.Get(HeaderID), headers.Get(HeaderTimestamp), headers.Get(HeaderSignature)
	var missing []string
	for _, h := range []struct{ name, value string }{{HeaderID, id}, {HeaderTimestamp, timestamp}, {HeaderSignature, signature}} {
		if h.value == "" {
			missing = append(missing, h.name)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("%w: %s", ErrMissingHeader, strings.Join(missing, ", "))
	}
	if err := v.checkTimestamp(timestamp); err != nil {
		return err
	}
	// Svix checks the timestamp against time.Now and a fixed tolerance; it
	// was checked above against this Verifier's clock and tolerance, so Svix
	// checks the signature only. It gets the three headers alone, so that
	// it reads exactly those checked above.
	signed := http.Header{}
	signed.Set(HeaderID, id)
	signed.Set(HeaderTimestamp, timestamp)
	signed.Set(HeaderSignature, signature)
	if err := v.svix.VerifyIgnoringTimestamp(body, signed); err != nil {
		return fmt.Errorf("%w: no v1 signature in %s matches (svix-id %q)", ErrSignatureMismatch, HeaderSignature, clip(id))
	}
	return nil
}

// checkTimestamp parses svix-timestamp and checks it against the clock, with
// Svix's rules: too old when more than the tolerance before now, too new
// when more than the tolerance after now.
func (v *Verifier) checkTimestamp(raw string) error {
	secs, err := strconv.ParseInt(raw, 10, 64)
	if err != nil {
		return fmt.Errorf("%w: %s %q is not a Unix time in seconds", ErrInvalidHeader, HeaderTimestamp, clip(raw))
	}
	ts, now := time.Unix(secs, 0), v.now()
	if age := now.Sub(ts); age > v.tolerance {
		return fmt.Errorf("%w: %s %s is %s old, more than %s", ErrTimestampExpired, HeaderTimestamp,
			ts.UTC().Format(time.RFC3339), age.Round(time.Second), v.tolerance)
	}
	// Svix's "secs > (now+tolerance).Unix()" for a whole secs, without
	// overflow for a huge tolerance.
	if ts.Sub(now) > v.tolerance {
		return fmt.Errorf("%w: %s %s is %s in the future, more than %s", ErrTimestampExpired, HeaderTimestamp,
			ts.UTC().Format(time.RFC3339), ts.Sub(now).Round(time.Second), v.tolerance)
	}
	return nil
}

// clip shortens a header value quoted in an error.
func clip(s string) string {
	const max = 64
	if len(s) <= max {
		return s
	}
	return s[:max] + "…"
}
