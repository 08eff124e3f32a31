package seam_test

import (
	"bytes"
	"log/slog"
	"net/http"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seamgo/seam-go/internal/seamfake"
	"github.com/seamgo/seam-go/seam"
)

const (
	stubPublishableKey = "seam_pk_SECRETpub123"
	stubSessionToken   = "seam_cst_SECRETsession456"
)

// exchangeStub answers /client_sessions/get_or_create with a client session
// whose token is token, and /devices/get with a device.
func exchangeStub(t *testing.T, token string) *stub {
	t.Helper()
	s := newStub(t)
	s.reply("POST /client_sessions/get_or_create", http.StatusOK, envelope("client_session", map[string]any{
		"client_session_id": "cs1", "token": token, "user_identifier_key": "user_1",
	}))
	s.reply("GET /devices/get", http.StatusOK, envelope("device", device("d1")))
	return s
}

func TestNewFromPublishableKey(t *testing.T) {
	s := exchangeStub(t, stubSessionToken)
	c, err := seam.NewFromPublishableKey(t.Context(), stubPublishableKey, "user_1",
		seam.WithEndpoint(s.srv.URL), seam.WithHeader("X-App", "demo"))
	require.NoError(t, err)

	d, err := c.Devices.Get(t.Context(), "d1")
	require.NoError(t, err)
	assert.Equal(t, "d1", d.DeviceId)

	reqs := s.requests()
	require.Len(t, reqs, 2)
	exchange := reqs[0]
	assert.Equal(t, "POST /client_sessions/get_or_create", exchange.Method+" "+exchange.Path)
	assert.Equal(t, stubPublishableKey, exchange.Header.Get("Seam-Publishable-Key"))
	assert.Empty(t, exchange.Header.Values("Authorization"), "the exchange carries no other credential")
	assert.Empty(t, exchange.Header.Values("Client-Session-Token"))
	assert.Equal(t, map[string]any{"user_identifier_key": "user_1"}, exchange.Body)
	assert.Equal(t, "application/json", exchange.Header.Get("Content-Type"))
	assert.Equal(t, "demo", exchange.Header.Get("X-App"), "options apply to the exchange")
	assert.Equal(t, "seam-go", exchange.Header.Get("Seam-Sdk-Name"))

	call := reqs[1]
	assert.Equal(t, "Bearer "+stubSessionToken, call.Header.Get("Authorization"))
	assert.Equal(t, stubSessionToken, call.Header.Get("Client-Session-Token"))
	assert.Empty(t, call.Header.Values("Seam-Publishable-Key"), "the key is not sent after the exchange")
	assert.Equal(t, "demo", call.Header.Get("X-App"), "options apply to the client")
}

func TestNewFromPublishableKeyRefusesBeforeAnyRequest(t *testing.T) {
	s := exchangeStub(t, stubSessionToken)
	cases := []struct {
		name, key, user string
		opts            []seam.Option
		want            string
	}{
		{"empty key", "", "u", nil, "empty"},
		{"API key", "seam_apikey_SECRET1", "u", nil, "an API key"},
		{"client session token", "seam_cst_SECRET2", "u", nil, "a client session token"},
		{"personal access token", "seam_at_SECRET3", "u", nil, "a personal access token"},
		{"JWT", "eyJSECRET4.x.y", "u", nil, "a JWT"},
		{"unknown kind", "pk_SECRET5", "u", nil, `must start with "seam_pk"`},
		{"whitespace", "seam_pk_SECRET 6", "u", nil, "whitespace"},
		{"empty user", stubPublishableKey, " ", nil, "userIdentifierKey is empty"},
		{"with an API key option", stubPublishableKey, "u", []seam.Option{seam.WithAPIKey("seam_SECRET7")}, "cannot be combined with WithAPIKey"},
		{"bad option", stubPublishableKey, "u", []seam.Option{seam.WithTimeout(0)}, "WithTimeout"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			opts := append([]seam.Option{seam.WithEndpoint(s.srv.URL)}, tc.opts...)
			c, err := seam.NewFromPublishableKey(t.Context(), tc.key, tc.user, opts...)
			require.ErrorIs(t, err, seam.ErrInvalidOptions)
			assert.Nil(t, c)
			assert.Contains(t, err.Error(), tc.want)
			assert.NotContains(t, err.Error(), "SECRET")
		})
	}
	assert.Empty(t, s.requests())
}

