package seamtest_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seamgo/seam-go/seam"
	"github.com/seamgo/seam-go/seam/seamtest"
)

func TestNewFake(t *testing.T) {
	t.Parallel()
	f := seamtest.NewFake(t, seamtest.SkipWithoutNode())
	c := f.Client()
	ctx := context.Background()
	require.NotEmpty(t, f.Seed.AugustLock1ID)
	assert.NotEmpty(t, f.Seed.ThermostatID)
	assert.NotEmpty(t, f.Seed.ACSSystemID)
	assert.NotEmpty(t, f.Seed.ConnectedAccountID)
	d, err := c.Locks.Get(ctx, f.Seed.AugustLock1ID)
	require.NoError(t, err)
	assert.Equal(t, f.Seed.AugustLock1ID, d.DeviceId)
	_, err = c.Locks.UnlockDoor(ctx, f.Seed.AugustLock1ID)
	require.NoError(t, err)
	code, err := c.AccessCodes.Create(ctx, f.Seed.AugustLock1ID, seam.Ongoing("guest", "4321"))
	require.NoError(t, err)
	assert.Equal(t, "4321", code.Code.MustGet())
}

// Two fakes side by side: separate processes, separate state.
func TestNewFakeParallel(t *testing.T) {
	t.Parallel()
	a := seamtest.NewFake(t, seamtest.SkipWithoutNode())
	b := seamtest.NewFake(t, seamtest.SkipWithoutNode())
	assert.NotEqual(t, a.URL, b.URL)
	assert.NotEqual(t, a.PID, b.PID)
}
