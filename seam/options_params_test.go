package seam

import (
	"errors"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/seamgo/seam-go/seam/internal/accessrules"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seamgo/seam-go/gen"
	"github.com/seamgo/seam-go/internal/servicegen"
)

// How a hand-written method lets its caller set a documented parameter.
const (
	viaArg     = "arg"     // a positional argument of the method (the id convenience)
	viaSetting = "setting" // an AccessCodeSetting the access-code builders accept (accessCodeOp.accepts)
	viaParams  = "params"  // a field of the generated request: the params the method takes, or WithParams
	viaValue   = "value"   // a value type of the method (CodeLengthConstraints)
)

// handWrittenInputs maps each operation of servicegen.HandWritten and
// servicegen.ByID (the methods that do not take the whole params) to its
// generated request type and, for every documented request parameter of
// the spec, how the method sets it. TestHandWrittenMethodsCoverTheirParameters
// fails when the spec documents a parameter missing here, when a row names
// one the spec no longer has, and when the way named does not reach it.
var handWrittenInputs = map[string]struct {
	request any
	how     map[string]string
}{
	"/access_codes/create": {gen.AccessCodesCreateRequestBody{}, map[string]string{"device_id": viaArg,
		"allow_external_modification": viaSetting, "attempt_for_offline_device": viaSetting, "code": viaSetting, "common_code_key": viaSetting,
		"ends_at": viaSetting, "is_external_modification_allowed": viaSetting, "is_offline_access_code": viaSetting, "is_one_time_use": viaSetting,
		"max_time_rounding": viaSetting, "name": viaSetting, "prefer_native_scheduling": viaSetting, "preferred_code_length": viaSetting,
		"starts_at": viaSetting, "use_backup_access_code_pool": viaSetting, "use_offline_access_code": viaSetting}},
	"/access_codes/create_multiple": {gen.AccessCodesCreateMultipleRequestBody{}, map[string]string{"device_ids": viaArg,
		"allow_external_modification": viaSetting, "attempt_for_offline_device": viaSetting, "behavior_when_code_cannot_be_shared": viaSetting,
		"code": viaSetting, "ends_at": viaSetting, "is_external_modification_allowed": viaSetting, "name": viaSetting,
		"prefer_native_scheduling": viaSetting, "preferred_code_length": viaSetting, "starts_at": viaSetting, "use_backup_access_code_pool": viaSetting}},
	"/access_codes/update": {gen.AccessCodesUpdateRequestBody{}, map[string]string{"access_code_id": viaArg,
		"allow_external_modification": viaSetting, "attempt_for_offline_device": viaSetting, "code": viaSetting, "device_id": viaParams,
		"ends_at": viaSetting, "is_external_modification_allowed": viaSetting, "is_managed": viaParams, "is_offline_access_code": viaSetting,
		"is_one_time_use": viaSetting, "max_time_rounding": viaSetting, "name": viaSetting, "prefer_native_scheduling": viaSetting,
		"preferred_code_length": viaSetting, "starts_at": viaSetting, "type": viaParams, "use_backup_access_code_pool": viaSetting,
		"use_offline_access_code": viaSetting}},
	"/access_codes/update_multiple": {gen.AccessCodesUpdateMultipleRequestBody{}, map[string]string{"common_code_key": viaArg,
		"ends_at": viaSetting, "name": viaSetting, "starts_at": viaSetting}},
	"/access_codes/delete":        {gen.AccessCodesDeleteRequestBody{}, map[string]string{"access_code_id": viaArg, "device_id": viaParams}},
	"/access_codes/generate_code": {gen.AccessCodesGenerateCodeGetParams{}, map[string]string{"device_id": viaArg}},
	"/access_codes/get": {gen.AccessCodesGetGetParams{}, map[string]string{
		"access_code_id": viaArg, "device_id": viaArg, "code": viaArg}}, // Get and GetByCode
	"/access_codes/list": {gen.AccessCodesListGetParams{}, map[string]string{"customer_key": viaParams, "device_id": viaParams,
		"access_code_ids": viaParams, "access_method_id": viaParams, "access_grant_id": viaParams, "access_grant_key": viaParams,
		"user_identifier_key": viaParams, "limit": viaParams, "search": viaParams, "page_cursor": viaParams}},
	"/access_codes/pull_backup_access_code": {gen.AccessCodesPullBackupAccessCodeRequestBody{}, map[string]string{"access_code_id": viaArg}},
	"/access_codes/report_device_constraints": {gen.AccessCodesReportDeviceConstraintsRequestBody{}, map[string]string{"device_id": viaArg,
		"max_code_length": viaValue, "min_code_length": viaValue, "supported_code_lengths": viaValue}},
	"/access_codes/simulate/create_unmanaged_access_code": {gen.AccessCodesSimulateCreateUnmanagedAccessCodeRequestBody{},
		map[string]string{"code": viaArg, "device_id": viaArg, "name": viaArg}},
	"/access_codes/unmanaged/convert_to_managed": {gen.AccessCodesUnmanagedConvertToManagedRequestBody{}, map[string]string{
		"access_code_id": viaParams, "allow_external_modification": viaParams, "force": viaParams, "is_external_modification_allowed": viaParams}},
	"/access_codes/unmanaged/delete": {gen.AccessCodesUnmanagedDeleteRequestBody{}, map[string]string{"access_code_id": viaArg}},
	"/access_codes/unmanaged/get": {gen.AccessCodesUnmanagedGetGetParams{}, map[string]string{
		"access_code_id": viaArg, "device_id": viaArg, "code": viaArg}},
	"/access_codes/unmanaged/list": {gen.AccessCodesUnmanagedListGetParams{}, map[string]string{"device_id": viaParams,
		"user_identifier_key": viaParams, "limit": viaParams, "search": viaParams, "page_cursor": viaParams}},
	"/access_codes/unmanaged/update": {gen.AccessCodesUnmanagedUpdateRequestBody{}, map[string]string{"access_code_id": viaParams,
		"allow_external_modification": viaParams, "force": viaParams, "is_external_modification_allowed": viaParams, "is_managed": viaParams}},
	"/action_attempts/get":    {gen.ActionAttemptsGetGetParams{}, map[string]string{"action_attempt_id": viaArg}},
	"/client_sessions/delete": {gen.ClientSessionsDeleteRequestBody{}, map[string]string{"client_session_id": viaArg}},
	"/client_sessions/get": {gen.ClientSessionsGetGetParams{}, map[string]string{
		"client_session_id": viaArg, "user_identifier_key": viaParams}},
	"/connect_webviews/delete":   {gen.ConnectWebviewsDeleteRequestBody{}, map[string]string{"connect_webview_id": viaArg}},
	"/connect_webviews/get":      {gen.ConnectWebviewsGetGetParams{}, map[string]string{"connect_webview_id": viaArg}},
	"/connected_accounts/delete": {gen.ConnectedAccountsDeleteRequestBody{}, map[string]string{"connected_account_id": viaArg}},
	// A union body: WithParams replaces it (FromConnectedAccountsGetRequestBody1 for email).
	"/connected_accounts/get": {gen.ConnectedAccountsGetRequestBody1{}, map[string]string{"connected_account_id": viaArg, "email": viaParams}},
	"/devices/get":            {gen.DevicesGetGetParams{}, map[string]string{"device_id": viaArg, "name": viaParams}},
	"/locks/get":              {gen.LocksGetGetParams{}, map[string]string{"device_id": viaArg, "name": viaParams}},
	"/locks/lock_door":        {gen.LocksLockDoorRequestBody{}, map[string]string{"device_id": viaArg}},
	"/locks/unlock_door":      {gen.LocksUnlockDoorRequestBody{}, map[string]string{"device_id": viaArg}},
	"/events/get":             {gen.EventsGetGetParams{}, map[string]string{"event_id": viaArg, "event_type": viaParams, "device_id": viaParams}},
	"/events/list":            {gen.EventsListGetParams{}, nil}, // every parameter: the params it takes
}

