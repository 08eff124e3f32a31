package seam

import (
	"context"
	"errors"
	"time"

	"github.com/seamgo/seam-go/gen"
	"github.com/seamgo/seam-go/seam/internal/accessrules"
)

// The operations of the access-code builders (what each accepts): the
// rules' values, named here for the service methods.
var (
	opCreate         = accessrules.Create
	opCreateMultiple = accessrules.CreateMultiple
	opUpdate         = accessrules.Update
	opUpdateMultiple = accessrules.UpdateMultiple
)

// ruleErr turns a broken rule of accessrules into the *ValidationError the
// package returns (same Param and Rule); other errors pass through.
func ruleErr(err error) error {
	var v *accessrules.Violation
	if errors.As(err, &v) {
		return &ValidationError{Param: v.Param, Rule: v.Rule}
	}
	return err
}

// validate checks p for op before any request is sent; now is the current
// time (ends_at must be after it). The first broken rule is returned as a
// *ValidationError.
func (p *accessCodeParams) validate(op accessrules.Op, now time.Time) error {
	return ruleErr(accessrules.Validate(&p.Request, op, now))
}

// checkCode checks a PIN against the spec: ^\d+$, 4 to 12 characters. The
// error never repeats the code.
func checkCode(code string) error { return checkCodeLength(code, accessrules.CodeMaxLength) }

// checkCodeLength checks that code has 4 to maxLength characters, all
// digits.
func checkCodeLength(code string, maxLength int) error {
	return ruleErr(accessrules.CheckCode(code, maxLength))
}

// checkExternalModification refuses the two synonyms with different values.
func checkExternalModification(allow, isAllowed *bool) error {
	return ruleErr(accessrules.CheckExternalModification(allow, isAllowed))
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
	if p.StartsAt != nil || p.EndsAt != nil || p.Preset == accessrules.PresetOngoing {
		return nil
	}
	code, err := s.Get(ctx, accessCodeID, withoutParams(p.call)...)
	if err != nil {
		return err
	}
	if code.Type == gen.AccessCodeTypeTimeBound {
		return &ValidationError{Param: accessrules.ParamStartsAt, Rule: ruleKeepSchedule}
	}
	return nil
}
