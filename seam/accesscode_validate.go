package seam

import (
	"context"
	"fmt"
	"time"

	"github.com/seamgo/seam-go/gen"
)

// Code length bounds of the code parameter (the spec's minLength and
// maxLength; its pattern is ^\d+$).
const (
	codeMinLength = 4
	codeMaxLength = 12
)

// accessCodeOp is an operation that takes access code settings.
type accessCodeOp struct {
	// path is the API path, for error messages.
	path string
	// accepts lists the parameters the operation takes.
	accepts map[string]bool
	// full is true when the request describes a whole new code (create), so
	// that rules about missing parameters apply; an update only changes what
	// it names.
	full bool
	// ongoing is true when the Ongoing preset means something here.
	ongoing bool
}

// params returns a set of parameter names.
func params(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

var (
	opCreate = accessCodeOp{path: "/access_codes/create", full: true, ongoing: true, accepts: params(
		paramName, paramCode, paramStartsAt, paramEndsAt, paramCommonCodeKey, paramPreferNativeScheduling,
		paramAllowExternalModification, paramIsExternalModificationAllowed, paramUseBackupAccessCodePool,
		paramAttemptForOfflineDevice, paramIsOfflineAccessCode, paramIsOneTimeUse, paramMaxTimeRounding,
		paramPreferredCodeLength, paramUseOfflineAccessCode, paramCheckDevice)}
	opCreateMultiple = accessCodeOp{path: "/access_codes/create_multiple", full: true, ongoing: true, accepts: params(
		paramName, paramCode, paramStartsAt, paramEndsAt, paramPreferNativeScheduling,
		paramAllowExternalModification, paramIsExternalModificationAllowed, paramUseBackupAccessCodePool,
		paramAttemptForOfflineDevice, paramPreferredCodeLength, paramCodeSharing)}
	opUpdate = accessCodeOp{path: "/access_codes/update", ongoing: true, accepts: params(
		paramName, paramCode, paramStartsAt, paramEndsAt, paramPreferNativeScheduling,
		paramAllowExternalModification, paramIsExternalModificationAllowed, paramUseBackupAccessCodePool,
		paramAttemptForOfflineDevice, paramIsOfflineAccessCode, paramIsOneTimeUse, paramMaxTimeRounding,
		paramPreferredCodeLength, paramUseOfflineAccessCode)}
	opUpdateMultiple = accessCodeOp{path: "/access_codes/update_multiple", accepts: params(
		paramName, paramStartsAt, paramEndsAt)}
)

// validate checks p for op before any request is sent; now is the current
// time (ends_at must be after it). The first broken rule is returned as a
// *ValidationError.
func (p *accessCodeParams) validate(op accessCodeOp, now time.Time) error {
	for _, param := range p.set {
		if !op.accepts[param] {
			return &ValidationError{Param: param, Rule: "is not accepted by " + op.path}
		}
	}
	if p.preset == presetOngoing && !op.ongoing {
		return &ValidationError{Param: paramType, Rule: "Ongoing is not accepted by " + op.path}
	}
	if err := p.checkFields(now); err != nil {
		return err
	}
	if op.full {
		if err := p.checkComplete(); err != nil {
			return err
		}
	}
	if err := p.checkPreset(); err != nil {
		return err
	}
	return p.checkTimePair()
}

// checkFields checks the rules that hold whatever else the request or the
// existing code says.
func (p *accessCodeParams) checkFields(now time.Time) error {
	if p.code != nil {
		if err := checkCode(*p.code); err != nil {
			return err
		}
	}
	if p.preferredCodeLength != nil {
		if *p.preferredCodeLength <= 0 {
			return &ValidationError{Param: paramPreferredCodeLength, Rule: fmt.Sprintf("must be positive (is %d)", *p.preferredCodeLength)}
		}
		if p.code != nil {
			return &ValidationError{Param: paramPreferredCodeLength, Rule: "applies only when no code is given"}
		}
	}
	if r := p.maxTimeRounding; r != nil && !r.isHour() && !r.isDay() {
		return &ValidationError{Param: paramMaxTimeRounding, Rule: fmt.Sprintf("must be one of \"1h\", \"1d\", \"1hour\", \"1day\" (is %q)", string(*r))}
	}
	if err := checkExternalModification(p.allowExternalModification, p.isExternalModificationAllowed); err != nil {
		return err
	}
	if p.startsAt != nil && p.endsAt != nil && !p.endsAt.After(*p.startsAt) {
		return &ValidationError{Param: paramEndsAt, Rule: fmt.Sprintf("must be after starts_at (ends_at %s, starts_at %s)",
			wireTime(*p.endsAt), wireTime(*p.startsAt))}
	}
	if p.endsAt != nil && !p.endsAt.After(now) {
		return &ValidationError{Param: paramEndsAt, Rule: fmt.Sprintf("must be in the future (ends_at %s, now %s)",
			wireTime(*p.endsAt), wireTime(now))}
	}
	if p.code != nil && p.offline() {
		return &ValidationError{Param: paramCode, Rule: "cannot be chosen for an offline access code: the lock's manufacturer computes it"}
	}
	if p.oneTimeUse() && p.endsAt != nil {
		return &ValidationError{Param: paramEndsAt, Rule: "must not be set for a one-time-use code (is_one_time_use): it works once within 24 hours of starts_at"}
	}
	return nil
}

// checkComplete checks the rules about what a new code must (not) combine.
func (p *accessCodeParams) checkComplete() error {
	if p.oneTimeUse() && !p.offline() {
		return &ValidationError{Param: paramIsOneTimeUse, Rule: "needs an offline access code (is_offline_access_code true)"}
	}
	if p.maxTimeRounding != nil && !p.offline() {
		return &ValidationError{Param: paramMaxTimeRounding, Rule: "applies only to offline access codes (is_offline_access_code true)"}
	}
	if p.offline() {
		if p.startsAt == nil {
			return &ValidationError{Param: paramStartsAt, Rule: "is required for an offline access code"}
		}
		if !p.oneTimeUse() && p.endsAt == nil {
			return &ValidationError{Param: paramEndsAt, Rule: "is required for an offline access code that is not one-time-use"}
		}
	}
	return nil
}

// checkCode checks a PIN against the spec: ^\d+$, 4 to 12 characters. The
// error never repeats the code.
func checkCode(code string) error {
	return checkCodeLength(code, codeMaxLength)
}

// checkCodeLength checks that code has 4 to maxLength characters, all
// digits.
func checkCodeLength(code string, maxLength int) error {
	if n := len(code); n < codeMinLength || n > maxLength {
		return &ValidationError{Param: paramCode, Rule: fmt.Sprintf("must be %d to %d digits long (has %d characters)", codeMinLength, maxLength, n)}
	}
	for i := 0; i < len(code); i++ {
		if code[i] < '0' || code[i] > '9' {
			return &ValidationError{Param: paramCode, Rule: "must contain only the digits 0-9"}
		}
	}
	return nil
}

// offline reports whether the request asks for an offline access code.
func (p *accessCodeParams) offline() bool {
	return (p.isOfflineAccessCode != nil && *p.isOfflineAccessCode) ||
		(p.useOfflineAccessCode != nil && *p.useOfflineAccessCode)
}

// oneTimeUse reports whether the request asks for a one-time-use code.
func (p *accessCodeParams) oneTimeUse() bool {
	return p.isOneTimeUse != nil && *p.isOneTimeUse
}

// ruleBothTimes is the rule the API applies to starts_at and ends_at ("Both
// starts_at and ends_at must be provided if one is").
const ruleBothTimes = "starts_at and ends_at go together: give both or neither " +
	"(only a one-time-use offline code takes starts_at alone); " +
	"to extend a stay, send the current starts_at with the new ends_at, e.g. TimeBound(start, newEnd)"

// checkTimePair refuses starts_at without ends_at and the reverse, as the
// API does, except for a one-time-use code, which takes starts_at alone.
func (p *accessCodeParams) checkTimePair() error {
	switch {
	case p.startsAt != nil && p.endsAt == nil && !p.oneTimeUse():
		return &ValidationError{Param: paramEndsAt, Rule: "is missing: " + ruleBothTimes}
	case p.startsAt == nil && p.endsAt != nil:
		return &ValidationError{Param: paramStartsAt, Rule: "is missing: " + ruleBothTimes}
	}
	return nil
}

// ruleKeepSchedule is why Update refuses to change a time-bound code
// without its times.
const ruleKeepSchedule = "is required to update a time-bound access code: an update without starts_at and ends_at " +
	"may turn the code ongoing (the official fake server does so); send both, e.g. TimeBound(code.StartsAt, code.EndsAt) " +
	"to keep the schedule, or Ongoing to make the code ongoing on purpose"

// checkScheduleKept refuses, before the update is sent, an update of the
// time-bound access code accessCodeID that says nothing of its schedule
// (neither starts_at, ends_at nor Ongoing). It reads the code (GET
// /access_codes/get) only in that case.
func (s *AccessCodesService) checkScheduleKept(ctx context.Context, accessCodeID string, p *accessCodeParams) error {
	if p.startsAt != nil || p.endsAt != nil || p.preset == presetOngoing {
		return nil
	}
	code, err := s.Get(ctx, accessCodeID, withoutParams(p.call)...)
	if err != nil {
		return err
	}
	if code.Type == gen.AccessCodeTypeTimeBound {
		return &ValidationError{Param: paramStartsAt, Rule: ruleKeepSchedule}
	}
	return nil
}