// settingsOf maps the operations of the access-code builders to what they accept.
var settingsOf = map[string]accessrules.Op{
	"/access_codes/create": opCreate, "/access_codes/create_multiple": opCreateMultiple,
	"/access_codes/update": opUpdate, "/access_codes/update_multiple": opUpdateMultiple,
}

// documentedInputs returns the documented request parameters of o (query
// parameters of a GET, body properties of a POST, the members' properties
// of a union body), without those marked x-undocumented.
func documentedInputs(t *testing.T, doc *openapi3.T, o servicegen.Operation) []string {
	t.Helper()
	op := doc.Paths.Find(o.Path).GetOperation(o.Method)
	require.NotNil(t, op, "%s %s", o.Method, o.Path)
	var names []string
	undocumented := func(ext map[string]any) bool { _, ok := ext["x-undocumented"]; return ok }
	for _, p := range op.Parameters {
		if p.Value.In == "query" && !undocumented(p.Value.Extensions) && (p.Value.Schema == nil || !undocumented(p.Value.Schema.Value.Extensions)) {
			names = append(names, p.Value.Name)
		}
	}
	if op.RequestBody != nil {
		s := op.RequestBody.Value.Content.Get("application/json").Schema.Value
		seen := map[string]bool{}
		for _, sub := range append([]*openapi3.SchemaRef{{Value: s}}, s.OneOf...) {
			for name, prop := range sub.Value.Properties {
				if !seen[name] && !undocumented(prop.Value.Extensions) {
					seen[name] = true
					names = append(names, name)
				}
			}
		}
	}
	return names
}

