package seam

import (
	"context"
	"log/slog"
)

// Environment variables read by New when the matching option is not given.
const (
	// EnvAPIKey holds an API key, used when no authentication option is given.
	EnvAPIKey = "SEAM_API_KEY"
	// EnvPersonalAccessToken holds a personal access token, used when no
	// authentication option is given and EnvAPIKey is unset.
	EnvPersonalAccessToken = "SEAM_PERSONAL_ACCESS_TOKEN"
	// EnvWorkspaceID holds the workspace a personal access token or console
	// session token acts in, when its option gives none.
	EnvWorkspaceID = "SEAM_WORKSPACE_ID"
	// EnvEndpoint holds the API base URL, used when WithEndpoint is not given.
	EnvEndpoint = "SEAM_ENDPOINT"
	// EnvAPIURL is the deprecated name of EnvEndpoint; EnvEndpoint wins
	// when both are set.
	EnvAPIURL = "SEAM_API_URL"
)

// clientScope says whether a client acts in one workspace (every endpoint
// but /workspaces/create and /workspaces/list needs one) or in none.
type clientScope int

const (
	workspaceScope clientScope = iota
	withoutWorkspaceScope
)

// resolve completes c after the options: credentials and endpoint from the
// environment where no option gave them, then checks the result for scope.
// Empty environment variables count as unset.
func (c *config) resolve(scope clientScope) error {
	if err := c.resolveAuth(scope); err != nil {
		return err
	}
	return c.resolveEndpoint()
}

func (c *config) resolveAuth(scope clientScope) error {
	if scope == withoutWorkspaceScope {
		return c.resolveAuthWithoutWorkspace()
	}
	if c.auth.mode == authNone {
		apiKey, pat := c.getenv(EnvAPIKey), c.getenv(EnvPersonalAccessToken)
		switch {
		case apiKey != "" && pat != "":
			return invalidOptions("both %s and %s are set; set only one authentication method", EnvAPIKey, EnvPersonalAccessToken)
		case apiKey != "":
			c.auth = credentials{mode: authAPIKey, token: apiKey, source: EnvAPIKey}
		case pat != "":
			c.auth = credentials{mode: authPersonalAccessToken, token: pat, source: EnvPersonalAccessToken}
		default:
			return invalidOptions("no credentials: pass WithAPIKey, WithPersonalAccessToken, " +
				"WithClientSessionToken or WithConsoleSessionToken, or set the " + EnvAPIKey +
				" environment variable (or " + EnvPersonalAccessToken + " with " + EnvWorkspaceID + ")")
		}
		if err := checkToken(c.auth.mode, c.auth.token, c.auth.source); err != nil {
			return err
		}
	}
	if c.auth.mode.usesWorkspaceHeader() && c.auth.workspaceID == "" {
		ws := c.getenv(EnvWorkspaceID)
		if !validHeaderValue(ws) {
			return invalidOptions("%s contains control characters", EnvWorkspaceID)
		}
		c.auth.workspaceID = ws
	}
	if c.auth.mode.usesWorkspaceHeader() && c.auth.workspaceID == "" {
		return invalidOptions("%s needs a workspace id: pass one to %s or set %s "+
			"(only a client without workspace, for creating and listing workspaces, can do without)",
			c.auth.mode, c.auth.source, EnvWorkspaceID)
	}
	return nil
}

// resolveAuthWithoutWorkspace accepts only a personal access token or a
// console session token, from an option or from EnvPersonalAccessToken; it
// does not read EnvWorkspaceID.
func (c *config) resolveAuthWithoutWorkspace() error {
	if c.auth.mode == authNone {
		pat := c.getenv(EnvPersonalAccessToken)
		if pat == "" {
			return invalidOptions("no credentials: a client without workspace needs WithPersonalAccessToken " +
				"or WithConsoleSessionToken, or the " + EnvPersonalAccessToken + " environment variable")
		}
		c.auth = credentials{mode: authPersonalAccessToken, token: pat, source: EnvPersonalAccessToken}
		if err := checkToken(c.auth.mode, c.auth.token, c.auth.source); err != nil {
			return err
		}
	}
	if !c.auth.mode.usesWorkspaceHeader() {
		return invalidOptions("a client without workspace needs a personal access token or a console session token, not %s from %s",
			c.auth.mode, c.auth.source)
	}
	return nil
}

// resolveEndpoint picks the endpoint: WithEndpoint, then EnvEndpoint, then
// the deprecated EnvAPIURL (logging a warning), then DefaultEndpoint.
func (c *config) resolveEndpoint() error {
	if c.endpoint != "" {
		return nil
	}
	name, raw := EnvEndpoint, c.getenv(EnvEndpoint)
	if apiURL := c.getenv(EnvAPIURL); apiURL != "" {
		if raw == "" {
			name, raw = EnvAPIURL, apiURL
			c.logger.LogAttrs(context.Background(), slog.LevelWarn,
				"seam: the SEAM_API_URL environment variable is deprecated; use SEAM_ENDPOINT")
		} else {
			c.logger.LogAttrs(context.Background(), slog.LevelWarn,
				"seam: both SEAM_ENDPOINT and SEAM_API_URL are set; using SEAM_ENDPOINT")
		}
	}
	if raw == "" {
		c.endpoint = DefaultEndpoint
		return nil
	}
	endpoint, err := normalizeEndpoint(raw)
	if err != nil {
		return invalidOptions("%s: %v", name, err)
	}
	c.endpoint = endpoint
	return nil
}
