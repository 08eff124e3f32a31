package seam

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// acValidationNow is "now" in the validation tests.
var acValidationNow = time.Date(2030, 1, 1, 12, 0, 0, 0, time.UTC)

// acOKServer answers every access code call with a minimal success and
// counts the requests.
func acOKServer(t *testing.T) (*Client, *counter) {
	t.Helper()
	var n counter
	srv := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Path == "/access_codes/get" {
			// Update reads the code when no schedule is given: an ongoing
			// one. Reads are not counted.
			_, _ = w.Write([]byte(`{"access_code":{"access_code_id":"ac1","device_id":"lock","status":"set","type":"ongoing","errors":[],"warnings":[],"is_managed":true},"ok":true}`))
			return
		}
		n.inc()
		switch r.URL.Path {
		case "/access_codes/create":
			_, _ = w.Write([]byte(`{"access_code":{"access_code_id":"ac1","device_id":"lock","status":"setting","type":"ongoing","errors":[],"warnings":[],"is_managed":true},"ok":true}`))
		case "/access_codes/create_multiple":
			_, _ = w.Write([]byte(`{"access_codes":[],"ok":true}`))
		case "/access_codes/update", "/access_codes/delete":
			_, _ = w.Write([]byte(`{"action_attempt":{"action_attempt_id":"aa1","action_type":"UPDATE_ACCESS_CODE","status":"success","result":{},"error":null},"ok":true}`))
		default:
			_, _ = w.Write([]byte(`{"ok":true}`))
		}
	})
	c := newTestClient(t, srv.URL)
	c.now = func() time.Time { return acValidationNow }
	return c, &n
}

// acCall runs one access code operation with opts.
type acCall func(ctx context.Context, s *AccessCodesService, opts []AccessCodeOption) error

var (
	acCreate acCall = func(ctx context.Context, s *AccessCodesService, opts []AccessCodeOption) error {
		_, err := s.Create(ctx, "lock", opts...)
		return err
	}
	acUpdate acCall = func(ctx context.Context, s *AccessCodesService, opts []AccessCodeOption) error {
		_, err := s.Update(ctx, "ac1", opts...)
		return err
	}
	acCreateMultiple acCall = func(ctx context.Context, s *AccessCodesService, opts []AccessCodeOption) error {
		_, err := s.CreateMultiple(ctx, []string{"lock1", "lock2"}, opts...)
		return err
	}
	acUpdateMultiple acCall = func(ctx context.Context, s *AccessCodesService, opts []AccessCodeOption) error {
		return s.UpdateMultiple(ctx, "key", opts...)
	}
)

func acOpts(opts ...AccessCodeOption) []AccessCodeOption { return opts }

