package seam

import (
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seamgo/seam-go/gen"
)

// acGuideNow is when the guide's offline examples were made (created_at of
// its answers): its windows are in the future then.
var acGuideNow = time.Date(2023, 11, 7, 3, 53, 41, 0, time.UTC)

// acGuideFile reads testdata/accesscodes/<name>.<kind>.json: the guide's
// cURL request body ("request") or answer ("response").
func acGuideFile(t *testing.T, name, kind string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "accesscodes", name+"."+kind+".json"))
	require.NoError(t, err)
	return data
}

// acRecorder is a test server that records the create requests it gets and
// answers with a fixed body.
type acRecorder struct {
	mu     sync.Mutex
	bodies []map[string]any
	answer []byte
}

func (r *acRecorder) handler(t *testing.T) http.HandlerFunc {
	return func(w http.ResponseWriter, req *http.Request) {
		assert.Equal(t, http.MethodPost, req.Method)
		assert.Equal(t, "/access_codes/create", req.URL.Path)
		assert.Equal(t, "application/json", req.Header.Get("Content-Type"))
		data, err := io.ReadAll(req.Body)
		assert.NoError(t, err)
		var body map[string]any
		assert.NoError(t, json.Unmarshal(data, &body), "body %s", data)
		r.mu.Lock()
		r.bodies = append(r.bodies, body)
		r.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(r.answer)
	}
}

func (r *acRecorder) only(t *testing.T) map[string]any {
	t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	require.Len(t, r.bodies, 1, "one request")
	return r.bodies[0]
}

// acExpectedBody is the guide's request body as this package sends it:
// times in UTC ("Z" for "-00:00"), plus the differences the scenario notes.
func acExpectedBody(t *testing.T, name, deviceID string, edit func(map[string]any)) map[string]any {
	t.Helper()
	var want map[string]any
	require.NoError(t, json.Unmarshal(acGuideFile(t, name, "request"), &want))
	want["device_id"] = deviceID
	for _, k := range []string{"starts_at", "ends_at"} {
		if v, ok := want[k].(string); ok {
			parsed, err := time.Parse(time.RFC3339, v)
			require.NoError(t, err)
			want[k] = parsed.UTC().Format(time.RFC3339)
		}
	}
	if edit != nil {
		edit(want)
	}
	return want
}

