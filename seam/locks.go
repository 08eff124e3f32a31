package seam

import (
	"context"

	"github.com/seamgo/seam-go/gen"
)

// LocksService reads and operates smart locks.
type LocksService struct{ c *Client }

// List returns the locks that params select (GET /locks/list). params may
// be nil. The answer of /locks/list carries no pagination; to walk every
// page of locks, use Devices.All with lock device types.
func (s *LocksService) List(ctx context.Context, params *gen.LocksListGetParams, opts ...Option) ([]gen.Device, error) {
	ctx, _, err := s.c.begin(ctx, opts)
	if err != nil {
		return nil, err
	}
	p := deref(params)
	res, err := s.c.api.LocksListGetWithResponse(ctx, &p)
	if err != nil {
		return nil, err
	}
	body, err := decoded(res.JSON200, res.HTTPResponse)
	if err != nil {
		return nil, err
	}
	return body.Devices, nil
}

// Get returns the lock deviceID (GET /locks/get).
func (s *LocksService) Get(ctx context.Context, deviceID string, opts ...Option) (*gen.Device, error) {
	if err := required("device_id", deviceID); err != nil {
		return nil, err
	}
	ctx, _, err := s.c.begin(ctx, opts)
	if err != nil {
		return nil, err
	}
	res, err := s.c.api.LocksGetGetWithResponse(ctx, &gen.LocksGetGetParams{DeviceId: &deviceID})
	if err != nil {
		return nil, err
	}
	body, err := decoded(res.JSON200, res.HTTPResponse)
	if err != nil {
		return nil, err
	}
	return &body.Device, nil
}

// LockDoor locks the door of deviceID (POST /locks/lock_door, never
// retried) and, unless WithWaitForActionAttempts(false), waits for the
// action attempt to end: it returns the successful attempt, or an
// *ActionAttemptFailedError or *ActionAttemptTimeoutError.
func (s *LocksService) LockDoor(ctx context.Context, deviceID string, opts ...Option) (*gen.ActionAttempt, error) {
	if err := required("device_id", deviceID); err != nil {
		return nil, err
	}
	ctx, cfg, err := s.c.begin(ctx, opts)
	if err != nil {
		return nil, err
	}
	res, err := s.c.api.LocksLockDoorPostWithResponse(ctx, gen.LocksLockDoorRequestBody{DeviceId: deviceID})
	if err != nil {
		return nil, err
	}
	body, err := decoded(res.JSON200, res.HTTPResponse)
	if err != nil {
		return nil, err
	}
	return s.c.maybeWait(ctx, cfg, &body.ActionAttempt)
}

// UnlockDoor unlocks the door of deviceID (POST /locks/unlock_door, never
// retried) and waits for the action attempt as LockDoor does.
func (s *LocksService) UnlockDoor(ctx context.Context, deviceID string, opts ...Option) (*gen.ActionAttempt, error) {
	if err := required("device_id", deviceID); err != nil {
		return nil, err
	}
	ctx, cfg, err := s.c.begin(ctx, opts)
	if err != nil {
		return nil, err
	}
	res, err := s.c.api.LocksUnlockDoorPostWithResponse(ctx, gen.LocksUnlockDoorRequestBody{DeviceId: deviceID})
	if err != nil {
		return nil, err
	}
	body, err := decoded(res.JSON200, res.HTTPResponse)
	if err != nil {
		return nil, err
	}
	return s.c.maybeWait(ctx, cfg, &body.ActionAttempt)
}
