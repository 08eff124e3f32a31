// Package seam is a client for the Seam Connect API: smart-lock access codes
// (ongoing, time-bound and offline PINs), door unlocks, and every other
// documented operation of the API.
//
// Create one Client and share it; it is safe for concurrent use:
//
//	client, err := seam.New() // SEAM_API_KEY, or seam.WithAPIKey(...)
//	code, err := client.AccessCodes.Create(ctx, deviceID,
//		seam.TimeBound(start, end), seam.WithCode("4821"))
//	attempt, err := client.Locks.UnlockDoor(ctx, deviceID) // waits for the action attempt
//
// Every documented path has one service method, named after it:
// /thermostats/heat_cool is client.Thermostats.HeatCool, /acs/users/list is
// client.Acs.Users.List (generated from the spec into services.gen.go; the
// access-code methods and a few id-taking conveniences are written by
// hand). Methods unwrap answers into the models of package gen; the rules
// are in docs/conventions.md. Client.API returns the generated client,
// wired to the same transport.
//
// Behaviour shared by every call:
//
//   - One Option type configures the client (New) and single calls.
//   - Every non-2xx answer is an *APIError; match classes with errors.Is
//     (ErrNotFound, ErrUnauthorized, ErrInvalidInput, …). Input that breaks a
//     known rule is refused before any request with a *ValidationError.
//   - Idempotent requests are retried on transport errors, 429 and 5xx, with
//     jittered backoff and Retry-After; a POST is retried only after a 429 or
//     a refused connection, never once it may have been processed. Each
//     attempt, body included, has its own timeout (WithTimeout); a call that
//     gets no usable answer returns a *TransportError (docs/reliability.md).
//   - Operations that answer with an action attempt wait for it by default
//     (WaitForActionAttempt; WithWaitForActionAttempts(false) turns it off).
//   - List methods of paginated operations return one Page; All iterates
//     over every page lazily. Other lists return a slice.
//
// Secrets never appear in errors or logs, and the client logs nothing unless
// given a logger (WithLogger).
package seam
