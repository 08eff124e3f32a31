package seam

import (
	"context"
	"iter"
	"time"

	"github.com/seamgo/seam-go/gen"
	"github.com/seamgo/seam-go/seam/internal/accessrules"
)

// clock returns the current time (Client.now, for tests, else time.Now).
func (s *AccessCodesService) clock() time.Time {
	if s.c.now != nil {
		return s.c.now()
	}
	return time.Now()
}

// prepare applies opts and checks them for op.
func (s *AccessCodesService) prepare(op accessrules.Op, opts []AccessCodeOption) (*accessCodeParams, error) {
	p, err := collectParams(opts)
	if err != nil {
		return nil, err
	}
	if err := p.validate(op, s.clock()); err != nil {
		return nil, err
	}
	return p, nil
}

// Create creates an access code on the device deviceID (POST
// /access_codes/create, never replayed) and returns it as the API answered,
// usually with status "setting" (ongoing) or "unset" (time-bound, offline).
// It does not wait for the code to be programmed: see WaitUntilReady.
//
// Create, CreateWithAttempt, CreateMultiple, Update and UpdateMultiple take
// AccessCodeOption arguments: settings of the code (WithCode, presets such
// as TimeBound or DailyBoundOffline, …) mixed with per-call Options
// (WithTimeout, …). They check every setting before sending anything and
// report a broken rule as a *ValidationError naming the parameter.
//
// Without settings it creates an ongoing code with a name and PIN chosen by
// Seam. The five cases of the guide:
//
//	client.AccessCodes.Create(ctx, lockID, seam.Ongoing("my ongoing code", "1234"))
//	client.AccessCodes.Create(ctx, lockID, seam.TimeBound(start, end), seam.WithCodeName("my time-bound code"), seam.WithCode("2345"))
//	client.AccessCodes.Create(ctx, lockID, seam.HourlyBoundOffline(start, end), seam.WithCodeName("my hourly-bound offline code"))
//	client.AccessCodes.Create(ctx, lockID, seam.DailyBoundOffline(start, end), seam.WithCodeName("my daily-bound offline code"))
//	client.AccessCodes.Create(ctx, lockID, seam.OneTimeUseOffline(start), seam.WithCodeName("my one-time-use offline code"))
//
// Before any request it refuses, with a *ValidationError: an empty
// deviceID; a code that is not 4 to 12 digits; preferred_code_length with
// a code; an unknown max_time_rounding; allow_external_modification and
// is_external_modification_allowed with different values; ends_at not after
// starts_at, or not in the future; a code chosen for an offline code;
// is_one_time_use without an offline code, or with ends_at;
// max_time_rounding without an offline code; an offline code without
// starts_at, or (unless one-time-use) without ends_at; and the rules of
// the preset used, if any.
func (s *AccessCodesService) Create(ctx context.Context, deviceID string, opts ...AccessCodeOption) (*gen.AccessCode, error) {
	code, _, err := s.CreateWithAttempt(ctx, deviceID, opts...)
	return code, err
}

// CreateWithAttempt is Create that also returns the CREATE_ACCESS_CODE
// action attempt of the answer (nil when the answer has none), without
// waiting for it; pass it to Client.WaitForActionAttempt to wait.
func (s *AccessCodesService) CreateWithAttempt(ctx context.Context, deviceID string, opts ...AccessCodeOption) (*gen.AccessCode, *gen.ActionAttempt, error) {
	if err := required("device_id", deviceID); err != nil {
		return nil, nil, err
	}
	p, err := s.prepare(opCreate, opts)
	if err != nil {
		return nil, nil, err
	}
	if p.checkDevice {
		device, err := s.c.Devices.Get(ctx, deviceID, withoutParams(p.call)...)
		if err != nil {
			return nil, nil, err
		}
		if err := p.checkFor(device); err != nil {
			return nil, nil, err
		}
	}
	body := p.createBody(deviceID)
	res, err := value(s.c, ctx, p.call, endpoint{path: "/access_codes/create", key: "access_code"}, &body, byValue(s.c.api.AccessCodesCreatePost),
		func(b *gen.AccessCodesCreateResponseBody) *gen.AccessCodesCreateResponseBody { return b })
	if err != nil {
		return nil, nil, err
	}
	return &res.AccessCode, presentAttempt(&res.ActionAttempt), nil
}

