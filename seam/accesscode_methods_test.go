package seam

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seamgo/seam-go/gen"
)

// acRequest is a request a acRouter got.
type acRequest struct {
	method, path string
	query        url.Values
	body         map[string]any
}

// acRouter answers each path with a fixed body (or a function of the
// request) and records the requests.
type acRouter struct {
	mu       sync.Mutex
	requests []acRequest
	answers  map[string]func(acRequest) string
}

func (r *acRouter) serve(t *testing.T) *Client {
	t.Helper()
	srv := newTestServer(t, func(w http.ResponseWriter, req *http.Request) {
		data, err := io.ReadAll(req.Body)
		assert.NoError(t, err)
		got := acRequest{method: req.Method, path: req.URL.Path, query: req.URL.Query()}
		if len(data) > 0 {
			assert.NoError(t, json.Unmarshal(data, &got.body))
		}
		r.mu.Lock()
		r.requests = append(r.requests, got)
		r.mu.Unlock()
		answer, ok := r.answers[req.URL.Path]
		if !ok {
			t.Errorf("unexpected request %s %s", req.Method, req.URL.Path)
			w.WriteHeader(http.StatusNotFound)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(answer(got)))
	})
	c := newTestClient(t, srv.URL)
	c.now = func() time.Time { return time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC) }
	return c
}

func (r *acRouter) all() []acRequest {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]acRequest(nil), r.requests...)
}

func acFixed(body string) func(acRequest) string { return func(acRequest) string { return body } }

func TestAccessCodesUpdateWaitsForTheAttempt(t *testing.T) {
	r := &acRouter{answers: map[string]func(acRequest) string{
		"/access_codes/update": acFixed(`{"action_attempt":{"action_attempt_id":"aa1","action_type":"UPDATE_ACCESS_CODE","status":"pending","result":null,"error":null},"ok":true}`),
		"/action_attempts/get": acFixed(`{"action_attempt":{"action_attempt_id":"aa1","action_type":"UPDATE_ACCESS_CODE","status":"success","result":{},"error":null},"ok":true}`),
	}}
	c := r.serve(t)
	start := time.Date(2030, 3, 1, 15, 0, 0, 0, time.UTC)
	attempt, err := c.AccessCodes.Update(t.Context(), "ac1", TimeBound(start, start.Add(72*time.Hour)), WithCodeName("late checkout"),
		WithActionAttemptPollInterval(5*time.Millisecond))
	require.NoError(t, err)
	s, err := SummarizeActionAttempt(attempt)
	require.NoError(t, err)
	assert.Equal(t, ActionAttemptSuccess, s.Status)

	reqs := r.all()
	require.Len(t, reqs, 2)
	assert.Equal(t, http.MethodPost, reqs[0].method)
	assert.Equal(t, map[string]any{
		"access_code_id": "ac1", "name": "late checkout",
		"starts_at": "2030-03-01T15:00:00Z", "ends_at": "2030-03-04T15:00:00Z",
	}, reqs[0].body)
	assert.Equal(t, "/action_attempts/get", reqs[1].path)

	// Without waiting, and turning the code ongoing.
	_, err = c.AccessCodes.Update(t.Context(), "ac1", Ongoing("", ""), WithWaitForActionAttempts(false))
	require.NoError(t, err)
	reqs = r.all()
	require.Len(t, reqs, 3)
	assert.Equal(t, map[string]any{"access_code_id": "ac1", "type": "ongoing"}, reqs[2].body)
}

