package seam

import (
	"net/http"
	"strings"
)

// authMode is the kind of credential a client authenticates with.
type authMode int

const (
	authNone authMode = iota
	authAPIKey
	authPersonalAccessToken
	authClientSessionToken
	authConsoleSessionToken
)

// String names the mode as the errors of this package do.
func (m authMode) String() string {
	switch m {
	case authAPIKey:
		return "an API key"
	case authPersonalAccessToken:
		return "a personal access token"
	case authClientSessionToken:
		return "a client session token"
	case authConsoleSessionToken:
		return "a console session token"
	default:
		return "no credential"
	}
}

// usesWorkspaceHeader reports whether the mode names its workspace in the
// seam-workspace header (the others are bound to one workspace).
func (m authMode) usesWorkspaceHeader() bool {
	return m == authPersonalAccessToken || m == authConsoleSessionToken
}

// Token prefixes the Seam API gives each kind of credential, as the official
// SDKs check them.
const (
	seamTokenPrefix          = "seam_"
	accessTokenPrefix        = "seam_at"
	clientSessionTokenPrefix = "seam_cst"
	publishableKeyPrefix     = "seam_pk"
	jwtPrefix                = "ey"
)

// tokenKind classifies a token by its prefix, most specific first.
func tokenKind(token string) string {
	switch {
	case strings.HasPrefix(token, clientSessionTokenPrefix):
		return "a client session token (" + clientSessionTokenPrefix + "…)"
	case strings.HasPrefix(token, accessTokenPrefix):
		return "a personal access token (" + accessTokenPrefix + "…)"
	case strings.HasPrefix(token, publishableKeyPrefix):
		return "a publishable key (" + publishableKeyPrefix + "…)"
	case strings.HasPrefix(token, jwtPrefix):
		return "a JWT (" + jwtPrefix + "…)"
	case strings.HasPrefix(token, seamTokenPrefix):
		return "an API key (" + seamTokenPrefix + "…)"
	default:
		return "an unknown kind of token"
	}
}

// credentials is who a client authenticates as. The token is a secret: it
// must never reach an error, a log record or test output.
type credentials struct {
	mode        authMode
	token       string
	workspaceID string
	// source names where the token came from (an option or an environment
	// variable), for error messages.
	source string
}

// String hides the token so that credentials printed by mistake leak nothing.
func (c credentials) String() string {
	return c.mode.String() + " from " + c.source
}

// setAuth records the credential given by an authentication option; only
// one such option may be given.
func (c *config) setAuth(cr credentials) error {
	if c.auth.mode != authNone {
		return invalidOptions("%s cannot be combined with %s: give one authentication option", cr.source, c.auth.source)
	}
	if err := checkToken(cr.mode, cr.token, cr.source); err != nil {
		return err
	}
	if !validHeaderValue(cr.workspaceID) {
		return invalidOptions("%s: workspace id contains control characters", cr.source)
	}
	c.auth = cr
	return nil
}

// checkToken refuses a token of the wrong kind for mode, judged by its
// prefix as the official SDKs do, before any request. The error names the
// source and the kind of token, never the token.
func checkToken(mode authMode, token, source string) error {
	if token == "" {
		return invalidOptions("%s: %s is empty", source, mode)
	}
	if strings.ContainsFunc(token, func(r rune) bool { return r <= ' ' || r == 0x7f }) {
		return invalidOptions("%s: %s contains whitespace or control characters", source, mode)
	}
	var want string
	var ok bool
	switch mode {
	case authAPIKey:
		want = seamTokenPrefix
		ok = strings.HasPrefix(token, seamTokenPrefix) &&
			!strings.HasPrefix(token, accessTokenPrefix) &&
			!strings.HasPrefix(token, clientSessionTokenPrefix) &&
			!strings.HasPrefix(token, publishableKeyPrefix)
	case authPersonalAccessToken:
		want, ok = accessTokenPrefix, strings.HasPrefix(token, accessTokenPrefix)
	case authClientSessionToken:
		want, ok = clientSessionTokenPrefix, strings.HasPrefix(token, clientSessionTokenPrefix)
	case authConsoleSessionToken:
		want, ok = jwtPrefix, strings.HasPrefix(token, jwtPrefix)
	default:
		return invalidOptions("%s: no authentication mode", source)
	}
	if ok {
		return nil
	}
	kind := tokenKind(token)
	if kind == "an unknown kind of token" {
		return invalidOptions("%s: %s must start with %q", source, mode, want)
	}
	return invalidOptions("%s: got %s, which cannot be used as %s (expected a token starting with %q)", source, kind, mode, want)
}

// setAuthHeaders sets the headers that authenticate a request.
func (c credentials) setAuthHeaders(h http.Header) {
	if c.mode == authNone {
		return
	}
	h.Set("Authorization", "Bearer "+c.token)
	if c.mode == authClientSessionToken {
		h.Set("Client-Session-Token", c.token)
	}
	if c.mode.usesWorkspaceHeader() && c.workspaceID != "" {
		h.Set("Seam-Workspace", c.workspaceID)
	}
}

// WithAPIKey authenticates with a Seam API key (seam_…), which is bound to
// one workspace. It takes precedence over the environment. New only.
func WithAPIKey(apiKey string) Option {
	return newClientOption("WithAPIKey", func(c *config) error {
		return c.setAuth(credentials{mode: authAPIKey, token: apiKey, source: "WithAPIKey"})
	})
}

// WithPersonalAccessToken authenticates with a personal access token
// (seam_at…) acting in the workspace workspaceID, sent in the seam-workspace
// header. An empty workspaceID falls back to SEAM_WORKSPACE_ID; a client
// without workspace (one that only creates and lists workspaces) needs
// none. New only.
func WithPersonalAccessToken(token, workspaceID string) Option {
	return newClientOption("WithPersonalAccessToken", func(c *config) error {
		return c.setAuth(credentials{
			mode: authPersonalAccessToken, token: token, workspaceID: workspaceID,
			source: "WithPersonalAccessToken",
		})
	})
}

// WithClientSessionToken authenticates with a client session token
// (seam_cst…), as used by front ends acting for one user. New only.
func WithClientSessionToken(token string) Option {
	return newClientOption("WithClientSessionToken", func(c *config) error {
		return c.setAuth(credentials{mode: authClientSessionToken, token: token, source: "WithClientSessionToken"})
	})
}

// WithConsoleSessionToken authenticates with a Seam Console session token (a
// JWT, ey…) acting in the workspace workspaceID. An empty workspaceID falls
// back to SEAM_WORKSPACE_ID; a client without workspace needs none. New only.
func WithConsoleSessionToken(jwt, workspaceID string) Option {
	return newClientOption("WithConsoleSessionToken", func(c *config) error {
		return c.setAuth(credentials{
			mode: authConsoleSessionToken, token: jwt, workspaceID: workspaceID,
			source: "WithConsoleSessionToken",
		})
	})
}
