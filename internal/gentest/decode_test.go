package gentest

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/oapi-codegen/nullable"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seamgo/seam-go/gen"
)

// utc is a time in UTC, to millisecond precision.
func utc(y int, mo time.Month, d, h, mi, s, ms int) time.Time {
	return time.Date(y, mo, d, h, mi, s, ms*int(time.Millisecond), time.UTC)
}

// assertUTC checks that a decoded time is the instant want, in UTC.
func assertUTC(t *testing.T, want time.Time, got time.Time, field string) {
	t.Helper()
	assert.True(t, want.Equal(got), "%s: want %s, got %s", field, want, got)
	assert.Equal(t, time.UTC, got.Location(), "%s is not in UTC", field)
}

func TestDecodeSeedAccessCodesCreate(t *testing.T) {
	for _, tc := range []struct {
		file              string
		id                string
		typ               gen.AccessCodeType
		status            gen.AccessCodeStatus
		code              *string
		startsAt, endsAt  *time.Time
		createdAt         time.Time
		offline, oneTime  bool
		waitingForCode    *bool
		attemptID         string
		scheduledOnDevice *bool
	}{{
		file: "access_codes_create_ongoing.json", id: "d2047ba8-8849-467f-a07a-efab6c3673bc",
		typ: gen.AccessCodeTypeOngoing, status: gen.AccessCodeStatusSetting, code: ptr("1234"),
		createdAt: utc(2023, 10, 19, 6, 55, 28, 278), attemptID: "e8efa128-c06d-40c3-8def-dbb25e5231df",
	}, {
		file: "access_codes_create_time_bound.json", id: "27afb24f-c0ae-4ea9-81af-f06fd08de09f",
		typ: gen.AccessCodeTypeTimeBound, status: gen.AccessCodeStatusUnset, code: ptr("2345"),
		startsAt: ptr(utc(2025, 1, 1, 16, 0, 0, 0)), endsAt: ptr(utc(2025, 1, 22, 12, 0, 0, 0)),
		createdAt: utc(2023, 10, 19, 6, 58, 42, 853), attemptID: "2fa34934-883b-496c-8ec1-ac023de55f5a",
		scheduledOnDevice: ptr(false),
	}, {
		file: "access_codes_create_hourly_bound_offline.json", id: "a4960c38-fe15-4766-8647-c93e8f05f84a",
		typ: gen.AccessCodeTypeTimeBound, status: gen.AccessCodeStatusUnset,
		startsAt: ptr(utc(2023, 11, 10, 0, 0, 0, 0)), endsAt: ptr(utc(2023, 11, 15, 18, 0, 0, 0)),
		createdAt: utc(2023, 11, 7, 3, 53, 41, 971), offline: true, waitingForCode: ptr(true),
		attemptID: "83f1eebf-7a1b-4487-bc90-cf342e1d10d7", scheduledOnDevice: ptr(false),
	}, {
		file: "access_codes_create_daily_bound_offline.json", id: "08d4a763-f2a5-4544-8c90-bce5217fe7b2",
		typ: gen.AccessCodeTypeTimeBound, status: gen.AccessCodeStatusUnset,
		startsAt: ptr(utc(2023, 11, 17, 0, 0, 0, 0)), endsAt: ptr(utc(2023, 12, 18, 0, 0, 0, 0)),
		createdAt: utc(2023, 11, 7, 4, 41, 15, 797), offline: true, waitingForCode: ptr(true),
		attemptID: "487a8bcc-00f0-45ff-be80-3f0e9d6fdfe5", scheduledOnDevice: ptr(false),
	}, {
		file: "access_codes_create_one_time_use_offline.json", id: "27000544-20d8-45ea-ba47-267480a3aaf4",
		typ: gen.AccessCodeTypeTimeBound, status: gen.AccessCodeStatusUnset,
		startsAt:  ptr(utc(2023, 11, 12, 0, 0, 0, 0)),
		createdAt: utc(2023, 11, 7, 5, 8, 3, 467), offline: true, oneTime: true, waitingForCode: ptr(true),
		attemptID: "67562d28-1e54-4faa-b5f8-057bbc6de91d", scheduledOnDevice: ptr(false),
	}, {
		file: "access_codes_create_reference.json", id: "12525e70-9474-4bb6-a7f6-12bbe4166f36",
		typ: gen.AccessCodeTypeOngoing, status: gen.AccessCodeStatusSetting, code: ptr("1988"),
		createdAt: utc(2023, 5, 11, 11, 16, 10, 359), attemptID: "c10e3db5-a5a2-47f2-a76f-48379ed9cd22",
	}} {
		t.Run(tc.file, func(t *testing.T) {
			body := decodeFile[gen.AccessCodesCreateResponseBody](t, seed(tc.file))
			assert.True(t, body.Ok)

			ac := body.AccessCode
			assert.Equal(t, tc.id, ac.AccessCodeId)
			assert.Equal(t, tc.typ, ac.Type)
			assert.Equal(t, tc.status, ac.Status)
			assert.Equal(t, tc.code, valueOf(ac.Code))
			assert.Equal(t, gen.AccessCodeIsManagedTrue, ac.IsManaged)
			assert.True(t, ac.CommonCodeKey.IsNull(), "common_code_key is null")
			assert.Equal(t, tc.offline, ac.IsOfflineAccessCode)
			assert.Equal(t, tc.oneTime, ac.IsOneTimeUse)
			assert.Equal(t, tc.waitingForCode, ac.IsWaitingForCodeAssignment)
			assert.Equal(t, tc.scheduledOnDevice, ac.IsScheduledOnDevice)
			assert.NotNil(t, ac.Errors, "errors: [] decodes to an empty slice")
			assert.Empty(t, ac.Errors)
			assert.Empty(t, ac.Warnings)
			assertUTC(t, tc.createdAt, ac.CreatedAt, "created_at")
			if tc.startsAt == nil {
				assert.Nil(t, ac.StartsAt)
			} else if assert.NotNil(t, ac.StartsAt) {
				assertUTC(t, *tc.startsAt, ac.StartsAt.MustGet(), "starts_at")
			}
			if tc.endsAt == nil {
				assert.Nil(t, ac.EndsAt)
			} else if assert.NotNil(t, ac.EndsAt) {
				assertUTC(t, *tc.endsAt, ac.EndsAt.MustGet(), "ends_at")
			}

			// The action attempt is a plain union: the caller picks the member.
			attempt, err := body.ActionAttempt.AsActionAttemptCreateAccessCodePending()
			require.NoError(t, err)
			assert.Equal(t, tc.attemptID, attempt.ActionAttemptId)
			assert.Equal(t, gen.ActionAttemptCreateAccessCodePendingActionTypeCREATEACCESSCODE, attempt.ActionType)
			assert.Equal(t, gen.ActionAttemptCreateAccessCodePendingStatusPending, attempt.Status)
			assert.True(t, attempt.Result.IsNull(), "result is null")
			assert.True(t, attempt.Error.IsNull(), "error is null")
		})
	}
}

