package accessrules

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// param returns the Param of a *Violation, or "" (and fails) for another error.
func param(t *testing.T, err error) string {
	t.Helper()
	var v *Violation
	require.True(t, errors.As(err, &v), "want a *Violation, got %v", err)
	return v.Param
}

func TestCheckOfflineOnValues(t *testing.T) {
	la, err := time.LoadLocation("America/Los_Angeles")
	require.NoError(t, err)
	start := time.Date(2030, 6, 1, 16, 0, 0, 0, la)
	slot := Slot{Name: "Guest", CheckIn: 16 * time.Hour, CheckOut: 10 * time.Hour, Loc: la}
	igloo := Lock{Manufacturer: Igloohome}
	kaba := Lock{Manufacturer: DormakabaOracode, Loc: la, Slots: []Slot{slot}}
	cases := []struct {
		name       string
		lock       Lock
		kind       Kind
		start, end time.Time
		param      string // "" when the window is fine
	}{
		{"igloohome hourly 2h", igloo, HourlyBound, start, start.Add(2 * time.Hour), ""},
		{"igloohome hourly 29 days", igloo, HourlyBound, start, start.Add(29 * 24 * time.Hour), ParamEndsAt},
		{"igloohome daily 30 days", igloo, DailyBound, start, start.AddDate(0, 0, 30), ""},
		{"igloohome daily 3 days", igloo, DailyBound, start, start.AddDate(0, 0, 3), ParamEndsAt},
		{"daily needs the same time of day", Lock{}, DailyBound, start, start.AddDate(0, 0, 3).Add(time.Hour), ParamEndsAt},
		{"one-time-use takes no end", Lock{}, OneTimeUse, start, start.Add(time.Hour), ParamEndsAt},
		{"no start", Lock{}, HourlyBound, time.Time{}, start, ParamStartsAt},
		{"oracode in its slot", kaba, HourlyBound, start, time.Date(2030, 6, 3, 10, 30, 0, 0, la), ""},
		{"oracode outside its slots", kaba, HourlyBound, start.Add(-4 * time.Hour), start.Add(2 * time.Hour), ParamStartsAt},
		{"oracode over 31 days", kaba, DailyBound, start, start.AddDate(0, 0, 32), ParamEndsAt},
		{"oracode one-time-use", kaba, OneTimeUse, start, time.Time{}, ParamIsOneTimeUse},
		{"time frames replace the manufacturer rules", Lock{Manufacturer: Igloohome, TimeFrames: []TimeFrame{
			{Name: "short", Max: ParseISODuration(ptr("PT3H"))}}}, HourlyBound, start, start.Add(4 * time.Hour), ParamEndsAt},
		{"a time frame that fits", Lock{Manufacturer: Igloohome, TimeFrames: []TimeFrame{
			{Name: "short", Max: ParseISODuration(ptr("PT3H"))}}}, HourlyBound, start, start.Add(2 * time.Hour), ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := CheckOffline(tc.lock, tc.kind, tc.start, tc.end)
			if tc.param == "" {
				assert.NoError(t, err)
				return
			}
			assert.Equal(t, tc.param, param(t, err), "%v", err)
		})
	}
	assert.Error(t, CheckOffline(Lock{}, Kind(9), start, start.Add(time.Hour)))
}

func ptr[T any](v T) *T { return &v }

func TestValidateRequestValues(t *testing.T) {
	now := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	start, end := now.Add(time.Hour), now.Add(3*time.Hour)
	cases := []struct {
		name  string
		req   Request
		op    Op
		param string
	}{
		{"ongoing", Request{Preset: PresetOngoing, Name: ptr("n"), Set: []string{ParamName}}, Create, ""},
		{"time bound", Request{Preset: PresetTimeBound, StartsAt: &start, EndsAt: &end, Set: []string{ParamStartsAt, ParamEndsAt}}, Create, ""},
		{"short code", Request{Code: ptr("12"), Set: []string{ParamCode}}, Create, ParamCode},
		{"not accepted", Request{CodeSharing: ptr("throw"), Set: []string{ParamCodeSharing}}, Create, ParamCodeSharing},
		{"ends in the past", Request{StartsAt: ptr(now.Add(-2 * time.Hour)), EndsAt: ptr(now.Add(-time.Hour)), Set: []string{ParamStartsAt, ParamEndsAt}}, Update, ParamEndsAt},
		{"starts alone", Request{StartsAt: &start, Set: []string{ParamStartsAt}}, Update, ParamEndsAt},
		{"offline code chosen", Request{Code: ptr("1234"), IsOfflineAccessCode: ptr(true), StartsAt: &start, EndsAt: &end,
			Set: []string{ParamCode, ParamIsOfflineAccessCode, ParamStartsAt, ParamEndsAt}}, Create, ParamCode},
		{"hourly preset shorter than an hour", Request{Preset: PresetHourlyBoundOffline, IsOfflineAccessCode: ptr(true), MaxTimeRounding: ptr(Rounding("1h")),
			StartsAt: &start, EndsAt: ptr(start.Add(30 * time.Minute)), Set: []string{ParamStartsAt, ParamEndsAt}}, Create, ParamEndsAt},
		{"unknown rounding", Request{MaxTimeRounding: ptr(Rounding("2h")), Set: []string{ParamMaxTimeRounding}}, Update, ParamMaxTimeRounding},
		{"ongoing not accepted", Request{Preset: PresetOngoing}, UpdateMultiple, ParamType},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := Validate(&tc.req, tc.op, now)
			if tc.param == "" {
				assert.NoError(t, err)
				return
			}
			assert.Equal(t, tc.param, param(t, err), "%v", err)
		})
	}
}

func TestRequestHelpers(t *testing.T) {
	var r Request
	r.Mark(ParamName)
	r.Mark(ParamName)
	assert.Equal(t, []string{ParamName}, r.Set)
	require.NoError(t, r.UsePreset(PresetTimeBound))
	assert.Equal(t, ParamStartsAt, param(t, r.UsePreset(PresetOngoing)))
	assert.Equal(t, HourlyBound, r.OfflineKind())
	r.MaxTimeRounding = ptr(Rounding("1day"))
	assert.Equal(t, DailyBound, r.OfflineKind())
	r.IsOneTimeUse = ptr(true)
	assert.Equal(t, OneTimeUse, r.OfflineKind())
	assert.True(t, Rounding("1hour").IsHour())
	assert.False(t, Rounding("1h").IsDay())
}

func TestDailyWindowOnValues(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	require.NoError(t, err)
	start, end, err := DailyWindow(time.Date(2030, 3, 29, 12, 0, 0, 0, time.UTC), 2, 16*time.Hour, berlin)
	require.NoError(t, err)
	assert.Equal(t, TimeOfDay(start), TimeOfDay(end))
	assert.Equal(t, 2, DaysBetween(start, end))
	assert.Equal(t, 47*time.Hour, end.Sub(start), "across the spring change a day lasts 23 hours")
	_, _, err = DailyWindow(start, 0, time.Hour, berlin)
	assert.Equal(t, "days", param(t, err))
	_, _, err = DailyWindow(time.Date(2030, 3, 31, 0, 0, 0, 0, time.UTC), 1, 2*time.Hour+30*time.Minute, berlin)
	assert.Equal(t, ParamStartsAt, param(t, err), "02:30 does not exist in Berlin on 31 March 2030")
}
