package seam

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/seamgo/seam-go/gen"
)

// Errors of WaitUntilReady, matched with errors.Is.
var (
	// ErrAccessCodeFailed matches an *AccessCodeFailedError.
	ErrAccessCodeFailed = errors.New("seam: access code failed")
	// ErrAccessCodeNotReady matches an *AccessCodeNotReadyError.
	ErrAccessCodeNotReady = errors.New("seam: access code not ready")
)

// AccessCodeIssue is one of the errors an access code reports.
type AccessCodeIssue struct {
	// Code is the error_code, e.g. "failed_to_set_on_device".
	Code string `json:"error_code"`
	// Message says what went wrong.
	Message string `json:"message"`
}

// AccessCodeFailedError is returned by WaitUntilReady when the access code
// reports errors, or is being removed, so that it will not become ready by
// waiting. It matches ErrAccessCodeFailed.
type AccessCodeFailedError struct {
	// AccessCode is the code as last read.
	AccessCode *gen.AccessCode
	// Issues are its errors (none when it is being removed).
	Issues []AccessCodeIssue
}

// Error lists the access code's errors.
func (e *AccessCodeFailedError) Error() string {
	id, status := "", ""
	if e.AccessCode != nil {
		id, status = e.AccessCode.AccessCodeId, string(e.AccessCode.Status)
	}
	if len(e.Issues) == 0 {
		return fmt.Sprintf("seam: access code %s will not become ready: status %q", id, status)
	}
	parts := make([]string, len(e.Issues))
	for i, is := range e.Issues {
		parts[i] = is.Code + ": " + is.Message
	}
	return fmt.Sprintf("seam: access code %s (status %q) reports errors: %s", id, status, strings.Join(parts, "; "))
}

// Is reports whether target is ErrAccessCodeFailed.
func (e *AccessCodeFailedError) Is(target error) bool { return target == ErrAccessCodeFailed }

// AccessCodeNotReadyError is returned by WaitUntilReady when the access
// code is not ready when the wait ends: its timeout elapsed, or the context
// was done (then Unwrap returns the context's error). It matches
// ErrAccessCodeNotReady.
type AccessCodeNotReadyError struct {
	// AccessCode is the code as last read (nil if it never was).
	AccessCode *gen.AccessCode
	// ID is the access_code_id waited for.
	ID string
	// Waited is how long the wait lasted.
	Waited time.Duration
	cause  error
}

// Error describes the timeout and the last status seen.
func (e *AccessCodeNotReadyError) Error() string {
	msg := fmt.Sprintf("seam: access code %s not ready after %s", e.ID, e.Waited.Round(time.Millisecond))
	if e.AccessCode != nil {
		msg += fmt.Sprintf(" (status %q)", e.AccessCode.Status)
	}
	if e.cause != nil {
		msg += ": " + e.cause.Error()
	}
	return msg
}

// Is reports whether target is ErrAccessCodeNotReady.
func (e *AccessCodeNotReadyError) Is(target error) bool { return target == ErrAccessCodeNotReady }

// Unwrap returns the context error that ended the wait, if any.
func (e *AccessCodeNotReadyError) Unwrap() error { return e.cause }

// IsAccessCodeReady reports whether ac is ready to be used: for an offline
// code, its PIN has been assigned (code set, is_waiting_for_code_assignment
// not true); for any other code, status "set".
func IsAccessCodeReady(ac *gen.AccessCode) bool {
	if ac == nil {
		return false
	}
	if ac.IsOfflineAccessCode {
		waiting := ac.IsWaitingForCodeAssignment != nil && *ac.IsWaitingForCodeAssignment
		code, _ := ac.Code.Get()
		return code != "" && !waiting
	}
	return ac.Status == gen.AccessCodeStatusSet
}

// WaitUntilReady polls the access code accessCodeID (GET /access_codes/get)
// until IsAccessCodeReady, and returns it. It fails with an
// *AccessCodeFailedError as soon as the code reports errors or status
// "removing", and with an *AccessCodeNotReadyError when it is still not
// ready at the end of the wait. Warnings do not stop the wait.
//
// The wait uses the action attempt settings of the call: it lasts at most
// WithActionAttemptTimeout (default 10 s; real locks often need longer, so
// pass e.g. seam.WithActionAttemptTimeout(2*time.Minute)), clamped to ctx's
// deadline, and polls every WithActionAttemptPollInterval (default 1 s),
// the first time at once.
//
// Each poll is bounded by what is left of the wait (its timeout, or ctx's
// deadline if earlier), so a slow or retried poll cannot make the wait
// outlast it; cancelling ctx ends it at once.
//
// A time-bound online code is programmed only shortly before its starts_at:
// until then it stays "unset" and waiting for it times out.
func (s *AccessCodesService) WaitUntilReady(ctx context.Context, accessCodeID string, opts ...Option) (*gen.AccessCode, error) {
	if err := required("access_code_id", accessCodeID); err != nil {
		return nil, err
	}
	ctx, cfg, err := s.c.begin(ctx, opts)
	if err != nil {
		return nil, err
	}
	var last *gen.AccessCode
	end, err := newPoller(cfg).run(ctx, true, func(ctx context.Context) (bool, error) {
		// ctx carries the call's settings: Get applies them.
		code, err := s.Get(ctx, accessCodeID)
		if err != nil {
			return false, err
		}
		last = code
		if err := accessCodeFailure(last); err != nil {
			return false, err
		}
		if IsAccessCodeReady(last) {
			return true, nil
		}
		cfg.logger.Debug("seam: access code not ready", "access_code_id", accessCodeID, "status", string(last.Status))
		return false, nil
	})
	switch {
	case err != nil:
		return last, err
	case end != nil:
		return last, &AccessCodeNotReadyError{AccessCode: last, ID: accessCodeID, Waited: end.waited, cause: end.cause}
	}
	return last, nil
}

// accessCodeFailure returns an *AccessCodeFailedError when ac reports
// errors or is being removed.
func accessCodeFailure(ac *gen.AccessCode) error {
	if len(ac.Errors) > 0 {
		return &AccessCodeFailedError{AccessCode: ac, Issues: accessCodeIssues(ac.Errors)}
	}
	if ac.Status == gen.AccessCodeStatusRemoving {
		return &AccessCodeFailedError{AccessCode: ac}
	}
	return nil
}

// accessCodeIssues reads the error_code and message of each error.
func accessCodeIssues(errs []gen.AccessCodeErrors) []AccessCodeIssue {
	out := make([]AccessCodeIssue, 0, len(errs))
	for _, e := range errs {
		var is AccessCodeIssue
		if raw, err := e.MarshalJSON(); err == nil {
			_ = unmarshal(raw, &is)
		}
		if is.Code == "" {
			is.Code = "unknown_error"
		}
		out = append(out, is)
	}
	return out
}
