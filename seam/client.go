package seam

// Client calls the Seam Connect API. Create one with New; it is safe for
// concurrent use and holds no global state.
type Client struct {
	cfg       *config
	transport *transport
	scope     clientScope

	// The lead adds here the generated API client:
	//
	//	api *gen.ClientWithResponses
	//
	// built in newClient with gen.NewClientWithResponses(c.cfg.endpoint,
	// gen.WithHTTPClient(c.transport)), so that every generated request goes
	// through the transport (auth, SDK headers, timeouts, retries, errors).
}

// New returns a Client configured by opts. Without an authentication option
// it reads SEAM_API_KEY, or SEAM_PERSONAL_ACCESS_TOKEN with
// SEAM_WORKSPACE_ID; without WithEndpoint it reads SEAM_ENDPOINT, then the
// deprecated SEAM_API_URL, else uses DefaultEndpoint. A personal access
// token or console session token needs a workspace id. Invalid options or
// environment give an error matching ErrInvalidOptions; New sends no
// request.
func New(opts ...Option) (*Client, error) {
	return newClient(workspaceScope, opts)
}

// newClient builds a Client for scope. A client without workspace
// (withoutWorkspaceScope) accepts only a personal access token or a console
// session token, with or without a workspace id, and reads only
// SEAM_PERSONAL_ACCESS_TOKEN from the environment.
func newClient(scope clientScope, opts []Option) (*Client, error) {
	cfg := defaultConfig()
	if err := cfg.applyOptions(opts, false); err != nil {
		return nil, err
	}
	if err := cfg.resolve(scope); err != nil {
		return nil, err
	}
	c := &Client{cfg: cfg, scope: scope}
	c.transport = &transport{base: cfg}
	return c, nil
}

// Endpoint returns the base URL the client sends requests to, without a
// trailing slash.
func (c *Client) Endpoint() string {
	return c.cfg.endpoint
}

// WithoutWorkspace reports whether the client was built without workspace,
// and so serves only /workspaces/create and /workspaces/list. Clients made
// by New always act in one workspace.
func (c *Client) WithoutWorkspace() bool {
	return c.scope == withoutWorkspaceScope
}
