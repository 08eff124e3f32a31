// Command minimal creates one access code: the smallest useful program
// built on package seam, whose binary size docs/performance.md tracks
// (scripts/measure-binary-size).
//
//	SEAM_API_KEY=seam_… go run ./examples/minimal DEVICE_ID
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/seamgo/seam-go/seam"
)

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	err := run(ctx, os.Args[1:], os.Stdout)
	cancel()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// run creates an access code on the device args[0] and prints its id.
func run(ctx context.Context, args []string, stdout io.Writer) error {
	if len(args) != 1 {
		return errors.New("usage: minimal DEVICE_ID (the API key comes from SEAM_API_KEY)")
	}
	client, err := seam.New()
	if err != nil {
		return err
	}
	code, err := client.AccessCodes.Create(ctx, args[0], seam.WithCodeName("minimal example"))
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(stdout, code.AccessCodeId)
	return err
}