func TestDecodeFakeAccessCodes(t *testing.T) {
	created := decodeFile[gen.AccessCodesCreateResponseBody](t, fake("access_codes_create.json"))
	assert.Equal(t, "access_code1", created.AccessCode.AccessCodeId)
	assert.Equal(t, "august_device_1", created.AccessCode.DeviceId)
	assert.Equal(t, nullable.NewNullableWithValue("Guest code"), created.AccessCode.Name)
	assert.Equal(t, gen.AccessCodeTypeOngoing, created.AccessCode.Type)
	assertUTC(t, utc(2026, 11, 23, 14, 51, 20, 98), created.AccessCode.CreatedAt, "created_at")
	// The fake sends no action attempt with the code: the union stays empty.
	_, err := created.ActionAttempt.AsActionAttemptCreateAccessCodePending()
	assert.Error(t, err)

	timeBound := decodeFile[gen.AccessCodesCreateResponseBody](t, fake("access_codes_create_time_bound.json"))
	assert.Equal(t, gen.AccessCodeTypeTimeBound, timeBound.AccessCode.Type)
	require.NotNil(t, timeBound.AccessCode.StartsAt)
	require.NotNil(t, timeBound.AccessCode.EndsAt)
	assertUTC(t, utc(2030, 1, 4, 15, 0, 0, 0), timeBound.AccessCode.StartsAt.MustGet(), "starts_at")
	assertUTC(t, utc(2030, 1, 6, 11, 0, 0, 0), timeBound.AccessCode.EndsAt.MustGet(), "ends_at")

	got := decodeFile[gen.AccessCodesGetResponseBody](t, fake("access_codes_get.json"))
	assert.Equal(t, created.AccessCode, got.AccessCode)

	list := decodeFile[gen.AccessCodesListResponseBody](t, fake("access_codes_list.json"))
	require.Len(t, list.AccessCodes, 2)
	assert.Equal(t, []string{"access_code1", "access_code2"}, []string{list.AccessCodes[0].AccessCodeId, list.AccessCodes[1].AccessCodeId})
	assert.Equal(t, timeBound.AccessCode, list.AccessCodes[1])
}

