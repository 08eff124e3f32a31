package seam_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seamgo/seam-go/gen"
	"github.com/seamgo/seam-go/seam"
)

// stubKey is the API key the stub-server tests authenticate with:
// distinctive, so that tests can assert it leaks nowhere.
const stubKey = "seam_stubkey_SECRET9z8y7x"

// stubRequest is one request a stub server received.
type stubRequest struct {
	Method string
	Path   string
	Query  url.Values
	Header http.Header
	// Body is the decoded JSON body, nil when there was none.
	Body map[string]any
	// Context is the request's context, done when the client gives up.
	Context context.Context
}

// stubHandler answers a request with a status and a body: nil (empty), a
// string (raw JSON) or any value (encoded as JSON).
type stubHandler func(r *stubRequest) (int, any)

// stub is an httptest server on 127.0.0.1 that answers like the Seam API on
// the routes it is given ("GET /devices/get") and records every request.
type stub struct {
	t      *testing.T
	srv    *httptest.Server
	mu     sync.Mutex
	routes map[string]stubHandler
	reqs   []stubRequest
}

// newStub starts a stub server, closed when the test ends.
func newStub(t *testing.T) *stub {
	t.Helper()
	s := &stub{t: t, routes: map[string]stubHandler{}}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.srv.Close)
	require.True(t, strings.HasPrefix(s.srv.URL, "http://127.0.0.1:"), "stub must bind 127.0.0.1, got %s", s.srv.URL)
	return s
}

// handle sets the handler of route, "METHOD /path".
func (s *stub) handle(route string, h stubHandler) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.routes[route] = h
}

// reply sets a handler of route that always gives status and body.
func (s *stub) reply(route string, status int, body any) {
	s.handle(route, func(*stubRequest) (int, any) { return status, body })
}

func (s *stub) serve(w http.ResponseWriter, r *http.Request) {
	raw, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		s.t.Errorf("stub: read body: %v", err)
	}
	req := stubRequest{Method: r.Method, Path: r.URL.Path, Query: r.URL.Query(), Header: r.Header.Clone(), Context: r.Context()}
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &req.Body); err != nil {
			s.t.Errorf("stub: %s %s: body is not a JSON object: %v", r.Method, r.URL.Path, err)
		}
	}
	s.mu.Lock()
	s.reqs = append(s.reqs, req)
	n := len(s.reqs)
	h := s.routes[r.Method+" "+r.URL.Path]
	s.mu.Unlock()

	w.Header().Set("Seam-Request-Id", fmt.Sprintf("stub_request_%d", n))
	if h == nil {
		s.t.Errorf("stub: unexpected request %s %s", r.Method, r.URL.Path)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusNotFound)
		_, _ = io.WriteString(w, `{"error":{"type":"not_found","message":"no such route"},"ok":false}`)
		return
	}
	status, body := h(&req)
	var out []byte
	switch b := body.(type) {
	case nil:
	case string:
		out = []byte(b)
	default:
		if out, err = json.Marshal(b); err != nil {
			s.t.Errorf("stub: encode answer: %v", err)
		}
	}
	if out != nil {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
	}
	w.WriteHeader(status)
	_, _ = w.Write(out)
}

// requests returns the requests received so far.
func (s *stub) requests() []stubRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]stubRequest(nil), s.reqs...)
}

// count returns how many requests route ("METHOD /path") received.
func (s *stub) count(route string) int {
	n := 0
	for _, r := range s.requests() {
		if r.Method+" "+r.Path == route {
			n++
		}
	}
	return n
}

// client returns a client of the stub authenticated with stubKey, with
// millisecond retry backoff, plus opts.
func (s *stub) client(t *testing.T, opts ...seam.Option) *seam.Client {
	t.Helper()
	all := append([]seam.Option{
		seam.WithAPIKey(stubKey),
		seam.WithEndpoint(s.srv.URL),
		seam.WithRetryBackoff(time.Millisecond, 5*time.Millisecond),
	}, opts...)
	c, err := seam.New(all...)
	require.NoError(t, err)
	return c
}

// envelope wraps result under key as the Seam API does.
func envelope(key string, result any) map[string]any {
	return map[string]any{key: result, "ok": true}
}

