package seam

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	acIgloohomeJSON = `{"device_id":"igloo1","device_type":"igloohome_lock","capabilities_supported":["access_code","lock"],
		"properties":{"offline_access_codes_enabled":true,"manufacturer":"igloohome"}}`
	acOracodeJSON = `{"device_id":"kaba1","device_type":"dormakaba_oracode_door","capabilities_supported":["access_code"],
		"can_program_offline_access_codes":true,
		"properties":{"dormakaba_oracode_metadata":{"iana_timezone":"America/Los_Angeles","predefined_time_slots":[
			{"name":"Guest 4pm-10am","check_in_time":"16:00:00-08:00[America/Los_Angeles]","check_out_time":"10:00:00-08:00[America/Los_Angeles]","is_24_hour":false},
			{"name":"One shot","check_in_time":"03:00:00-08:00[America/Los_Angeles]","check_out_time":"04:00:00-08:00[America/Los_Angeles]","is_one_shot":true}]}}}`
)

func TestSupportsOfflineAccessCodes(t *testing.T) {
	cases := []struct {
		name string
		js   string
		want bool
	}{
		{"capability and enabled", `{"capabilities_supported":["access_code"],"properties":{"offline_access_codes_enabled":true}}`, true},
		{"enabled without capability", `{"capabilities_supported":["lock"],"properties":{"offline_access_codes_enabled":true}}`, false},
		{"capability, not enabled", `{"capabilities_supported":["access_code"],"properties":{"offline_access_codes_enabled":false}}`, false},
		{"capability, flag absent", `{"capabilities_supported":["access_code"],"properties":{}}`, false},
		{"capability flag true decides", `{"can_program_offline_access_codes":true,"capabilities_supported":[],"properties":{}}`, true},
		{"capability flag false decides", `{"can_program_offline_access_codes":false,"capabilities_supported":["access_code"],"properties":{"offline_access_codes_enabled":true}}`, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, SupportsOfflineAccessCodes(deviceFrom(t, tc.js)))
		})
	}
	assert.False(t, SupportsOfflineAccessCodes(nil))
}