// TestAccessCodesGuideWire replays the guide's five cURL examples: the body
// sent must be the guide's (with the differences noted), and the guide's
// answer must decode into the fields it shows.
func TestAccessCodesGuideWire(t *testing.T) {
	const lock = "9689dc30-77d8-4728-9968-b3abd0835f47"
	tm := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339, s)
		require.NoError(t, err)
		return v
	}
	cases := []struct {
		name    string
		opts    []AccessCodeOption
		edit    func(map[string]any)
		check   func(t *testing.T, ac *gen.AccessCode)
		offline bool
	}{
		{
			name: "ongoing",
			opts: []AccessCodeOption{Ongoing("my ongoing code", "1234")},
			check: func(t *testing.T, ac *gen.AccessCode) {
				assert.Equal(t, gen.AccessCodeTypeOngoing, ac.Type)
				assert.Equal(t, gen.AccessCodeStatusSetting, ac.Status)
				assert.Equal(t, "1234", ac.Code.MustGet())
				assert.Nil(t, ac.StartsAt)
				assert.Nil(t, ac.EndsAt)
			},
		},
		{
			name: "time_bound",
			opts: []AccessCodeOption{
				TimeBound(tm("2025-01-01T16:00:00Z"), tm("2025-01-22T12:00:00Z")),
				WithCodeName("my time-bound code"), WithCode("2345"),
			},
			check: func(t *testing.T, ac *gen.AccessCode) {
				assert.Equal(t, gen.AccessCodeTypeTimeBound, ac.Type)
				assert.Equal(t, gen.AccessCodeStatusUnset, ac.Status)
				assert.Equal(t, "2345", ac.Code.MustGet())
				assert.Equal(t, tm("2025-01-01T16:00:00Z"), ac.StartsAt.MustGet())
				assert.Equal(t, tm("2025-01-22T12:00:00Z"), ac.EndsAt.MustGet())
				assert.False(t, *ac.IsScheduledOnDevice)
			},
		},
		{
			name: "hourly_bound_offline",
			opts: []AccessCodeOption{
				WithCodeName("my hourly-bound offline code"),
				HourlyBoundOffline(tm("2023-11-10T00:00:00Z"), tm("2023-11-15T18:00:00Z")),
			},
			// The cURL example relies on the API's default rounding; the
			// preset sends it, as the guide's JavaScript example does.
			edit:    func(m map[string]any) { m["max_time_rounding"] = "1h" },
			offline: true,
			check: func(t *testing.T, ac *gen.AccessCode) {
				assert.Equal(t, tm("2023-11-10T00:00:00Z"), ac.StartsAt.MustGet())
				assert.Equal(t, tm("2023-11-15T18:00:00Z"), ac.EndsAt.MustGet())
				assert.False(t, ac.IsOneTimeUse)
			},
		},
		{
			name: "daily_bound_offline",
			opts: []AccessCodeOption{
				WithCodeName("my daily-bound offline code"),
				DailyBoundOffline(tm("2023-11-17T00:00:00Z"), tm("2023-12-18T00:00:00Z")),
			},
			// "type" is not a parameter of /access_codes/create.
			edit:    func(m map[string]any) { delete(m, "type") },
			offline: true,
			check: func(t *testing.T, ac *gen.AccessCode) {
				assert.Equal(t, tm("2023-11-17T00:00:00Z"), ac.StartsAt.MustGet())
				assert.Equal(t, tm("2023-12-18T00:00:00Z"), ac.EndsAt.MustGet())
				assert.False(t, ac.IsOneTimeUse)
			},
		},
		{
			name: "one_time_use_offline",
			opts: []AccessCodeOption{
				WithCodeName("my one-time-use offline code"),
				OneTimeUseOffline(tm("2023-11-12T00:00:00Z")),
			},
			offline: true,
			check: func(t *testing.T, ac *gen.AccessCode) {
				assert.Equal(t, tm("2023-11-12T00:00:00Z"), ac.StartsAt.MustGet())
				assert.Nil(t, ac.EndsAt)
				assert.True(t, ac.IsOneTimeUse)
				assert.Equal(t, tm("2023-11-13T00:00:00Z"), OneTimeUseExpiry(ac.StartsAt.MustGet()))
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rec := &acRecorder{answer: acGuideFile(t, tc.name, "response")}
			srv := newTestServer(t, rec.handler(t))
			c := newTestClient(t, srv.URL)
			c.now = func() time.Time { return acGuideNow }

			ac, attempt, err := c.AccessCodes.CreateWithAttempt(t.Context(), lock, tc.opts...)
			require.NoError(t, err)

			assert.Equal(t, acExpectedBody(t, tc.name, lock, tc.edit), rec.only(t))
			if tc.name == "one_time_use_offline" {
				assert.NotContains(t, rec.only(t), "ends_at")
			}

			var guide gen.AccessCodesCreateResponseBody
			require.NoError(t, json.Unmarshal(acGuideFile(t, tc.name, "response"), &guide))
			assert.Equal(t, guide.AccessCode.AccessCodeId, ac.AccessCodeId)
			assert.Equal(t, guide.AccessCode.Name.MustGet(), ac.Name.MustGet())
			assert.True(t, bool(ac.IsManaged))
			require.NotNil(t, attempt)
			summary, err := SummarizeActionAttempt(attempt)
			require.NoError(t, err)
			assert.Equal(t, "CREATE_ACCESS_CODE", summary.ActionType)
			assert.Equal(t, ActionAttemptPending, summary.Status)
			if tc.offline {
				assert.Equal(t, gen.AccessCodeTypeTimeBound, ac.Type)
				assert.Equal(t, gen.AccessCodeStatusUnset, ac.Status)
				assert.True(t, ac.IsOfflineAccessCode)
				assert.True(t, ac.Code.IsNull(), "the manufacturer assigns the PIN later (code: null)")
				assert.True(t, *ac.IsWaitingForCodeAssignment)
				assert.False(t, IsAccessCodeReady(ac))
			}
			tc.check(t, ac)
		})
	}
}