// accessCodeWithIssues is an access code carrying one error and one warning
// of known codes and one of each that this spec does not know.
const accessCodeWithIssues = `{
	"access_code_id": "ac_1", "device_id": "d_1", "name": null, "code": "1234", "common_code_key": null,
	"type": "ongoing", "status": "set", "is_managed": true, "created_at": "2025-03-04T05:06:07.890Z",
	"is_backup_access_code_available": false, "is_external_modification_allowed": false,
	"is_offline_access_code": false, "is_one_time_use": false, "workspace_id": "w_1", "pending_mutations": [],
	"errors": [
		{"error_code": "device_offline", "message": "Device is offline", "is_device_error": true, "created_at": "2025-03-04T05:06:08Z"},
		{"error_code": "brand_new_error", "message": "Not in this spec", "created_at": "2025-03-04T05:06:09Z"}
	],
	"warnings": [
		{"warning_code": "being_deleted", "message": "Being deleted", "created_at": "2025-03-04T05:06:10Z"},
		{"warning_code": "brand_new_warning", "message": "Not in this spec"}
	]
}`

func TestDecodeAccessCodeTypedErrorsAndWarnings(t *testing.T) {
	var ac gen.AccessCode
	require.NoError(t, json.Unmarshal([]byte(accessCodeWithIssues), &ac), "an unknown error_code must not fail decoding")
	require.Len(t, ac.Errors, 2)
	require.Len(t, ac.Warnings, 2)

	code, err := ac.Errors[0].Discriminator()
	require.NoError(t, err)
	assert.Equal(t, "device_offline", code)
	v, err := ac.Errors[0].ValueByDiscriminator()
	require.NoError(t, err)
	offline, ok := v.(gen.AccessCodeErrorsDeviceOffline)
	require.Truef(t, ok, "ValueByDiscriminator gave %T", v)
	assert.Equal(t, "Device is offline", offline.Message)
	assert.Equal(t, gen.AccessCodeErrorsDeviceOfflineIsDeviceError(true), offline.IsDeviceError)
	assertUTC(t, utc(2025, 3, 4, 5, 6, 8, 0), offline.CreatedAt, "errors[0].created_at")

	code, err = ac.Errors[1].Discriminator()
	require.NoError(t, err)
	assert.Equal(t, "brand_new_error", code)
	v, err = ac.Errors[1].ValueByDiscriminator()
	assert.ErrorContains(t, err, "brand_new_error")
	assert.Nil(t, v)
	// The raw entry survives for callers that want it.
	raw, err := json.Marshal(ac.Errors[1])
	require.NoError(t, err)
	assert.JSONEq(t, `{"error_code": "brand_new_error", "message": "Not in this spec", "created_at": "2025-03-04T05:06:09Z"}`, string(raw))

	v, err = ac.Warnings[0].ValueByDiscriminator()
	require.NoError(t, err)
	deleting, ok := v.(gen.AccessCodeWarningsBeingDeleted)
	require.Truef(t, ok, "ValueByDiscriminator gave %T", v)
	assert.Equal(t, "Being deleted", deleting.Message)
	_, err = ac.Warnings[1].ValueByDiscriminator()
	assert.Error(t, err)

	assertUTC(t, utc(2025, 3, 4, 5, 6, 7, 890), ac.CreatedAt, "created_at")
}

