package seamfake

import (
	"io"
	"os"
	"time"
)

const (
	defaultStartTimeout   = 30 * time.Second
	defaultInstallTimeout = 5 * time.Minute
	defaultGracePeriod    = 5 * time.Second
	controlRequestTimeout = 10 * time.Second
)

// Option configures Start.
type Option func(*config)

type config struct {
	repoRoot        string
	port            int
	startTimeout    time.Duration
	installTimeout  time.Duration
	gracePeriod     time.Duration
	logOutput       io.Writer
	installProgress io.Writer
}

func newConfig(opts []Option) config {
	c := config{
		startTimeout:    defaultStartTimeout,
		installTimeout:  defaultInstallTimeout,
		gracePeriod:     defaultGracePeriod,
		installProgress: os.Stderr,
	}
	for _, opt := range opts {
		opt(&c)
	}
	return c
}

// WithRepoRoot sets the repository root holding scripts/fake. By default it is
// found by walking up from the working directory to the go.mod of
// github.com/seamgo/seam-go.
func WithRepoRoot(dir string) Option {
	return func(c *config) { c.repoRoot = dir }
}

// WithPort makes the fake listen on the given port instead of a free one.
func WithPort(port int) Option {
	return func(c *config) { c.port = port }
}

// WithStartTimeout bounds how long Start waits for the fake to report ready
// and answer GET /health (default 30 s). It does not include `npm ci`.
func WithStartTimeout(d time.Duration) Option {
	return func(c *config) { c.startTimeout = d }
}

// WithInstallTimeout bounds `npm ci` in scripts/fake (default 5 min).
func WithInstallTimeout(d time.Duration) Option {
	return func(c *config) { c.installTimeout = d }
}

// WithGracePeriod sets how long Close waits for the fake to exit after closing
// its stdin before killing it (default 5 s).
func WithGracePeriod(d time.Duration) Option {
	return func(c *config) { c.gracePeriod = d }
}

// WithLogOutput copies the fake's stderr (its logs) to w. By default the logs
// are kept only in memory, and their tail appears in start errors.
func WithLogOutput(w io.Writer) Option {
	return func(c *config) { c.logOutput = w }
}

// WithInstallProgress sets where Start and Install say that they run
// `npm ci` and how long it took (default os.Stderr). Nothing is written when
// the fake is already installed.
func WithInstallProgress(w io.Writer) Option {
	return func(c *config) {
		if w == nil {
			w = io.Discard
		}
		c.installProgress = w
	}
}