// TestAccessCodeValidationRules checks every client-side rule with a valid
// request (sent) and an invalid one (refused before any request, with a
// *ValidationError naming the parameter).
func TestAccessCodeValidationRules(t *testing.T) {
	at := func(h int) time.Time { return acValidationNow.Add(time.Duration(h) * time.Hour) }
	day := func(d, h int) time.Time { return time.Date(2030, 2, d, h, 0, 0, 0, time.UTC) }
	cases := []struct {
		name    string
		call    acCall
		valid   []AccessCodeOption
		invalid []AccessCodeOption
		param   string
	}{
		{"code digits only", acCreate, acOpts(WithCode("0123")), acOpts(WithCode("12a4")), "code"},
		{"code at least 4", acCreate, acOpts(WithCode("1234")), acOpts(WithCode("123")), "code"},
		{"code at most 12", acCreate, acOpts(WithCode("123456789012")), acOpts(WithCode("1234567890123")), "code"},
		{"code not unicode digits", acCreate, acOpts(WithCode("1234")), acOpts(WithCode("١٢٣٤")), "code"},
		{"code checked on update", acUpdate, acOpts(WithCode("98765")), acOpts(WithCode("98 65")), "code"},
		{"preferred length without code", acCreate, acOpts(WithPreferredCodeLength(6)), acOpts(WithPreferredCodeLength(6), WithCode("1234")), "preferred_code_length"},
		{"preferred length positive", acCreate, acOpts(WithPreferredCodeLength(4)), acOpts(WithPreferredCodeLength(0)), "preferred_code_length"},
		{"max_time_rounding known", acCreate,
			acOpts(WithOfflineAccessCode(true), WithStartsAt(at(1)), WithEndsAt(at(30)), WithMaxTimeRounding(RoundToDayLong)),
			acOpts(WithOfflineAccessCode(true), WithStartsAt(at(1)), WithEndsAt(at(30)), WithMaxTimeRounding("2h")), "max_time_rounding"},
		{"external modification synonyms agree", acCreate,
			acOpts(WithAllowExternalModification(true), WithExternalModificationAllowed(true)),
			acOpts(WithAllowExternalModification(true), WithExternalModificationAllowed(false)), "is_external_modification_allowed"},
		{"ends_at after starts_at", acCreate,
			acOpts(WithStartsAt(at(1)), WithEndsAt(at(2))), acOpts(WithStartsAt(at(2)), WithEndsAt(at(2))), "ends_at"},
		{"ends_at in the future", acCreate, acOpts(WithStartsAt(at(-2)), WithEndsAt(at(1))), acOpts(WithStartsAt(at(-2)), WithEndsAt(at(-1))), "ends_at"},
		{"ends_at in the future on update", acUpdate, acOpts(WithStartsAt(at(-2)), WithEndsAt(at(1))), acOpts(WithStartsAt(at(-2)), WithEndsAt(at(0))), "ends_at"},
		{"starts_at needs ends_at on create", acCreate, acOpts(WithStartsAt(at(1)), WithEndsAt(at(2))), acOpts(WithStartsAt(at(1))), "ends_at"},
		{"ends_at needs starts_at on create", acCreate, acOpts(WithStartsAt(at(1)), WithEndsAt(at(2))), acOpts(WithEndsAt(at(2))), "starts_at"},
		{"extending a stay sends both times", acUpdate, acOpts(WithStartsAt(at(-24)), WithEndsAt(at(48))), acOpts(WithEndsAt(at(48))), "starts_at"},
		{"starts_at needs ends_at on update", acUpdate, acOpts(TimeBound(at(1), at(2))), acOpts(WithStartsAt(at(1))), "ends_at"},
		{"times go together on create_multiple", acCreateMultiple, acOpts(TimeBound(at(1), at(2))), acOpts(WithEndsAt(at(2))), "starts_at"},
		{"times go together on update_multiple", acUpdateMultiple, acOpts(TimeBound(at(1), at(2))), acOpts(WithEndsAt(at(2))), "starts_at"},
		{"one-time-use takes starts_at alone", acCreate, acOpts(OneTimeUseOffline(at(1))), nil, ""},
		{"no chosen code for offline codes", acCreate,
			acOpts(HourlyBoundOffline(at(1), at(3))), acOpts(HourlyBoundOffline(at(1), at(3)), WithCode("1234")), "code"},
		{"one-time-use needs offline", acCreate,
			acOpts(WithOneTimeUse(true), WithOfflineAccessCode(true), WithStartsAt(at(1))),
			acOpts(WithOneTimeUse(true), WithStartsAt(at(1))), "is_one_time_use"},
		{"one-time-use refuses ends_at", acCreate,
			acOpts(WithOneTimeUse(true), WithOfflineAccessCode(true), WithStartsAt(at(1))),
			acOpts(WithOneTimeUse(true), WithOfflineAccessCode(true), WithStartsAt(at(1)), WithEndsAt(at(5))), "ends_at"},
		{"one-time-use needs starts_at", acCreate,
			acOpts(WithOneTimeUse(true), WithOfflineAccessCode(true), WithStartsAt(at(1))),
			acOpts(WithOneTimeUse(true), WithOfflineAccessCode(true)), "starts_at"},
		{"max_time_rounding needs offline", acCreate,
			acOpts(WithMaxTimeRounding(RoundToHour), WithOfflineAccessCode(true), WithStartsAt(at(1)), WithEndsAt(at(3))),
			acOpts(WithMaxTimeRounding(RoundToHour), WithStartsAt(at(1)), WithEndsAt(at(3))), "max_time_rounding"},
		{"offline needs starts_at", acCreate,
			acOpts(WithOfflineAccessCode(true), WithStartsAt(at(1)), WithEndsAt(at(3))),
			acOpts(WithOfflineAccessCode(true), WithEndsAt(at(3))), "starts_at"},
		{"offline needs ends_at", acCreate,
			acOpts(WithUseOfflineAccessCode(true), WithStartsAt(at(1)), WithEndsAt(at(3))),
			acOpts(WithUseOfflineAccessCode(true), WithStartsAt(at(1))), "ends_at"},
		{"common_code_key is create only", acCreate, acOpts(WithCommonCodeKey("k")), nil, ""},
		{"common_code_key refused by update", acUpdate, acOpts(WithCodeName("n")), acOpts(WithCommonCodeKey("k")), "common_code_key"},
		{"CheckDevice refused by update", acUpdate, acOpts(WithCodeName("n")), acOpts(CheckDevice()), "CheckDevice"},
		{"code sharing is create_multiple only", acCreate, acOpts(WithCodeName("n")), acOpts(WithCodeSharing(CodeSharingRandomCode)), "behavior_when_code_cannot_be_shared"},
		{"create_multiple takes code sharing", acCreateMultiple, acOpts(WithCodeSharing(CodeSharingFail)), acOpts(WithCodeSharing("maybe")), "behavior_when_code_cannot_be_shared"},
		{"create_multiple refuses offline codes", acCreateMultiple,
			acOpts(TimeBound(at(1), at(3))), acOpts(HourlyBoundOffline(at(1), at(3))), "is_offline_access_code"},
		{"update_multiple takes name and times only", acUpdateMultiple,
			acOpts(WithCodeName("n"), TimeBound(at(1), at(3))), acOpts(WithCode("1234")), "code"},
		{"update_multiple refuses Ongoing", acUpdateMultiple, acOpts(WithCodeName("n")), acOpts(Ongoing("n", "")), "type"},
		{"one preset only", acCreate, acOpts(TimeBound(at(1), at(3))), acOpts(TimeBound(at(1), at(3)), OneTimeUseOffline(at(1))), "starts_at"},
		{"Ongoing has no times", acCreate, acOpts(Ongoing("n", "1234")), acOpts(Ongoing("n", "1234"), WithEndsAt(at(3))), "ends_at"},
		{"Ongoing is online", acCreate, acOpts(Ongoing("n", "")), acOpts(Ongoing("n", ""), WithOfflineAccessCode(true), WithStartsAt(at(1)), WithEndsAt(at(2))), "starts_at"},
		{"TimeBound needs a start", acCreate, acOpts(TimeBound(at(1), at(3))), acOpts(TimeBound(time.Time{}, at(3))), "starts_at"},
		{"TimeBound needs an end", acCreate, acOpts(TimeBound(at(1), at(3))), acOpts(TimeBound(at(1), time.Time{})), "ends_at"},
		{"TimeBound keeps its end", acCreate, acOpts(TimeBound(at(1), at(3)), WithEndsAt(at(4))), acOpts(TimeBound(at(1), at(3)), WithEndsAt(time.Time{})), "ends_at"},
		{"hourly window at least an hour", acCreate, acOpts(HourlyBoundOffline(at(1), at(2))),
			acOpts(HourlyBoundOffline(at(1), at(1).Add(59*time.Minute))), "ends_at"},
		{"hourly window need not be on whole hours", acCreate,
			acOpts(HourlyBoundOffline(at(1).Add(10*time.Minute), at(3).Add(50*time.Minute))), nil, ""},
		{"hourly keeps 1h rounding", acCreate, acOpts(HourlyBoundOffline(at(1), at(3)), WithMaxTimeRounding(RoundToHourLong)),
			acOpts(HourlyBoundOffline(at(1), at(3)), WithMaxTimeRounding(RoundToDay)), "max_time_rounding"},
		{"hourly stays offline", acCreate, acOpts(HourlyBoundOffline(at(1), at(3))),
			acOpts(HourlyBoundOffline(at(1), at(3)), WithOfflineAccessCode(false)), "max_time_rounding"},
		{"daily same time of day", acCreate, acOpts(DailyBoundOffline(day(1, 16), day(5, 16))),
			acOpts(DailyBoundOffline(day(1, 16), day(5, 15))), "ends_at"},
		{"daily different dates", acCreate, acOpts(DailyBoundOffline(day(1, 0), day(2, 0))),
			acOpts(DailyBoundOffline(day(1, 10), day(1, 10).Add(time.Millisecond))), "ends_at"},
		{"daily keeps 1d rounding", acCreate, acOpts(DailyBoundOffline(day(1, 16), day(5, 16))),
			acOpts(DailyBoundOffline(day(1, 16), day(5, 16)), WithMaxTimeRounding(RoundToHour)), "max_time_rounding"},
		{"daily is not one-time-use", acCreate, acOpts(DailyBoundOffline(day(1, 16), day(5, 16))),
			acOpts(DailyBoundOffline(day(1, 16), day(5, 16)), WithOneTimeUse(true)), "ends_at"},
		{"one-time-use preset needs a start", acCreate, acOpts(OneTimeUseOffline(at(1))), acOpts(OneTimeUseOffline(time.Time{})), "starts_at"},
		{"one-time-use preset has no end", acCreate, acOpts(OneTimeUseOffline(at(1))), acOpts(OneTimeUseOffline(at(1)), WithEndsAt(at(30))), "ends_at"},
		{"one-time-use preset keeps the flag", acCreate, acOpts(OneTimeUseOffline(at(1))), acOpts(OneTimeUseOffline(at(1)), WithOneTimeUse(false)), "ends_at"},
		{"Ongoing on update turns the code ongoing", acUpdate, acOpts(Ongoing("", "")), acOpts(Ongoing("", ""), WithStartsAt(at(1))), "starts_at"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, n := acOKServer(t)
			require.NoError(t, tc.call(t.Context(), c.AccessCodes, tc.valid), "valid case")
			assert.Equal(t, int64(1), n.get(), "valid case is sent")
			if tc.invalid == nil {
				return
			}
			err := tc.call(t.Context(), c.AccessCodes, tc.invalid)
			var verr *ValidationError
			require.ErrorAs(t, err, &verr, "invalid case")
			assert.Equal(t, tc.param, verr.Param, "rule: %s", verr.Rule)
			assert.ErrorIs(t, err, ErrInvalidInput)
			assert.Equal(t, int64(1), n.get(), "invalid case is not sent")
		})
	}
}

