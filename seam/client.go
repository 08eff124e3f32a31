package seam

import (
	"fmt"
	"time"

	"github.com/seamgo/seam-go/gen"
)

// Client calls the Seam Connect API. Create one with New; it is safe for
// concurrent use and holds no global state.
type Client struct {
	cfg       *config
	transport *transport
	scope     clientScope
	// api is the generated client; every request it makes goes through
	// transport (auth, SDK headers, timeouts, retries, errors).
	api *gen.ClientWithResponses

	// now returns the current time for the access-code checks; nil means
	// time.Now. Tests replace it.
	now func() time.Time

	// Services are the API's services: client.Thermostats.List,
	// client.Acs.Users.Get, client.AccessCodes.Unmanaged.List, … (see
	// docs/conventions.md).
	Services
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
	return clientFor(cfg, scope)
}

// clientFor builds the Client of cfg, a resolved configuration.
func clientFor(cfg *config, scope clientScope) (*Client, error) {
	c := &Client{cfg: cfg, scope: scope}
	c.transport = &transport{base: cfg}
	api, err := gen.NewClientWithResponses(cfg.endpoint, gen.WithHTTPClient(c.transport))
	if err != nil {
		return nil, fmt.Errorf("%w: endpoint: %v", ErrInvalidOptions, err)
	}
	c.api = api
	c.wire(c)
	return c, nil
}

// NewWithoutWorkspace returns a client that acts outside any workspace, for
// /workspaces/create and /workspaces/list. It takes a personal access token
// (WithPersonalAccessToken, or SEAM_PERSONAL_ACCESS_TOKEN) or a console
// session token (WithConsoleSessionToken), with or without a workspace id.
func NewWithoutWorkspace(opts ...Option) (*Client, error) {
	return newClient(withoutWorkspaceScope, opts)
}

// API returns the generated client for every operation of the Seam API,
// wired to this client's transport: it authenticates, sends the SDK
// headers, applies timeouts and retries, and turns every non-2xx answer into
// an error (an *APIError). The services cover every documented operation;
// use it for the other method of an operation (the POST form of a path the
// services send as GET) or an undocumented one in a spec generated with
// them:
//
//	res, err := client.API().DevicesListPostWithResponse(ctx, gen.DevicesListRequestBody{})
//
// Per-call options apply when the context comes from Client.Context.
func (c *Client) API() *gen.ClientWithResponses {
	return c.api
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
