package seam

import (
	"time"

	"github.com/seamgo/seam-go/gen"
	"github.com/seamgo/seam-go/seam/internal/accessrules"
)

// wireTime formats t as the API takes it: RFC 3339, UTC, to the millisecond.
func wireTime(t time.Time) string { return accessrules.WireTime(t) }

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
		Name:                          p.Name,
		Code:                          p.Code,
		CommonCodeKey:                 p.CommonCodeKey,
		StartsAt:                      wireTimePtr(p.StartsAt),
		EndsAt:                        wireTimePtr(p.EndsAt),
		PreferNativeScheduling:        p.PreferNativeScheduling,
		AllowExternalModification:     p.AllowExternalModification,
		IsExternalModificationAllowed: p.IsExternalModificationAllowed,
		UseBackupAccessCodePool:       p.UseBackupAccessCodePool,
		AttemptForOfflineDevice:       p.AttemptForOfflineDevice,
		IsOfflineAccessCode:           p.IsOfflineAccessCode,
		IsOneTimeUse:                  p.IsOneTimeUse,
		PreferredCodeLength:           floatPtr(p.PreferredCodeLength),
		UseOfflineAccessCode:          p.UseOfflineAccessCode,
	}
	if p.MaxTimeRounding != nil {
		b.MaxTimeRounding = Ptr(gen.AccessCodesCreateRequestBodyMaxTimeRounding(*p.MaxTimeRounding))
	}
	return b
}

// createMultipleBody is the /access_codes/create_multiple body for p.
func (p *accessCodeParams) createMultipleBody(deviceIDs []string) gen.AccessCodesCreateMultipleRequestBody {
	b := gen.AccessCodesCreateMultipleRequestBody{
		DeviceIds:                     deviceIDs,
		Name:                          p.Name,
		Code:                          p.Code,
		StartsAt:                      wireTimePtr(p.StartsAt),
		EndsAt:                        wireTimePtr(p.EndsAt),
		PreferNativeScheduling:        p.PreferNativeScheduling,
		AllowExternalModification:     p.AllowExternalModification,
		IsExternalModificationAllowed: p.IsExternalModificationAllowed,
		UseBackupAccessCodePool:       p.UseBackupAccessCodePool,
		AttemptForOfflineDevice:       p.AttemptForOfflineDevice,
		PreferredCodeLength:           floatPtr(p.PreferredCodeLength),
	}
	if p.CodeSharing != nil {
		b.BehaviorWhenCodeCannotBeShared = Ptr(gen.AccessCodesCreateMultipleRequestBodyBehaviorWhenCodeCannotBeShared(*p.CodeSharing))
	}
	return b
}

// updateBody is the /access_codes/update body for p.
func (p *accessCodeParams) updateBody(accessCodeID string) gen.AccessCodesUpdateRequestBody {
	b := gen.AccessCodesUpdateRequestBody{
		AccessCodeId:                  accessCodeID,
		Name:                          p.Name,
		Code:                          p.Code,
		StartsAt:                      wireTimePtr(p.StartsAt),
		EndsAt:                        wireTimePtr(p.EndsAt),
		PreferNativeScheduling:        p.PreferNativeScheduling,
		AllowExternalModification:     p.AllowExternalModification,
		IsExternalModificationAllowed: p.IsExternalModificationAllowed,
		UseBackupAccessCodePool:       p.UseBackupAccessCodePool,
		AttemptForOfflineDevice:       p.AttemptForOfflineDevice,
		IsOfflineAccessCode:           p.IsOfflineAccessCode,
		IsOneTimeUse:                  p.IsOneTimeUse,
		PreferredCodeLength:           floatPtr(p.PreferredCodeLength),
		UseOfflineAccessCode:          p.UseOfflineAccessCode,
	}
	if p.MaxTimeRounding != nil {
		b.MaxTimeRounding = Ptr(gen.AccessCodesUpdateRequestBodyMaxTimeRounding(*p.MaxTimeRounding))
	}
	if p.Preset == accessrules.PresetOngoing {
		b.Type = Ptr(gen.AccessCodesUpdateRequestBodyTypeOngoing)
	}
	return b
}

// updateMultipleBody is the /access_codes/update_multiple body for p.
func (p *accessCodeParams) updateMultipleBody(commonCodeKey string) gen.AccessCodesUpdateMultipleRequestBody {
	return gen.AccessCodesUpdateMultipleRequestBody{
		CommonCodeKey: commonCodeKey,
		Name:          p.Name,
		StartsAt:      wireTimePtr(p.StartsAt),
		EndsAt:        wireTimePtr(p.EndsAt),
	}
}
