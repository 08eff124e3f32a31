// Command fakeserver installs and runs the official fake Seam server
// (@seamapi/fake-seam-connect, pinned in internal/seamfake/npm) on 127.0.0.1, for
// running your own program against it.
//
// Usage:
//
//	go run ./scripts/fakeserver            # make fake: start, print the exports, run until Ctrl-C
//	go run ./scripts/fakeserver install    # make fake-install: npm ci in internal/seamfake/npm and in seamtest's per-user cache, if needed
//
// Started, it prints shell lines to export (SEAM_ENDPOINT, SEAM_API_KEY,
// SEAM_WORKSPACE_ID) and the seeded device ids, then serves until
// interrupted. The API key is the fake's seeded test key, not a secret.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/seamgo/seam-go/internal/seamfake"
)

// installTimeout bounds npm ci.
const installTimeout = 5 * time.Minute

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "fakeserver:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	switch {
	case len(args) == 1 && args[0] == "install":
		return install(ctx)
	case len(args) == 0:
		return serve(ctx)
	default:
		return fmt.Errorf("usage: fakeserver [install], got %q", args)
	}
}

// install installs the fake when needed and says what it did.
func install(ctx context.Context) error {
	ran, err := seamfake.Install(ctx, seamfake.WithInstallTimeout(installTimeout))
	if err != nil {
		return err
	}
	if !ran {
		fmt.Println("fakeserver: the fake Seam server is installed (internal/seamfake/npm/node_modules is up to date)")
	}
	// The same packages in the per-user cache that seamtest.NewFake runs
	// them from, so that tests using it need no registry afterwards either.
	ran, err = seamfake.Install(ctx, seamfake.WithInstallTimeout(installTimeout), seamfake.WithUserCache())
	if err != nil {
		return err
	}
	if !ran {
		dir, _ := seamfake.CacheDir()
		fmt.Printf("fakeserver: the fake Seam server is installed for seamtest.NewFake (%s is up to date)\n", dir)
	}
	return nil
}

// serve starts the fake and runs it until ctx ends or the fake exits.
func serve(ctx context.Context) error {
	fmt.Fprintln(os.Stderr, "fakeserver: starting the official fake Seam server on 127.0.0.1")
	s, err := seamfake.Start(ctx, seamfake.WithInstallTimeout(installTimeout))
	if err != nil {
		return err
	}
	defer s.Close()
	fmt.Printf("export SEAM_ENDPOINT=%s\n", s.Endpoint)
	fmt.Printf("export SEAM_API_KEY=%s\n", s.APIKey)
	fmt.Printf("export SEAM_WORKSPACE_ID=%s\n", s.WorkspaceID)
	fmt.Printf("# fake %s, pid %d; seeded locks: %v, thermostat: %s\n", s.FakeVersion, s.PID, s.Seed.LockIDs, s.Seed.ThermostatID)
	fmt.Println("# paste the export lines into another shell and run your program; Ctrl-C here stops the fake")
	select {
	case <-ctx.Done():
		fmt.Fprintln(os.Stderr, "fakeserver: stopping")
		return s.Close()
	case <-s.Done():
		return errors.New("the fake exited on its own; its last logs:\n" + s.Logs())
	}
}
