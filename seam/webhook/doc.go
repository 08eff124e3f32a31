// Package webhook receives Seam's webhook deliveries: it verifies their Svix
// signature and hands back the event as a seam.Event, typed by its
// event_type like the events Events.Get and Events.List return.
//
// Seam signs each delivery with Svix: the svix-id, svix-timestamp and
// svix-signature headers carry an HMAC-SHA256, keyed by the endpoint's
// secret ("whsec_…"), of "<svix-id>.<svix-timestamp>.<body>". A Verifier
// checks the headers, the timestamp (within DefaultTolerance of now by
// default) and the signature, the last through the official Svix library,
// then decodes the event with seam.ParseEvent:
//
//	v, err := webhook.NewVerifier(secret)
//	...
//	ev, err := v.Verify(r.Header, body)
//	switch {
//	case errors.Is(err, webhook.ErrSignatureMismatch): // not from Seam
//	...
//	}
//
// Each failure is distinguishable with errors.Is: ErrMissingHeader,
// ErrInvalidHeader, ErrTimestampExpired, ErrSignatureMismatch,
// ErrInvalidPayload; NewVerifier fails with ErrInvalidSecret. No error and
// no log record ever contains the secret.
//
// NewHandler wraps a Verifier and a function of yours into an http.Handler
// that answers as Svix expects: 2xx when the event was handled, 400 for a
// malformed delivery, 401 for a failed verification, 413 for a body over
// the size limit, and 500 (so that Svix retries) or 200 (with Ack) as your
// function's error chooses.
package webhook
