package accessrules

import (
	"fmt"
	"time"
)

// Rounding is a max_time_rounding value ("1h", "1d", "1hour", "1day").
type Rounding string

// IsHour reports whether r rounds to the hour.
func (r Rounding) IsHour() bool { return r == "1h" || r == "1hour" }

// IsDay reports whether r rounds to the day.
func (r Rounding) IsDay() bool { return r == "1d" || r == "1day" }

// Preset is the schedule preset a request was built with.
type Preset int

// Presets (seam.Ongoing, seam.TimeBound, …).
const (
	PresetNone Preset = iota
	PresetOngoing
	PresetTimeBound
	PresetHourlyBoundOffline
	PresetDailyBoundOffline
	PresetOneTimeUseOffline
)

// String returns the name of the seam function that sets the preset.
func (k Preset) String() string {
	switch k {
	case PresetOngoing:
		return "Ongoing"
	case PresetTimeBound:
		return "TimeBound"
	case PresetHourlyBoundOffline:
		return "HourlyBoundOffline"
	case PresetDailyBoundOffline:
		return "DailyBoundOffline"
	case PresetOneTimeUseOffline:
		return "OneTimeUseOffline"
	}
	return "none"
}

// Request is the settings of one access-code request, as the seam options
// set them; nil means "not given".
type Request struct {
	Name, Code, CommonCodeKey *string
	StartsAt, EndsAt          *time.Time

	PreferNativeScheduling        *bool
	AllowExternalModification     *bool
	IsExternalModificationAllowed *bool
	UseBackupAccessCodePool       *bool
	AttemptForOfflineDevice       *bool
	IsOfflineAccessCode           *bool
	IsOneTimeUse                  *bool
	UseOfflineAccessCode          *bool

	MaxTimeRounding     *Rounding
	PreferredCodeLength *int
	CodeSharing         *string

	// Preset is the schedule preset used, if any.
	Preset Preset
	// Set lists the parameters given, in order, once each.
	Set []string
}

// Mark records that param was given.
func (r *Request) Mark(param string) {
	for _, s := range r.Set {
		if s == param {
			return
		}
	}
	r.Set = append(r.Set, param)
}

// UsePreset records k as the request's preset; a request takes only one.
func (r *Request) UsePreset(k Preset) error {
	if r.Preset != PresetNone && r.Preset != k {
		return violation(ParamStartsAt, fmt.Sprintf("both %s and %s set the schedule; use one of them", r.Preset, k))
	}
	r.Preset = k
	return nil
}

// Offline reports whether the request asks for an offline access code.
func (r *Request) Offline() bool {
	return (r.IsOfflineAccessCode != nil && *r.IsOfflineAccessCode) ||
		(r.UseOfflineAccessCode != nil && *r.UseOfflineAccessCode)
}

// OneTimeUse reports whether the request asks for a one-time-use code.
func (r *Request) OneTimeUse() bool {
	return r.IsOneTimeUse != nil && *r.IsOneTimeUse
}

// OfflineKind is the kind of offline code an offline request asks for.
func (r *Request) OfflineKind() Kind {
	switch {
	case r.OneTimeUse():
		return OneTimeUse
	case r.MaxTimeRounding != nil && r.MaxTimeRounding.IsDay():
		return DailyBound
	}
	return HourlyBound
}

// Op is an operation that takes access code settings.
type Op struct {
	// Path is the API path, for error messages.
	Path string
	// Accepts lists the parameters the operation takes.
	Accepts map[string]bool
	// Full is true when the request describes a whole new code (create), so
	// that rules about missing parameters apply; an update only changes what
	// it names.
	Full bool
	// Ongoing is true when the Ongoing preset means something here.
	Ongoing bool
}

