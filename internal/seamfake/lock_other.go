//go:build !unix

package seamfake

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"
)

// lockPollInterval is how often a waiting process retries the lock.
const lockPollInterval = 100 * time.Millisecond

// lockFile creates path exclusively, waiting until ctx is done; the returned
// function removes it. (Without flock a crashed holder leaves the file behind:
// the error then names it so it can be deleted.)
func lockFile(ctx context.Context, path string) (func(), error) {
	for {
		f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_RDWR, 0o600)
		if err == nil {
			_ = f.Close()
			return func() { _ = os.Remove(path) }, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, fmt.Errorf("create %s: %w", path, err)
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("waiting for %s (delete it if no install is running): %w", path, ctx.Err())
		case <-time.After(lockPollInterval):
		}
	}
}
