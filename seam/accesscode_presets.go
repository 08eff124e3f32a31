package seam

import (
	"fmt"
	"time"
)

// OneTimeUseValidity is how long a one-time-use offline access code works
// after its starts_at (igloohome: 24 hours, and only once).
const OneTimeUseValidity = 24 * time.Hour

// OneTimeUseExpiry returns when a one-time-use offline access code that
// starts at startsAt stops working if unused: startsAt + OneTimeUseValidity.
func OneTimeUseExpiry(startsAt time.Time) time.Time {
	return startsAt.Add(OneTimeUseValidity)
}

// preset is the schedule preset an access code request was built with.
type preset int

const (
	presetNone preset = iota
	presetOngoing
	presetTimeBound
	presetHourlyBoundOffline
	presetDailyBoundOffline
	presetOneTimeUseOffline
)

// String returns the name of the function that sets the preset.
func (k preset) String() string {
	switch k {
	case presetOngoing:
		return "Ongoing"
	case presetTimeBound:
		return "TimeBound"
	case presetHourlyBoundOffline:
		return "HourlyBoundOffline"
	case presetDailyBoundOffline:
		return "DailyBoundOffline"
	case presetOneTimeUseOffline:
		return "OneTimeUseOffline"
	}
	return "none"
}

// usePreset records k as the request's preset; a request takes only one.
func (p *accessCodeParams) usePreset(k preset) error {
	if p.preset != presetNone && p.preset != k {
		return &ValidationError{Param: paramStartsAt, Rule: fmt.Sprintf("both %s and %s set the schedule; use one of them", p.preset, k)}
	}
	p.preset = k
	return nil
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
		if err := p.usePreset(presetOngoing); err != nil {
			return err
		}
		if name != "" {
			p.name = &name
			p.mark(paramName)
		}
		if code != "" {
			p.code = &code
			p.mark(paramCode)
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
	return windowPreset(presetTimeBound, start, end, func(*accessCodeParams) {})
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
	return windowPreset(presetHourlyBoundOffline, start, end, offlineRounding(RoundToHour))
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
	return windowPreset(presetDailyBoundOffline, start, end, offlineRounding(RoundToDay))
}

// OneTimeUseOffline describes a one-time-use offline access code (guide:
// "Creating a One-Time-Use Offline Access Code"): is_offline_access_code
// and is_one_time_use true, starts_at only. The code works once, within
// OneTimeUseValidity (24 hours) of start (see OneTimeUseExpiry); ends_at
// is refused.
func OneTimeUseOffline(start time.Time) AccessCodeSetting {
	return AccessCodeSetting{apply: func(p *accessCodeParams) error {
		if err := p.usePreset(presetOneTimeUseOffline); err != nil {
			return err
		}
		if start.IsZero() {
			return &ValidationError{Param: paramStartsAt, Rule: "OneTimeUseOffline needs a start time"}
		}
		offline, oneTime := true, true
		p.startsAt, p.isOfflineAccessCode, p.isOneTimeUse = &start, &offline, &oneTime
		p.mark(paramStartsAt)
		p.mark(paramIsOfflineAccessCode)
		p.mark(paramIsOneTimeUse)
		return nil
	}}
}

// windowPreset builds a preset that sets starts_at and ends_at (both
// required), then whatever extra sets.
func windowPreset(k preset, start, end time.Time, extra func(*accessCodeParams)) AccessCodeSetting {
	return AccessCodeSetting{apply: func(p *accessCodeParams) error {
		if err := p.usePreset(k); err != nil {
			return err
		}
		if start.IsZero() {
			return &ValidationError{Param: paramStartsAt, Rule: k.String() + " needs a start time"}
		}
		if end.IsZero() {
			return &ValidationError{Param: paramEndsAt, Rule: k.String() + " needs an end time"}
		}
		p.startsAt, p.endsAt = &start, &end
		p.mark(paramStartsAt)
		p.mark(paramEndsAt)
		extra(p)
		return nil
	}}
}

// offlineRounding returns the extra settings of a bound offline preset:
// is_offline_access_code true and max_time_rounding rounding.
func offlineRounding(rounding TimeRounding) func(*accessCodeParams) {
	return func(p *accessCodeParams) {
		offline, r := true, rounding // fresh pointers for each use of the setting
		p.isOfflineAccessCode, p.maxTimeRounding = &offline, &r
		p.mark(paramIsOfflineAccessCode)
		p.mark(paramMaxTimeRounding)
	}
}

// checkPreset checks that the final parameters still describe the preset
// (a later setting may have changed them) and the preset's own rules.
func (p *accessCodeParams) checkPreset() error {
	k := p.preset
	switch k {
	case presetNone:
		return nil
	case presetOngoing:
		if p.startsAt != nil {
			return &ValidationError{Param: paramStartsAt, Rule: "must not be set for an Ongoing code"}
		}
		if p.endsAt != nil {
			return &ValidationError{Param: paramEndsAt, Rule: "must not be set for an Ongoing code"}
		}
		if p.offline() {
			return &ValidationError{Param: paramIsOfflineAccessCode, Rule: "must not be true for an Ongoing code"}
		}
		return nil
	case presetOneTimeUseOffline:
		if p.endsAt != nil {
			return &ValidationError{Param: paramEndsAt, Rule: "must not be set for a one-time-use code: it works once within 24 hours of starts_at"}
		}
		if p.startsAt == nil {
			return &ValidationError{Param: paramStartsAt, Rule: "OneTimeUseOffline needs a start time"}
		}
		return p.requireOfflineFlags(k, true)
	}
	if p.startsAt == nil {
		return &ValidationError{Param: paramStartsAt, Rule: k.String() + " needs a start time"}
	}
	if p.endsAt == nil {
		return &ValidationError{Param: paramEndsAt, Rule: k.String() + " needs an end time"}
	}
	start, end := *p.startsAt, *p.endsAt
	switch k {
	case presetHourlyBoundOffline:
		if err := p.requireOfflineFlags(k, false); err != nil {
			return err
		}
		if p.maxTimeRounding == nil || !p.maxTimeRounding.isHour() {
			return &ValidationError{Param: paramMaxTimeRounding, Rule: "must be \"1h\" for an HourlyBoundOffline code"}
		}
		if end.Sub(start) < time.Hour {
			return &ValidationError{Param: paramEndsAt, Rule: fmt.Sprintf("must be at least one hour after starts_at for an hourly-bound offline code (window is %s)", end.Sub(start))}
		}
	case presetDailyBoundOffline:
		if err := p.requireOfflineFlags(k, false); err != nil {
			return err
		}
		if p.maxTimeRounding == nil || !p.maxTimeRounding.isDay() {
			return &ValidationError{Param: paramMaxTimeRounding, Rule: "must be \"1d\" for a DailyBoundOffline code"}
		}
		if err := checkDailyWindow(start, end); err != nil {
			return err
		}
	}
	return nil
}

// requireOfflineFlags checks is_offline_access_code (true) and
// is_one_time_use (oneTime) for preset k.
func (p *accessCodeParams) requireOfflineFlags(k preset, oneTime bool) error {
	if !p.offline() {
		return &ValidationError{Param: paramIsOfflineAccessCode, Rule: "must be true for a " + k.String() + " code"}
	}
	if p.oneTimeUse() != oneTime {
		return &ValidationError{Param: paramIsOneTimeUse, Rule: fmt.Sprintf("must be %t for a %s code", oneTime, k)}
	}
	return nil
}

// checkDailyWindow checks that start and end show the same time of day
// (to the millisecond), each on its own wall clock, on different dates.
func checkDailyWindow(start, end time.Time) error {
	if timeOfDay(start) != timeOfDay(end) {
		return &ValidationError{Param: paramEndsAt, Rule: fmt.Sprintf(
			"must be at the same time of day as starts_at for a daily-bound offline code (starts_at at %s, ends_at at %s)",
			start.Format("15:04:05.000 MST"), end.Format("15:04:05.000 MST"))}
	}
	sy, sm, sd := start.Date()
	ey, em, ed := end.Date()
	if sy == ey && sm == em && sd == ed {
		return &ValidationError{Param: paramEndsAt, Rule: "must be on a later date than starts_at for a daily-bound offline code"}
	}
	return nil
}

// timeOfDay returns the wall-clock time of t since midnight, to the
// millisecond, in t's own Location.
func timeOfDay(t time.Time) time.Duration {
	h, m, s := t.Clock()
	ms := t.Nanosecond() / int(time.Millisecond)
	return time.Duration(h)*time.Hour + time.Duration(m)*time.Minute + time.Duration(s)*time.Second + time.Duration(ms)*time.Millisecond
}
