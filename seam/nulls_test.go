package seam_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seamgo/seam-go/gen"
	"github.com/seamgo/seam-go/seam"
	"github.com/seamgo/seam-go/seam/seamtest"
)

// TestNullOnTheWire: a nullable request property is sent as null with
// seam.Null, as its value with seam.NotNull, and not at all when left zero.
func TestNullOnTheWire(t *testing.T) {
	s := seamtest.NewServer(t)
	client := s.Client()
	for _, body := range []*gen.DevicesUpdateRequestBody{
		{DeviceId: "d", Name: seam.Null[string]()},
		{DeviceId: "d", Name: seam.NotNull("Front door")},
		{DeviceId: "d"},
	} {
		require.NoError(t, client.Devices.Update(t.Context(), body))
	}
	reqs := s.RequestsTo("/devices/update")
	require.Len(t, reqs, 3)
	name, sent := reqs[0].Body["name"]
	assert.True(t, sent, "a cleared name is sent")
	assert.Nil(t, name, "as null")
	assert.Equal(t, "Front door", reqs[1].Body["name"])
	_, sent = reqs[2].Body["name"]
	assert.False(t, sent, "an unspecified name is not sent")
}

// TestNullInAnAnswer: a nullable answer property tells null from absent.
func TestNullInAnAnswer(t *testing.T) {
	s := seamtest.NewServer(t)
	client := s.Client()
	code := func(extra string) map[string]any {
		ac := map[string]any{"access_code_id": "c", "device_id": "d", "type": "ongoing", "status": "set",
			"created_at": "2026-01-01T00:00:00Z", "is_managed": true, "errors": []any{}, "warnings": []any{}}
		if extra != "" {
			ac["ends_at"] = nil
		}
		return map[string]any{"access_code": ac, "ok": true}
	}
	s.Handle("/access_codes/get", seamtest.Sequence(seamtest.JSON(200, code("null")), seamtest.JSON(200, code(""))))
	withNull, err := client.AccessCodes.Get(t.Context(), "c")
	require.NoError(t, err)
	absent, err := client.AccessCodes.Get(t.Context(), "c")
	require.NoError(t, err)
	assert.True(t, withNull.EndsAt.IsSpecified() && withNull.EndsAt.IsNull(), "ends_at: null")
	assert.False(t, absent.EndsAt.IsSpecified(), "ends_at absent")
}
