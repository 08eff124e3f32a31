package seam

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEnvCredentials(t *testing.T) {
	t.Run("api key", func(t *testing.T) {
		c, err := New(withGetenv(envMap(map[string]string{EnvAPIKey: testAPIKey, EnvWorkspaceID: "ignored"})))
		require.NoError(t, err)
		assert.Equal(t, authAPIKey, c.cfg.auth.mode)
		assert.Equal(t, testAPIKey, c.cfg.auth.token)
		assert.Empty(t, c.cfg.auth.workspaceID)
		assert.Equal(t, DefaultEndpoint, c.Endpoint())
	})
	t.Run("personal access token and workspace", func(t *testing.T) {
		c, err := New(withGetenv(envMap(map[string]string{EnvPersonalAccessToken: testPAT, EnvWorkspaceID: testWorkspaceID})))
		require.NoError(t, err)
		assert.Equal(t, authPersonalAccessToken, c.cfg.auth.mode)
		assert.Equal(t, testWorkspaceID, c.cfg.auth.workspaceID)
	})
	t.Run("option overrides env, even with both set", func(t *testing.T) {
		env := withGetenv(envMap(map[string]string{EnvAPIKey: "seam_other", EnvPersonalAccessToken: "seam_at_other"}))
		c, err := New(env, WithClientSessionToken(testCST))
		require.NoError(t, err)
		assert.Equal(t, authClientSessionToken, c.cfg.auth.mode)
		assert.Equal(t, testCST, c.cfg.auth.token)
	})
	t.Run("workspace option overrides env workspace", func(t *testing.T) {
		env := withGetenv(envMap(map[string]string{EnvWorkspaceID: "ws_env"}))
		c, err := New(env, WithPersonalAccessToken(testPAT, "ws_opt"))
		require.NoError(t, err)
		assert.Equal(t, "ws_opt", c.cfg.auth.workspaceID)
	})
	t.Run("empty workspace option falls back to env", func(t *testing.T) {
		env := withGetenv(envMap(map[string]string{EnvWorkspaceID: "ws_env"}))
		c, err := New(env, WithConsoleSessionToken(testConsoleJWT, ""))
		require.NoError(t, err)
		assert.Equal(t, "ws_env", c.cfg.auth.workspaceID)
	})
	t.Run("without workspace reads only the personal access token", func(t *testing.T) {
		env := withGetenv(envMap(map[string]string{EnvPersonalAccessToken: testPAT, EnvWorkspaceID: testWorkspaceID, EnvAPIKey: testAPIKey}))
		c, err := newClient(withoutWorkspaceScope, []Option{env})
		require.NoError(t, err)
		assert.Equal(t, authPersonalAccessToken, c.cfg.auth.mode)
		assert.Empty(t, c.cfg.auth.workspaceID)
	})
}

func TestEnvErrors(t *testing.T) {
	tests := []struct {
		name  string
		scope clientScope
		env   map[string]string
		want  []string
	}{
		{
			name: "nothing set",
			env:  nil,
			want: []string{"no credentials", EnvAPIKey, "WithAPIKey"},
		},
		{
			name: "both api key and personal access token",
			env:  map[string]string{EnvAPIKey: testAPIKey, EnvPersonalAccessToken: testPAT, EnvWorkspaceID: testWorkspaceID},
			want: []string{EnvAPIKey, EnvPersonalAccessToken, "only one"},
		},
		{
			name: "personal access token without workspace",
			env:  map[string]string{EnvPersonalAccessToken: testPAT},
			want: []string{EnvWorkspaceID, "needs a workspace id"},
		},
		{
			name: "wrong kind in SEAM_API_KEY",
			env:  map[string]string{EnvAPIKey: testPAT},
			want: []string{EnvAPIKey, "personal access token"},
		},
		{
			name: "wrong kind in SEAM_PERSONAL_ACCESS_TOKEN",
			env:  map[string]string{EnvPersonalAccessToken: testAPIKey, EnvWorkspaceID: testWorkspaceID},
			want: []string{EnvPersonalAccessToken, "seam_at"},
		},
		{
			name: "invalid SEAM_ENDPOINT",
			env:  map[string]string{EnvAPIKey: testAPIKey, EnvEndpoint: "ftp://example.com"},
			want: []string{EnvEndpoint, "http or https"},
		},
		{
			name: "invalid SEAM_API_URL",
			env:  map[string]string{EnvAPIKey: testAPIKey, EnvAPIURL: "not a url"},
			want: []string{EnvAPIURL},
		},
		{
			name:  "without workspace, nothing set",
			scope: withoutWorkspaceScope,
			env:   map[string]string{EnvAPIKey: testAPIKey},
			want:  []string{"no credentials", EnvPersonalAccessToken},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := newClient(tc.scope, []Option{withGetenv(envMap(tc.env))})
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrInvalidOptions)
			for _, w := range tc.want {
				assert.Contains(t, err.Error(), w)
			}
			assertNoSecret(t, err.Error())
		})
	}
}

func TestEnvEndpoint(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		opts []Option
		want string
	}{
		{"default", nil, nil, DefaultEndpoint},
		{"SEAM_ENDPOINT", map[string]string{EnvEndpoint: "http://127.0.0.1:9/"}, nil, "http://127.0.0.1:9"},
		{"SEAM_API_URL fallback", map[string]string{EnvAPIURL: "https://old.example.com"}, nil, "https://old.example.com"},
		{"SEAM_ENDPOINT wins", map[string]string{EnvEndpoint: "https://new.example.com", EnvAPIURL: "https://old.example.com"}, nil, "https://new.example.com"},
		{"option wins", map[string]string{EnvEndpoint: "https://new.example.com", EnvAPIURL: "https://old.example.com"},
			[]Option{WithEndpoint("https://opt.example.com/prefix/")}, "https://opt.example.com/prefix"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			env := map[string]string{EnvAPIKey: testAPIKey}
			for k, v := range tc.env {
				env[k] = v
			}
			c, err := New(append([]Option{withGetenv(envMap(env))}, tc.opts...)...)
			require.NoError(t, err)
			assert.Equal(t, tc.want, c.Endpoint())
		})
	}
}

func TestDeprecatedAPIURLWarns(t *testing.T) {
	logger, buf := debugLogger()
	_, err := New(withGetenv(envMap(map[string]string{EnvAPIKey: testAPIKey, EnvAPIURL: "https://old.example.com"})), WithLogger(logger))
	require.NoError(t, err)
	assert.Contains(t, buf.String(), "deprecated")
	assert.Contains(t, buf.String(), `"level":"WARN"`)
	assertNoSecret(t, buf.String())
}

func TestRealEnvironment(t *testing.T) {
	t.Setenv(EnvAPIKey, testAPIKey)
	t.Setenv(EnvPersonalAccessToken, "")
	t.Setenv(EnvEndpoint, "http://127.0.0.1:1")
	t.Setenv(EnvAPIURL, "")
	c, err := New()
	require.NoError(t, err)
	assert.Equal(t, "http://127.0.0.1:1", c.Endpoint())
	assert.Equal(t, authAPIKey, c.cfg.auth.mode)
}
