package seam

import (
	"context"

	"iter"

	"github.com/seamgo/seam-go/gen"
)

// List returns one page of the unmanaged access codes of params.DeviceId
// (GET /access_codes/unmanaged/list). Set params.PageCursor to a Page's
// NextPageCursor to get the next page.
func (s *AccessCodesUnmanagedService) List(ctx context.Context, params *gen.AccessCodesUnmanagedListGetParams, opts ...Option) (*Page[gen.UnmanagedAccessCode], error) {
	return list(s.c, ctx, opts, unmanagedListEndpoint, params, s.c.api.AccessCodesUnmanagedListGet, unmanagedListPager)
}

// All iterates over the unmanaged access codes of every page of List, from
// params.PageCursor on.
func (s *AccessCodesUnmanagedService) All(ctx context.Context, params *gen.AccessCodesUnmanagedListGetParams, opts ...Option) iter.Seq2[gen.UnmanagedAccessCode, error] {
	return all(s.c, ctx, opts, unmanagedListEndpoint, params, s.c.api.AccessCodesUnmanagedListGet, unmanagedListPager)
}

// unmanagedListEndpoint and unmanagedListPager describe
// /access_codes/unmanaged/list.
var (
	unmanagedListEndpoint = endpoint{path: "/access_codes/unmanaged/list", required: []string{"device_id"}, key: "access_codes"}
	unmanagedListPager    = pager[*gen.AccessCodesUnmanagedListGetParams, *gen.AccessCodesUnmanagedListResponseBody, gen.UnmanagedAccessCode]{
		cursor: func(p *gen.AccessCodesUnmanagedListGetParams) any { return &p.PageCursor },
		items: func(b *gen.AccessCodesUnmanagedListResponseBody) ([]gen.UnmanagedAccessCode, gen.Pagination) {
			return b.AccessCodes, b.Pagination
		},
	}
)

// Get returns the unmanaged access code accessCodeID (GET
// /access_codes/unmanaged/get).
func (s *AccessCodesUnmanagedService) Get(ctx context.Context, accessCodeID string, opts ...Option) (*gen.UnmanagedAccessCode, error) {
	if err := required("access_code_id", accessCodeID); err != nil {
		return nil, err
	}
	return s.get(ctx, gen.AccessCodesUnmanagedGetGetParams{AccessCodeId: &accessCodeID}, opts)
}

// GetByCode returns the unmanaged access code of device deviceID whose PIN
// is code (GET /access_codes/unmanaged/get).
func (s *AccessCodesUnmanagedService) GetByCode(ctx context.Context, deviceID, code string, opts ...Option) (*gen.UnmanagedAccessCode, error) {
	if err := required("device_id", deviceID); err != nil {
		return nil, err
	}
	if err := required("code", code); err != nil {
		return nil, err
	}
	return s.get(ctx, gen.AccessCodesUnmanagedGetGetParams{DeviceId: &deviceID, Code: &code}, opts)
}

func (s *AccessCodesUnmanagedService) get(ctx context.Context, params gen.AccessCodesUnmanagedGetGetParams, opts []Option) (*gen.UnmanagedAccessCode, error) {
	return value(s.c, ctx, opts, endpoint{path: "/access_codes/unmanaged/get", key: "access_code"}, &params, s.c.api.AccessCodesUnmanagedGetGet,
		func(b *gen.AccessCodesUnmanagedGetResponseBody) *gen.UnmanagedAccessCode { return &b.AccessCode })
}

// Update changes an unmanaged access code (POST
// /access_codes/unmanaged/update, never replayed). body must not be nil, and
// body.AccessCodeId is required; AllowExternalModification and IsExternalModificationAllowed,
// synonyms, must agree when both are set.
func (s *AccessCodesUnmanagedService) Update(ctx context.Context, body *gen.AccessCodesUnmanagedUpdateRequestBody, opts ...Option) error {
	if body != nil {
		if err := checkExternalModification(body.AllowExternalModification, body.IsExternalModificationAllowed); err != nil {
			return err
		}
	}
	return run(s.c, ctx, opts, endpoint{path: "/access_codes/unmanaged/update", required: []string{"access_code_id"}}, body, byValue(s.c.api.AccessCodesUnmanagedUpdatePost))
}

// ConvertToManaged makes an unmanaged access code managed by Seam (POST
// /access_codes/unmanaged/convert_to_managed, never replayed). body must not
// be nil, and body.AccessCodeId is required; set body.Force to take over a code managed
// by another workspace. The answer carries no action attempt to wait for:
// Get the code (AccessCodesService.Get) to follow the conversion.
func (s *AccessCodesUnmanagedService) ConvertToManaged(ctx context.Context, body *gen.AccessCodesUnmanagedConvertToManagedRequestBody, opts ...Option) error {
	if body != nil {
		if err := checkExternalModification(body.AllowExternalModification, body.IsExternalModificationAllowed); err != nil {
			return err
		}
	}
	return run(s.c, ctx, opts, endpoint{path: "/access_codes/unmanaged/convert_to_managed", required: []string{"access_code_id"}}, body,
		byValue(s.c.api.AccessCodesUnmanagedConvertToManagedPost))
}