// jsonFields returns the json names of typ's fields.
func jsonFields(typ reflect.Type) map[string]bool {
	out := map[string]bool{}
	for i := range typ.NumField() {
		name, _, _ := strings.Cut(typ.Field(i).Tag.Get("json"), ",")
		out[name] = true
	}
	return out
}

// TestHandWrittenMethodsCoverTheirParameters checks, against the spec, that
// every documented parameter of every hand-written operation can be set
// through its method: as an argument, an access-code setting, or a field of
// the generated request (which WithParams, or the params the method takes,
// reaches), and that the method takes per-call Options for WithParams.
func TestHandWrittenMethodsCoverTheirParameters(t *testing.T) {
	doc, err := normalizedSpec()
	require.NoError(t, err)
	c, err := New(WithAPIKey("seam_test_key"), WithEndpoint("http://127.0.0.1:1"))
	require.NoError(t, err)
	optionType := reflect.TypeFor[[]Option]()
	settingType := reflect.TypeFor[[]AccessCodeOption]()
	covered := 0
	for _, o := range plannedOperations(t) {
		if !o.HandWritten && servicegen.ByID[o.Path] == "" {
			continue
		}
		covered++
		row, ok := handWrittenInputs[o.Path]
		if !assert.True(t, ok, "%s is hand-written (servicegen.HandWritten) but has no row in handWrittenInputs", o.Path) {
			continue
		}
		m := methodOf(t, c, o.Qualified())
		last := m.Type().In(m.Type().NumIn() - 1)
		assert.True(t, m.Type().IsVariadic() && (last == optionType || last == settingType),
			"%s must take ...Option (or ...AccessCodeOption) so that WithParams reaches every parameter", o.Qualified())
		fields := jsonFields(reflect.TypeOf(row.request))
		spec := documentedInputs(t, doc, o)
		if row.how == nil { // the method takes the whole generated params
			for _, name := range spec {
				assert.True(t, fields[name], "%s: %s has no field %q", o.Path, reflect.TypeOf(row.request), name)
			}
			continue
		}
		for _, name := range spec {
			how, ok := row.how[name]
			if !assert.True(t, ok, "%s documents %q: say in handWrittenInputs how %s sets it (and make it settable)", o.Path, name, o.Qualified()) {
				continue
			}
			switch how {
			case viaSetting:
				op, ok := settingsOf[o.Path]
				assert.True(t, ok && op.Accepts[name], "%s: no AccessCodeSetting sets %q", o.Path, name)
			case viaParams:
				assert.True(t, fields[name], "%s: %s has no field %q for WithParams", o.Path, reflect.TypeOf(row.request), name)
			case viaArg, viaValue:
			default:
				t.Errorf("%s: unknown way %q", o.Path, how)
			}
		}
		for name := range row.how {
			assert.Contains(t, spec, name, "%s: handWrittenInputs names %q, which the spec no longer documents", o.Path, name)
		}
	}
	assert.Equal(t, len(servicegen.HandWritten)+len(servicegen.ByID), covered, "every hand-written and ByID operation checked")
}

// methodOf returns the bound method "Service.Sub.Method" of c.
func methodOf(t *testing.T, c *Client, qualified string) reflect.Value {
	t.Helper()
	parts := strings.Split(qualified, ".")
	v := reflect.ValueOf(c.Services)
	for _, p := range parts[:len(parts)-1] {
		v = reflect.Indirect(v).FieldByName(p)
		require.True(t, v.IsValid(), "no service %s in %s", p, qualified)
	}
	m := v.MethodByName(parts[len(parts)-1])
	require.True(t, m.IsValid(), "no method %s", qualified)
	return m
}

