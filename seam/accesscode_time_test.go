package seam

import (
	"testing"
	"time"
	_ "time/tzdata" // the zones below, on machines without zoneinfo

	"github.com/seamgo/seam-go/seam/internal/accessrules"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func acZone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	require.NoError(t, err)
	return loc
}

// TestDailyWindowAcrossDST: the window keeps its local time of day on both
// dates when a daylight saving change falls inside it, so its length is
// not a multiple of 24 hours and its UTC times of day differ.
func TestDailyWindowAcrossDST(t *testing.T) {
	newYork, berlin := acZone(t, "America/New_York"), acZone(t, "Europe/Berlin")
	cases := []struct {
		name               string
		date               time.Time
		days               int
		timeOfDay          time.Duration
		loc                *time.Location
		wantStart, wantEnd string // RFC 3339 in UTC
		wantLength         time.Duration
	}{
		{"New York spring forward", time.Date(2026, 3, 6, 0, 0, 0, 0, time.UTC), 4, 16 * time.Hour, newYork,
			"2026-03-06T21:00:00Z", "2026-03-10T20:00:00Z", 4*24*time.Hour - time.Hour},
		{"New York fall back", time.Date(2026, 10, 30, 0, 0, 0, 0, time.UTC), 3, 11*time.Hour + 30*time.Minute, newYork,
			"2026-10-30T15:30:00Z", "2026-11-02T16:30:00Z", 3*24*time.Hour + time.Hour},
		{"Berlin spring forward", time.Date(2026, 3, 28, 0, 0, 0, 0, time.UTC), 2, 15 * time.Hour, berlin,
			"2026-03-28T14:00:00Z", "2026-03-30T13:00:00Z", 2*24*time.Hour - time.Hour},
		{"Berlin fall back, 31 days", time.Date(2026, 10, 10, 0, 0, 0, 0, time.UTC), 31, 10 * time.Hour, berlin,
			"2026-10-10T08:00:00Z", "2026-11-10T09:00:00Z", 31*24*time.Hour + time.Hour},
		{"Berlin no change", time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC), 7, 0, berlin,
			"2026-06-30T22:00:00Z", "2026-07-07T22:00:00Z", 7 * 24 * time.Hour},
		{"month and year end", time.Date(2026, 12, 30, 0, 0, 0, 0, time.UTC), 3, 23*time.Hour + 59*time.Minute, time.UTC,
			"2026-12-30T23:59:00Z", "2027-01-02T23:59:00Z", 3 * 24 * time.Hour},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			// The date is read in tc.loc: give it there (noon, far from any
			// change).
			date := time.Date(tc.date.Year(), tc.date.Month(), tc.date.Day(), 12, 0, 0, 0, tc.loc)
			start, end, err := DailyWindow(date, tc.days, tc.timeOfDay, tc.loc)
			require.NoError(t, err)
			assert.Equal(t, tc.wantStart, start.UTC().Format(time.RFC3339))
			assert.Equal(t, tc.wantEnd, end.UTC().Format(time.RFC3339))
			assert.Equal(t, tc.wantLength, end.Sub(start))
			assert.Equal(t, tc.loc, start.Location())
			assert.Equal(t, tc.loc, end.Location())
			assert.Equal(t, accessrules.TimeOfDay(start), tc.timeOfDay)
			assert.Equal(t, accessrules.TimeOfDay(end), tc.timeOfDay)
			assert.Equal(t, tc.days, accessrules.DaysBetween(start, end))

			// The window is a valid daily-bound offline code.
			p, err := collectParams([]AccessCodeOption{DailyBoundOffline(start, end)})
			require.NoError(t, err)
			require.NoError(t, p.validate(opCreate, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)))
			assert.Equal(t, tc.wantEnd, wireTime(*p.EndsAt))
		})
	}
}

// TestDailyWindowSameUTCClockIsNotDaily: the same UTC times of day across a
// DST change are different local times: as given in UTC they pass
// DailyBoundOffline, but seen in Berlin they do not.
func TestDailyWindowSameUTCClockIsNotDaily(t *testing.T) {
	berlin := acZone(t, "Europe/Berlin")
	start := time.Date(2026, 3, 28, 14, 0, 0, 0, time.UTC)
	end := start.AddDate(0, 0, 2)
	require.NoError(t, ruleErr(accessrules.CheckDaily(start, end)))
	var verr *ValidationError
	require.ErrorAs(t, ruleErr(accessrules.CheckDaily(start.In(berlin), end.In(berlin))), &verr)
	assert.Equal(t, "ends_at", verr.Param)
	assert.Contains(t, verr.Rule, "15:00:00.000 CET")
	assert.Contains(t, verr.Rule, "16:00:00.000 CEST")
}

