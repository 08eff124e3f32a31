package seam

import (
	"testing"

	"github.com/oapi-codegen/nullable"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestGenerateCodeReturnsTheGeneratedCodeObject: the result is the
// x-response-key generated_code, and a spec-valid null code is no error.
func TestGenerateCodeReturnsTheGeneratedCodeObject(t *testing.T) {
	for name, tc := range map[string]struct {
		answer string
		code   nullable.Nullable[string]
	}{
		"with a code":  {`{"generated_code":{"device_id":"lock","code":"804213","type":"ongoing","status":"unset"},"ok":true}`, NotNull("804213")},
		"null code":    {`{"generated_code":{"device_id":"lock","code":null,"type":"ongoing","status":"unset"},"ok":true}`, Null[string]()},
		"missing code": {`{"generated_code":{"device_id":"lock"},"ok":true}`, nil},
	} {
		t.Run(name, func(t *testing.T) {
			r := &acRouter{answers: map[string]func(acRequest) string{"/access_codes/generate_code": acFixed(tc.answer)}}
			got, err := r.serve(t).AccessCodes.GenerateCode(t.Context(), "lock")
			require.NoError(t, err)
			assert.Equal(t, "lock", got.DeviceId)
			assert.Equal(t, tc.code, got.Code)
		})
	}
	r := &acRouter{answers: map[string]func(acRequest) string{"/access_codes/generate_code": acFixed(`{"ok":true}`)}}
	_, err := r.serve(t).AccessCodes.GenerateCode(t.Context(), "lock")
	require.ErrorContains(t, err, "no generated_code")
}

// TestPullBackupAccessCodeFollowsTheResponseKey: when the answer's
// access_code (x-response-key) and backup_access_code differ, access_code
// wins.
func TestPullBackupAccessCodeFollowsTheResponseKey(t *testing.T) {
	r := &acRouter{answers: map[string]func(acRequest) string{"/access_codes/pull_backup_access_code": acFixed(
		`{"access_code":{"access_code_id":"key1","device_id":"lock","status":"set","type":"time_bound","errors":[],"warnings":[],"is_managed":true},
		"backup_access_code":{"access_code_id":"other","device_id":"lock","status":"set","type":"time_bound","errors":[],"warnings":[],"is_managed":true},"ok":true}`)}}
	got, err := r.serve(t).AccessCodes.PullBackupAccessCode(t.Context(), "ac1")
	require.NoError(t, err)
	assert.Equal(t, "key1", got.AccessCodeId)
}
