package seam_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seamgo/seam-go/gen"
	// These tests run against the official fake through fakeClient and
	// pendingThenSuccess (integration_test.go): the import says so, for
	// scripts/vendor-check, which leaves out the test files that import
	// internal packages.
	_ "github.com/seamgo/seam-go/internal/seamfake"
	"github.com/seamgo/seam-go/seam"
)

// Generated service methods (seam/services.gen.go) against the official
// fake. The generated pagination is also exercised by
// TestFakeDevicesPagination (Devices.List and Devices.All are generated).

func TestFakeGeneratedThermostatHeatCoolWaits(t *testing.T) {
	s, c, hook := fakeClient(t)
	const delay = 150 * time.Millisecond
	done := pendingThenSuccess(t, s, hook, "/thermostats/heat_cool", delay)
	start := time.Now()
	a, err := c.Thermostats.HeatCool(t.Context(), &gen.ThermostatsHeatCoolRequestBody{
		DeviceId: s.Seed.ThermostatID, HeatingSetPointCelsius: seam.Ptr(19.5), CoolingSetPointCelsius: seam.Ptr(24.0)})
	elapsed := time.Since(start)
	done.Wait()
	require.NoError(t, err)
	assert.Equal(t, seam.ActionAttemptSuccess, summary(t, a).Status)
	assert.GreaterOrEqual(t, elapsed, delay, "it waited for the attempt")
	assert.Equal(t, 1, hook.count("POST /thermostats/heat_cool"))
	assert.GreaterOrEqual(t, hook.count("GET /action_attempts/get"), 2)
	hook.setAfter(nil)

	d, err := c.Devices.Get(t.Context(), s.Seed.ThermostatID)
	require.NoError(t, err)
	st, err := seam.Thermostat(d)
	require.NoError(t, err)
	assert.Equal(t, seam.HvacHeatCool, st.Setting.Mode)
	require.NotNil(t, st.Setting.HeatingCelsius)
	require.NotNil(t, st.Setting.CoolingCelsius)
	assert.InDelta(t, 19.5, *st.Setting.HeatingCelsius, 0.01)
	assert.InDelta(t, 24.0, *st.Setting.CoolingCelsius, 0.01)

	// A required parameter missing is refused before any request.
	_, err = c.Thermostats.HeatCool(t.Context(), nil)
	var verr *seam.ValidationError
	require.ErrorAs(t, err, &verr)
	assert.Equal(t, "device_id", verr.Param)
	assert.Equal(t, 1, hook.count("POST /thermostats/heat_cool"))
}

func TestFakeGeneratedAccessSystemUsers(t *testing.T) {
	s, c, hook := fakeClient(t)
	require.NotEmpty(t, s.Seed.ACSSystemID)

	sys, err := c.Acs.Systems.Get(t.Context(), &gen.AcsSystemsGetGetParams{AcsSystemId: s.Seed.ACSSystemID})
	require.NoError(t, err)
	assert.Equal(t, s.Seed.ACSSystemID, sys.AcsSystemId)

	var created []string
	for _, name := range []string{"Jane Doe", "John Roe"} {
		u, err := c.Acs.Users.Create(t.Context(), &gen.AcsUsersCreateRequestBody{AcsSystemId: s.Seed.ACSSystemID, FullName: name})
		require.NoError(t, err)
		require.NotEmpty(t, u.AcsUserId)
		created = append(created, u.AcsUserId)
	}

	got, err := c.Acs.Users.Get(t.Context(), &gen.AcsUsersGetGetParams{AcsUserId: &created[0]})
	require.NoError(t, err)
	assert.Equal(t, created[0], got.AcsUserId)
	require.NotNil(t, got.FullName)
	assert.Equal(t, "Jane Doe", *got.FullName)

	params := &gen.AcsUsersListGetParams{AcsSystemId: &s.Seed.ACSSystemID}
	page, err := c.Acs.Users.List(t.Context(), params)
	require.NoError(t, err)
	var listed []string
	for _, u := range page.Items {
		listed = append(listed, u.AcsUserId)
	}
	assert.Subset(t, listed, created)

	var all []string
	for u, err := range c.Acs.Users.All(t.Context(), params) {
		require.NoError(t, err)
		all = append(all, u.AcsUserId)
	}
	assert.Equal(t, listed, all, "the fake answers one page")
	assert.Equal(t, 2, hook.count("GET /acs/users/list"))
}
