// Command demo walks through the scenarios of Seam's access-code guide with
// the seam package: it lists the devices, creates an ongoing, a time-bound,
// an hourly-bound offline, a daily-bound offline and a one-time-use offline
// access code, unlocks a door waiting for its action attempt, sets a
// thermostat to heat_cool (waiting too), and deletes what it created.
//
// By default it starts the official fake Seam server
// (@seamapi/fake-seam-connect) on 127.0.0.1 and stops it at the end:
//
//	make demo    # or: go run ./examples/demo
//
// With SEAM_API_KEY set and SEAM_ENDPOINT unset, it runs unchanged against
// the real Seam API, in the workspace of that key (use a sandbox).
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"

	"github.com/seamgo/seam-go/internal/seamfake"
	"github.com/seamgo/seam-go/seam"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "demo:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, out io.Writer) error {
	opts := []seam.Option{seam.WithActionAttemptPollInterval(250 * time.Millisecond)}
	live := os.Getenv("SEAM_API_KEY") != "" && os.Getenv("SEAM_ENDPOINT") == ""
	if live {
		fmt.Fprintln(out, "Against the Seam API (SEAM_API_KEY is set).")
	} else {
		fmt.Fprintln(out, "Starting the official fake Seam server on 127.0.0.1 ...")
		fake, err := seamfake.Start(ctx)
		if err != nil {
			return fmt.Errorf("start the fake server: %w", err)
		}
		defer fake.Close()
		fmt.Fprintf(out, "Fake @seamapi/fake-seam-connect %s at %s (seeded workspace %s).\n",
			fake.FakeVersion, fake.Endpoint, fake.WorkspaceID)
		opts = append(opts, seam.WithAPIKey(fake.APIKey), seam.WithEndpoint(fake.Endpoint))
	}
	client, err := seam.New(opts...)
	if err != nil {
		return err
	}
	d := &demo{client: client, out: out, live: live}
	return d.walk(ctx)
}