// device is a minimal Seam device object.
func device(id string) map[string]any {
	return map[string]any{"device_id": id, "device_type": "august_lock", "display_name": "Door " + id,
		"workspace_id": "ws1", "connected_account_id": "ca1", "created_at": "2024-01-02T03:04:05.000Z",
		"capabilities_supported": []string{"lock"}, "properties": map[string]any{"locked": true}}
}

// attempt is an action attempt object.
func attempt(id, actionType, status string) map[string]any {
	a := map[string]any{"action_attempt_id": id, "action_type": actionType, "status": status, "result": nil, "error": nil}
	switch status {
	case seam.ActionAttemptSuccess:
		a["result"] = map[string]any{}
	case seam.ActionAttemptError:
		a["error"] = map[string]any{"type": "lock_offline", "message": "The lock is offline"}
	}
	return a
}

// seamError is a Seam error body.
func seamError(typ, msg string) map[string]any {
	return map[string]any{"error": map[string]any{"type": typ, "message": msg}, "ok": false}
}

// pagination is a pagination object; next "" marks the last page.
func pagination(next string) map[string]any {
	if next == "" {
		return map[string]any{"has_next_page": false, "next_page_cursor": nil, "next_page_url": nil}
	}
	return map[string]any{"has_next_page": true, "next_page_cursor": next, "next_page_url": "http://x/?page_cursor=" + next}
}

// summary decodes the common fields of an action attempt.
func summary(t *testing.T, a *gen.ActionAttempt) seam.ActionAttemptSummary {
	t.Helper()
	require.NotNil(t, a)
	s, err := seam.SummarizeActionAttempt(a)
	require.NoError(t, err)
	return s
}