func TestDecodeFakeEvents(t *testing.T) {
	body := decodeFile[gen.EventsListResponseBody](t, fake("events_list.json"))
	require.Len(t, body.Events, 6)

	var types []string
	for _, e := range body.Events {
		typ, err := e.Discriminator()
		require.NoError(t, err)
		types = append(types, typ)
	}
	assert.Equal(t, []string{"device.connected", "access_code.created", "access_code.created", "lock.unlocked", "lock.locked", "access_code.deleted"}, types)

	value := func(i int) any {
		v, err := body.Events[i].ValueByDiscriminator()
		require.NoError(t, err, "event %d", i)
		return v
	}
	connected, ok := value(0).(gen.EventDeviceConnected)
	require.Truef(t, ok, "got %T", value(0))
	assert.Equal(t, "event1", connected.EventId)
	assert.Equal(t, "august_device_1", connected.DeviceId)
	assertUTC(t, utc(2026, 11, 23, 14, 51, 18, 302), connected.OccurredAt, "occurred_at")

	createdEvent, ok := value(2).(gen.EventAccessCodeCreated)
	require.Truef(t, ok, "got %T", value(2))
	assert.Equal(t, "access_code2", createdEvent.AccessCodeId)
	assert.Equal(t, gen.EventAccessCodeCreatedEventType("access_code.created"), createdEvent.EventType)
	assertUTC(t, utc(2026, 11, 23, 14, 51, 20, 298), createdEvent.CreatedAt, "created_at")

	unlocked, ok := value(3).(gen.EventLockUnlocked)
	require.Truef(t, ok, "got %T", value(3))
	assert.Equal(t, gen.EventLockUnlockedEventTypeLockUnlocked, unlocked.EventType)
	assert.Equal(t, ptr("august_device_1"), unlocked.DeviceId)

	locked, ok := value(4).(gen.EventLockLocked)
	require.Truef(t, ok, "got %T", value(4))
	assert.Equal(t, "event5", locked.EventId)

	deleted, ok := value(5).(gen.EventAccessCodeDeleted)
	require.Truef(t, ok, "got %T", value(5))
	assert.Equal(t, "access_code2", deleted.AccessCodeId)

	// An event type newer than the spec decodes, and says it is unknown.
	var future gen.Event
	require.NoError(t, json.Unmarshal([]byte(`{"event_id": "e9", "event_type": "robot.arrived", "created_at": "2026-01-01T00:00:00Z"}`), &future))
	_, err := future.ValueByDiscriminator()
	assert.ErrorContains(t, err, "robot.arrived")
}

func TestDecodeFakeActionAttempts(t *testing.T) {
	pending := decodeFile[gen.LocksUnlockDoorResponseBody](t, fake("locks_unlock_door.json"))
	p, err := pending.ActionAttempt.AsActionAttemptUnlockDoorPending()
	require.NoError(t, err)
	assert.Equal(t, "action_attempt1", p.ActionAttemptId)
	assert.Equal(t, gen.ActionAttemptUnlockDoorPendingStatusPending, p.Status)
	assert.Equal(t, gen.ActionAttemptUnlockDoorPendingActionType("UNLOCK_DOOR"), p.ActionType)
	assert.True(t, p.Result.IsNull(), "result is null")

	done := decodeFile[gen.ActionAttemptsGetResponseBody](t, fake("action_attempt_unlock.json"))
	s, err := done.ActionAttempt.AsActionAttemptUnlockDoorSuccess()
	require.NoError(t, err)
	assert.Equal(t, gen.ActionAttemptUnlockDoorSuccessStatus("success"), s.Status)
	assert.Nil(t, s.Result.WasConfirmedByDevice, "the fake answers result: {}")

	// The union keeps the payload as sent: it re-encodes unchanged.
	raw, err := json.Marshal(done.ActionAttempt)
	require.NoError(t, err)
	assert.JSONEq(t, `{"action_type": "UNLOCK_DOOR", "action_attempt_id": "action_attempt1", "result": {}, "error": null, "status": "success"}`, string(raw))

	// Building one: From<Member> then marshal.
	var built gen.ActionAttempt
	require.NoError(t, built.FromActionAttemptLockDoorPending(gen.ActionAttemptLockDoorPending{
		ActionAttemptId: "aa_2", ActionType: "LOCK_DOOR", Status: "pending",
	}))
	back, err := built.AsActionAttemptLockDoorPending()
	require.NoError(t, err)
	assert.Equal(t, "aa_2", back.ActionAttemptId)
}

