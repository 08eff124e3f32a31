package seam

import (
	"time"

	"github.com/seamgo/seam-go/gen"
)

// wireTimeLayout is RFC 3339 in UTC with up to three fractional digits
// (trailing zeros dropped): "2025-01-01T16:00:00Z".
const wireTimeLayout = "2006-01-02T15:04:05.999Z07:00"

// wireTime formats t as the API takes it: RFC 3339, UTC, to the millisecond.
func wireTime(t time.Time) string {
	return t.UTC().Truncate(time.Millisecond).Format(wireTimeLayout)
}

// wireTimePtr is wireTime for an optional time.
func wireTimePtr(t *time.Time) *string {
	if t == nil {
		return nil
	}
	return Ptr(wireTime(*t))
}

// floatPtr converts an optional int to the API's number.
func floatPtr(n *int) *float64 {
	if n == nil {
		return nil
	}
	return Ptr(float64(*n))
}

// createBody is the /access_codes/create body for p.
func (p *accessCodeParams) createBody(deviceID string) gen.AccessCodesCreateRequestBody {
	b := gen.AccessCodesCreateRequestBody{
		DeviceId:                      deviceID,
		Name:                          p.name,
		Code:                          p.code,
		CommonCodeKey:                 p.commonCodeKey,
		StartsAt:                      wireTimePtr(p.startsAt),
		EndsAt:                        wireTimePtr(p.endsAt),
		PreferNativeScheduling:        p.preferNativeScheduling,
		AllowExternalModification:     p.allowExternalModification,
		IsExternalModificationAllowed: p.isExternalModificationAllowed,
		UseBackupAccessCodePool:       p.useBackupAccessCodePool,
		AttemptForOfflineDevice:       p.attemptForOfflineDevice,
		IsOfflineAccessCode:           p.isOfflineAccessCode,
		IsOneTimeUse:                  p.isOneTimeUse,
		PreferredCodeLength:           floatPtr(p.preferredCodeLength),
		UseOfflineAccessCode:          p.useOfflineAccessCode,
	}
	if p.maxTimeRounding != nil {
		b.MaxTimeRounding = Ptr(gen.AccessCodesCreateRequestBodyMaxTimeRounding(*p.maxTimeRounding))
	}
	return b
}

// createMultipleBody is the /access_codes/create_multiple body for p.
func (p *accessCodeParams) createMultipleBody(deviceIDs []string) gen.AccessCodesCreateMultipleRequestBody {
	b := gen.AccessCodesCreateMultipleRequestBody{
		DeviceIds:                     deviceIDs,
		Name:                          p.name,
		Code:                          p.code,
		StartsAt:                      wireTimePtr(p.startsAt),
		EndsAt:                        wireTimePtr(p.endsAt),
		PreferNativeScheduling:        p.preferNativeScheduling,
		AllowExternalModification:     p.allowExternalModification,
		IsExternalModificationAllowed: p.isExternalModificationAllowed,
		UseBackupAccessCodePool:       p.useBackupAccessCodePool,
		AttemptForOfflineDevice:       p.attemptForOfflineDevice,
		PreferredCodeLength:           floatPtr(p.preferredCodeLength),
	}
	if p.codeSharing != nil {
		b.BehaviorWhenCodeCannotBeShared = Ptr(gen.AccessCodesCreateMultipleRequestBodyBehaviorWhenCodeCannotBeShared(*p.codeSharing))
	}
	return b
}

// updateBody is the /access_codes/update body for p.
func (p *accessCodeParams) updateBody(accessCodeID string) gen.AccessCodesUpdateRequestBody {
	b := gen.AccessCodesUpdateRequestBody{
		AccessCodeId:                  accessCodeID,
		Name:                          p.name,
		Code:                          p.code,
		StartsAt:                      wireTimePtr(p.startsAt),
		EndsAt:                        wireTimePtr(p.endsAt),
		PreferNativeScheduling:        p.preferNativeScheduling,
		AllowExternalModification:     p.allowExternalModification,
		IsExternalModificationAllowed: p.isExternalModificationAllowed,
		UseBackupAccessCodePool:       p.useBackupAccessCodePool,
		AttemptForOfflineDevice:       p.attemptForOfflineDevice,
		IsOfflineAccessCode:           p.isOfflineAccessCode,
		IsOneTimeUse:                  p.isOneTimeUse,
		PreferredCodeLength:           floatPtr(p.preferredCodeLength),
		UseOfflineAccessCode:          p.useOfflineAccessCode,
	}
	if p.maxTimeRounding != nil {
		b.MaxTimeRounding = Ptr(gen.AccessCodesUpdateRequestBodyMaxTimeRounding(*p.maxTimeRounding))
	}
	if p.preset == presetOngoing {
		b.Type = Ptr(gen.AccessCodesUpdateRequestBodyTypeOngoing)
	}
	return b
}

// updateMultipleBody is the /access_codes/update_multiple body for p.
func (p *accessCodeParams) updateMultipleBody(commonCodeKey string) gen.AccessCodesUpdateMultipleRequestBody {
	return gen.AccessCodesUpdateMultipleRequestBody{
		CommonCodeKey: commonCodeKey,
		Name:          p.name,
		StartsAt:      wireTimePtr(p.startsAt),
		EndsAt:        wireTimePtr(p.endsAt),
	}
}
