package seam

import (
	"fmt"
	"time"

	"github.com/oapi-codegen/nullable"
)

// AcsUserCreateSchedule is the type of the access_schedule field of
// gen.AcsUsersCreateRequestBody, which the generated code spells as an
// anonymous struct: an alias, so that a value built here can be assigned
// to the field.
type AcsUserCreateSchedule = struct {
	// EndsAt Ending timestamp for the access system user's access.
	EndsAt nullable.Nullable[time.Time] `json:"ends_at,omitempty"`

	// StartsAt Starting timestamp for the access system user's access.
	StartsAt *time.Time `json:"starts_at,omitempty"`
}

// AcsUserUpdateSchedule is the type of the access_schedule field of
// gen.AcsUsersUpdateRequestBody (an alias, as AcsUserCreateSchedule).
type AcsUserUpdateSchedule = struct {
	// EndsAt Ending timestamp for the access system user's access.
	EndsAt time.Time `json:"ends_at"`

	// StartsAt Starting timestamp for the access system user's access.
	StartsAt time.Time `json:"starts_at"`
}

// NewAcsUserCreateSchedule returns the access schedule of an access system
// user created with Acs.Users.Create: access from start to end. It refuses
// an end that is not after start with a *ValidationError.
//
//	schedule, err := seam.NewAcsUserCreateSchedule(start, end)
//	body := &gen.AcsUsersCreateRequestBody{AcsSystemId: id, FullName: "Jane Doe", AccessSchedule: schedule}
func NewAcsUserCreateSchedule(start, end time.Time) (*AcsUserCreateSchedule, error) {
	if err := checkSchedule(start, end); err != nil {
		return nil, err
	}
	return &AcsUserCreateSchedule{StartsAt: &start, EndsAt: NotNull(end)}, nil
}

// NewAcsUserUpdateSchedule is NewAcsUserCreateSchedule for Acs.Users.Update,
// whose access_schedule is nullable (Null[AcsUserUpdateSchedule]() clears it):
// the schedule as the field's type.
//
//	schedule, err := seam.NewAcsUserUpdateSchedule(start, end)
//	body := &gen.AcsUsersUpdateRequestBody{AcsUserId: seam.Ptr(id), AccessSchedule: schedule}
func NewAcsUserUpdateSchedule(start, end time.Time) (nullable.Nullable[AcsUserUpdateSchedule], error) {
	if err := checkSchedule(start, end); err != nil {
		return nil, err
	}
	return NotNull(AcsUserUpdateSchedule{StartsAt: start, EndsAt: end}), nil
}

func checkSchedule(start, end time.Time) error {
	if start.IsZero() {
		return &ValidationError{Param: "access_schedule.starts_at", Rule: "is required"}
	}
	if !end.After(start) {
		return &ValidationError{Param: "access_schedule.ends_at", Rule: fmt.Sprintf("must be after starts_at (%s)", start.Format(time.RFC3339))}
	}
	return nil
}
