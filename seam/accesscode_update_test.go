package seam

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// An update that names no schedule reads the code first; for a time-bound
// code it is refused before the update is sent, with a rule that says how
// to keep or change the schedule. An ongoing code is renamed as asked.
func TestUpdateWithoutTimesOfTimeBoundCodeRefused(t *testing.T) {
	codeType := "time_bound"
	r := &acRouter{answers: map[string]func(acRequest) string{
		"/access_codes/get": func(acRequest) string {
			return `{"access_code":{"access_code_id":"ac1","device_id":"lock","type":"` + codeType + `","status":"set",` +
				`"starts_at":"2030-03-01T15:00:00Z","ends_at":"2030-03-04T11:00:00Z","errors":[],"warnings":[],"is_managed":true},"ok":true}`
		},
		"/access_codes/update": acFixed(`{"action_attempt":{"action_attempt_id":"aa1","action_type":"UPDATE_ACCESS_CODE","status":"success","result":{},"error":null},"ok":true}`),
	}}
	c := r.serve(t)

	_, err := c.AccessCodes.Update(t.Context(), "ac1", WithCodeName("renamed"))
	var verr *ValidationError
	require.ErrorAs(t, err, &verr)
	assert.Equal(t, "starts_at", verr.Param)
	assert.Contains(t, verr.Rule, "time-bound")
	assert.Contains(t, verr.Rule, "TimeBound(")
	reqs := r.all()
	require.Len(t, reqs, 1, "only the read was sent")
	assert.Equal(t, http.MethodGet, reqs[0].method)
	assert.Equal(t, "ac1", reqs[0].query.Get("access_code_id"))

	// With its times, the rename goes out, without a read.
	start, end := time.Date(2030, 3, 1, 15, 0, 0, 0, time.UTC), time.Date(2030, 3, 4, 11, 0, 0, 0, time.UTC)
	_, err = c.AccessCodes.Update(t.Context(), "ac1", WithCodeName("renamed"), TimeBound(start, end))
	require.NoError(t, err)
	reqs = r.all()
	require.Len(t, reqs, 2)
	assert.Equal(t, map[string]any{"access_code_id": "ac1", "name": "renamed",
		"starts_at": "2030-03-01T15:00:00Z", "ends_at": "2030-03-04T11:00:00Z"}, reqs[1].body)

	// An ongoing code is renamed after the read.
	codeType = "ongoing"
	_, err = c.AccessCodes.Update(t.Context(), "ac1", WithCodeName("renamed"))
	require.NoError(t, err)
	reqs = r.all()
	require.Len(t, reqs, 4)
	assert.Equal(t, "/access_codes/get", reqs[2].path)
	assert.Equal(t, map[string]any{"access_code_id": "ac1", "name": "renamed"}, reqs[3].body)
}