func TestCheckOfflineWindow(t *testing.T) {
	la := acZone(t, "America/Los_Angeles")
	berlin := acZone(t, "Europe/Berlin")
	base := time.Date(2030, 3, 1, 0, 0, 0, 0, time.UTC)
	h := func(n int) time.Time { return base.Add(time.Duration(n) * time.Hour) }
	d := func(n int) time.Time { return base.AddDate(0, 0, n) }
	laAt := func(month time.Month, day, hour, minute int) time.Time {
		return time.Date(2030, month, day, hour, minute, 0, 0, la)
	}
	oracodeBerlin := `{"device_id":"kaba2","device_type":"dormakaba_oracode_door","can_program_offline_access_codes":true,
		"properties":{"dormakaba_oracode_metadata":{"iana_timezone":"Europe/Berlin"}}}`
	options := `{"device_id":"opt1","device_type":"igloohome_lock","can_program_offline_access_codes":true,"properties":{"offline_time_frame_options":[
		{"display_name":"Hourly","min_duration":"PT1H","max_duration":"PT672H"},
		{"display_name":"Daily","min_duration":"P29D","max_duration":"P367D","matching_start_end_time":true},
		{"display_name":"Fixed","time_zone":"Europe/Berlin","time_pairs":[{"display_name":"Guest","start_time":"15:00","end_time":"11:00"}],"max_duration":"P14D"}]}}`
	fixedOnly := `{"device_id":"opt2","can_program_offline_access_codes":true,"properties":{"offline_time_frame_options":[
		{"display_name":"Fixed","time_zone":"Europe/Berlin","time_pairs":[{"display_name":"Guest","start_time":"15:00","end_time":"11:00"}]}]}}`

	cases := []struct {
		name       string
		device     string
		kind       OfflineCodeKind
		start, end time.Time
		param      string // "" when valid
		rule       string // part of the rule, when invalid
	}{
		{"not supported", `{"device_id":"august1","capabilities_supported":["access_code"],"properties":{}}`, OfflineHourlyBound, h(0), h(2), "device_id", "does not support offline access codes"},
		{"hourly needs an end", acIgloohomeJSON, OfflineHourlyBound, h(0), time.Time{}, "ends_at", "is required"},
		{"hourly needs a start", acIgloohomeJSON, OfflineHourlyBound, time.Time{}, h(2), "starts_at", "is required"},
		{"end after start", acIgloohomeJSON, OfflineHourlyBound, h(2), h(2), "ends_at", "after starts_at"},
		{"igloohome hourly 1h", acIgloohomeJSON, OfflineHourlyBound, h(0), h(1), "", ""},
		{"igloohome hourly under 1h", acIgloohomeJSON, OfflineHourlyBound, h(0), h(1).Add(-time.Minute), "ends_at", "1 to 672 hours"},
		{"igloohome hourly 672h", acIgloohomeJSON, OfflineHourlyBound, h(0), h(672), "", ""},
		{"igloohome hourly 673h", acIgloohomeJSON, OfflineHourlyBound, h(0), h(673), "ends_at", "lasts 673h0m0s"},
		{"igloohome daily 29 days", acIgloohomeJSON, OfflineDailyBound, d(0), d(29), "", ""},
		{"igloohome daily 28 days", acIgloohomeJSON, OfflineDailyBound, d(0), d(28), "ends_at", "29 to 367 days; this one lasts 28 days"},
		{"igloohome daily 367 days", acIgloohomeJSON, OfflineDailyBound, d(0), d(367), "", ""},
		{"igloohome daily 368 days", acIgloohomeJSON, OfflineDailyBound, d(0), d(368), "ends_at", "29 to 367 days"},
		{"daily same time of day", acIgloohomeJSON, OfflineDailyBound, d(0), d(30).Add(time.Hour), "ends_at", "same time of day"},
		{"igloohome one-time-use", acIgloohomeJSON, OfflineOneTimeUse, h(5), time.Time{}, "", ""},
		{"one-time-use has no end", acIgloohomeJSON, OfflineOneTimeUse, h(5), h(9), "ends_at", "must not be set"},
		{"oracode no one-time-use", acOracodeJSON, OfflineOneTimeUse, h(5), time.Time{}, "is_one_time_use", "not one-time-use"},
		{"oracode slot match", acOracodeJSON, OfflineHourlyBound, laAt(3, 1, 16, 0), laAt(3, 4, 10, 0), "", ""},
		{"oracode slot within an hour", acOracodeJSON, OfflineHourlyBound, laAt(3, 1, 15, 45), laAt(3, 4, 10, 15), "", ""},
		{"oracode slot in summer time", acOracodeJSON, OfflineHourlyBound, laAt(7, 1, 16, 30), laAt(7, 3, 9, 0), "", ""},
		{"oracode slot given in UTC", acOracodeJSON, OfflineHourlyBound, laAt(7, 1, 16, 0).UTC(), laAt(7, 3, 10, 0).UTC(), "", ""},
		{"oracode slot too early", acOracodeJSON, OfflineHourlyBound, laAt(3, 1, 14, 0), laAt(3, 4, 10, 0), "starts_at", `"Guest 4pm-10am" 16:00→10:00`},
		{"oracode one-shot slot ignored", acOracodeJSON, OfflineHourlyBound, laAt(3, 1, 3, 0), laAt(3, 1, 4, 0), "starts_at", "fit no predefined time slot"},
		{"oracode slot over 30 days", acOracodeJSON, OfflineHourlyBound, laAt(3, 1, 16, 0), laAt(3, 31, 10, 0), "", ""},
		{"oracode slot over 31 days", acOracodeJSON, OfflineHourlyBound, laAt(3, 1, 16, 0), laAt(4, 2, 10, 0), "ends_at", "at most 31 days"},
		{"oracode 31 days across DST", oracodeBerlin, OfflineDailyBound, time.Date(2030, 3, 10, 12, 0, 0, 0, berlin), time.Date(2030, 4, 10, 12, 0, 0, 0, berlin), "", ""},
		{"oracode 32 days", oracodeBerlin, OfflineDailyBound, time.Date(2030, 3, 10, 12, 0, 0, 0, berlin), time.Date(2030, 4, 11, 12, 0, 0, 0, berlin), "ends_at", "at most 31 days"},
		{"daily read in the lock's zone", oracodeBerlin, OfflineDailyBound, time.Date(2030, 3, 28, 11, 0, 0, 0, time.UTC), time.Date(2030, 4, 2, 10, 0, 0, 0, time.UTC), "", ""},
		{"daily read in the lock's zone, UTC clock kept", oracodeBerlin, OfflineDailyBound, time.Date(2030, 3, 28, 11, 0, 0, 0, time.UTC), time.Date(2030, 4, 2, 11, 0, 0, 0, time.UTC), "ends_at", "same time of day"},
		{"options: hourly", options, OfflineHourlyBound, h(0), h(5), "", ""},
		{"options: daily", options, OfflineDailyBound, d(0), d(30), "", ""},
		{"options: daily across DST", options, OfflineDailyBound, time.Date(2030, 3, 20, 12, 0, 0, 0, berlin), time.Date(2030, 4, 18, 12, 0, 0, 0, berlin), "", ""},
		{"options: time pair", options, OfflineHourlyBound, time.Date(2030, 8, 1, 15, 30, 0, 0, berlin), time.Date(2030, 8, 30, 11, 0, 0, 0, berlin), "ends_at", "Fixed: lasts"},
		{"options: time pair missed", fixedOnly, OfflineHourlyBound, time.Date(2030, 8, 1, 13, 0, 0, 0, berlin), time.Date(2030, 8, 5, 11, 0, 0, 0, berlin), "ends_at", `Fixed: starts_at (13:00) and ends_at (11:00) are more than an hour from every time pair ("Guest" 15:00→11:00)`},
		{"options: time pair fits", options, OfflineHourlyBound, time.Date(2030, 8, 1, 15, 30, 0, 0, berlin), time.Date(2030, 8, 5, 11, 0, 0, 0, berlin), "", ""},
		{"options: none fits", options, OfflineHourlyBound, h(0), h(700), "ends_at", "Hourly: lasts 700h0m0s, more than PT672H; Daily: starts_at (00:00) and ends_at (04:00) must be at the same time of day; Fixed: lasts 700h0m0s, more than P14D"},
		{"options: one-time-use not bounded", options, OfflineOneTimeUse, h(0), time.Time{}, "", ""},
		{"other manufacturer: general rules only", `{"device_id":"x","can_program_offline_access_codes":true,"properties":{}}`, OfflineHourlyBound, h(0), h(5000), "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := CheckOfflineWindow(deviceFrom(t, tc.device), tc.kind, tc.start, tc.end)
			if tc.param == "" {
				require.NoError(t, err)
				return
			}
			var verr *ValidationError
			require.ErrorAs(t, err, &verr)
			assert.Equal(t, tc.param, verr.Param)
			assert.Contains(t, verr.Rule, tc.rule)
		})
	}

	var verr *ValidationError
	require.ErrorAs(t, CheckOfflineWindow(nil, OfflineHourlyBound, h(0), h(1)), &verr)
	assert.Equal(t, "device_id", verr.Param)
	require.Error(t, CheckOfflineWindow(deviceFrom(t, acIgloohomeJSON), OfflineCodeKind(9), h(0), h(1)))
	assert.Equal(t, "OfflineCodeKind(9)", OfflineCodeKind(9).String())
	assert.Equal(t, "daily-bound", OfflineDailyBound.String())
}