// TestServicesSendAndUnwrap calls each resource method once and checks the
// request (method, path, query or JSON body) and that the result is the
// object under the response key.
func TestServicesSendAndUnwrap(t *testing.T) {
	cases := []struct {
		name   string
		route  string
		answer any
		call   func(ctx context.Context, c *seam.Client) (string, error)
		query  url.Values     // for GET
		body   map[string]any // for POST
	}{
		{
			name: "Devices.Get", route: "GET /devices/get", answer: envelope("device", device("d1")),
			call: func(ctx context.Context, c *seam.Client) (string, error) {
				d, err := c.Devices.Get(ctx, "d1")
				if err != nil {
					return "", err
				}
				return d.DeviceId, nil
			},
			query: url.Values{"device_id": {"d1"}},
		},
		{
			name: "Devices.List", route: "GET /devices/list",
			answer: map[string]any{"devices": []any{device("a"), device("b")}, "pagination": pagination(""), "ok": true},
			call: func(ctx context.Context, c *seam.Client) (string, error) {
				p, err := c.Devices.List(ctx, &gen.DevicesListGetParams{DeviceIds: &[]string{"a", "b"}, Limit: seam.Ptr(2.0)})
				if err != nil {
					return "", err
				}
				return ids(p.Items, func(d gen.Device) string { return d.DeviceId }), nil
			},
			query: url.Values{"device_ids": {"a", "b"}, "limit": {"2"}},
		},
		{
			name: "Locks.Get", route: "GET /locks/get", answer: envelope("device", device("l1")),
			call: func(ctx context.Context, c *seam.Client) (string, error) {
				d, err := c.Locks.Get(ctx, "l1")
				if err != nil {
					return "", err
				}
				return d.DeviceId, nil
			},
			query: url.Values{"device_id": {"l1"}},
		},
		{
			name: "Locks.List", route: "GET /locks/list", answer: envelope("devices", []any{device("l1"), device("l2")}),
			call: func(ctx context.Context, c *seam.Client) (string, error) {
				ds, err := c.Locks.List(ctx, &gen.LocksListGetParams{ConnectedAccountId: seam.Ptr("ca1")})
				return ids(ds, func(d gen.Device) string { return d.DeviceId }), err
			},
			query: url.Values{"connected_account_id": {"ca1"}},
		},
		{
			name: "Locks.LockDoor", route: "POST /locks/lock_door", answer: envelope("action_attempt", attempt("aa1", "LOCK_DOOR", "pending")),
			call: func(ctx context.Context, c *seam.Client) (string, error) {
				a, err := c.Locks.LockDoor(ctx, "l1", seam.WithWaitForActionAttempts(false))
				if err != nil {
					return "", err
				}
				s, err := seam.SummarizeActionAttempt(a)
				return s.ID, err
			},
			body: map[string]any{"device_id": "l1"},
		},
		{
			name: "Locks.UnlockDoor", route: "POST /locks/unlock_door", answer: envelope("action_attempt", attempt("aa2", "UNLOCK_DOOR", "pending")),
			call: func(ctx context.Context, c *seam.Client) (string, error) {
				a, err := c.Locks.UnlockDoor(ctx, "l1", seam.WithWaitForActionAttempts(false))
				if err != nil {
					return "", err
				}
				s, err := seam.SummarizeActionAttempt(a)
				return s.ID, err
			},
			body: map[string]any{"device_id": "l1"},
		},
		{
			name: "ActionAttempts.Get", route: "GET /action_attempts/get", answer: envelope("action_attempt", attempt("aa3", "UNLOCK_DOOR", "success")),
			call: func(ctx context.Context, c *seam.Client) (string, error) {
				a, err := c.ActionAttempts.Get(ctx, "aa3")
				if err != nil {
					return "", err
				}
				s, err := seam.SummarizeActionAttempt(a)
				return s.ID, err
			},
			query: url.Values{"action_attempt_id": {"aa3"}},
		},
		{
			name: "ActionAttempts.List", route: "GET /action_attempts/list",
			answer: map[string]any{"action_attempts": []any{attempt("x1", "LOCK_DOOR", "success")}, "pagination": pagination(""), "ok": true},
			call: func(ctx context.Context, c *seam.Client) (string, error) {
				p, err := c.ActionAttempts.List(ctx, &gen.ActionAttemptsListGetParams{ActionAttemptIds: &[]string{"x1", "x2"}})
				if err != nil {
					return "", err
				}
				return ids(p.Items, func(a gen.ActionAttempt) string { s, _ := seam.SummarizeActionAttempt(&a); return s.ID }), nil
			},
			query: url.Values{"action_attempt_ids": {"x1", "x2"}},
		},
		{
			name: "Events.List", route: "GET /events/list",
			answer: envelope("events", []any{
				map[string]any{"event_id": "e1", "event_type": "lock.unlocked", "device_id": "d1", "workspace_id": "ws1"},
			}),
			call: func(ctx context.Context, c *seam.Client) (string, error) {
				es, err := c.Events.List(ctx, &gen.EventsListGetParams{Since: seam.Ptr("2024-01-01T00:00:00Z"),
					EventTypes: &[]gen.EventsListGetParamsEventTypes{"lock.unlocked", "lock.locked"}})
				return ids(es, func(e seam.Event) string { return e.Type }), err
			},
			query: url.Values{"since": {"2024-01-01T00:00:00Z"}, "event_types": {"lock.unlocked", "lock.locked"}},
		},
		{
			name: "Events.Get", route: "GET /events/get",
			answer: envelope("event", map[string]any{"event_id": "e1", "event_type": "lock.locked", "device_id": "d1"}),
			call: func(ctx context.Context, c *seam.Client) (string, error) {
				e, err := c.Events.Get(ctx, "e1")
				if err != nil {
					return "", err
				}
				return e.Type, nil
			},
			query: url.Values{"event_id": {"e1"}},
		},
		{
			name: "ConnectedAccounts.List", route: "GET /connected_accounts/list",
			answer: map[string]any{"connected_accounts": []any{map[string]any{"connected_account_id": "ca1"}}, "pagination": pagination(""), "ok": true},
			call: func(ctx context.Context, c *seam.Client) (string, error) {
				p, err := c.ConnectedAccounts.List(ctx, &gen.ConnectedAccountsListGetParams{UserIdentifierKey: seam.Ptr("u1")})
				if err != nil {
					return "", err
				}
				return ids(p.Items, func(a gen.ConnectedAccount) string { return a.ConnectedAccountId }), nil
			},
			query: url.Values{"user_identifier_key": {"u1"}},
		},
		{
			name: "ConnectedAccounts.Get", route: "POST /connected_accounts/get",
			answer: envelope("connected_account", map[string]any{"connected_account_id": "ca1"}),
			call: func(ctx context.Context, c *seam.Client) (string, error) {
				a, err := c.ConnectedAccounts.Get(ctx, "ca1")
				if err != nil {
					return "", err
				}
				return a.ConnectedAccountId, nil
			},
			body: map[string]any{"connected_account_id": "ca1"},
		},
		{
			name: "ConnectedAccounts.Delete", route: "POST /connected_accounts/delete", answer: map[string]any{"ok": true},
			call: func(ctx context.Context, c *seam.Client) (string, error) {
				return "", c.ConnectedAccounts.Delete(ctx, "ca1")
			},
			body: map[string]any{"connected_account_id": "ca1"},
		},
		{
			name: "ConnectWebviews.Create", route: "POST /connect_webviews/create",
			answer: envelope("connect_webview", map[string]any{"connect_webview_id": "cw1", "url": "https://x"}),
			call: func(ctx context.Context, c *seam.Client) (string, error) {
				w, err := c.ConnectWebviews.Create(ctx, &gen.ConnectWebviewsCreateRequestBody{
					AcceptedProviders: &[]gen.ConnectWebviewsCreateRequestBodyAcceptedProviders{"august"},
					CustomRedirectUrl: seam.Ptr("https://example.com/done"),
				})
				if err != nil {
					return "", err
				}
				return w.ConnectWebviewId, nil
			},
			body: map[string]any{"accepted_providers": []any{"august"}, "custom_redirect_url": "https://example.com/done"},
		},
		{
			name: "ConnectWebviews.Get", route: "GET /connect_webviews/get",
			answer: envelope("connect_webview", map[string]any{"connect_webview_id": "cw1"}),
			call: func(ctx context.Context, c *seam.Client) (string, error) {
				w, err := c.ConnectWebviews.Get(ctx, "cw1")
				if err != nil {
					return "", err
				}
				return w.ConnectWebviewId, nil
			},
			query: url.Values{"connect_webview_id": {"cw1"}},
		},
		{
			name: "ConnectWebviews.List", route: "GET /connect_webviews/list",
			answer: map[string]any{"connect_webviews": []any{map[string]any{"connect_webview_id": "cw1"}}, "pagination": pagination(""), "ok": true},
			call: func(ctx context.Context, c *seam.Client) (string, error) {
				p, err := c.ConnectWebviews.List(ctx, &gen.ConnectWebviewsListGetParams{Limit: seam.Ptr(10.0)})
				if err != nil {
					return "", err
				}
				return ids(p.Items, func(w gen.ConnectWebview) string { return w.ConnectWebviewId }), nil
			},
			query: url.Values{"limit": {"10"}},
		},
		{
			name: "ConnectWebviews.Delete", route: "POST /connect_webviews/delete", answer: map[string]any{"ok": true},
			call: func(ctx context.Context, c *seam.Client) (string, error) {
				return "", c.ConnectWebviews.Delete(ctx, "cw1")
			},
			body: map[string]any{"connect_webview_id": "cw1"},
		},
		{
			name: "ClientSessions.Create", route: "POST /client_sessions/create",
			answer: envelope("client_session", map[string]any{"client_session_id": "cs1", "token": "seam_cst_x"}),
			call: func(ctx context.Context, c *seam.Client) (string, error) {
				s, err := c.ClientSessions.Create(ctx, &gen.ClientSessionsCreateRequestBody{UserIdentifierKey: seam.Ptr("u1"),
					ConnectedAccountIds: &[]string{"ca1"}})
				if err != nil {
					return "", err
				}
				return s.ClientSessionId, nil
			},
			body: map[string]any{"user_identifier_key": "u1", "connected_account_ids": []any{"ca1"}},
		},
		{
			name: "ClientSessions.GetOrCreate", route: "POST /client_sessions/get_or_create",
			answer: envelope("client_session", map[string]any{"client_session_id": "cs2"}),
			call: func(ctx context.Context, c *seam.Client) (string, error) {
				s, err := c.ClientSessions.GetOrCreate(ctx, &gen.ClientSessionsGetOrCreateRequestBody{UserIdentifierKey: seam.Ptr("u2")})
				if err != nil {
					return "", err
				}
				return s.ClientSessionId, nil
			},
			body: map[string]any{"user_identifier_key": "u2"},
		},
		{
			name: "ClientSessions.Get", route: "GET /client_sessions/get",
			answer: envelope("client_session", map[string]any{"client_session_id": "cs3"}),
			call: func(ctx context.Context, c *seam.Client) (string, error) {
				s, err := c.ClientSessions.Get(ctx, "cs3")
				if err != nil {
					return "", err
				}
				return s.ClientSessionId, nil
			},
			query: url.Values{"client_session_id": {"cs3"}},
		},
		{
			name: "ClientSessions.List", route: "GET /client_sessions/list",
			answer: envelope("client_sessions", []any{map[string]any{"client_session_id": "cs1"}, map[string]any{"client_session_id": "cs2"}}),
			call: func(ctx context.Context, c *seam.Client) (string, error) {
				ss, err := c.ClientSessions.List(ctx, &gen.ClientSessionsListGetParams{WithoutUserIdentifierKey: seam.Ptr(true)})
				return ids(ss, func(s gen.ClientSession) string { return s.ClientSessionId }), err
			},
			query: url.Values{"without_user_identifier_key": {"true"}},
		},
		{
			name: "ClientSessions.Delete", route: "POST /client_sessions/delete", answer: map[string]any{"ok": true},
			call: func(ctx context.Context, c *seam.Client) (string, error) {
				return "", c.ClientSessions.Delete(ctx, "cs1")
			},
			body: map[string]any{"client_session_id": "cs1"},
		},
		{
			name: "Workspaces.Get", route: "GET /workspaces/get",
			answer: envelope("workspace", map[string]any{"workspace_id": "ws1", "name": "Main", "is_sandbox": true}),
			call: func(ctx context.Context, c *seam.Client) (string, error) {
				w, err := c.Workspaces.Get(ctx)
				if err != nil {
					return "", err
				}
				return w.WorkspaceId, nil
			},
			query: url.Values{},
		},
		{
			name: "Workspaces.List", route: "GET /workspaces/list",
			answer: envelope("workspaces", []any{map[string]any{"workspace_id": "ws1"}, map[string]any{"workspace_id": "ws2"}}),
			call: func(ctx context.Context, c *seam.Client) (string, error) {
				ws, err := c.Workspaces.List(ctx)
				return ids(ws, func(w gen.Workspace) string { return w.WorkspaceId }), err
			},
			query: url.Values{},
		},
		{
			name: "Workspaces.Create", route: "POST /workspaces/create",
			answer: envelope("workspace", map[string]any{"workspace_id": "ws9", "name": "New"}),
			call: func(ctx context.Context, c *seam.Client) (string, error) {
				w, err := c.Workspaces.Create(ctx, &gen.WorkspacesCreateRequestBody{Name: "New", IsSandbox: seam.Ptr(true)})
				if err != nil {
					return "", err
				}
				return w.WorkspaceId, nil
			},
			body: map[string]any{"name": "New", "is_sandbox": true},
		},
		{
			name: "Workspaces.ResetSandbox", route: "POST /workspaces/reset_sandbox",
			answer: envelope("action_attempt", attempt("aa9", "RESET_SANDBOX_WORKSPACE", "success")),
			call: func(ctx context.Context, c *seam.Client) (string, error) {
				a, err := c.Workspaces.ResetSandbox(ctx)
				if err != nil {
					return "", err
				}
				s, err := seam.SummarizeActionAttempt(a)
				return s.ID, err
			},
			body: nil,
		},
	}
	want := map[string]string{
		"Devices.Get": "d1", "Devices.List": "a,b", "Locks.Get": "l1", "Locks.List": "l1,l2",
		"Locks.LockDoor": "aa1", "Locks.UnlockDoor": "aa2", "ActionAttempts.Get": "aa3", "ActionAttempts.List": "x1",
		"Events.List": "lock.unlocked", "Events.Get": "lock.locked", "ConnectedAccounts.List": "ca1",
		"ConnectedAccounts.Get": "ca1", "ConnectWebviews.Create": "cw1", "ConnectWebviews.Get": "cw1",
		"ConnectWebviews.List": "cw1", "ClientSessions.Create": "cs1", "ClientSessions.GetOrCreate": "cs2",
		"ClientSessions.Get": "cs3", "ClientSessions.List": "cs1,cs2", "Workspaces.Get": "ws1",
		"Workspaces.List": "ws1,ws2", "Workspaces.Create": "ws9", "Workspaces.ResetSandbox": "aa9",
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := newStub(t)
			s.reply(tc.route, http.StatusOK, tc.answer)
			c := s.client(t)
			got, err := tc.call(t.Context(), c)
			require.NoError(t, err)
			assert.Equal(t, want[tc.name], got, "result unwrapped from the response key")

			reqs := s.requests()
			require.Len(t, reqs, 1)
			r := reqs[0]
			assert.Equal(t, tc.route, r.Method+" "+r.Path)
			assert.Equal(t, "Bearer "+stubKey, r.Header.Get("Authorization"))
			if r.Method == http.MethodGet {
				assert.Equal(t, tc.query, r.Query, "query parameters")
				assert.Nil(t, r.Body, "a GET has no body")
			} else {
				assert.Empty(t, r.Query, "a POST sends its parameters in the body")
				assert.Equal(t, tc.body, r.Body, "JSON body")
				if tc.body != nil {
					assert.Equal(t, "application/json", r.Header.Get("Content-Type"))
				}
			}
		})
	}
}