// CreateMultiple creates access codes sharing one PIN on the devices
// deviceIDs (POST /access_codes/create_multiple, never replayed) and returns
// them. Unless a code is given (WithCode), Seam links them by a
// common_code_key, for UpdateMultiple. It takes name, code, times and
// WithCodeSharing (what to do with a device that cannot share the code),
// but no offline settings and no common_code_key, with the rules of Create.
func (s *AccessCodesService) CreateMultiple(ctx context.Context, deviceIDs []string, opts ...AccessCodeOption) ([]gen.AccessCode, error) {
	if len(deviceIDs) == 0 {
		return nil, &ValidationError{Param: "device_ids", Rule: "is required"}
	}
	for _, id := range deviceIDs {
		if id == "" {
			return nil, &ValidationError{Param: "device_ids", Rule: "must not contain an empty id"}
		}
	}
	p, err := s.prepare(opCreateMultiple, opts)
	if err != nil {
		return nil, err
	}
	if p.CodeSharing != nil && *p.CodeSharing != string(CodeSharingFail) && *p.CodeSharing != string(CodeSharingRandomCode) {
		return nil, &ValidationError{Param: accessrules.ParamCodeSharing, Rule: "must be \"throw\" or \"create_random_code\""}
	}
	body := p.createMultipleBody(deviceIDs)
	return value(s.c, ctx, p.call, endpoint{path: "/access_codes/create_multiple", key: "access_codes"}, &body, byValue(s.c.api.AccessCodesCreateMultiplePost),
		func(b *gen.AccessCodesCreateMultipleResponseBody) []gen.AccessCode { return b.AccessCodes })
}

// Get returns the access code accessCodeID (GET /access_codes/get).
func (s *AccessCodesService) Get(ctx context.Context, accessCodeID string, opts ...Option) (*gen.AccessCode, error) {
	if err := required("access_code_id", accessCodeID); err != nil {
		return nil, err
	}
	return s.get(ctx, gen.AccessCodesGetGetParams{AccessCodeId: &accessCodeID}, opts)
}

// GetByCode returns the access code of device deviceID whose PIN is code
// (GET /access_codes/get).
func (s *AccessCodesService) GetByCode(ctx context.Context, deviceID, code string, opts ...Option) (*gen.AccessCode, error) {
	if err := required("device_id", deviceID); err != nil {
		return nil, err
	}
	if err := required("code", code); err != nil {
		return nil, err
	}
	return s.get(ctx, gen.AccessCodesGetGetParams{DeviceId: &deviceID, Code: &code}, opts)
}

func (s *AccessCodesService) get(ctx context.Context, params gen.AccessCodesGetGetParams, opts []Option) (*gen.AccessCode, error) {
	return value(s.c, ctx, opts, endpoint{path: "/access_codes/get", key: "access_code"}, &params, s.c.api.AccessCodesGetGet,
		func(b *gen.AccessCodesGetResponseBody) *gen.AccessCode { return &b.AccessCode })
}

// List returns one page of the access codes params selects (GET
// /access_codes/list): set params.DeviceId, params.AccessCodeIds or another
// filter the API documents. Set params.PageCursor to a Page's
// NextPageCursor to get the next page.
func (s *AccessCodesService) List(ctx context.Context, params *gen.AccessCodesListGetParams, opts ...Option) (*Page[gen.AccessCode], error) {
	return list(s.c, ctx, opts, accessCodesListEndpoint, params, s.c.api.AccessCodesListGet, accessCodesListPager)
}

// All iterates over the access codes of every page of List, from
// params.PageCursor on, fetching each page when the previous one is used up.
func (s *AccessCodesService) All(ctx context.Context, params *gen.AccessCodesListGetParams, opts ...Option) iter.Seq2[gen.AccessCode, error] {
	return all(s.c, ctx, opts, accessCodesListEndpoint, params, s.c.api.AccessCodesListGet, accessCodesListPager)
}

// accessCodesListEndpoint and accessCodesListPager describe /access_codes/list.
var (
	accessCodesListEndpoint = endpoint{path: "/access_codes/list", key: "access_codes"}
	accessCodesListPager    = pager[*gen.AccessCodesListGetParams, *gen.AccessCodesListResponseBody, gen.AccessCode]{
		cursor: func(p *gen.AccessCodesListGetParams) any { return &p.PageCursor },
		items: func(b *gen.AccessCodesListResponseBody) ([]gen.AccessCode, gen.Pagination) {
			return b.AccessCodes, b.Pagination
		},
	}
)
