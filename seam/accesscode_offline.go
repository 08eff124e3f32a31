package seam

import (
	"fmt"
	"time"

	"github.com/seamgo/seam-go/gen"
	"github.com/seamgo/seam-go/seam/internal/accessrules"
)

// OfflineCodeKind is a kind of offline access code, for CheckOfflineWindow.
type OfflineCodeKind int

// Kinds of offline access codes.
const (
	// OfflineHourlyBound is a time-bound code on the hour grid
	// (HourlyBoundOffline).
	OfflineHourlyBound = OfflineCodeKind(accessrules.HourlyBound)
	// OfflineDailyBound is a time-bound code on the day grid
	// (DailyBoundOffline).
	OfflineDailyBound = OfflineCodeKind(accessrules.DailyBound)
	// OfflineOneTimeUse is a code that works once (OneTimeUseOffline).
	OfflineOneTimeUse = OfflineCodeKind(accessrules.OneTimeUse)
)

// String returns "hourly-bound", "daily-bound" or "one-time-use".
func (k OfflineCodeKind) String() string { return accessrules.Kind(k).String() }

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
	return ruleErr(accessrules.CheckOffline(lockOf(device), accessrules.Kind(kind), start, end))
}

// lockOf is what the offline rules need to know of device: its
// manufacturer, time zone (DeviceLocation), offline_time_frame_options and
// dormakaba Oracode predefined time slots.
func lockOf(device *gen.Device) accessrules.Lock {
	lock := accessrules.Lock{ID: device.DeviceId}
	if loc, err := DeviceLocation(device); err == nil {
		lock.Loc = loc
	}
	switch device.DeviceType {
	case gen.DeviceDeviceTypeIgloohomeLock:
		lock.Manufacturer = accessrules.Igloohome
	case gen.DeviceDeviceTypeDormakabaOracodeDoor:
		lock.Manufacturer = accessrules.DormakabaOracode
	}
	for _, o := range deref(device.Properties.OfflineTimeFrameOptions) {
		frame := accessrules.TimeFrame{
			Name:     o.DisplayName,
			Min:      accessrules.ParseISODuration(o.MinDuration),
			Max:      accessrules.ParseISODuration(o.MaxDuration),
			Matching: o.MatchingStartEndTime != nil && bool(*o.MatchingStartEndTime),
			Loc:      lock.Loc,
		}
		if o.TimeZone != nil {
			if loc, err := time.LoadLocation(*o.TimeZone); err == nil {
				frame.Loc = loc
			}
		}
		for _, p := range deref(o.TimePairs) {
			start, _, ok1 := accessrules.ParseTimeOfDay(p.StartTime)
			end, _, ok2 := accessrules.ParseTimeOfDay(p.EndTime)
			if ok1 && ok2 {
				frame.Pairs = append(frame.Pairs, accessrules.TimePair{Name: p.DisplayName, Start: start, End: end})
			}
		}
		lock.TimeFrames = append(lock.TimeFrames, frame)
	}
	if meta := device.Properties.DormakabaOracodeMetadata; meta != nil {
		for _, s := range deref(meta.PredefinedTimeSlots) {
			if (s.IsOneShot != nil && *s.IsOneShot) || (s.IsMaster != nil && *s.IsMaster) {
				continue // not supported by Seam for access codes
			}
			if slot, ok := accessrules.ParseSlot(deref(s.Name), deref(s.CheckInTime), deref(s.CheckOutTime), lock.Loc); ok {
				lock.Slots = append(lock.Slots, slot)
			}
		}
	}
	return lock
}

// checkFor runs the checks of CheckDevice for the request p on device.
func (p *accessCodeParams) checkFor(device *gen.Device) error {
	if !p.Offline() {
		if !supportsOnlineAccessCodes(device) {
			return &ValidationError{Param: "device_id", Rule: fmt.Sprintf(
				"device %s does not support access codes (no access_code capability)", device.DeviceId)}
		}
		return nil
	}
	return CheckOfflineWindow(device, OfflineCodeKind(p.OfflineKind()), deref(p.StartsAt), deref(p.EndsAt))
}

// DailyWindow returns the window of a daily-bound code: start is the date
// of startDate, read in loc, at timeOfDay (the wall-clock time since
// midnight, e.g. 16*time.Hour for 4 pm) in loc, and end is days dates later
// at the same wall-clock time in loc. Both times are in loc. Across a
// daylight saving change the two keep the same local time of day, so
// end - start is then not a whole number of 24 hours:
//
//	start, end, err := seam.DailyWindow(checkIn, 3, 16*time.Hour, berlin)
//	code, err := client.AccessCodes.Create(ctx, lockID, seam.DailyBoundOffline(start, end))
//
// The date is that of startDate in loc (startDate.In(loc).Date()): 23:30
// UTC on 6 March is 7 March in Berlin. days must be at least 1, timeOfDay
// within [0, 24h), loc not nil. A local time that a daylight saving change
// makes ambiguous on either date is refused (it occurs twice: the lock and
// Seam could each pick another instant), and so is one it skips (it does
// not exist). Every error is a *ValidationError (matching ErrInvalidInput)
// naming the argument ("loc", "days", "timeOfDay") or the bound ("starts_at",
// "ends_at") at fault.
func DailyWindow(startDate time.Time, days int, timeOfDay time.Duration, loc *time.Location) (start, end time.Time, err error) {
	start, end, err = accessrules.DailyWindow(startDate, days, timeOfDay, loc)
	return start, end, ruleErr(err)
}
