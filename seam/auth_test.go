package seam

import (
	"context"
	"net/http"
	"regexp"
	"runtime"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAuthHeadersPerMode(t *testing.T) {
	var got atomic.Pointer[http.Header]
	srv := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		h := r.Header.Clone()
		got.Store(&h)
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"ok":true}`))
	})

	tests := []struct {
		name   string
		scope  clientScope
		auth   Option
		want   map[string]string
		absent []string
	}{
		{
			name:   "api key",
			auth:   WithAPIKey(testAPIKey),
			want:   map[string]string{"Authorization": "Bearer " + testAPIKey},
			absent: []string{"Seam-Workspace", "Client-Session-Token", "Seam-Publishable-Key"},
		},
		{
			name:   "personal access token",
			auth:   WithPersonalAccessToken(testPAT, testWorkspaceID),
			want:   map[string]string{"Authorization": "Bearer " + testPAT, "Seam-Workspace": testWorkspaceID},
			absent: []string{"Client-Session-Token"},
		},
		{
			name:   "client session token",
			auth:   WithClientSessionToken(testCST),
			want:   map[string]string{"Authorization": "Bearer " + testCST, "Client-Session-Token": testCST},
			absent: []string{"Seam-Workspace"},
		},
		{
			name:   "console session token",
			auth:   WithConsoleSessionToken(testConsoleJWT, testWorkspaceID),
			want:   map[string]string{"Authorization": "Bearer " + testConsoleJWT, "Seam-Workspace": testWorkspaceID},
			absent: []string{"Client-Session-Token"},
		},
		{
			name:   "personal access token without workspace",
			scope:  withoutWorkspaceScope,
			auth:   WithPersonalAccessToken(testPAT, ""),
			want:   map[string]string{"Authorization": "Bearer " + testPAT},
			absent: []string{"Seam-Workspace", "Client-Session-Token"},
		},
		{
			name:   "console session token without workspace",
			scope:  withoutWorkspaceScope,
			auth:   WithConsoleSessionToken(testConsoleJWT, ""),
			want:   map[string]string{"Authorization": "Bearer " + testConsoleJWT},
			absent: []string{"Seam-Workspace"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got.Store(nil)
			c, err := newClient(tc.scope, []Option{noEnv, tc.auth, WithEndpoint(srv.URL), WithHeader("X-Extra", "yes")})
			require.NoError(t, err)
			assert.Equal(t, tc.scope == withoutWorkspaceScope, c.WithoutWorkspace())
			res, err := do(t, c, context.Background(), http.MethodGet, "/devices/list", nil)
			require.NoError(t, err)
			require.NoError(t, res.Body.Close())
			require.NotNil(t, got.Load())
			got := *got.Load()
			for k, v := range tc.want {
				assert.Equal(t, v, got.Get(k), k)
			}
			for _, k := range tc.absent {
				assert.Empty(t, got.Values(k), k)
			}
			assert.Equal(t, "seam-go", got.Get("Seam-Sdk-Name"))
			assert.Equal(t, SDKVersionHeader(), got.Get("Seam-Sdk-Version"))
			assert.Regexp(t, `^`+regexp.QuoteMeta(Version)+`\+spec\.[0-9a-f]{12}$`, got.Get("Seam-Sdk-Version"))
			assert.Equal(t, "seam-go/"+Version+" ("+runtime.Version()+")", got.Get("User-Agent"))
			assert.Equal(t, "yes", got.Get("X-Extra"))
		})
	}
}

func TestWrongTokenKindRefused(t *testing.T) {
	tokens := map[string]string{
		"api key":               testAPIKey,
		"personal access token": testPAT,
		"client session token":  testCST,
		"jwt":                   testConsoleJWT,
		"publishable key":       testPublishable,
		"unknown":               "not_a_SECRET_token",
	}
	options := []struct {
		name   string
		accept string
		make   func(token string) Option
	}{
		{"WithAPIKey", "api key", func(tok string) Option { return WithAPIKey(tok) }},
		{"WithPersonalAccessToken", "personal access token", func(tok string) Option { return WithPersonalAccessToken(tok, testWorkspaceID) }},
		{"WithClientSessionToken", "client session token", func(tok string) Option { return WithClientSessionToken(tok) }},
		{"WithConsoleSessionToken", "jwt", func(tok string) Option { return WithConsoleSessionToken(tok, testWorkspaceID) }},
	}
	for _, opt := range options {
		for kind, token := range tokens {
			t.Run(opt.name+"/"+kind, func(t *testing.T) {
				c, err := New(noEnv, opt.make(token))
				if kind == opt.accept {
					require.NoError(t, err)
					require.NotNil(t, c)
					return
				}
				require.Error(t, err)
				assert.ErrorIs(t, err, ErrInvalidOptions)
				assert.Contains(t, err.Error(), opt.name)
				assertNoSecret(t, err.Error())
				assert.NotContains(t, err.Error(), token)
			})
		}
	}
}

func TestTokenKindNamedInError(t *testing.T) {
	_, err := New(noEnv, WithAPIKey(testPAT))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "personal access token")
	assert.Contains(t, err.Error(), `"seam_"`)

	_, err = New(noEnv, WithClientSessionToken(testPublishable))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "publishable key")
}

func TestMalformedTokensRefused(t *testing.T) {
	for name, token := range map[string]string{
		"empty":   "",
		"newline": "seam_SECRET\r\nX-Evil: 1",
		"space":   "seam_SECRET abc",
		"tab":     "seam_SECRET\tabc",
	} {
		t.Run(name, func(t *testing.T) {
			_, err := New(noEnv, WithAPIKey(token))
			require.ErrorIs(t, err, ErrInvalidOptions)
			assertNoSecret(t, err.Error())
		})
	}
	_, err := New(noEnv, WithPersonalAccessToken(testPAT, "ws\nevil"))
	require.ErrorIs(t, err, ErrInvalidOptions)
	assertNoSecret(t, err.Error())
}

func TestOnlyOneAuthOption(t *testing.T) {
	_, err := New(noEnv, WithAPIKey(testAPIKey), WithClientSessionToken(testCST))
	require.ErrorIs(t, err, ErrInvalidOptions)
	assert.Contains(t, err.Error(), "WithClientSessionToken cannot be combined with WithAPIKey")
	assertNoSecret(t, err.Error())

	_, err = New(noEnv, WithAPIKey(testAPIKey), WithAPIKey(testAPIKey))
	require.ErrorIs(t, err, ErrInvalidOptions)
}

func TestWorkspaceRequiredForPATAndConsoleToken(t *testing.T) {
	for name, opt := range map[string]Option{
		"pat":     WithPersonalAccessToken(testPAT, ""),
		"console": WithConsoleSessionToken(testConsoleJWT, ""),
	} {
		t.Run(name, func(t *testing.T) {
			_, err := New(noEnv, opt)
			require.ErrorIs(t, err, ErrInvalidOptions)
			assert.Contains(t, err.Error(), "needs a workspace id")
			assert.Contains(t, err.Error(), EnvWorkspaceID)
			assertNoSecret(t, err.Error())

			c, err := newClient(withoutWorkspaceScope, []Option{noEnv, opt})
			require.NoError(t, err)
			assert.True(t, c.WithoutWorkspace())
		})
	}
}

func TestWithoutWorkspaceRefusesWorkspaceBoundCredentials(t *testing.T) {
	for name, opt := range map[string]Option{
		"api key":              WithAPIKey(testAPIKey),
		"client session token": WithClientSessionToken(testCST),
	} {
		t.Run(name, func(t *testing.T) {
			_, err := newClient(withoutWorkspaceScope, []Option{noEnv, opt})
			require.ErrorIs(t, err, ErrInvalidOptions)
			assert.Contains(t, err.Error(), "without workspace")
			assertNoSecret(t, err.Error())
		})
	}
}

func TestNewClientsAreWorkspaceScoped(t *testing.T) {
	c, err := New(noEnv, WithPersonalAccessToken(testPAT, testWorkspaceID))
	require.NoError(t, err)
	assert.False(t, c.WithoutWorkspace())
}

func TestCredentialsStringHidesToken(t *testing.T) {
	cr := credentials{mode: authAPIKey, token: testAPIKey, source: "WithAPIKey"}
	assert.Equal(t, "an API key from WithAPIKey", cr.String())
}