// TestAccessCodesGuideJavaScriptDailyExample: the guide's JavaScript
// daily-bound example ends at 22:59 for a 23:00 start. DailyBoundOffline
// refuses it (not the same time of day); the explicit settings send it as
// written, leaving the rounding to the API.
func TestAccessCodesGuideJavaScriptDailyExample(t *testing.T) {
	start := time.Date(2023, 12, 22, 23, 0, 0, 0, time.UTC)
	end := time.Date(2023, 12, 27, 22, 59, 0, 0, time.UTC)
	rec := &acRecorder{answer: acGuideFile(t, "daily_bound_offline", "response")}
	srv := newTestServer(t, rec.handler(t))
	c := newTestClient(t, srv.URL)
	c.now = func() time.Time { return time.Date(2023, 12, 11, 22, 6, 27, 0, time.UTC) }

	_, err := c.AccessCodes.Create(t.Context(), "ea12f6c6", DailyBoundOffline(start, end))
	var verr *ValidationError
	require.ErrorAs(t, err, &verr)
	assert.Equal(t, "ends_at", verr.Param)
	assert.Contains(t, verr.Rule, "same time of day")
	assert.Empty(t, rec.bodies, "nothing sent")

	_, err = c.AccessCodes.Create(t.Context(), "ea12f6c6", WithCodeName("my daily-bound offline code"),
		WithStartsAt(start), WithEndsAt(end), WithMaxTimeRounding(RoundToDay), WithOfflineAccessCode(true))
	require.NoError(t, err)
	assert.Equal(t, map[string]any{
		"device_id":              "ea12f6c6",
		"name":                   "my daily-bound offline code",
		"starts_at":              "2023-12-22T23:00:00Z",
		"ends_at":                "2023-12-27T22:59:00Z",
		"max_time_rounding":      "1d",
		"is_offline_access_code": true,
	}, rec.only(t))
}

// TestAccessCodesWireTimes: times go out in UTC, to the millisecond.
func TestAccessCodesWireTimes(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	require.NoError(t, err)
	rec := &acRecorder{answer: acGuideFile(t, "time_bound", "response")}
	srv := newTestServer(t, rec.handler(t))
	c := newTestClient(t, srv.URL)
	c.now = func() time.Time { return time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC) }

	start := time.Date(2030, 7, 1, 16, 0, 0, 123456789, berlin)
	_, err = c.AccessCodes.Create(t.Context(), "lock", TimeBound(start, start.Add(2*time.Hour)))
	require.NoError(t, err)
	body := rec.only(t)
	assert.Equal(t, "2030-07-01T14:00:00.123Z", body["starts_at"])
	assert.Equal(t, "2030-07-01T16:00:00.123Z", body["ends_at"])
}

// TestAccessCodesEveryCreateParameter: each setting reaches the body under
// the spec's name.
func TestAccessCodesEveryCreateParameter(t *testing.T) {
	rec := &acRecorder{answer: acGuideFile(t, "ongoing", "response")}
	srv := newTestServer(t, rec.handler(t))
	c := newTestClient(t, srv.URL)
	c.now = func() time.Time { return time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC) }
	start := time.Date(2030, 2, 1, 10, 0, 0, 0, time.UTC)

	_, err := c.AccessCodes.Create(t.Context(), "lock",
		WithCodeName("n"), WithPreferredCodeLength(6), WithCommonCodeKey("k"),
		WithStartsAt(start), WithEndsAt(start.Add(time.Hour)),
		WithPreferNativeScheduling(false), WithAllowExternalModification(true), WithExternalModificationAllowed(true),
		WithBackupAccessCodePool(true), WithAttemptForOfflineDevice(false),
	)
	require.NoError(t, err)
	assert.Equal(t, map[string]any{
		"device_id":                        "lock",
		"name":                             "n",
		"preferred_code_length":            float64(6),
		"common_code_key":                  "k",
		"starts_at":                        "2030-02-01T10:00:00Z",
		"ends_at":                          "2030-02-01T11:00:00Z",
		"prefer_native_scheduling":         false,
		"allow_external_modification":      true,
		"is_external_modification_allowed": true,
		"use_backup_access_code_pool":      true,
		"attempt_for_offline_device":       false,
	}, rec.only(t))

	rec.bodies = nil
	_, err = c.AccessCodes.Create(t.Context(), "lock",
		WithUseOfflineAccessCode(true), WithOneTimeUse(true), WithStartsAt(start), WithMaxTimeRounding(RoundToHourLong))
	require.NoError(t, err)
	assert.Equal(t, map[string]any{
		"device_id":               "lock",
		"use_offline_access_code": true,
		"is_one_time_use":         true,
		"starts_at":               "2030-02-01T10:00:00Z",
		"max_time_rounding":       "1hour",
	}, rec.only(t))
}