func TestAccessCodesDeleteAndFailure(t *testing.T) {
	r := &acRouter{answers: map[string]func(acRequest) string{
		"/access_codes/delete":           acFixed(`{"action_attempt":{"action_attempt_id":"aa2","action_type":"DELETE_ACCESS_CODE","status":"pending","result":null,"error":null},"ok":true}`),
		"/access_codes/unmanaged/delete": acFixed(`{"action_attempt":{"action_attempt_id":"aa3","action_type":"DELETE_ACCESS_CODE","status":"pending","result":null,"error":null},"ok":true}`),
		"/action_attempts/get": func(req acRequest) string {
			id := req.query.Get("action_attempt_id")
			return `{"action_attempt":{"action_attempt_id":"` + id + `","action_type":"DELETE_ACCESS_CODE","status":"error","result":null,"error":{"type":"lock_offline","message":"The lock is offline"}},"ok":true}`
		},
	}}
	c := r.serve(t)
	_, err := c.AccessCodes.Delete(t.Context(), "ac1", WithActionAttemptPollInterval(5*time.Millisecond))
	require.ErrorIs(t, err, ErrActionAttemptFailed)
	_, err = c.AccessCodes.Unmanaged.Delete(t.Context(), "um1", WithActionAttemptPollInterval(5*time.Millisecond))
	require.ErrorIs(t, err, ErrActionAttemptFailed)
	reqs := r.all()
	require.Len(t, reqs, 4)
	assert.Equal(t, acRequest{method: http.MethodPost, path: "/access_codes/delete", query: url.Values{}, body: map[string]any{"access_code_id": "ac1"}}, reqs[0])
	assert.Equal(t, "aa2", reqs[1].query.Get("action_attempt_id"))
	assert.Equal(t, map[string]any{"access_code_id": "um1"}, reqs[2].body)
	assert.Equal(t, "aa3", reqs[3].query.Get("action_attempt_id"))
}

func TestAccessCodesMultiple(t *testing.T) {
	r := &acRouter{answers: map[string]func(acRequest) string{
		"/access_codes/create_multiple": acFixed(`{"access_codes":[
			{"access_code_id":"a","device_id":"d1","code":"5555","common_code_key":"k","status":"setting","type":"ongoing","errors":[],"warnings":[],"is_managed":true},
			{"access_code_id":"b","device_id":"d2","code":"5555","common_code_key":"k","status":"setting","type":"ongoing","errors":[],"warnings":[],"is_managed":true}],"ok":true}`),
		"/access_codes/update_multiple": acFixed(`{"ok":true}`),
	}}
	c := r.serve(t)
	start := time.Date(2030, 5, 1, 15, 0, 0, 0, time.UTC)
	codes, err := c.AccessCodes.CreateMultiple(t.Context(), []string{"d1", "d2"},
		WithCodeName("both doors"), WithPreferredCodeLength(4), WithCodeSharing(CodeSharingRandomCode), TimeBound(start, start.Add(48*time.Hour)))
	require.NoError(t, err)
	require.Len(t, codes, 2)
	assert.Equal(t, "k", codes[1].CommonCodeKey.MustGet())

	require.NoError(t, c.AccessCodes.UpdateMultiple(t.Context(), "k", WithCodeName("renamed"), TimeBound(start, start.Add(72*time.Hour))))
	reqs := r.all()
	require.Len(t, reqs, 2)
	assert.Equal(t, map[string]any{
		"device_ids": []any{"d1", "d2"}, "name": "both doors", "preferred_code_length": float64(4),
		"behavior_when_code_cannot_be_shared": "create_random_code",
		"starts_at":                           "2030-05-01T15:00:00Z", "ends_at": "2030-05-03T15:00:00Z",
	}, reqs[0].body)
	assert.Equal(t, map[string]any{"common_code_key": "k", "name": "renamed",
		"starts_at": "2030-05-01T15:00:00Z", "ends_at": "2030-05-04T15:00:00Z"}, reqs[1].body)
}

func TestAccessCodesSmallOperations(t *testing.T) {
	r := &acRouter{answers: map[string]func(acRequest) string{
		"/access_codes/generate_code":                         acFixed(`{"generated_code":{"device_id":"lock","code":"804213"},"ok":true}`),
		"/access_codes/report_device_constraints":             acFixed(`{"ok":true}`),
		"/access_codes/get":                                   acFixed(`{"access_code":` + acCode(`"status":"set","code":"1234","errors":[]`) + `,"ok":true}`),
		"/access_codes/simulate/create_unmanaged_access_code": acFixed(`{"access_code":{"access_code_id":"um1","device_id":"lock","code":"9911","name":"n","type":"ongoing","status":"set","is_managed":false,"errors":[],"warnings":[],"created_at":"2030-01-01T00:00:00Z"},"ok":true}`),
	}}
	c := r.serve(t)
	ctx := t.Context()

	code, err := c.AccessCodes.GenerateCode(ctx, "lock")
	require.NoError(t, err)
	require.NotNil(t, code.Code)
	assert.Equal(t, "804213", code.Code.MustGet())

	require.NoError(t, c.AccessCodes.ReportDeviceConstraints(ctx, "lock", CodeLengthConstraints{Supported: []int{4, 6}}))

	ac, err := c.AccessCodes.GetByCode(ctx, "lock", "1234")
	require.NoError(t, err)
	assert.Equal(t, "ac1", ac.AccessCodeId)

	um, err := c.AccessCodes.Simulate.CreateUnmanagedAccessCode(ctx, "lock", "n", "9911")
	require.NoError(t, err)
	assert.Equal(t, "um1", um.AccessCodeId)

	reqs := r.all()
	require.Len(t, reqs, 4)
	assert.Equal(t, http.MethodGet, reqs[0].method)
	assert.Equal(t, "lock", reqs[0].query.Get("device_id"))
	assert.Equal(t, map[string]any{"device_id": "lock", "supported_code_lengths": []any{float64(4), float64(6)}}, reqs[1].body)
	assert.Equal(t, http.MethodGet, reqs[2].method)
	assert.Equal(t, url.Values{"device_id": {"lock"}, "code": {"1234"}}, reqs[2].query)
	assert.Equal(t, map[string]any{"device_id": "lock", "name": "n", "code": "9911"}, reqs[3].body)
}

