package accessrules

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Moved from seam/accesscode_offline_test.go: the same assertions, on the
// rules' own functions.

func TestParseTimeOfDay(t *testing.T) {
	cases := []struct {
		in      string
		tod     time.Duration
		zone    string
		ok      bool
		offsetS int
	}{
		{"15:30:00-08:00[America/Los_Angeles]", 15*time.Hour + 30*time.Minute, "America/Los_Angeles", true, 0},
		{"15:30", 15*time.Hour + 30*time.Minute, "", true, 0},
		{"07:05:09+02:00", 7*time.Hour + 5*time.Minute + 9*time.Second, "+02:00", true, 7200},
		{"23:59Z", 23*time.Hour + 59*time.Minute, "UTC", true, 0},
		{"24:00", 0, "", false, 0},
		{"7", 0, "", false, 0},
		{"ab:cd", 0, "", false, 0},
	}
	for _, tc := range cases {
		t.Run(tc.in, func(t *testing.T) {
			tod, loc, ok := ParseTimeOfDay(tc.in)
			require.Equal(t, tc.ok, ok)
			if !ok {
				return
			}
			assert.Equal(t, tc.tod, tod)
			if tc.zone == "" {
				assert.Nil(t, loc)
				return
			}
			require.NotNil(t, loc)
			assert.Equal(t, tc.zone, loc.String())
			if tc.offsetS != 0 {
				_, off := time.Date(2030, 1, 1, 0, 0, 0, 0, loc).Zone()
				assert.Equal(t, tc.offsetS, off)
			}
		})
	}
}

func TestParseISODuration(t *testing.T) {
	s := func(v string) *string { return &v }
	assert.Equal(t, ISODuration{Text: "PT672H", D: 672 * time.Hour, Set: true}, ParseISODuration(s("PT672H")))
	assert.Equal(t, ISODuration{Text: "P29D", D: 29 * 24 * time.Hour, Days: true, Set: true}, ParseISODuration(s("P29D")))
	assert.Equal(t, ISODuration{Text: "P1W2DT3H4M5S", D: 9*24*time.Hour + 3*time.Hour + 4*time.Minute + 5*time.Second, Days: true, Set: true}, ParseISODuration(s("P1W2DT3H4M5S")))
	for _, bad := range []string{"P", "PT", "P1Y", "P1M", "1D", "P1DT"} {
		assert.False(t, ParseISODuration(s(bad)).Set, bad)
	}
	assert.False(t, ParseISODuration(nil).Set)
}

func TestClockDistance(t *testing.T) {
	assert.Equal(t, time.Hour, ClockDistance(23*time.Hour+30*time.Minute, 30*time.Minute))
	assert.Equal(t, 15*time.Minute, ClockDistance(16*time.Hour, 15*time.Hour+45*time.Minute))
	assert.Equal(t, 12*time.Hour, ClockDistance(0, 12*time.Hour))
}
