package seam

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/seamgo/seam-go/gen"
)

// ErrNoTimeZone is matched (errors.Is) by the error of DeviceLocation for a
// device that reports no time zone.
var ErrNoTimeZone = errors.New("seam: the device reports no time zone")

// DeviceLocation returns the time zone of device, read from every field of
// the spec that carries one, in this order:
//
//  1. properties.dormakaba_oracode_metadata.iana_timezone
//  2. location.time_zone
//  3. location.timezone (the older spelling)
//  4. properties.ultraloq_metadata.time_zone
//  5. properties.omnitec_metadata.time_zone
//  6. properties.omnitec_metadata.timezone_raw_offset_ms, then
//     properties.ttlock_metadata.timezone_raw_offset_ms: a fixed offset
//     (no daylight saving), named like "UTC+02:00".
//
// The first IANA name the system's time zone database knows wins; a name
// it does not know is skipped. It fails with an error matching
// ErrNoTimeZone when the device reports none, and with an error naming the
// fields when it reports only names that cannot be loaded. The time zones
// of time_frame options describe their own time pairs, not the device,
// and are not read.
func DeviceLocation(device *gen.Device) (*time.Location, error) {
	if device == nil {
		return nil, &ValidationError{Param: "device", Rule: "is required"}
	}
	type named struct{ field, name string }
	var names []named
	add := func(field string, name *string) {
		if name != nil && strings.TrimSpace(*name) != "" {
			names = append(names, named{field, strings.TrimSpace(*name)})
		}
	}
	p := device.Properties
	if m := p.DormakabaOracodeMetadata; m != nil {
		add("properties.dormakaba_oracode_metadata.iana_timezone", m.IanaTimezone)
	}
	if l := device.Location; l != nil {
		add("location.time_zone", l.TimeZone)
		add("location.timezone", l.Timezone)
	}
	if m := p.UltraloqMetadata; m != nil {
		add("properties.ultraloq_metadata.time_zone", ptrOf(m.TimeZone))
	}
	if m := p.OmnitecMetadata; m != nil {
		add("properties.omnitec_metadata.time_zone", ptrOf(m.TimeZone))
	}
	var unknown []string
	for _, n := range names {
		loc, err := time.LoadLocation(n.name)
		if err == nil {
			return loc, nil
		}
		unknown = append(unknown, fmt.Sprintf("%s %q", n.field, n.name))
	}
	var offset *float64
	if m := p.OmnitecMetadata; m != nil && m.TimezoneRawOffsetMs != nil {
		offset = m.TimezoneRawOffsetMs
	} else if m := p.TtlockMetadata; m != nil && ptrOf(m.TimezoneRawOffsetMs) != nil {
		offset = ptrOf(m.TimezoneRawOffsetMs)
	}
	if offset != nil {
		return fixedZone(time.Duration(*offset) * time.Millisecond), nil
	}
	if len(unknown) > 0 {
		return nil, fmt.Errorf("seam: device %s: unknown time zone in %s", device.DeviceId, strings.Join(unknown, ", "))
	}
	return nil, fmt.Errorf("%w (device %s)", ErrNoTimeZone, device.DeviceId)
}

// fixedZone is a zone at offset from UTC, named "UTC+02:00".
func fixedZone(offset time.Duration) *time.Location {
	sign, d := "+", offset
	if d < 0 {
		sign, d = "-", -d
	}
	d = d.Round(time.Minute)
	return time.FixedZone(fmt.Sprintf("UTC%s%02d:%02d", sign, int(d.Hours()), int(d.Minutes())%60), int(offset/time.Second))
}
