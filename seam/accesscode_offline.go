package seam

import (
	"fmt"
	"time"

	"github.com/seamgo/seam-go/gen"
)

// OfflineCodeKind is a kind of offline access code, for CheckOfflineWindow.
type OfflineCodeKind int

// Kinds of offline access codes.
const (
	// OfflineHourlyBound is a time-bound code on the hour grid
	// (HourlyBoundOffline).
	OfflineHourlyBound OfflineCodeKind = iota + 1
	// OfflineDailyBound is a time-bound code on the day grid
	// (DailyBoundOffline).
	OfflineDailyBound
	// OfflineOneTimeUse is a code that works once (OneTimeUseOffline).
	OfflineOneTimeUse
)

// String returns "hourly-bound", "daily-bound" or "one-time-use".
func (k OfflineCodeKind) String() string {
	switch k {
	case OfflineHourlyBound:
		return "hourly-bound"
	case OfflineDailyBound:
		return "daily-bound"
	case OfflineOneTimeUse:
		return "one-time-use"
	}
	return fmt.Sprintf("OfflineCodeKind(%d)", int(k))
}

// Manufacturer limits of offline access codes, from Seam's device guides.
const (
	// igloohome hourly-bound codes last 1 to 672 hours.
	igloohomeHourlyMin = time.Hour
	igloohomeHourlyMax = 672 * time.Hour
	// igloohome daily-bound codes last 29 to 367 days.
	igloohomeDailyMinDays = 29
	igloohomeDailyMaxDays = 367
	// dormakaba Oracode offline codes last at most 31 consecutive days.
	oracodeMaxDays = 31
	// Seam moves starts_at and ends_at by up to an hour to fit a dormakaba
	// Oracode predefined time slot.
	oracodeSlotTolerance = time.Hour
)

// SupportsOfflineAccessCodes reports whether device can take offline access
// codes. When the device has the capability flag
// can_program_offline_access_codes, that flag decides; otherwise the device
// must list "access_code" in capabilities_supported and have
// properties.offline_access_codes_enabled true (the older check of Seam's
// guide).
func SupportsOfflineAccessCodes(device *gen.Device) bool {
	if device == nil {
		return false
	}
	if device.CanProgramOfflineAccessCodes != nil {
		return *device.CanProgramOfflineAccessCodes
	}
	// offline_access_codes_enabled is deprecated, but it is what the guide checks.
	enabled := device.Properties.OfflineAccessCodesEnabled
	return hasAccessCodeCapability(device) && enabled != nil && *enabled
}

// supportsOnlineAccessCodes reports whether device can take online access
// codes: can_program_online_access_codes when present, else "access_code"
// in capabilities_supported.
func supportsOnlineAccessCodes(device *gen.Device) bool {
	if device.CanProgramOnlineAccessCodes != nil {
		return *device.CanProgramOnlineAccessCodes
	}
	return hasAccessCodeCapability(device)
}

func hasAccessCodeCapability(device *gen.Device) bool {
	for _, c := range device.CapabilitiesSupported {
		if c == gen.DeviceCapabilitiesSupportedAccessCode {
			return true
		}
	}
	return false
}

// CheckOfflineWindow checks that an offline access code of kind, from start
// to end, suits device, before asking Seam for it. It returns a
// *ValidationError saying precisely what is wrong, or nil:
//
//   - the device must support offline access codes
//     (SupportsOfflineAccessCodes);
//   - hourly- and daily-bound codes need start and end, end after start; a
//     one-time-use code needs start and no end (pass the zero time);
//   - a daily-bound code needs the same time of day on different dates, read
//     in the lock's time zone when the device reports one (dormakaba
//     iana_timezone, location time_zone), else on the times as given;
//   - when the device lists properties.offline_time_frame_options, the
//     window must satisfy one of them (duration bounds, matching start and
//     end times, fixed time pairs; date recurrence rules are not checked);
//   - otherwise the manufacturer's rules: igloohome hourly-bound 1 to 672
//     hours, daily-bound 29 to 367 days; dormakaba Oracode no one-time-use
//     codes, at most 31 days, and, when the lock lists
//     dormakaba_oracode_metadata.predefined_time_slots, start and end within
//     an hour of the check-in and check-out times of one slot, in the lock's
//     time zone. Other manufacturers get only the general rules.
func CheckOfflineWindow(device *gen.Device, kind OfflineCodeKind, start, end time.Time) error {
	if device == nil {
		return &ValidationError{Param: "device_id", Rule: "no device given to check"}
	}
	if kind < OfflineHourlyBound || kind > OfflineOneTimeUse {
		return fmt.Errorf("seam: CheckOfflineWindow: unknown kind %s", kind)
	}
	if !SupportsOfflineAccessCodes(device) {
		return &ValidationError{Param: "device_id", Rule: fmt.Sprintf(
			"device %s does not support offline access codes (can_program_offline_access_codes, or the access_code capability with offline_access_codes_enabled, is not true)", device.DeviceId)}
	}
	loc := lockLocation(device)
	if err := checkOfflineShape(kind, start, end, loc); err != nil {
		return err
	}
	if opts := timeFrameOptions(device, loc); len(opts) > 0 {
		return checkTimeFrameOptions(opts, kind, start, end)
	}
	switch device.DeviceType {
	case gen.DeviceDeviceTypeIgloohomeLock:
		return checkIgloohome(kind, start, end, loc)
	case gen.DeviceDeviceTypeDormakabaOracodeDoor:
		return checkOracode(device, kind, start, end, loc)
	}
	return nil
}