// ids joins the ids of items, for compact assertions.
func ids[T any](items []T, id func(T) string) string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = id(it)
	}
	return strings.Join(out, ",")
}

// TestServicesArraysRepeatTheKey checks the query encoding of arrays as the
// Seam API reads them: the key repeated, in order.
func TestServicesArraysRepeatTheKey(t *testing.T) {
	s := newStub(t)
	s.reply("GET /devices/list", http.StatusOK, map[string]any{"devices": []any{}, "pagination": pagination(""), "ok": true})
	c := s.client(t)
	_, err := c.Devices.List(t.Context(), &gen.DevicesListGetParams{DeviceIds: &[]string{"a", "b", "c"}})
	require.NoError(t, err)
	reqs := s.requests()
	require.Len(t, reqs, 1)
	assert.Equal(t, []string{"a", "b", "c"}, reqs[0].Query["device_ids"])
	assert.Empty(t, reqs[0].Query["device_ids[]"])
}

// TestServicesRequiredParams checks that a missing required parameter is
// refused before any request.
func TestServicesRequiredParams(t *testing.T) {
	cases := []struct {
		name  string
		param string
		call  func(ctx context.Context, c *seam.Client) error
	}{
		{"Devices.Get", "device_id", func(ctx context.Context, c *seam.Client) error { _, err := c.Devices.Get(ctx, ""); return err }},
		{"Locks.Get", "device_id", func(ctx context.Context, c *seam.Client) error { _, err := c.Locks.Get(ctx, ""); return err }},
		{"Locks.LockDoor", "device_id", func(ctx context.Context, c *seam.Client) error { _, err := c.Locks.LockDoor(ctx, ""); return err }},
		{"Locks.UnlockDoor", "device_id", func(ctx context.Context, c *seam.Client) error { _, err := c.Locks.UnlockDoor(ctx, ""); return err }},
		{"ActionAttempts.Get", "action_attempt_id", func(ctx context.Context, c *seam.Client) error {
			_, err := c.ActionAttempts.Get(ctx, "")
			return err
		}},
		{"WaitForActionAttemptID", "action_attempt_id", func(ctx context.Context, c *seam.Client) error {
			_, err := c.WaitForActionAttemptID(ctx, "")
			return err
		}},
		{"Events.Get", "event_id", func(ctx context.Context, c *seam.Client) error { _, err := c.Events.Get(ctx, ""); return err }},
		{"Events.List nil", "since", func(ctx context.Context, c *seam.Client) error { _, err := c.Events.List(ctx, nil); return err }},
		{"Events.List empty", "since", func(ctx context.Context, c *seam.Client) error {
			_, err := c.Events.List(ctx, &gen.EventsListGetParams{Since: seam.Ptr(""), Between: &[]gen.EventsListParamBetween{}})
			return err
		}},
		{"ConnectedAccounts.Get", "connected_account_id", func(ctx context.Context, c *seam.Client) error {
			_, err := c.ConnectedAccounts.Get(ctx, "")
			return err
		}},
		{"ConnectedAccounts.Delete", "connected_account_id", func(ctx context.Context, c *seam.Client) error {
			return c.ConnectedAccounts.Delete(ctx, "")
		}},
		{"ConnectWebviews.Get", "connect_webview_id", func(ctx context.Context, c *seam.Client) error {
			_, err := c.ConnectWebviews.Get(ctx, "")
			return err
		}},
		{"ConnectWebviews.Delete", "connect_webview_id", func(ctx context.Context, c *seam.Client) error {
			return c.ConnectWebviews.Delete(ctx, "")
		}},
		{"ClientSessions.Get", "client_session_id", func(ctx context.Context, c *seam.Client) error {
			_, err := c.ClientSessions.Get(ctx, "")
			return err
		}},
		{"ClientSessions.Delete", "client_session_id", func(ctx context.Context, c *seam.Client) error {
			return c.ClientSessions.Delete(ctx, "")
		}},
		{"Workspaces.Create", "name", func(ctx context.Context, c *seam.Client) error {
			_, err := c.Workspaces.Create(ctx, &gen.WorkspacesCreateRequestBody{})
			return err
		}},
	}
	s := newStub(t)
	c := s.client(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.call(t.Context(), c)
			require.Error(t, err)
			var ve *seam.ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, tc.param, ve.Param)
			assert.ErrorIs(t, err, seam.ErrInvalidInput)
		})
	}
	assert.Empty(t, s.requests(), "no request may be sent for an invalid call")
}

