package seam

import (
	"context"

	"github.com/seamgo/seam-go/gen"
)

// Get returns the lock deviceID (GET /locks/get).
//
// Deprecated: the spec deprecates /locks/get: use Devices.Get.
func (s *LocksService) Get(ctx context.Context, deviceID string, opts ...Option) (*gen.Device, error) {
	if err := required("device_id", deviceID); err != nil {
		return nil, err
	}
	return value(s.c, ctx, opts, endpoint{path: "/locks/get", key: "device"}, &gen.LocksGetGetParams{DeviceId: &deviceID},
		s.c.api.LocksGetGet, func(b *gen.LocksGetResponseBody) *gen.Device { return &b.Device })
}

// LockDoor locks the door of deviceID (POST /locks/lock_door, never
// retried) and, unless WithWaitForActionAttempts(false), waits for the
// action attempt to end: it returns the successful attempt, or an
// *ActionAttemptFailedError or *ActionAttemptTimeoutError.
func (s *LocksService) LockDoor(ctx context.Context, deviceID string, opts ...Option) (*gen.ActionAttempt, error) {
	if err := required("device_id", deviceID); err != nil {
		return nil, err
	}
	return attempt(s.c, ctx, opts, endpoint{path: "/locks/lock_door", key: "action_attempt"}, &gen.LocksLockDoorRequestBody{DeviceId: deviceID},
		byValue(s.c.api.LocksLockDoorPost), func(b *gen.LocksLockDoorResponseBody) *gen.ActionAttempt { return &b.ActionAttempt })
}

// UnlockDoor unlocks the door of deviceID (POST /locks/unlock_door, never
// retried) and waits for the action attempt as LockDoor does.
func (s *LocksService) UnlockDoor(ctx context.Context, deviceID string, opts ...Option) (*gen.ActionAttempt, error) {
	if err := required("device_id", deviceID); err != nil {
		return nil, err
	}
	return attempt(s.c, ctx, opts, endpoint{path: "/locks/unlock_door", key: "action_attempt"}, &gen.LocksUnlockDoorRequestBody{DeviceId: deviceID},
		byValue(s.c.api.LocksUnlockDoorPost), func(b *gen.LocksUnlockDoorResponseBody) *gen.ActionAttempt { return &b.ActionAttempt })
}
