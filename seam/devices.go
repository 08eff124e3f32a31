package seam

import (
	"context"

	"github.com/seamgo/seam-go/gen"
)

// Get returns the device deviceID (GET /devices/get). It is the
// hand-written form of the operation: to get a device by name, use
// client.API().DevicesGetGet.
func (s *DevicesService) Get(ctx context.Context, deviceID string, opts ...Option) (*gen.Device, error) {
	if err := required("device_id", deviceID); err != nil {
		return nil, err
	}
	return value(s.c, ctx, opts, endpoint{path: "/devices/get", key: "device"}, &gen.DevicesGetGetParams{DeviceId: &deviceID},
		s.c.api.DevicesGetGet, func(b *gen.DevicesGetResponseBody) *gen.Device { return &b.Device })
}