// TestAccessCodeValidationNeverQuotesTheCode: PINs stay out of errors.
func TestAccessCodeValidationNeverQuotesTheCode(t *testing.T) {
	c, _ := acOKServer(t)
	for _, code := range []string{"98a7", "987", "9876543210987"} {
		_, err := c.AccessCodes.Create(t.Context(), "lock", WithCode(code))
		require.Error(t, err)
		assert.NotContains(t, err.Error(), code)
	}
}

func TestAccessCodeRequiredIDs(t *testing.T) {
	c, n := acOKServer(t)
	ctx := t.Context()
	check := func(err error, param string) {
		t.Helper()
		var verr *ValidationError
		require.ErrorAs(t, err, &verr)
		assert.Equal(t, param, verr.Param)
	}
	_, err := c.AccessCodes.Create(ctx, "", WithCode("1234"))
	check(err, "device_id")
	_, err = c.AccessCodes.CreateMultiple(ctx, nil)
	check(err, "device_ids")
	_, err = c.AccessCodes.CreateMultiple(ctx, []string{"a", ""})
	check(err, "device_ids")
	_, err = c.AccessCodes.Update(ctx, "")
	check(err, "access_code_id")
	check(c.AccessCodes.UpdateMultiple(ctx, ""), "common_code_key")
	_, err = c.AccessCodes.Delete(ctx, "")
	check(err, "access_code_id")
	_, err = c.AccessCodes.Get(ctx, "")
	check(err, "access_code_id")
	_, err = c.AccessCodes.GetByCode(ctx, "lock", "")
	check(err, "code")
	_, err = c.AccessCodes.GenerateCode(ctx, "")
	check(err, "device_id")
	_, err = c.AccessCodes.PullBackupAccessCode(ctx, "")
	check(err, "access_code_id")
	_, err = c.AccessCodes.WaitUntilReady(ctx, "")
	check(err, "access_code_id")
	_, err = c.AccessCodes.Simulate.CreateUnmanagedAccessCode(ctx, "lock", "n", "123456789")
	check(err, "code")
	assert.Equal(t, int64(0), n.get())
}