// TestCreateCheckDevice: with CheckDevice, Create reads the device first and
// refuses what it cannot take, sending no create request.
func TestCreateCheckDevice(t *testing.T) {
	devices := map[string]string{
		"igloo1":  acIgloohomeJSON,
		"sensor1": `{"device_id":"sensor1","capabilities_supported":["noise_detection"],"properties":{}}`,
		"lock1":   `{"device_id":"lock1","can_program_online_access_codes":true,"capabilities_supported":[],"properties":{}}`,
	}
	var creates counter
	srv := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch r.URL.Path {
		case "/devices/get":
			assert.Equal(t, http.MethodGet, r.Method)
			_, _ = w.Write([]byte(`{"device":` + devices[r.URL.Query().Get("device_id")] + `,"ok":true}`))
		case "/access_codes/create":
			creates.inc()
			_, _ = w.Write([]byte(`{"access_code":{"access_code_id":"ac1","device_id":"x","status":"unset","type":"time_bound","errors":[],"warnings":[],"is_managed":true},"ok":true}`))
		default:
			t.Errorf("unexpected %s", r.URL.Path)
		}
	})
	c := newTestClient(t, srv.URL)
	c.now = func() time.Time { return time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC) }
	ctx := t.Context()
	start := time.Date(2030, 2, 1, 10, 0, 0, 0, time.UTC)

	_, err := c.AccessCodes.Create(ctx, "igloo1", HourlyBoundOffline(start, start.Add(5*time.Hour)), CheckDevice())
	require.NoError(t, err)
	_, err = c.AccessCodes.Create(ctx, "lock1", WithCode("1234"), CheckDevice())
	require.NoError(t, err)
	assert.Equal(t, int64(2), creates.get())

	var verr *ValidationError
	_, err = c.AccessCodes.Create(ctx, "igloo1", HourlyBoundOffline(start, start.Add(700*time.Hour)), CheckDevice())
	require.ErrorAs(t, err, &verr)
	assert.Equal(t, "ends_at", verr.Param)
	assert.Contains(t, verr.Rule, "igloohome")

	_, err = c.AccessCodes.Create(ctx, "igloo1", DailyBoundOffline(start, start.AddDate(0, 0, 10)), CheckDevice())
	require.ErrorAs(t, err, &verr)
	assert.Contains(t, verr.Rule, "29 to 367 days")

	_, err = c.AccessCodes.Create(ctx, "sensor1", WithCode("1234"), CheckDevice())
	require.ErrorAs(t, err, &verr)
	assert.Equal(t, "device_id", verr.Param)
	assert.Equal(t, int64(2), creates.get(), "refused requests are not sent")
}