func params(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// The operations of the access-code builders.
var (
	Create = Op{Path: "/access_codes/create", Full: true, Ongoing: true, Accepts: params(
		ParamName, ParamCode, ParamStartsAt, ParamEndsAt, ParamCommonCodeKey, ParamPreferNativeScheduling,
		ParamAllowExternalModification, ParamIsExternalModificationAllowed, ParamUseBackupAccessCodePool,
		ParamAttemptForOfflineDevice, ParamIsOfflineAccessCode, ParamIsOneTimeUse, ParamMaxTimeRounding,
		ParamPreferredCodeLength, ParamUseOfflineAccessCode, ParamCheckDevice)}
	CreateMultiple = Op{Path: "/access_codes/create_multiple", Full: true, Ongoing: true, Accepts: params(
		ParamName, ParamCode, ParamStartsAt, ParamEndsAt, ParamPreferNativeScheduling,
		ParamAllowExternalModification, ParamIsExternalModificationAllowed, ParamUseBackupAccessCodePool,
		ParamAttemptForOfflineDevice, ParamPreferredCodeLength, ParamCodeSharing)}
	Update = Op{Path: "/access_codes/update", Ongoing: true, Accepts: params(
		ParamName, ParamCode, ParamStartsAt, ParamEndsAt, ParamPreferNativeScheduling,
		ParamAllowExternalModification, ParamIsExternalModificationAllowed, ParamUseBackupAccessCodePool,
		ParamAttemptForOfflineDevice, ParamIsOfflineAccessCode, ParamIsOneTimeUse, ParamMaxTimeRounding,
		ParamPreferredCodeLength, ParamUseOfflineAccessCode)}
	UpdateMultiple = Op{Path: "/access_codes/update_multiple", Accepts: params(
		ParamName, ParamStartsAt, ParamEndsAt)}
)

// Code length bounds of the code parameter (the spec's minLength and
// maxLength; its pattern is ^\d+$).
const (
	CodeMinLength = 4
	CodeMaxLength = 12
)

// Validate checks r for op; now is the current time (ends_at must be after
// it). It returns the first broken rule as a *Violation.
func Validate(r *Request, op Op, now time.Time) error {
	for _, param := range r.Set {
		if !op.Accepts[param] {
			return violation(param, "is not accepted by "+op.Path)
		}
	}
	if r.Preset == PresetOngoing && !op.Ongoing {
		return violation(ParamType, "Ongoing is not accepted by "+op.Path)
	}
	if err := checkFields(r, now); err != nil {
		return err
	}
	if op.Full {
		if err := checkComplete(r); err != nil {
			return err
		}
	}
	if err := CheckPreset(r); err != nil {
		return err
	}
	return CheckTimePair(r)
}

// checkFields checks the rules that hold whatever else the request or the
// existing code says.
func checkFields(r *Request, now time.Time) error {
	if r.Code != nil {
		if err := CheckCode(*r.Code, CodeMaxLength); err != nil {
			return err
		}
	}
	if r.PreferredCodeLength != nil {
		if *r.PreferredCodeLength <= 0 {
			return violation(ParamPreferredCodeLength, fmt.Sprintf("must be positive (is %d)", *r.PreferredCodeLength))
		}
		if r.Code != nil {
			return violation(ParamPreferredCodeLength, "applies only when no code is given")
		}
	}
	if m := r.MaxTimeRounding; m != nil && !m.IsHour() && !m.IsDay() {
		return violation(ParamMaxTimeRounding, fmt.Sprintf("must be one of \"1h\", \"1d\", \"1hour\", \"1day\" (is %q)", string(*m)))
	}
	if err := CheckExternalModification(r.AllowExternalModification, r.IsExternalModificationAllowed); err != nil {
		return err
	}
	if r.StartsAt != nil && r.EndsAt != nil && !r.EndsAt.After(*r.StartsAt) {
		return violation(ParamEndsAt, fmt.Sprintf("must be after starts_at (ends_at %s, starts_at %s)",
			WireTime(*r.EndsAt), WireTime(*r.StartsAt)))
	}
	if r.EndsAt != nil && !r.EndsAt.After(now) {
		return violation(ParamEndsAt, fmt.Sprintf("must be in the future (ends_at %s, now %s)",
			WireTime(*r.EndsAt), WireTime(now)))
	}
	if r.Code != nil && r.Offline() {
		return violation(ParamCode, "cannot be chosen for an offline access code: the lock's manufacturer computes it")
	}
	if r.OneTimeUse() && r.EndsAt != nil {
		return violation(ParamEndsAt, "must not be set for a one-time-use code (is_one_time_use): it works once within 24 hours of starts_at")
	}
	return nil
}

// checkComplete checks the rules about what a new code must (not) combine.
func checkComplete(r *Request) error {
	if r.OneTimeUse() && !r.Offline() {
		return violation(ParamIsOneTimeUse, "needs an offline access code (is_offline_access_code true)")
	}
	if r.MaxTimeRounding != nil && !r.Offline() {
		return violation(ParamMaxTimeRounding, "applies only to offline access codes (is_offline_access_code true)")
	}
	if r.Offline() {
		if r.StartsAt == nil {
			return violation(ParamStartsAt, "is required for an offline access code")
		}
		if !r.OneTimeUse() && r.EndsAt == nil {
			return violation(ParamEndsAt, "is required for an offline access code that is not one-time-use")
		}
	}
	return nil
}

// CheckCode checks that code has CodeMinLength to maxLength characters,
// all digits. The error never repeats the code.
func CheckCode(code string, maxLength int) error {
	if n := len(code); n < CodeMinLength || n > maxLength {
		return violation(ParamCode, fmt.Sprintf("must be %d to %d digits long (has %d characters)", CodeMinLength, maxLength, n))
	}
	for i := 0; i < len(code); i++ {
		if code[i] < '0' || code[i] > '9' {
			return violation(ParamCode, "must contain only the digits 0-9")
		}
	}
	return nil
}

// CheckExternalModification refuses the two synonyms with different values.
func CheckExternalModification(allow, isAllowed *bool) error {
	if allow != nil && isAllowed != nil && *allow != *isAllowed {
		return violation(ParamIsExternalModificationAllowed, fmt.Sprintf(
			"is %t but allow_external_modification is %t: they are synonyms, give one", *isAllowed, *allow))
	}
	return nil
}

// RuleBothTimes is the rule the API applies to starts_at and ends_at ("Both
// starts_at and ends_at must be provided if one is").
const RuleBothTimes = "starts_at and ends_at go together: give both or neither " +
	"(only a one-time-use offline code takes starts_at alone); " +
	"to extend a stay, send the current starts_at with the new ends_at, e.g. TimeBound(start, newEnd)"

// CheckTimePair refuses starts_at without ends_at and the reverse, as the
// API does, except for a one-time-use code, which takes starts_at alone.
func CheckTimePair(r *Request) error {
	switch {
	case r.StartsAt != nil && r.EndsAt == nil && !r.OneTimeUse():
		return violation(ParamEndsAt, "is missing: "+RuleBothTimes)
	case r.StartsAt == nil && r.EndsAt != nil:
		return violation(ParamStartsAt, "is missing: "+RuleBothTimes)
	}
	return nil
}

// CheckPreset checks the rules of the preset r was built with, if any.
func CheckPreset(r *Request) error {
	k := r.Preset
	switch k {
	case PresetNone:
		return nil
	case PresetOngoing:
		if r.StartsAt != nil {
			return violation(ParamStartsAt, "must not be set for an Ongoing code")
		}
		if r.EndsAt != nil {
			return violation(ParamEndsAt, "must not be set for an Ongoing code")
		}
		if r.Offline() {
			return violation(ParamIsOfflineAccessCode, "must not be true for an Ongoing code")
		}
		return nil
	case PresetOneTimeUseOffline:
		if r.EndsAt != nil {
			return violation(ParamEndsAt, "must not be set for a one-time-use code: it works once within 24 hours of starts_at")
		}
		if r.StartsAt == nil {
			return violation(ParamStartsAt, "OneTimeUseOffline needs a start time")
		}
		return requireOfflineFlags(r, k, true)
	}
	if r.StartsAt == nil {
		return violation(ParamStartsAt, k.String()+" needs a start time")
	}
	if r.EndsAt == nil {
		return violation(ParamEndsAt, k.String()+" needs an end time")
	}
	start, end := *r.StartsAt, *r.EndsAt
	switch k {
	case PresetHourlyBoundOffline:
		if err := requireOfflineFlags(r, k, false); err != nil {
			return err
		}
		if r.MaxTimeRounding == nil || !r.MaxTimeRounding.IsHour() {
			return violation(ParamMaxTimeRounding, "must be \"1h\" for an HourlyBoundOffline code")
		}
		if end.Sub(start) < time.Hour {
			return violation(ParamEndsAt, fmt.Sprintf("must be at least one hour after starts_at for an hourly-bound offline code (window is %s)", end.Sub(start)))
		}
	case PresetDailyBoundOffline:
		if err := requireOfflineFlags(r, k, false); err != nil {
			return err
		}
		if r.MaxTimeRounding == nil || !r.MaxTimeRounding.IsDay() {
			return violation(ParamMaxTimeRounding, "must be \"1d\" for a DailyBoundOffline code")
		}
		if err := CheckDaily(start, end); err != nil {
			return err
		}
	}
	return nil
}

func requireOfflineFlags(r *Request, k Preset, oneTime bool) error {
	if !r.Offline() {
		return violation(ParamIsOfflineAccessCode, "must be true for a "+k.String()+" code")
	}
	if r.OneTimeUse() != oneTime {
		return violation(ParamIsOneTimeUse, fmt.Sprintf("must be %t for a %s code", oneTime, k))
	}
	return nil
}
