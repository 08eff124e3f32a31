package seam

import (
	"context"
	"fmt"
	"iter"

	"github.com/seamgo/seam-go/gen"
)

// UnmanagedAccessCodesService reads and manages unmanaged access codes:
// codes found on a device that were not created through Seam. Get one from
// AccessCodesService.Unmanaged.
type UnmanagedAccessCodesService struct{ c *Client }

// Unmanaged returns the service for the device's unmanaged access codes
// (/access_codes/unmanaged/…).
func (s *AccessCodesService) Unmanaged() *UnmanagedAccessCodesService {
	return &UnmanagedAccessCodesService{c: s.c}
}

// List returns one page of the unmanaged access codes of params.DeviceId
// (GET /access_codes/unmanaged/list). Set params.PageCursor to a Page's
// NextPageCursor to get the next page.
func (s *UnmanagedAccessCodesService) List(ctx context.Context, params gen.AccessCodesUnmanagedListGetParams, opts ...Option) (*Page[gen.UnmanagedAccessCode], error) {
	if err := required("device_id", params.DeviceId); err != nil {
		return nil, err
	}
	ctx, _, err := s.c.begin(ctx, opts)
	if err != nil {
		return nil, err
	}
	return s.page(ctx, params)
}

// All iterates over the unmanaged access codes of every page of List, from
// params.PageCursor on.
func (s *UnmanagedAccessCodesService) All(ctx context.Context, params gen.AccessCodesUnmanagedListGetParams, opts ...Option) iter.Seq2[gen.UnmanagedAccessCode, error] {
	if err := required("device_id", params.DeviceId); err != nil {
		return func(yield func(gen.UnmanagedAccessCode, error) bool) { yield(gen.UnmanagedAccessCode{}, err) }
	}
	return paginate(s.c, ctx, opts, deref(params.PageCursor), func(ctx context.Context, cursor string) (*Page[gen.UnmanagedAccessCode], error) {
		params.PageCursor = cursorParam(cursor)
		return s.page(ctx, params)
	})
}

func (s *UnmanagedAccessCodesService) page(ctx context.Context, p gen.AccessCodesUnmanagedListGetParams) (*Page[gen.UnmanagedAccessCode], error) {
	res, err := s.c.api.AccessCodesUnmanagedListGetWithResponse(ctx, &p)
	if err != nil {
		return nil, err
	}
	body, err := decoded(res.JSON200, res.HTTPResponse)
	if err != nil {
		return nil, err
	}
	return newPage(body.AccessCodes, body.Pagination), nil
}

// Get returns the unmanaged access code accessCodeID (GET
// /access_codes/unmanaged/get).
func (s *UnmanagedAccessCodesService) Get(ctx context.Context, accessCodeID string, opts ...Option) (*gen.UnmanagedAccessCode, error) {
	if err := required("access_code_id", accessCodeID); err != nil {
		return nil, err
	}
	return s.get(ctx, gen.AccessCodesUnmanagedGetGetParams{AccessCodeId: &accessCodeID}, opts)
}

// GetByCode returns the unmanaged access code of device deviceID whose PIN
// is code (GET /access_codes/unmanaged/get).
func (s *UnmanagedAccessCodesService) GetByCode(ctx context.Context, deviceID, code string, opts ...Option) (*gen.UnmanagedAccessCode, error) {
	if err := required("device_id", deviceID); err != nil {
		return nil, err
	}
	if err := required("code", code); err != nil {
		return nil, err
	}
	return s.get(ctx, gen.AccessCodesUnmanagedGetGetParams{DeviceId: &deviceID, Code: &code}, opts)
}

func (s *UnmanagedAccessCodesService) get(ctx context.Context, params gen.AccessCodesUnmanagedGetGetParams, opts []Option) (*gen.UnmanagedAccessCode, error) {
	ctx, _, err := s.c.begin(ctx, opts)
	if err != nil {
		return nil, err
	}
	res, err := s.c.api.AccessCodesUnmanagedGetGetWithResponse(ctx, &params)
	if err != nil {
		return nil, err
	}
	body, err := decoded(res.JSON200, res.HTTPResponse)
	if err != nil {
		return nil, err
	}
	return &body.AccessCode, nil
}

// Update changes an unmanaged access code (POST
// /access_codes/unmanaged/update, never retried). body.AccessCodeId is
// required; AllowExternalModification and IsExternalModificationAllowed,
// synonyms, must agree when both are set.
func (s *UnmanagedAccessCodesService) Update(ctx context.Context, body gen.AccessCodesUnmanagedUpdateRequestBody, opts ...Option) error {
	if err := required("access_code_id", body.AccessCodeId); err != nil {
		return err
	}
	if err := checkExternalModification(body.AllowExternalModification, body.IsExternalModificationAllowed); err != nil {
		return err
	}
	ctx, _, err := s.c.begin(ctx, opts)
	if err != nil {
		return err
	}
	res, err := s.c.api.AccessCodesUnmanagedUpdatePostWithResponse(ctx, body)
	if err != nil {
		return err
	}
	_, err = decoded(res.JSON200, res.HTTPResponse)
	return err
}

// ConvertToManaged makes an unmanaged access code managed by Seam (POST
// /access_codes/unmanaged/convert_to_managed, never retried).
// body.AccessCodeId is required; set body.Force to take over a code managed
// by another workspace. The answer carries no action attempt to wait for:
// Get the code (AccessCodesService.Get) to follow the conversion.
func (s *UnmanagedAccessCodesService) ConvertToManaged(ctx context.Context, body gen.AccessCodesUnmanagedConvertToManagedRequestBody, opts ...Option) error {
	if err := required("access_code_id", body.AccessCodeId); err != nil {
		return err
	}
	if err := checkExternalModification(body.AllowExternalModification, body.IsExternalModificationAllowed); err != nil {
		return err
	}
	ctx, _, err := s.c.begin(ctx, opts)
	if err != nil {
		return err
	}
	res, err := s.c.api.AccessCodesUnmanagedConvertToManagedPostWithResponse(ctx, body)
	if err != nil {
		return err
	}
	_, err = decoded(res.JSON200, res.HTTPResponse)
	return err
}

// Delete deletes the unmanaged access code accessCodeID from its device
// (POST /access_codes/unmanaged/delete, never retried) and waits for the
// DELETE_ACCESS_CODE action attempt as AccessCodesService.Delete does.
func (s *UnmanagedAccessCodesService) Delete(ctx context.Context, accessCodeID string, opts ...Option) (*gen.ActionAttempt, error) {
	if err := required("access_code_id", accessCodeID); err != nil {
		return nil, err
	}
	ctx, cfg, err := s.c.begin(ctx, opts)
	if err != nil {
		return nil, err
	}
	res, err := s.c.api.AccessCodesUnmanagedDeletePostWithResponse(ctx, gen.AccessCodesUnmanagedDeleteRequestBody{AccessCodeId: accessCodeID})
	if err != nil {
		return nil, err
	}
	body, err := decoded(res.JSON200, res.HTTPResponse)
	if err != nil {
		return nil, err
	}
	return s.c.maybeWait(ctx, cfg, &body.ActionAttempt)
}

// checkExternalModification refuses the two synonyms with different values.
func checkExternalModification(allow, isAllowed *bool) error {
	if allow != nil && isAllowed != nil && *allow != *isAllowed {
		return &ValidationError{Param: paramIsExternalModificationAllowed, Rule: fmt.Sprintf(
			"is %t but allow_external_modification is %t: they are synonyms, give one", *isAllowed, *allow)}
	}
	return nil
}
