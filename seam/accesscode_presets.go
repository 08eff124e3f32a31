package seam

import (
	"time"

	"github.com/seamgo/seam-go/seam/internal/accessrules"
)

// OneTimeUseValidity is how long a one-time-use offline access code works
// after its starts_at (igloohome: 24 hours, and only once).
const OneTimeUseValidity = 24 * time.Hour

// OneTimeUseExpiry returns when a one-time-use offline access code that
// starts at startsAt stops working if unused: startsAt + OneTimeUseValidity.
func OneTimeUseExpiry(startsAt time.Time) time.Time {
	return startsAt.Add(OneTimeUseValidity)
}

// Ongoing describes an ongoing access code: no starts_at or ends_at, active
// until deleted (guide: "Creating an Ongoing Access Code"). name and code
// are optional ("" leaves them unset, and Seam names the code or picks a
// PIN). Passed to Update, it turns a time-bound code into an ongoing one
// (type "ongoing").
//
//	code, err := client.AccessCodes.Create(ctx, lockID, seam.Ongoing("my ongoing code", "1234"))
func Ongoing(name, code string) AccessCodeSetting {
	return AccessCodeSetting{apply: func(p *accessCodeParams) error {
		if err := p.UsePreset(accessrules.PresetOngoing); err != nil {
			return err
		}
		if name != "" {
			p.Name = &name
			p.Mark(accessrules.ParamName)
		}
		if code != "" {
			p.Code = &code
			p.Mark(accessrules.ParamCode)
		}
		return nil
	}}
}

// TimeBound describes a time-bound access code, active from start to end
// (guide: "Creating a Time-Bound Access Code"). Both are required, end must
// be after start and in the future. Combine with WithCodeName and WithCode:
//
//	code, err := client.AccessCodes.Create(ctx, lockID,
//		seam.TimeBound(start, end), seam.WithCodeName("my time-bound code"), seam.WithCode("2345"))
func TimeBound(start, end time.Time) AccessCodeSetting {
	return windowPreset(accessrules.PresetTimeBound, start, end, func(*accessCodeParams) {})
}

// HourlyBoundOffline describes an hourly-bound offline access code, valid
// from start to end (guide: "Creating an Hourly-Bound Offline Access
// Code"): is_offline_access_code true and max_time_rounding "1h". The lock's
// manufacturer computes the PIN later (see WaitUntilReady).
//
// Seam rounds start and end to the lock's hour grid, moving each by less
// than an hour, so they need not fall on whole hours; what the API refuses
// with "1h" is a window that would need more rounding than that. The rule
// checked here is the one that holds for every lock: the window lasts at
// least one hour (end - start >= 1h). Manufacturer limits (igloohome: at
// most 672 hours; dormakaba Oracode: at most 31 days, within a predefined
// time slot) are checked by CheckOfflineWindow, or by Create with
// CheckDevice.
func HourlyBoundOffline(start, end time.Time) AccessCodeSetting {
	return windowPreset(accessrules.PresetHourlyBoundOffline, start, end, offlineRounding(RoundToHour))
}

// DailyBoundOffline describes a daily-bound offline access code (guide:
// "Creating a Daily-Bound Offline Access Code"): is_offline_access_code
// true and max_time_rounding "1d". start and end must show the same time of
// day on different dates. That is read on the wall clock of each time.Time
// as given, in its own Location: build both in the lock's time zone (see
// DailyWindow) so that a window across a daylight saving change keeps the
// same local time. Manufacturer limits (igloohome: 29 to 367 days;
// dormakaba Oracode: at most 31 days) are checked by CheckOfflineWindow.
func DailyBoundOffline(start, end time.Time) AccessCodeSetting {
	return windowPreset(accessrules.PresetDailyBoundOffline, start, end, offlineRounding(RoundToDay))
}

// OneTimeUseOffline describes a one-time-use offline access code (guide:
// "Creating a One-Time-Use Offline Access Code"): is_offline_access_code
// and is_one_time_use true, starts_at only. The code works once, within
// OneTimeUseValidity (24 hours) of start (see OneTimeUseExpiry); ends_at
// is refused.
func OneTimeUseOffline(start time.Time) AccessCodeSetting {
	return AccessCodeSetting{apply: func(p *accessCodeParams) error {
		if err := p.UsePreset(accessrules.PresetOneTimeUseOffline); err != nil {
			return err
		}
		if start.IsZero() {
			return &ValidationError{Param: accessrules.ParamStartsAt, Rule: "OneTimeUseOffline needs a start time"}
		}
		offline, oneTime := true, true
		p.StartsAt, p.IsOfflineAccessCode, p.IsOneTimeUse = &start, &offline, &oneTime
		p.Mark(accessrules.ParamStartsAt)
		p.Mark(accessrules.ParamIsOfflineAccessCode)
		p.Mark(accessrules.ParamIsOneTimeUse)
		return nil
	}}
}

// windowPreset builds a preset that sets starts_at and ends_at (both
// required), then whatever extra sets.
func windowPreset(k accessrules.Preset, start, end time.Time, extra func(*accessCodeParams)) AccessCodeSetting {
	return AccessCodeSetting{apply: func(p *accessCodeParams) error {
		if err := p.UsePreset(k); err != nil {
			return err
		}
		if start.IsZero() {
			return &ValidationError{Param: accessrules.ParamStartsAt, Rule: k.String() + " needs a start time"}
		}
		if end.IsZero() {
			return &ValidationError{Param: accessrules.ParamEndsAt, Rule: k.String() + " needs an end time"}
		}
		p.StartsAt, p.EndsAt = &start, &end
		p.Mark(accessrules.ParamStartsAt)
		p.Mark(accessrules.ParamEndsAt)
		extra(p)
		return nil
	}}
}

// offlineRounding returns the extra settings of a bound offline preset:
// is_offline_access_code true and max_time_rounding rounding.
func offlineRounding(rounding TimeRounding) func(*accessCodeParams) {
	return func(p *accessCodeParams) {
		offline, r := true, accessrules.Rounding(rounding) // fresh pointers for each use of the setting
		p.IsOfflineAccessCode, p.MaxTimeRounding = &offline, &r
		p.Mark(accessrules.ParamIsOfflineAccessCode)
		p.Mark(accessrules.ParamMaxTimeRounding)
	}
}