func TestDailyWindowReadsTheDateInLoc(t *testing.T) {
	newYork, tokyo := acZone(t, "America/New_York"), acZone(t, "Asia/Tokyo")
	// 02:00 UTC on 7 March is still 6 March in New York.
	start, end, err := DailyWindow(time.Date(2026, 3, 7, 2, 0, 0, 0, time.UTC), 1, 9*time.Hour, newYork)
	require.NoError(t, err)
	assert.Equal(t, "2026-03-06T09:00:00-05:00", start.Format(time.RFC3339))
	assert.Equal(t, "2026-03-07T09:00:00-05:00", end.Format(time.RFC3339))
	// 23:30 UTC on 10 March is already 11 March in Tokyo.
	start, _, err = DailyWindow(time.Date(2026, 3, 10, 23, 30, 0, 0, time.UTC), 2, 16*time.Hour, tokyo)
	require.NoError(t, err)
	assert.Equal(t, "2026-03-11T16:00:00+09:00", start.Format(time.RFC3339))
	// A date given in another zone is converted, not read as written.
	start, _, err = DailyWindow(time.Date(2026, 3, 11, 8, 0, 0, 0, tokyo), 1, 9*time.Hour, newYork)
	require.NoError(t, err)
	assert.Equal(t, "2026-03-10T09:00:00-04:00", start.Format(time.RFC3339))
}

func TestDailyWindowRefusals(t *testing.T) {
	newYork, berlin := acZone(t, "America/New_York"), acZone(t, "Europe/Berlin")
	date := time.Date(2026, 3, 7, 12, 0, 0, 0, newYork)
	cases := []struct {
		name      string
		date      time.Time
		days      int
		timeOfDay time.Duration
		loc       *time.Location
		param     string
		want      string
	}{
		{"no location", date, 1, 0, nil, "loc", "location is nil"},
		{"zero days", date, 0, 0, newYork, "days", "days must be at least 1"},
		{"negative time of day", date, 1, -time.Minute, newYork, "timeOfDay", "outside [0, 24h)"},
		{"24 hours", date, 1, 24 * time.Hour, newYork, "timeOfDay", "outside [0, 24h)"},
		{"skipped local time on the end date", date, 1, 2*time.Hour + 30*time.Minute, newYork, "ends_at",
			"02:30:00 does not exist in America/New_York on 2026-03-08"},
		{"skipped local time on the start date", date.AddDate(0, 0, 1), 1, 2*time.Hour + 30*time.Minute, newYork, "starts_at",
			"02:30:00 does not exist in America/New_York on 2026-03-08"},
		{"repeated local time on the start date", time.Date(2026, 11, 1, 12, 0, 0, 0, newYork), 2, time.Hour + 30*time.Minute, newYork, "starts_at",
			"01:30:00 occurs twice in America/New_York on 2026-11-01 (01:30 EDT and 01:30 EST"},
		{"repeated local time on the end date", time.Date(2026, 10, 24, 12, 0, 0, 0, berlin), 1, 2*time.Hour + 59*time.Minute, berlin, "ends_at",
			"02:59:00 occurs twice in Europe/Berlin on 2026-10-25 (02:59 CEST and 02:59 CET"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := DailyWindow(tc.date, tc.days, tc.timeOfDay, tc.loc)
			var verr *ValidationError
			require.ErrorAs(t, err, &verr)
			require.ErrorIs(t, err, ErrInvalidInput)
			assert.Equal(t, tc.param, verr.Param)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
	// Just outside the repeated hour: accepted.
	for _, tod := range []time.Duration{59 * time.Minute, 2 * time.Hour} {
		start, _, err := DailyWindow(time.Date(2026, 11, 1, 12, 0, 0, 0, newYork), 1, tod, newYork)
		require.NoError(t, err)
		assert.Equal(t, tod, accessrules.TimeOfDay(start))
	}
}

func TestOneTimeUseExpiry(t *testing.T) {
	start := time.Date(2023, 11, 12, 0, 0, 0, 0, time.UTC)
	assert.Equal(t, time.Date(2023, 11, 13, 0, 0, 0, 0, time.UTC), OneTimeUseExpiry(start))
	assert.Equal(t, 24*time.Hour, OneTimeUseValidity)
}

func TestWireTime(t *testing.T) {
	berlin := acZone(t, "Europe/Berlin")
	assert.Equal(t, "2025-01-01T16:00:00Z", wireTime(time.Date(2025, 1, 1, 17, 0, 0, 0, berlin)))
	assert.Equal(t, "2025-01-01T16:00:00.5Z", wireTime(time.Date(2025, 1, 1, 16, 0, 0, 500_999_999, time.UTC)))
	assert.Equal(t, "2025-01-01T16:00:00.001Z", wireTime(time.Date(2025, 1, 1, 16, 0, 0, 1_000_000, time.UTC)))
}