func TestNewFromPublishableKeyExchangeErrors(t *testing.T) {
	t.Run("refused key", func(t *testing.T) {
		s := newStub(t)
		// The stub quotes the key back; the error must not.
		s.reply("POST /client_sessions/get_or_create", http.StatusBadRequest,
			seamError("workspace_not_found", "No workspace for "+stubPublishableKey))
		_, err := seam.NewFromPublishableKey(t.Context(), stubPublishableKey, "user_1", seam.WithEndpoint(s.srv.URL))
		require.Error(t, err)
		var apiErr *seam.APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, "workspace_not_found", apiErr.Type)
		assert.Equal(t, "stub_request_1", apiErr.RequestID)
		assert.NotContains(t, err.Error(), stubPublishableKey)
		assert.NotContains(t, string(apiErr.Body), stubPublishableKey)
		assert.Equal(t, 1, s.count("POST /client_sessions/get_or_create"))
	})
	t.Run("not retried", func(t *testing.T) {
		s := newStub(t)
		s.reply("POST /client_sessions/get_or_create", http.StatusServiceUnavailable, nil)
		_, err := seam.NewFromPublishableKey(t.Context(), stubPublishableKey, "user_1", seam.WithEndpoint(s.srv.URL))
		require.ErrorIs(t, err, seam.ErrServer)
		assert.Equal(t, 1, s.count("POST /client_sessions/get_or_create"))
	})
	t.Run("token of another kind", func(t *testing.T) {
		s := exchangeStub(t, "seam_SECRETnot_a_session")
		_, err := seam.NewFromPublishableKey(t.Context(), stubPublishableKey, "user_1", seam.WithEndpoint(s.srv.URL))
		require.ErrorIs(t, err, seam.ErrInvalidOptions)
		assert.NotContains(t, err.Error(), "SECRET")
	})
}

func TestNewFromPublishableKeyWarnsAboutEmails(t *testing.T) {
	s := exchangeStub(t, stubSessionToken)
	var mu sync.Mutex
	var buf bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&lockedWriter{mu: &mu, w: &buf}, &slog.HandlerOptions{Level: slog.LevelDebug}))

	_, err := seam.NewFromPublishableKey(t.Context(), stubPublishableKey, "jane@example.com",
		seam.WithEndpoint(s.srv.URL), seam.WithLogger(logger))
	require.NoError(t, err)
	mu.Lock()
	logs := buf.String()
	mu.Unlock()
	assert.Contains(t, logs, "level=WARN")
	assert.Contains(t, logs, "email")
	assert.NotContains(t, logs, "SECRET")
}

// lockedWriter serialises writes to w.
type lockedWriter struct {
	mu *sync.Mutex
	w  *bytes.Buffer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

func TestFakeNewFromPublishableKey(t *testing.T) {
	s := seamfake.StartT(t)
	require.Equal(t, "seam_pk1_token", s.Seed.PublishableKey)
	user := s.Seed.All["john_user_identifier_key"]
	require.NotEmpty(t, user)

	// The seeded user has a client session that reaches the seeded locks.
	c, err := seam.NewFromPublishableKey(t.Context(), s.Seed.PublishableKey, user, seam.WithEndpoint(s.Endpoint))
	require.NoError(t, err)
	d, err := c.Devices.Get(t.Context(), s.Seed.AugustLock1ID)
	require.NoError(t, err)
	assert.Equal(t, s.WorkspaceID, d.WorkspaceId)
	assert.Equal(t, s.Seed.AugustLock1ID, d.DeviceId)

	// A new user gets a new session, bound to the same workspace.
	fresh, err := seam.NewFromPublishableKey(t.Context(), s.Seed.PublishableKey, "new_user_7f3a", seam.WithEndpoint(s.Endpoint))
	require.NoError(t, err)
	ws, err := fresh.Workspaces.Get(t.Context())
	require.NoError(t, err)
	assert.Equal(t, s.WorkspaceID, ws.WorkspaceId)

	// A key no workspace has is refused by the server.
	_, err = seam.NewFromPublishableKey(t.Context(), "seam_pk_unknown_SECRET", user, seam.WithEndpoint(s.Endpoint))
	var apiErr *seam.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "workspace_not_found", apiErr.Type)
	assert.NotContains(t, err.Error(), "SECRET")
}
