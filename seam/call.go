package seam

import "context"

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
