package seam

import (
	"time"

	"github.com/seamgo/seam-go/seam/internal/accessrules"
)

// AccessCodeOption is an argument of the AccessCodesService methods that
// create or change access codes (Create, CreateWithAttempt, CreateMultiple,
// Update, UpdateMultiple). It is either
//
//   - an AccessCodeSetting, which sets request parameters: WithCode,
//     WithCodeName, WithStartsAt, … or a preset such as Ongoing, TimeBound,
//     HourlyBoundOffline, DailyBoundOffline or OneTimeUseOffline; or
//   - an Option (WithTimeout, WithMaxRetries, WithWaitForActionAttempts, …),
//     which applies to that one call, as for every other method.
//
// Settings are applied in order, so a later one overrides an earlier one for
// the same parameter. Nothing is sent until every setting has been applied
// and the result checked (see AccessCodesService.Create).
type AccessCodeOption interface {
	applyAccessCode(*accessCodeParams) error
}

// AccessCodeSetting sets one or more request parameters of an access code
// request. Build one with the With… functions or a preset; the zero
// AccessCodeSetting does nothing.
type AccessCodeSetting struct {
	apply func(*accessCodeParams) error
}

func (s AccessCodeSetting) applyAccessCode(p *accessCodeParams) error {
	if s.apply == nil {
		return nil
	}
	return s.apply(p)
}

// applyAccessCode makes every Option usable among the arguments of the
// access code methods: it applies to that one call.
func (o Option) applyAccessCode(p *accessCodeParams) error {
	p.call = append(p.call, o)
	return nil
}

// TimeRounding is the max_time_rounding of an offline access code: how far
// Seam may move starts_at and ends_at to fit the lock's time grid.
type TimeRounding string

// Values of TimeRounding. The API also accepts the long spellings.
const (
	// RoundToHour makes an hourly-bound offline code (the API's default).
	RoundToHour TimeRounding = "1h"
	// RoundToDay makes a daily-bound offline code.
	RoundToDay TimeRounding = "1d"
	// RoundToHourLong is the long spelling of RoundToHour.
	RoundToHourLong TimeRounding = "1hour"
	// RoundToDayLong is the long spelling of RoundToDay.
	RoundToDayLong TimeRounding = "1day"
)

// CodeSharing is what /access_codes/create_multiple does when a device
// cannot take the shared code (behavior_when_code_cannot_be_shared).
type CodeSharing string

// Values of CodeSharing.
const (
	// CodeSharingFail creates no access code at all (the API's default).
	CodeSharingFail CodeSharing = "throw"
	// CodeSharingRandomCode gives a random code to the devices that cannot
	// share the common one.
	CodeSharingRandomCode CodeSharing = "create_random_code"
)

// accessCodeParams collects what the arguments of one access code call set:
// the settings as an accessrules.Request (the value the rules check), and
// what is not a request parameter.
type accessCodeParams struct {
	accessrules.Request
	// checkDevice is set by CheckDevice.
	checkDevice bool
	// call holds the per-call Options among the arguments.
	call []Option
}

// collectParams applies opts in order.
func collectParams(opts []AccessCodeOption) (*accessCodeParams, error) {
	p := &accessCodeParams{}
	for _, o := range opts {
		if o == nil {
			continue
		}
		if err := o.applyAccessCode(p); err != nil {
			return nil, ruleErr(err)
		}
	}
	return p, nil
}

// setting builds an AccessCodeSetting that sets one parameter.
func setting(param string, apply func(*accessCodeParams)) AccessCodeSetting {
	return AccessCodeSetting{apply: func(p *accessCodeParams) error {
		apply(p)
		p.Mark(param)
		return nil
	}}
}

// WithCodeName sets the name of the access code (name). Seam identifies the
// code by this name; the name shown on the lock may be shortened or changed
// to fit the provider's rules (see the access code's appearance).
func WithCodeName(name string) AccessCodeSetting {
	return setting(accessrules.ParamName, func(p *accessCodeParams) { p.Name = &name })
}

// WithCode sets the PIN (code): 4 to 12 digits. Without it, Seam picks a
// code (see WithPreferredCodeLength). Offline access codes cannot have a
// chosen code.
func WithCode(code string) AccessCodeSetting {
	return setting(accessrules.ParamCode, func(p *accessCodeParams) { p.Code = &code })
}

// WithStartsAt sets when the access code starts to work (starts_at). The
// zero time leaves starts_at unset. It is sent in UTC, to the millisecond.
func WithStartsAt(t time.Time) AccessCodeSetting {
	return AccessCodeSetting{apply: func(p *accessCodeParams) error {
		p.StartsAt = timeParam(t)
		p.Mark(accessrules.ParamStartsAt)
		return nil
	}}
}

// WithEndsAt sets when the access code stops working (ends_at): it must be
// in the future and after starts_at. The zero time leaves ends_at unset. It
// is sent in UTC, to the millisecond.
func WithEndsAt(t time.Time) AccessCodeSetting {
	return AccessCodeSetting{apply: func(p *accessCodeParams) error {
		p.EndsAt = timeParam(t)
		p.Mark(accessrules.ParamEndsAt)
		return nil
	}}
}

