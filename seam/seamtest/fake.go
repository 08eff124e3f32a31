package seamtest

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/seamgo/seam-go/internal/seamfake"
	"github.com/seamgo/seam-go/seam"
)

// Seed holds the ids and credentials of the workspace the official fake is
// seeded with (locks, a thermostat, a noise sensor, an access system, a
// connected account).
type Seed = seamfake.Seed

// Fake is a running official fake Seam server (@seamapi/fake-seam-connect,
// the version pinned by this module), seeded, on 127.0.0.1.
type Fake struct {
	// URL is the base URL, http://127.0.0.1:PORT.
	URL string
	// APIKey is the seeded API key of workspace Seed.WorkspaceID.
	APIKey string
	// Seed holds the seeded ids.
	Seed Seed
	// PID is the process id of the Node.js process, stopped on t.Cleanup.
	PID int

	t testing.TB
	s *seamfake.Server
}

// FakeOption configures NewFake.
type FakeOption func(*fakeConfig)

type fakeConfig struct {
	skipWithoutNode bool
}

// SkipWithoutNode makes NewFake skip the test, instead of failing it, when
// Node.js 20+ or npm is missing.
func SkipWithoutNode() FakeOption {
	return func(c *fakeConfig) { c.skipWithoutNode = true }
}

// NewFake starts the official fake Seam server for t, each call its own
// process with its own seeded workspace, stopped by its PID on t.Cleanup.
// It needs Node.js 20+ and npm: without them the test fails with an error
// naming what to install (or skips, with SkipWithoutNode). The first run
// installs the pinned packages (npm ci, needs the npm registry once) into
// os.UserCacheDir()/seam-go/fake/<sha256 of the lock file>, saying so in one
// line; parallel test binaries wait for one install.
func NewFake(t testing.TB, opts ...FakeOption) *Fake {
	t.Helper()
	var cfg fakeConfig
	for _, o := range opts {
		o(&cfg)
	}
	s, err := seamfake.Start(t.Context(), seamfake.WithUserCache())
	if errors.Is(err, seamfake.ErrPrerequisites) && cfg.skipWithoutNode {
		t.Skipf("seamtest.NewFake: %v", err)
	}
	if err != nil {
		t.Fatalf("seamtest.NewFake: start the official fake Seam server: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("seamtest.NewFake: stop the fake Seam server (pid %d): %v", s.PID, err)
		}
	})
	return &Fake{URL: s.Endpoint, APIKey: s.APIKey, Seed: s.Seed, PID: s.PID, t: t, s: s}
}

// Client returns a *seam.Client for the fake's seeded workspace, with no
// delay between retries and action attempts polled every 10 ms for at most
// 5 s; opts come last and override these.
func (f *Fake) Client(opts ...seam.Option) *seam.Client {
	f.t.Helper()
	base := []seam.Option{
		seam.WithEndpoint(f.URL),
		seam.WithAPIKey(f.APIKey),
		seam.WithRetryBackoff(time.Microsecond, time.Microsecond),
		seam.WithActionAttemptPollInterval(10 * time.Millisecond),
		seam.WithActionAttemptTimeout(5 * time.Second),
	}
	c, err := seam.New(append(base, opts...)...)
	if err != nil {
		f.t.Fatalf("seamtest: seam.New for %s: %v", f.URL, err)
	}
	return c
}

// String describes the fake, for logs.
func (f *Fake) String() string {
	return fmt.Sprintf("fake Seam server %s (%s, pid %d)", f.URL, f.s.FakeVersion, f.PID)
}
