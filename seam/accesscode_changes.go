package seam

import (
	"context"
	"fmt"

	"github.com/seamgo/seam-go/gen"
)

// Update changes the access code accessCodeID (POST /access_codes/update,
// never replayed) with the settings in opts, and, unless
// WithWaitForActionAttempts(false), waits for the UPDATE_ACCESS_CODE action
// attempt to end: it returns the successful attempt, or an
// *ActionAttemptFailedError or *ActionAttemptTimeoutError.
//
// Only the parameters given change. TimeBound (or WithStartsAt and
// WithEndsAt) reschedules the code; Ongoing turns it into an ongoing code
// (type "ongoing"). The rules of Create that concern the values given apply;
// common_code_key and CheckDevice are refused. Offline access codes cannot
// be changed through the API.
//
// starts_at and ends_at go together, as the API requires: one without the
// other is refused before sending. To extend a stay, send both, the
// current start with the new end:
//
//	code, err := client.AccessCodes.Get(ctx, codeID)
//	// …
//	_, err = client.AccessCodes.Update(ctx, codeID, seam.TimeBound(*code.StartsAt, newEnd))
//
// An update that says nothing of the schedule (neither times nor Ongoing)
// first reads the code (GET /access_codes/get), and is refused with a
// *ValidationError when the code is time-bound: Seam documents that a code
// turns ongoing only when asked (type "ongoing"), but the official fake
// server turns a time-bound code ongoing on such an update, so a rename
// could silently drop a stay's end. Send the times with the new name to
// keep them (TimeBound(*code.StartsAt, *code.EndsAt)).
func (s *AccessCodesService) Update(ctx context.Context, accessCodeID string, opts ...AccessCodeOption) (*gen.ActionAttempt, error) {
	if err := required("access_code_id", accessCodeID); err != nil {
		return nil, err
	}
	p, err := s.prepare(opUpdate, opts)
	if err != nil {
		return nil, err
	}
	if err := s.checkScheduleKept(ctx, accessCodeID, p); err != nil {
		return nil, err
	}
	body := p.updateBody(accessCodeID)
	return attempt(s.c, ctx, p.call, endpoint{path: "/access_codes/update"}, &body, byValue(s.c.api.AccessCodesUpdatePost),
		func(b *gen.AccessCodesUpdateResponseBody) *gen.ActionAttempt { return &b.ActionAttempt })
}

// UpdateMultiple changes every access code linked by commonCodeKey (POST
// /access_codes/update_multiple, never replayed). It takes only WithCodeName,
// WithStartsAt, WithEndsAt and TimeBound, with the rules of Create.
func (s *AccessCodesService) UpdateMultiple(ctx context.Context, commonCodeKey string, opts ...AccessCodeOption) error {
	if err := required("common_code_key", commonCodeKey); err != nil {
		return err
	}
	p, err := s.prepare(opUpdateMultiple, opts)
	if err != nil {
		return err
	}
	body := p.updateMultipleBody(commonCodeKey)
	return run(s.c, ctx, p.call, endpoint{path: "/access_codes/update_multiple"}, &body, byValue(s.c.api.AccessCodesUpdateMultiplePost))
}

// GenerateCode asks for a PIN that suits the device deviceID, without
// creating anything (GET /access_codes/generate_code), and returns the
// answer's generated_code (the spec's x-response-key), an access code whose
// Code is the PIN. Code may be nil: the spec allows generated_code.code to
// be null, and GenerateCode then returns the object without an error.
func (s *AccessCodesService) GenerateCode(ctx context.Context, deviceID string, opts ...Option) (*gen.AccessCode, error) {
	if err := required("device_id", deviceID); err != nil {
		return nil, err
	}
	return value(s.c, ctx, opts, endpoint{path: "/access_codes/generate_code", key: "generated_code"},
		&gen.AccessCodesGenerateCodeGetParams{DeviceId: deviceID}, s.c.api.AccessCodesGenerateCodeGet,
		func(b *gen.AccessCodesGenerateCodeResponseBody) *gen.AccessCode {
			if b.GeneratedCode.DeviceId == "" && !b.GeneratedCode.Code.IsSpecified() {
				return nil // no generated_code in the answer
			}
			return &b.GeneratedCode
		})
}

// PullBackupAccessCode takes a backup access code from the pool of the
// access code accessCodeID (POST /access_codes/pull_backup_access_code,
// never replayed; the code must have been created with
// WithBackupAccessCodePool(true)) and returns the backup code. Pulling
// again returns the same backup code.
//
// It returns the answer's access_code, the spec's x-response-key. The API
// also sends the same code under backup_access_code (the spec requires
// both), and the official fake sends only that one: PullBackupAccessCode
// falls back to backup_access_code when access_code is absent, and fails
// when the answer has neither.
func (s *AccessCodesService) PullBackupAccessCode(ctx context.Context, accessCodeID string, opts ...Option) (*gen.AccessCode, error) {
	if err := required("access_code_id", accessCodeID); err != nil {
		return nil, err
	}
	return value(s.c, ctx, opts, endpoint{path: "/access_codes/pull_backup_access_code", key: "access_code and no backup_access_code"},
		&gen.AccessCodesPullBackupAccessCodeRequestBody{AccessCodeId: accessCodeID}, byValue(s.c.api.AccessCodesPullBackupAccessCodePost),
		func(b *gen.AccessCodesPullBackupAccessCodeResponseBody) *gen.AccessCode {
			switch {
			case b.AccessCode.AccessCodeId != "":
				return &b.AccessCode
			case b.BackupAccessCode.AccessCodeId != "":
				return &b.BackupAccessCode
			}
			return nil
		})
}

