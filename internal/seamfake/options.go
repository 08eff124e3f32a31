package seamfake

import "time"

const (
	// startTimeout bounds how long Start waits for the fake to report ready
	// and answer GET /health. It does not include `npm ci`.
	startTimeout = 30 * time.Second
	// defaultInstallTimeout bounds `npm ci` in internal/seamfake/npm unless
	// WithInstallTimeout says otherwise.
	defaultInstallTimeout = 5 * time.Minute
	// gracePeriod is how long Close waits for the fake to exit after closing
	// its stdin before killing it.
	gracePeriod           = 5 * time.Second
	controlRequestTimeout = 10 * time.Second
)

// Option configures Start.
type Option func(*config)

type config struct {
	port           int
	installTimeout time.Duration
	userCache      bool
}

func newConfig(opts []Option) config {
	c := config{
		installTimeout: defaultInstallTimeout,
	}
	for _, opt := range opts {
		opt(&c)
	}
	return c
}

// WithPort makes the fake listen on the given port instead of a free one.
func WithPort(port int) Option {
	return func(c *config) { c.port = port }
}

// WithInstallTimeout bounds `npm ci` in internal/seamfake/npm (default 5 min).
func WithInstallTimeout(d time.Duration) Option {
	return func(c *config) { c.installTimeout = d }
}
