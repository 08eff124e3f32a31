package webhook

import "errors"

// Errors returned by NewVerifier and Verifier.Verify, matched with
// errors.Is. Their messages name the header or rule at fault and never
// contain the secret.
var (
	// ErrInvalidSecret: the secret given to NewVerifier is not a Svix
	// endpoint secret ("whsec_" followed by base64).
	ErrInvalidSecret = errors.New("webhook: invalid secret")
	// ErrMissingHeader: svix-id, svix-timestamp or svix-signature is absent
	// or empty; the message names which.
	ErrMissingHeader = errors.New("webhook: missing header")
	// ErrInvalidHeader: svix-timestamp is not a Unix time in seconds.
	ErrInvalidHeader = errors.New("webhook: invalid header")
	// ErrTimestampExpired: svix-timestamp is further from now than the
	// tolerance, in the past (a stale or replayed delivery) or in the
	// future.
	ErrTimestampExpired = errors.New("webhook: timestamp outside tolerance")
	// ErrSignatureMismatch: no v1 signature in svix-signature matches the
	// id, timestamp and body under the secret. The delivery did not come
	// from Seam, was altered, or the secret is not this endpoint's.
	ErrSignatureMismatch = errors.New("webhook: signature mismatch")
	// ErrInvalidPayload: the signature is valid but the body is not a Seam
	// event (it also matches seam.ErrInvalidEvent).
	ErrInvalidPayload = errors.New("webhook: invalid payload")
)