func TestReportDeviceConstraintsRules(t *testing.T) {
	cases := []struct {
		name  string
		c     CodeLengthConstraints
		param string
	}{
		{"nothing", CodeLengthConstraints{}, "supported_code_lengths"},
		{"both forms", CodeLengthConstraints{Min: 4, Supported: []int{4}}, "supported_code_lengths"},
		{"supported too short", CodeLengthConstraints{Supported: []int{4, 3}}, "supported_code_lengths"},
		{"max too long", CodeLengthConstraints{Max: 21}, "max_code_length"},
		{"min too short", CodeLengthConstraints{Min: 2}, "min_code_length"},
		{"min above max", CodeLengthConstraints{Min: 8, Max: 6}, "min_code_length"},
	}
	c, n := acOKServer(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := c.AccessCodes.ReportDeviceConstraints(t.Context(), "lock", tc.c)
			var verr *ValidationError
			require.ErrorAs(t, err, &verr)
			assert.Equal(t, tc.param, verr.Param)
		})
	}
	assert.Equal(t, int64(0), n.get())
	require.NoError(t, c.AccessCodes.ReportDeviceConstraints(t.Context(), "lock", CodeLengthConstraints{Min: 4, Max: 8}))
	require.NoError(t, c.AccessCodes.ReportDeviceConstraints(t.Context(), "lock", CodeLengthConstraints{Supported: []int{4, 6}}))
	assert.Equal(t, int64(2), n.get())
}