func TestPullBackupAccessCodeAnswers(t *testing.T) {
	for name, answer := range map[string]string{
		"backup_access_code only (fake)": `{"backup_access_code":{"access_code_id":"bk1","device_id":"lock","is_backup":true,"status":"set","type":"time_bound","errors":[],"warnings":[],"is_managed":true},"ok":true}`,
		"both keys (spec)": `{"access_code":{"access_code_id":"bk1","device_id":"lock","status":"set","type":"time_bound","errors":[],"warnings":[],"is_managed":true},
			"backup_access_code":{"access_code_id":"bk1","device_id":"lock","is_backup":true,"status":"set","type":"time_bound","errors":[],"warnings":[],"is_managed":true},"ok":true}`,
		"access_code only": `{"access_code":{"access_code_id":"bk1","device_id":"lock","status":"set","type":"time_bound","errors":[],"warnings":[],"is_managed":true},"ok":true}`,
	} {
		t.Run(name, func(t *testing.T) {
			r := &acRouter{answers: map[string]func(acRequest) string{"/access_codes/pull_backup_access_code": acFixed(answer)}}
			c := r.serve(t)
			backup, err := c.AccessCodes.PullBackupAccessCode(t.Context(), "ac1")
			require.NoError(t, err)
			assert.Equal(t, "bk1", backup.AccessCodeId)
			assert.Equal(t, map[string]any{"access_code_id": "ac1"}, r.all()[0].body)
		})
	}
	r := &acRouter{answers: map[string]func(acRequest) string{"/access_codes/pull_backup_access_code": acFixed(`{"ok":true}`)}}
	_, err := r.serve(t).AccessCodes.PullBackupAccessCode(t.Context(), "ac1")
	require.ErrorContains(t, err, "no backup_access_code")
}