// CodeLengthConstraints are the PIN lengths a device accepts, for
// ReportDeviceConstraints: either Min and Max, or Supported. Each length is
// 4 to 20.
type CodeLengthConstraints struct {
	// Min and Max bound the length (0: not given).
	Min, Max int
	// Supported lists the accepted lengths.
	Supported []int
}

// Bounds of a code length in ReportDeviceConstraints (the spec's minimum
// and maximum).
const (
	constraintMinLength = 4
	constraintMaxLength = 20
)

// ReportDeviceConstraints tells Seam which PIN lengths the device deviceID
// accepts (POST /access_codes/report_device_constraints, never replayed).
// Lengths outside 4..20, Min above Max, nothing given, or both Min/Max and
// Supported, are refused before sending.
func (s *AccessCodesService) ReportDeviceConstraints(ctx context.Context, deviceID string, lengths CodeLengthConstraints, opts ...Option) error {
	if err := required("device_id", deviceID); err != nil {
		return err
	}
	body := gen.AccessCodesReportDeviceConstraintsRequestBody{DeviceId: deviceID}
	if err := lengths.fill(&body); err != nil {
		return err
	}
	return run(s.c, ctx, opts, endpoint{path: "/access_codes/report_device_constraints"}, &body, byValue(s.c.api.AccessCodesReportDeviceConstraintsPost))
}

// fill checks c and writes it into body.
func (c CodeLengthConstraints) fill(body *gen.AccessCodesReportDeviceConstraintsRequestBody) error {
	check := func(param string, n int) error {
		if n < constraintMinLength || n > constraintMaxLength {
			return &ValidationError{Param: param, Rule: fmt.Sprintf("must be %d to %d (is %d)", constraintMinLength, constraintMaxLength, n)}
		}
		return nil
	}
	hasRange := c.Min != 0 || c.Max != 0
	switch {
	case hasRange && len(c.Supported) > 0:
		return &ValidationError{Param: "supported_code_lengths", Rule: "cannot be given with min_code_length or max_code_length"}
	case len(c.Supported) > 0:
		for _, n := range c.Supported {
			if err := check("supported_code_lengths", n); err != nil {
				return err
			}
		}
		body.SupportedCodeLengths = Ptr(append([]int(nil), c.Supported...))
	case hasRange:
		if c.Min != 0 {
			if err := check("min_code_length", c.Min); err != nil {
				return err
			}
			body.MinCodeLength = Ptr(c.Min)
		}
		if c.Max != 0 {
			if err := check("max_code_length", c.Max); err != nil {
				return err
			}
			body.MaxCodeLength = Ptr(c.Max)
		}
		if c.Min != 0 && c.Max != 0 && c.Min > c.Max {
			return &ValidationError{Param: "min_code_length", Rule: fmt.Sprintf("must not exceed max_code_length (%d > %d)", c.Min, c.Max)}
		}
	default:
		return &ValidationError{Param: "supported_code_lengths", Rule: "give supported_code_lengths, or min_code_length and/or max_code_length"}
	}
	return nil
}

// simulatedCodeMaxLength is the longest code the simulation takes (the
// spec's maxLength).
const simulatedCodeMaxLength = 8

// CreateUnmanagedAccessCode creates an unmanaged access code on a sandbox
// device, as if it had been set outside Seam (POST
// /access_codes/simulate/create_unmanaged_access_code, never replayed). The
// code must be 4 to 8 digits.
func (s *AccessCodesSimulateService) CreateUnmanagedAccessCode(ctx context.Context, deviceID, name, code string, opts ...Option) (*gen.UnmanagedAccessCode, error) {
	if err := required("device_id", deviceID); err != nil {
		return nil, err
	}
	if err := required("name", name); err != nil {
		return nil, err
	}
	if err := checkCodeLength(code, simulatedCodeMaxLength); err != nil {
		return nil, err
	}
	return value(s.c, ctx, opts, endpoint{path: "/access_codes/simulate/create_unmanaged_access_code", key: "access_code"},
		&gen.AccessCodesSimulateCreateUnmanagedAccessCodeRequestBody{DeviceId: deviceID, Name: name, Code: code},
		byValue(s.c.api.AccessCodesSimulateCreateUnmanagedAccessCodePost),
		func(b *gen.AccessCodesSimulateCreateUnmanagedAccessCodeResponseBody) *gen.UnmanagedAccessCode {
			return &b.AccessCode
		})
}
