// Package accessrules holds the rules of Seam access codes as pure
// functions over small values: a Request (the settings of one create or
// update), an Op (what an operation accepts), a window (start and end), a
// Rounding, a Slot (a dormakaba Oracode predefined time slot), a TimeFrame
// (a device's offline_time_frame_options entry) and a Lock (what the offline
// rules need to know of a device: its Manufacturer, time zone, slots and
// time frames).
//
// Every function takes values and returns values or a *Violation (the
// parameter at fault and the rule); nothing here sends a request, reads a
// clock, or knows the generated types. The seam package builds the values
// from its options and from gen.Device, asks these rules, turns a
// *Violation into a *seam.ValidationError, and sends the request.
//
// This package imports only the standard library (internal/importcheck
// enforces it), so that a rule can be read, tested and changed alone.
package accessrules

import "fmt"

// Violation is a broken rule: the parameter at fault ("starts_at") and what
// its value must be. seam returns it as a *seam.ValidationError with the
// same Param and Rule.
type Violation struct {
	Param string
	Rule  string
}

// Error returns `invalid parameter "<param>": <rule>`.
func (v *Violation) Error() string {
	return fmt.Sprintf("invalid parameter %q: %s", v.Param, v.Rule)
}

// violation is a short constructor.
func violation(param, rule string) error { return &Violation{Param: param, Rule: rule} }

// Parameter names, as the API spells them, that the rules refer to.
const (
	ParamName                          = "name"
	ParamCode                          = "code"
	ParamStartsAt                      = "starts_at"
	ParamEndsAt                        = "ends_at"
	ParamCommonCodeKey                 = "common_code_key"
	ParamPreferNativeScheduling        = "prefer_native_scheduling"
	ParamAllowExternalModification     = "allow_external_modification"
	ParamIsExternalModificationAllowed = "is_external_modification_allowed"
	ParamUseBackupAccessCodePool       = "use_backup_access_code_pool"
	ParamAttemptForOfflineDevice       = "attempt_for_offline_device"
	ParamIsOfflineAccessCode           = "is_offline_access_code"
	ParamIsOneTimeUse                  = "is_one_time_use"
	ParamMaxTimeRounding               = "max_time_rounding"
	ParamPreferredCodeLength           = "preferred_code_length"
	ParamUseOfflineAccessCode          = "use_offline_access_code"
	ParamCodeSharing                   = "behavior_when_code_cannot_be_shared"
	ParamType                          = "type"
	// ParamCheckDevice is not an API parameter: it names seam.CheckDevice.
	ParamCheckDevice = "CheckDevice"
)