func TestAccessCodesListPages(t *testing.T) {
	r := &acRouter{answers: map[string]func(acRequest) string{
		"/access_codes/list": func(req acRequest) string {
			if req.query.Get("page_cursor") == "" {
				return `{"access_codes":[` + acCode(`"status":"set","errors":[]`) + `],"pagination":{"has_next_page":true,"next_page_cursor":"c2","next_page_url":null},"ok":true}`
			}
			return `{"access_codes":[{"access_code_id":"ac2","device_id":"lock","status":"set","type":"ongoing","errors":[],"warnings":[],"is_managed":true}],"pagination":{"has_next_page":false,"next_page_cursor":null,"next_page_url":null},"ok":true}`
		},
		"/access_codes/unmanaged/list": func(req acRequest) string {
			if req.query.Get("page_cursor") == "" {
				return `{"access_codes":[{"access_code_id":"um1","device_id":"lock","type":"ongoing","status":"set","is_managed":false,"errors":[],"warnings":[],"created_at":"2030-01-01T00:00:00Z"}],"pagination":{"has_next_page":true,"next_page_cursor":"u2"},"ok":true}`
			}
			return `{"access_codes":[{"access_code_id":"um2","device_id":"lock","type":"ongoing","status":"set","is_managed":false,"errors":[],"warnings":[],"created_at":"2030-01-01T00:00:00Z"}],"pagination":{"has_next_page":false},"ok":true}`
		},
	}}
	c := r.serve(t)
	ctx := t.Context()
	lock := "lock"

	page, err := c.AccessCodes.List(ctx, &gen.AccessCodesListGetParams{DeviceId: &lock})
	require.NoError(t, err)
	assert.True(t, page.HasNextPage)
	assert.Equal(t, "c2", page.NextPageCursor)

	var got []string
	for ac, err := range c.AccessCodes.All(ctx, &gen.AccessCodesListGetParams{DeviceId: &lock}) {
		require.NoError(t, err)
		got = append(got, ac.AccessCodeId)
	}
	assert.Equal(t, []string{"ac1", "ac2"}, got)

	got = nil
	for um, err := range c.AccessCodes.Unmanaged.All(ctx, &gen.AccessCodesUnmanagedListGetParams{DeviceId: lock}) {
		require.NoError(t, err)
		got = append(got, um.AccessCodeId)
	}
	assert.Equal(t, []string{"um1", "um2"}, got)

	for _, req := range r.all() {
		assert.Equal(t, http.MethodGet, req.method)
		assert.Equal(t, "lock", req.query.Get("device_id"))
	}
	reqs := r.all()
	require.Len(t, reqs, 5)
	assert.Equal(t, "c2", reqs[2].query.Get("page_cursor"))
	assert.Equal(t, "u2", reqs[4].query.Get("page_cursor"))

	_, err = c.AccessCodes.Unmanaged.List(ctx, &gen.AccessCodesUnmanagedListGetParams{})
	var verr *ValidationError
	require.ErrorAs(t, err, &verr)
	for _, err := range c.AccessCodes.Unmanaged.All(ctx, &gen.AccessCodesUnmanagedListGetParams{}) {
		require.ErrorAs(t, err, &verr)
	}
	assert.Len(t, r.all(), 5)
}

func TestUnmanagedAccessCodes(t *testing.T) {
	um := `{"access_code":{"access_code_id":"um1","device_id":"lock","code":"9911","type":"ongoing","status":"set","is_managed":false,"errors":[],"warnings":[],"created_at":"2030-01-01T00:00:00Z"},"ok":true}`
	r := &acRouter{answers: map[string]func(acRequest) string{
		"/access_codes/unmanaged/get":                acFixed(um),
		"/access_codes/unmanaged/update":             acFixed(`{"ok":true}`),
		"/access_codes/unmanaged/convert_to_managed": acFixed(`{"ok":true}`),
	}}
	c := r.serve(t)
	ctx := t.Context()
	u := c.AccessCodes.Unmanaged

	got, err := u.Get(ctx, "um1")
	require.NoError(t, err)
	assert.Equal(t, "9911", got.Code.MustGet())
	_, err = u.GetByCode(ctx, "lock", "9911")
	require.NoError(t, err)
	require.NoError(t, u.Update(ctx, &gen.AccessCodesUnmanagedUpdateRequestBody{AccessCodeId: "um1", IsManaged: true, AllowExternalModification: Ptr(true)}))
	require.NoError(t, u.ConvertToManaged(ctx, &gen.AccessCodesUnmanagedConvertToManagedRequestBody{AccessCodeId: "um1", Force: Ptr(true)}))

	var verr *ValidationError
	err = u.Update(ctx, &gen.AccessCodesUnmanagedUpdateRequestBody{AccessCodeId: "um1", AllowExternalModification: Ptr(true), IsExternalModificationAllowed: Ptr(false)})
	require.ErrorAs(t, err, &verr)
	assert.Equal(t, "is_external_modification_allowed", verr.Param)
	require.ErrorAs(t, u.ConvertToManaged(ctx, &gen.AccessCodesUnmanagedConvertToManagedRequestBody{}), &verr)
	assert.Equal(t, "access_code_id", verr.Param)

	reqs := r.all()
	require.Len(t, reqs, 4)
	assert.Equal(t, url.Values{"access_code_id": {"um1"}}, reqs[0].query)
	assert.Equal(t, url.Values{"device_id": {"lock"}, "code": {"9911"}}, reqs[1].query)
	assert.Equal(t, map[string]any{"access_code_id": "um1", "is_managed": true, "allow_external_modification": true}, reqs[2].body)
	assert.Equal(t, http.MethodPost, reqs[3].method)
	assert.Equal(t, map[string]any{"access_code_id": "um1", "force": true}, reqs[3].body)
}