// TestAccessCodeOptionsMixCallOptions: Options given among the settings
// apply to that call only; client-only ones are refused.
func TestAccessCodeOptionsMixCallOptions(t *testing.T) {
	var got http.Header
	srv := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		got = r.Header.Clone()
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"access_code":{"access_code_id":"ac1","device_id":"lock","status":"setting","type":"ongoing","errors":[],"warnings":[],"is_managed":true},"ok":true}`))
	})
	c := newTestClient(t, srv.URL)
	_, err := c.AccessCodes.Create(t.Context(), "lock", WithCode("1234"), WithHeader("X-Trace", "abc"), WithTimeout(5*time.Second))
	require.NoError(t, err)
	assert.Equal(t, "abc", got.Get("X-Trace"))

	_, err = c.AccessCodes.Create(t.Context(), "lock", WithCode("1234"))
	require.NoError(t, err)
	assert.Empty(t, got.Get("X-Trace"), "per call only")

	_, err = c.AccessCodes.Create(t.Context(), "lock", WithEndpoint("http://127.0.0.1:1"))
	require.ErrorIs(t, err, ErrInvalidOptions)

	_, err = c.AccessCodes.Create(t.Context(), "lock", WithTimeout(-time.Second))
	require.ErrorIs(t, err, ErrInvalidOptions)

	_, err = c.AccessCodes.Create(t.Context(), "lock", nil, AccessCodeSetting{})
	require.NoError(t, err, "nil and zero settings do nothing")
}

func TestAccessCodeValidationErrorText(t *testing.T) {
	c, _ := acOKServer(t)
	_, err := c.AccessCodes.Create(t.Context(), "lock", WithEndsAt(acValidationNow.Add(-time.Hour)))
	require.Error(t, err)
	assert.Equal(t, `seam: invalid parameter "ends_at": must be in the future (ends_at 2030-01-01T11:00:00Z, now 2030-01-01T12:00:00Z)`, err.Error())
	assert.True(t, errors.Is(err, ErrInvalidInput))
	assert.False(t, strings.Contains(err.Error(), testAPIKey))
}
