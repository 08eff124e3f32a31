package seam

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDeviceLocation(t *testing.T) {
	for _, tc := range []struct {
		name, device, want string
	}{
		{"dormakaba first", `{"device_id":"d","location":{"time_zone":"Europe/Paris"},"properties":{"dormakaba_oracode_metadata":{"iana_timezone":"Asia/Tokyo"}}}`, "Asia/Tokyo"},
		{"location time_zone", `{"device_id":"d","location":{"time_zone":"Europe/Paris","timezone":"Asia/Tokyo"}}`, "Europe/Paris"},
		{"older spelling", `{"device_id":"d","location":{"timezone":"America/New_York"}}`, "America/New_York"},
		{"unknown name skipped", `{"device_id":"d","location":{"time_zone":"Mars/Olympus","timezone":"Europe/Berlin"}}`, "Europe/Berlin"},
		{"ultraloq", `{"device_id":"d","properties":{"ultraloq_metadata":{"time_zone":"Australia/Sydney"}}}`, "Australia/Sydney"},
		{"omnitec", `{"device_id":"d","properties":{"omnitec_metadata":{"time_zone":"Europe/Madrid","timezone_raw_offset_ms":3600000}}}`, "Europe/Madrid"},
		{"omnitec offset", `{"device_id":"d","properties":{"omnitec_metadata":{"timezone_raw_offset_ms":-16200000}}}`, "UTC-04:30"},
		{"ttlock offset", `{"device_id":"d","properties":{"ttlock_metadata":{"timezone_raw_offset_ms":7200000}}}`, "UTC+02:00"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			loc, err := DeviceLocation(deviceFrom(t, tc.device))
			require.NoError(t, err)
			assert.Equal(t, tc.want, loc.String())
		})
	}

	_, err := DeviceLocation(deviceFrom(t, `{"device_id":"d1"}`))
	require.ErrorIs(t, err, ErrNoTimeZone)
	assert.Contains(t, err.Error(), "d1")

	_, err = DeviceLocation(deviceFrom(t, `{"device_id":"d","location":{"time_zone":"Mars/Olympus"}}`))
	require.Error(t, err)
	assert.NotErrorIs(t, err, ErrNoTimeZone)
	assert.Contains(t, err.Error(), `location.time_zone "Mars/Olympus"`)

	var verr *ValidationError
	_, err = DeviceLocation(nil)
	require.ErrorAs(t, err, &verr)
	assert.Equal(t, "device", verr.Param)

	// Offsets keep their sign and size.
	loc, err := DeviceLocation(deviceFrom(t, `{"device_id":"d","properties":{"ttlock_metadata":{"timezone_raw_offset_ms":-16200000}}}`))
	require.NoError(t, err)
	_, off := acGuideNow.In(loc).Zone()
	assert.Equal(t, -16200, off)
}
