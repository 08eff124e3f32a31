package seam

import (
	"context"
	"iter"

	"github.com/seamgo/seam-go/gen"
)

// DevicesService reads devices of every kind (locks, thermostats, sensors).
type DevicesService struct{ c *Client }

// List returns one page of devices (GET /devices/list). params may be nil;
// set params.PageCursor to a Page's NextPageCursor to get the next page.
func (s *DevicesService) List(ctx context.Context, params *gen.DevicesListGetParams, opts ...Option) (*Page[gen.Device], error) {
	ctx, _, err := s.c.begin(ctx, opts)
	if err != nil {
		return nil, err
	}
	return s.page(ctx, deref(params))
}

// All iterates over the devices of every page, from params.PageCursor on,
// fetching each page when the previous one is used up.
func (s *DevicesService) All(ctx context.Context, params *gen.DevicesListGetParams, opts ...Option) iter.Seq2[gen.Device, error] {
	p := deref(params)
	return paginate(s.c, ctx, opts, deref(p.PageCursor), func(ctx context.Context, cursor string) (*Page[gen.Device], error) {
		q := p // a copy per page: ranging the iterator twice, even at once, is safe
		q.PageCursor = cursorParam(cursor)
		return s.page(ctx, q)
	})
}

func (s *DevicesService) page(ctx context.Context, p gen.DevicesListGetParams) (*Page[gen.Device], error) {
	res, err := s.c.api.DevicesListGetWithResponse(ctx, &p)
	if err != nil {
		return nil, err
	}
	body, err := decoded(res.JSON200, res.HTTPResponse)
	if err != nil {
		return nil, err
	}
	return newPage(body.Devices, body.Pagination), nil
}

// Get returns the device deviceID (GET /devices/get).
func (s *DevicesService) Get(ctx context.Context, deviceID string, opts ...Option) (*gen.Device, error) {
	if err := required("device_id", deviceID); err != nil {
		return nil, err
	}
	ctx, _, err := s.c.begin(ctx, opts)
	if err != nil {
		return nil, err
	}
	res, err := s.c.api.DevicesGetGetWithResponse(ctx, &gen.DevicesGetGetParams{DeviceId: &deviceID})
	if err != nil {
		return nil, err
	}
	body, err := decoded(res.JSON200, res.HTTPResponse)
	if err != nil {
		return nil, err
	}
	return &body.Device, nil
}