// TestServicesAPIErrors checks that an error answer reaches the caller as an
// *APIError with the request id, and that a bad per-call option is refused
// before any request.
func TestServicesAPIErrors(t *testing.T) {
	s := newStub(t)
	s.reply("GET /devices/get", http.StatusNotFound, seamError("device_not_found", "Device not found"))
	c := s.client(t)

	_, err := c.Devices.Get(t.Context(), "nope")
	require.ErrorIs(t, err, seam.ErrNotFound)
	var apiErr *seam.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "device_not_found", apiErr.Type)
	assert.Equal(t, "stub_request_1", apiErr.RequestID)
	assert.Equal(t, "/devices/get", apiErr.Path)
	assert.NotContains(t, err.Error(), stubKey)

	_, err = c.Devices.Get(t.Context(), "d1", seam.WithEndpoint("http://127.0.0.1:1"))
	require.ErrorIs(t, err, seam.ErrInvalidOptions)
	assert.Equal(t, 1, len(s.requests()), "a refused option sends nothing")

	_, err = c.Devices.Get(t.Context(), "d1", seam.WithTimeout(-time.Second))
	require.ErrorIs(t, err, seam.ErrInvalidOptions)
	assert.Equal(t, 1, len(s.requests()))
}

// TestServicesPerCallHeader checks that a per-call option reaches that call
// only.
func TestServicesPerCallHeader(t *testing.T) {
	s := newStub(t)
	s.reply("GET /devices/get", http.StatusOK, envelope("device", device("d1")))
	c := s.client(t)
	_, err := c.Devices.Get(t.Context(), "d1", seam.WithHeader("X-Trace", "t1"))
	require.NoError(t, err)
	_, err = c.Devices.Get(t.Context(), "d1")
	require.NoError(t, err)
	reqs := s.requests()
	require.Len(t, reqs, 2)
	assert.Equal(t, "t1", reqs[0].Header.Get("X-Trace"))
	assert.Empty(t, reqs[1].Header.Get("X-Trace"))
}