func TestDecodeFakeDevicesAndAccounts(t *testing.T) {
	list := decodeFile[gen.DevicesListResponseBody](t, fake("devices_list.json"))
	require.Len(t, list.Devices, 5)
	assert.False(t, list.Pagination.HasNextPage)
	assert.True(t, list.Pagination.NextPageCursor.IsNull(), "next_page_cursor is null")

	byID := map[string]gen.Device{}
	for _, d := range list.Devices {
		byID[d.DeviceId] = d
	}
	lock := byID["august_device_1"]
	// device_type is a union of string enums (one per device category):
	// it re-encodes as the string sent.
	deviceType, err := json.Marshal(lock.DeviceType)
	require.NoError(t, err)
	assert.JSONEq(t, `"august_lock"`, string(deviceType))
	assert.Equal(t, "Fake August Lock 1", lock.Properties.Name)
	assert.True(t, lock.Properties.Online)
	assert.Equal(t, ptr(true), lock.Properties.Locked)
	require.NotNil(t, lock.Properties.Battery)
	assert.Equal(t, 1.0, lock.Properties.Battery.Level)
	assert.Equal(t, []gen.DeviceCapabilitiesSupported{"lock", "access_code"}, lock.CapabilitiesSupported)
	assert.Equal(t, ptr(true), lock.CanRemotelyUnlock)
	assert.Empty(t, lock.CustomMetadata)
	assertUTC(t, utc(2026, 11, 23, 14, 51, 18, 302), lock.CreatedAt, "created_at")
	assert.Equal(t, ptr(70.0), byID["minut_device_1"].Properties.NoiseLevelDecibels)

	one := decodeFile[gen.DevicesGetResponseBody](t, fake("devices_get_lock.json"))
	assert.Equal(t, lock, one.Device)

	accounts := decodeFile[gen.ConnectedAccountsListResponseBody](t, fake("connected_accounts_list.json"))
	require.Len(t, accounts.ConnectedAccounts, 3)
	assert.Equal(t, "john_connected_account_id", accounts.ConnectedAccounts[0].ConnectedAccountId)
	require.NotNil(t, accounts.ConnectedAccounts[0].UserIdentifier)
	assert.Equal(t, ptr("john@example.com"), accounts.ConnectedAccounts[0].UserIdentifier.Email)
	require.NotNil(t, accounts.ConnectedAccounts[1].CreatedAt)
	assertUTC(t, utc(2026, 11, 23, 14, 51, 18, 320), *accounts.ConnectedAccounts[1].CreatedAt, "created_at")
}

func TestDecodeCustomMetadataUnion(t *testing.T) {
	var d gen.Device
	require.NoError(t, json.Unmarshal([]byte(`{"device_id": "d", "custom_metadata": {"guest": "Ann", "vip": true}}`), &d))
	require.Len(t, d.CustomMetadata, 2)
	s, err := d.CustomMetadata["guest"].AsStringOrBoolean0()
	require.NoError(t, err)
	assert.Equal(t, "Ann", s)
	b, err := d.CustomMetadata["vip"].AsStringOrBoolean1()
	require.NoError(t, err)
	assert.True(t, b)
}
