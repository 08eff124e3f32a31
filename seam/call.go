package seam

import (
	"context"
	"fmt"
	"net/http"
)

// Context returns ctx carrying opts as the settings of the calls made with
// it through API(): the way to give one generated call its own timeout,
// retries or headers.
//
//	ctx, err := client.Context(ctx, seam.WithTimeout(5*time.Second))
func (c *Client) Context(ctx context.Context, opts ...Option) (context.Context, error) {
	ctx, _, err := c.begin(ctx, opts)
	return ctx, err
}

// begin starts a call: its settings (the client's with opts applied) and a
// context that carries them to the transport.
func (c *Client) begin(ctx context.Context, opts []Option) (context.Context, *config, error) {
	cfg, err := c.callConfig(opts)
	if err != nil {
		return nil, nil, err
	}
	if cfg == c.cfg {
		return ctx, cfg, nil
	}
	return c.callContext(ctx, cfg), cfg, nil
}

// decoded returns the decoded 200 body of a generated response. The
// transport already turned every non-2xx answer into an error; a 2xx answer
// without a JSON body is an error too.
func decoded[T any](json200 *T, res *http.Response) (*T, error) {
	if json200 != nil {
		return json200, nil
	}
	status, contentType, path := 0, "", ""
	if res != nil {
		status, contentType = res.StatusCode, res.Header.Get("Content-Type")
		if res.Request != nil && res.Request.URL != nil {
			path = res.Request.URL.Path
		}
	}
	return nil, fmt.Errorf("seam: %s: unexpected answer: status %d, content type %q", path, status, contentType)
}

// required checks a required string parameter before any request is sent.
func required(param, value string) error {
	if value == "" {
		return &ValidationError{Param: param, Rule: "is required"}
	}
	return nil
}

// ptr returns a pointer to v, for the optional fields of generated types.
func ptr[T any](v T) *T { return &v }

// callConfig returns the settings of one call: a copy of the client's
// settings with opts applied. Options that only New accepts give an error.
func (c *Client) callConfig(opts []Option) (*config, error) {
	if len(opts) == 0 {
		return c.cfg, nil
	}
	cfg := c.cfg.clone()
	if err := cfg.applyOptions(opts, true); err != nil {
		return nil, err
	}
	return cfg, nil
}

// callContext returns ctx carrying cfg, the settings of one call, for the
// client's transport to apply to every request made with the returned
// context. Other clients' transports ignore it.
func (c *Client) callContext(ctx context.Context, cfg *config) context.Context {
	return context.WithValue(ctx, callConfigKey{}, callConfigValue{owner: c.transport, cfg: cfg})
}

// callConfigKey is the context key of a callConfigValue.
type callConfigKey struct{}

// callConfigValue is the settings of one call, and the transport they are
// meant for.
type callConfigValue struct {
	owner *transport
	cfg   *config
}

// configFor returns the settings for a request made with ctx: those of the
// call when ctx carries some for this transport, else the client's.
func (t *transport) configFor(ctx context.Context) *config {
	if v, ok := ctx.Value(callConfigKey{}).(callConfigValue); ok && v.owner == t && v.cfg != nil {
		return v.cfg
	}
	return t.base
}