// TestWithParamsReachesTheDocumentedParameters sends the parameters that
// the id-only signatures could not carry (issue 18 point 1) and reads them
// on the wire.
func TestWithParamsReachesTheDocumentedParameters(t *testing.T) {
	attemptAnswer := acFixed(`{"action_attempt":{"action_attempt_id":"aa1","action_type":"X","status":"success","result":{},"error":null},"ok":true}`)
	device := acFixed(`{"device":{"device_id":"lock","device_type":"august_lock","capabilities_supported":[],"properties":{}},"ok":true}`)
	r := &acRouter{answers: map[string]func(acRequest) string{
		"/access_codes/delete": attemptAnswer,
		"/access_codes/update": attemptAnswer,
		"/client_sessions/get": acFixed(`{"client_session":{"client_session_id":"cs1","token":"seam_cst_x","user_identifier_key":"u1"},"ok":true}`),
		"/devices/get":         device,
		"/locks/get":           device,
		"/events/get":          acFixed(`{"event":{"event_id":"e1","event_type":"lock.unlocked","workspace_id":"w","created_at":"2030-01-01T00:00:00Z","occurred_at":"2030-01-01T00:00:00Z","device_id":"lock","connected_account_id":"c"},"ok":true}`),
	}}
	c := r.serve(t)
	ctx := t.Context()

	_, err := c.AccessCodes.Delete(ctx, "ac1", WithParams(func(b *gen.AccessCodesDeleteRequestBody) { b.DeviceId = Ptr("lock") }))
	require.NoError(t, err)
	_, err = c.AccessCodes.Update(ctx, "ac1", Ongoing("", ""), WithParams(func(b *gen.AccessCodesUpdateRequestBody) {
		b.DeviceId, b.IsManaged, b.Type = Ptr("lock"), Ptr(true), Ptr(gen.AccessCodesUpdateRequestBodyTypeOngoing)
	}))
	require.NoError(t, err)
	_, err = c.ClientSessions.Get(ctx, "cs1", WithParams(func(p *gen.ClientSessionsGetGetParams) { p.UserIdentifierKey = Ptr("u1") }))
	require.NoError(t, err)
	_, err = c.Devices.Get(ctx, "lock", WithParams(func(p *gen.DevicesGetGetParams) { p.Name = Ptr("Front door") }))
	require.NoError(t, err)
	_, err = c.Locks.Get(ctx, "lock", WithParams(func(p *gen.LocksGetGetParams) { p.Name = Ptr("Front door") }))
	require.NoError(t, err)
	_, err = c.Events.Get(ctx, "e1", WithParams(func(p *gen.EventsGetGetParams) {
		p.DeviceId, p.EventType = Ptr("lock"), Ptr("lock.unlocked")
	}))
	require.NoError(t, err)

	reqs := r.all()
	require.Len(t, reqs, 6)
	assert.Equal(t, map[string]any{"access_code_id": "ac1", "device_id": "lock"}, reqs[0].body)
	assert.Equal(t, map[string]any{"access_code_id": "ac1", "device_id": "lock", "is_managed": true, "type": "ongoing"}, reqs[1].body)
	assert.Equal(t, "u1", reqs[2].query.Get("user_identifier_key"))
	assert.Equal(t, "Front door", reqs[3].query.Get("name"))
	assert.Equal(t, "Front door", reqs[4].query.Get("name"))
	assert.Equal(t, "lock", reqs[5].query.Get("device_id"))
	assert.Equal(t, "lock.unlocked", reqs[5].query.Get("event_type"))
}

func TestWithParamsRefusesAnotherRequestAndNew(t *testing.T) {
	var sent int
	srv := newTestServer(t, func(w http.ResponseWriter, _ *http.Request) { sent++ })
	c, err := New(WithAPIKey("seam_test_key"), WithEndpoint(srv.URL))
	require.NoError(t, err)
	_, err = c.Devices.Get(t.Context(), "lock", WithParams(func(p *gen.LocksGetGetParams) { p.Name = Ptr("x") }))
	require.ErrorIs(t, err, ErrInvalidOptions)
	assert.Contains(t, err.Error(), "LocksGetGetParams")
	assert.Zero(t, sent, "refused before any request")

	_, err = New(WithAPIKey("seam_test_key"), WithParams(func(p *gen.DevicesGetGetParams) {}))
	require.True(t, errors.Is(err, ErrInvalidOptions), "%v", err)
}

// TestWithParamsLeavesTheCallersParamsAlone: the edit applies to a copy.
func TestWithParamsLeavesTheCallersParamsAlone(t *testing.T) {
	r := &acRouter{answers: map[string]func(acRequest) string{
		"/access_codes/list": acFixed(`{"access_codes":[],"pagination":{"has_next_page":false},"ok":true}`),
	}}
	c := r.serve(t)
	params := &gen.AccessCodesListGetParams{DeviceId: Ptr("lock")}
	_, err := c.AccessCodes.List(t.Context(), params, WithParams(func(p *gen.AccessCodesListGetParams) { p.Search = Ptr("front") }))
	require.NoError(t, err)
	assert.Nil(t, params.Search)
	assert.Equal(t, "front", r.all()[0].query.Get("search"))
}
