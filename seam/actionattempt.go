package seam

import (
	"fmt"
	"time"

	"github.com/seamgo/seam-go/gen"
)

// Action attempt statuses.
const (
	ActionAttemptPending = "pending"
	ActionAttemptSuccess = "success"
	ActionAttemptError   = "error"
)

// ActionAttemptSummary holds the fields every action attempt has, whatever
// its action type. gen.ActionAttempt is a union of one type per action type
// and status; SummarizeActionAttempt reads these without choosing a member.
type ActionAttemptSummary struct {
	// ID is the action_attempt_id.
	ID string `json:"action_attempt_id"`
	// ActionType is e.g. "UNLOCK_DOOR" or "CREATE_ACCESS_CODE".
	ActionType string `json:"action_type"`
	// Status is ActionAttemptPending, ActionAttemptSuccess or ActionAttemptError.
	Status string `json:"status"`
	// Error is set when Status is ActionAttemptError.
	Error *ActionAttemptFailure `json:"error"`
}

// ActionAttemptFailure is the error an action attempt reports.
type ActionAttemptFailure struct {
	// Type is the error type, e.g. "lock_offline".
	Type string `json:"type"`
	// Message says what went wrong.
	Message string `json:"message"`
}

// SummarizeActionAttempt decodes the common fields of a.
func SummarizeActionAttempt(a *gen.ActionAttempt) (ActionAttemptSummary, error) {
	var s ActionAttemptSummary
	if a == nil {
		return s, fmt.Errorf("seam: nil action attempt")
	}
	raw, err := a.MarshalJSON()
	if err != nil {
		return s, fmt.Errorf("seam: read action attempt: %w", err)
	}
	if err := unmarshal(raw, &s); err != nil {
		return s, fmt.Errorf("seam: read action attempt: %w", err)
	}
	if s.ID == "" {
		return s, fmt.Errorf("seam: action attempt without action_attempt_id")
	}
	return s, nil
}

// ActionAttemptFailedError is returned when an action attempt ends with
// status "error". It matches ErrActionAttemptFailed.
type ActionAttemptFailedError struct {
	// Attempt is the failed action attempt as the API returned it.
	Attempt *gen.ActionAttempt
	// ID and ActionType identify the attempt.
	ID, ActionType string
	// ErrorType and Message are the attempt's error.
	ErrorType, Message string
}

// Error describes the failure.
func (e *ActionAttemptFailedError) Error() string {
	return fmt.Sprintf("seam: action attempt %s (%s) failed: %s: %s", e.ID, e.ActionType, e.ErrorType, e.Message)
}

// Is reports whether target is ErrActionAttemptFailed.
func (e *ActionAttemptFailedError) Is(target error) bool { return target == ErrActionAttemptFailed }

// ActionAttemptTimeoutError is returned when an action attempt is still
// pending when the wait ends: its timeout elapsed, or the context was done
// (then Unwrap returns the context's error). It matches
// ErrActionAttemptTimeout.
type ActionAttemptTimeoutError struct {
	// Attempt is the last state seen of the action attempt.
	Attempt *gen.ActionAttempt
	// ID and ActionType identify the attempt.
	ID, ActionType string
	// Waited is how long the wait lasted.
	Waited time.Duration
	cause  error
}

// Error describes the timeout.
func (e *ActionAttemptTimeoutError) Error() string {
	msg := fmt.Sprintf("seam: action attempt %s (%s) still pending after %s", e.ID, e.ActionType, e.Waited.Round(time.Millisecond))
	if e.cause != nil {
		msg += ": " + e.cause.Error()
	}
	return msg
}

// Is reports whether target is ErrActionAttemptTimeout.
func (e *ActionAttemptTimeoutError) Is(target error) bool { return target == ErrActionAttemptTimeout }

// Unwrap returns the context error that ended the wait, if any.
func (e *ActionAttemptTimeoutError) Unwrap() error { return e.cause }