// checkOfflineShape checks the rules every offline code of kind follows.
func checkOfflineShape(kind OfflineCodeKind, start, end time.Time, loc *time.Location) error {
	if start.IsZero() {
		return &ValidationError{Param: paramStartsAt, Rule: "is required for a " + kind.String() + " offline access code"}
	}
	if kind == OfflineOneTimeUse {
		if !end.IsZero() {
			return &ValidationError{Param: paramEndsAt, Rule: "must not be set for a one-time-use code: it works once within 24 hours of starts_at"}
		}
		return nil
	}
	if end.IsZero() {
		return &ValidationError{Param: paramEndsAt, Rule: "is required for a " + kind.String() + " offline access code"}
	}
	if !end.After(start) {
		return &ValidationError{Param: paramEndsAt, Rule: "must be after starts_at"}
	}
	if kind == OfflineDailyBound {
		return checkDailyWindow(inZone(start, loc), inZone(end, loc))
	}
	return nil
}

// checkIgloohome applies igloohome's algoPIN limits.
func checkIgloohome(kind OfflineCodeKind, start, end time.Time, loc *time.Location) error {
	switch kind {
	case OfflineHourlyBound:
		if d := end.Sub(start); d < igloohomeHourlyMin || d > igloohomeHourlyMax {
			return &ValidationError{Param: paramEndsAt, Rule: fmt.Sprintf(
				"an igloohome hourly-bound code lasts 1 to 672 hours (28 days); this one lasts %s", d)}
		}
	case OfflineDailyBound:
		if n := daysBetween(inZone(start, loc), inZone(end, loc)); n < igloohomeDailyMinDays || n > igloohomeDailyMaxDays {
			return &ValidationError{Param: paramEndsAt, Rule: fmt.Sprintf(
				"an igloohome daily-bound code lasts 29 to 367 days; this one lasts %d days", n)}
		}
	}
	return nil
}

// checkOracode applies dormakaba Oracode's limits and time slots.
func checkOracode(device *gen.Device, kind OfflineCodeKind, start, end time.Time, loc *time.Location) error {
	if kind == OfflineOneTimeUse {
		return &ValidationError{Param: paramIsOneTimeUse, Rule: "dormakaba Oracode locks take hourly- or daily-bound offline codes, not one-time-use ones"}
	}
	if limit := inZone(start, loc).AddDate(0, 0, oracodeMaxDays); end.After(limit) {
		return &ValidationError{Param: paramEndsAt, Rule: fmt.Sprintf(
			"a dormakaba Oracode offline code lasts at most 31 days (ends_at at most %s); this one lasts %s", wireTime(limit), end.Sub(start))}
	}
	meta := device.Properties.DormakabaOracodeMetadata
	if meta == nil || meta.PredefinedTimeSlots == nil || len(*meta.PredefinedTimeSlots) == 0 {
		return nil
	}
	slots := make([]timeSlot, 0, len(*meta.PredefinedTimeSlots))
	for _, s := range *meta.PredefinedTimeSlots {
		if (s.IsOneShot != nil && *s.IsOneShot) || (s.IsMaster != nil && *s.IsMaster) {
			continue // not supported by Seam for access codes
		}
		slot, ok := parseTimeSlot(deref(s.Name), deref(s.CheckInTime), deref(s.CheckOutTime), loc)
		if ok {
			slots = append(slots, slot)
		}
	}
	return matchTimeSlot(slots, start, end)
}

// lockLocation returns the time zone the device reports (DeviceLocation),
// or nil.
func lockLocation(device *gen.Device) *time.Location {
	loc, err := DeviceLocation(device)
	if err != nil {
		return nil
	}
	return loc
}

// inZone returns t in loc, or t itself when loc is nil.
func inZone(t time.Time, loc *time.Location) time.Time {
	if loc == nil {
		return t
	}
	return t.In(loc)
}

// daysBetween returns how many calendar dates end is after start, each
// read in its own Location.
func daysBetween(start, end time.Time) int {
	sy, sm, sd := start.Date()
	ey, em, ed := end.Date()
	a := time.Date(sy, sm, sd, 0, 0, 0, 0, time.UTC)
	b := time.Date(ey, em, ed, 0, 0, 0, 0, time.UTC)
	return int(b.Sub(a) / (24 * time.Hour))
}

// checkFor runs the checks of CheckDevice for the request p on device.
func (p *accessCodeParams) checkFor(device *gen.Device) error {
	if !p.offline() {
		if !supportsOnlineAccessCodes(device) {
			return &ValidationError{Param: "device_id", Rule: fmt.Sprintf(
				"device %s does not support access codes (no access_code capability)", device.DeviceId)}
		}
		return nil
	}
	kind := OfflineHourlyBound
	switch {
	case p.oneTimeUse():
		kind = OfflineOneTimeUse
	case p.maxTimeRounding != nil && p.maxTimeRounding.isDay():
		kind = OfflineDailyBound
	}
	return CheckOfflineWindow(device, kind, deref(p.startsAt), deref(p.endsAt))
}
