package seam

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seamgo/seam-go/gen"
)

func TestAcsUserSchedules(t *testing.T) {
	start := time.Date(2030, 1, 2, 15, 0, 0, 0, time.UTC)
	end := start.Add(48 * time.Hour)
	create, err := NewAcsUserCreateSchedule(start, end)
	require.NoError(t, err)
	body := gen.AcsUsersCreateRequestBody{AcsSystemId: "s", FullName: "Jane", AccessSchedule: create}
	js, err := json.Marshal(body)
	require.NoError(t, err)
	assert.JSONEq(t, `{"acs_system_id":"s","full_name":"Jane","access_schedule":{"starts_at":"2030-01-02T15:00:00Z","ends_at":"2030-01-04T15:00:00Z"}}`, string(js))

	update, err := NewAcsUserUpdateSchedule(start, end)
	require.NoError(t, err)
	upd := gen.AcsUsersUpdateRequestBody{AccessSchedule: update}
	assert.Equal(t, start, upd.AccessSchedule.MustGet().StartsAt)
	js, err = json.Marshal(gen.AcsUsersUpdateRequestBody{AcsUserId: Ptr("u"), AccessSchedule: Null[AcsUserUpdateSchedule]()})
	require.NoError(t, err)
	assert.JSONEq(t, `{"acs_user_id":"u","access_schedule":null}`, string(js), "Null clears the schedule")

	var verr *ValidationError
	_, err = NewAcsUserCreateSchedule(end, start)
	require.ErrorAs(t, err, &verr)
	assert.Equal(t, "access_schedule.ends_at", verr.Param)
	_, err = NewAcsUserUpdateSchedule(time.Time{}, end)
	require.ErrorAs(t, err, &verr)
	assert.Equal(t, "access_schedule.starts_at", verr.Param)
}