// timeParam returns nil for the zero time, else a pointer to t.
func timeParam(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

// WithCommonCodeKey sets common_code_key: access codes created with the
// same key are guaranteed to have the same code. Create only.
func WithCommonCodeKey(key string) AccessCodeSetting {
	return setting(accessrules.ParamCommonCodeKey, func(p *accessCodeParams) { p.CommonCodeKey = &key })
}

// WithPreferNativeScheduling sets prefer_native_scheduling: whether a
// time-bound code uses the lock's own scheduling when the provider supports
// it (the API's default is true).
func WithPreferNativeScheduling(prefer bool) AccessCodeSetting {
	return setting(accessrules.ParamPreferNativeScheduling, func(p *accessCodeParams) { p.PreferNativeScheduling = &prefer })
}

// WithAllowExternalModification sets allow_external_modification: whether
// changes made to the code outside Seam are accepted (default false). It is
// a synonym of WithExternalModificationAllowed; giving both with different
// values is refused.
func WithAllowExternalModification(allow bool) AccessCodeSetting {
	return setting(accessrules.ParamAllowExternalModification, func(p *accessCodeParams) { p.AllowExternalModification = &allow })
}

// WithExternalModificationAllowed sets is_external_modification_allowed,
// the synonym of allow_external_modification (see
// WithAllowExternalModification).
func WithExternalModificationAllowed(allowed bool) AccessCodeSetting {
	return setting(accessrules.ParamIsExternalModificationAllowed, func(p *accessCodeParams) { p.IsExternalModificationAllowed = &allowed })
}

// WithBackupAccessCodePool sets use_backup_access_code_pool: whether Seam
// keeps a pool of backup codes on the device for this code, to be taken
// with AccessCodesService.PullBackupAccessCode.
func WithBackupAccessCodePool(use bool) AccessCodeSetting {
	return setting(accessrules.ParamUseBackupAccessCodePool, func(p *accessCodeParams) { p.UseBackupAccessCodePool = &use })
}

// WithAttemptForOfflineDevice sets attempt_for_offline_device: whether Seam
// accepts the code while the device is offline (the API's default is true).
func WithAttemptForOfflineDevice(attempt bool) AccessCodeSetting {
	return setting(accessrules.ParamAttemptForOfflineDevice, func(p *accessCodeParams) { p.AttemptForOfflineDevice = &attempt })
}

// WithOfflineAccessCode sets is_offline_access_code: an offline code is
// computed by the manufacturer's algorithm rather than programmed over the
// network. It needs starts_at, and ends_at unless it is one-time-use. The
// presets HourlyBoundOffline, DailyBoundOffline and OneTimeUseOffline set it.
func WithOfflineAccessCode(offline bool) AccessCodeSetting {
	return setting(accessrules.ParamIsOfflineAccessCode, func(p *accessCodeParams) { p.IsOfflineAccessCode = &offline })
}

// WithOneTimeUse sets is_one_time_use: the offline code works once, within
// 24 hours of starts_at. It needs an offline code and starts_at, and refuses
// ends_at. See OneTimeUseOffline.
func WithOneTimeUse(oneTime bool) AccessCodeSetting {
	return setting(accessrules.ParamIsOneTimeUse, func(p *accessCodeParams) { p.IsOneTimeUse = &oneTime })
}

// WithMaxTimeRounding sets max_time_rounding, for offline codes only:
// RoundToHour (the API's default) or RoundToDay (a daily-bound code). The
// API refuses a window that needs more rounding than this.
func WithMaxTimeRounding(r TimeRounding) AccessCodeSetting {
	return setting(accessrules.ParamMaxTimeRounding, func(p *accessCodeParams) { p.MaxTimeRounding = Ptr(accessrules.Rounding(r)) })
}

// WithPreferredCodeLength sets preferred_code_length, the length of the code
// Seam picks; only without WithCode. A device that does not support it gets
// its shortest supported length.
func WithPreferredCodeLength(n int) AccessCodeSetting {
	return setting(accessrules.ParamPreferredCodeLength, func(p *accessCodeParams) { p.PreferredCodeLength = &n })
}

// WithUseOfflineAccessCode sets the deprecated use_offline_access_code.
//
// Deprecated: use WithOfflineAccessCode (is_offline_access_code).
func WithUseOfflineAccessCode(use bool) AccessCodeSetting {
	return setting(accessrules.ParamUseOfflineAccessCode, func(p *accessCodeParams) { p.UseOfflineAccessCode = &use })
}

// WithCodeSharing sets behavior_when_code_cannot_be_shared, for
// CreateMultiple only: CodeSharingFail (the API's default) or
// CodeSharingRandomCode.
func WithCodeSharing(b CodeSharing) AccessCodeSetting {
	return setting(accessrules.ParamCodeSharing, func(p *accessCodeParams) { p.CodeSharing = Ptr(string(b)) })
}

// CheckDevice makes Create fetch the device (GET /devices/get) before
// creating the code, and refuse, with a *ValidationError, a device that
// cannot take it: one without the access_code capability, or, for an
// offline code, one that SupportsOfflineAccessCodes denies or whose
// manufacturer rules CheckOfflineWindow breaks. Create only.
func CheckDevice() AccessCodeSetting {
	return AccessCodeSetting{apply: func(p *accessCodeParams) error {
		p.checkDevice = true
		p.Mark(accessrules.ParamCheckDevice)
		return nil
	}}
}
