package seamtest_test

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// consumerTest is the test file of the consumer module: it uses both
// doubles as a user's tests would.
const consumerTest = `package consumer

import (
	"context"
	"net/http"
	"testing"

	"github.com/seamgo/seam-go/seam"
	"github.com/seamgo/seam-go/seam/seamtest"
)

func TestWithServer(t *testing.T) {
	s := seamtest.NewServer(t)
	s.Handle("/locks/unlock_door", seamtest.ActionAttemptSucceedsAfter(2))
	if _, err := s.Client().Locks.UnlockDoor(context.Background(), "d1"); err != nil {
		t.Fatal(err)
	}
	s.Handle("/devices/get", seamtest.Error(http.StatusNotFound, "device_not_found", "gone"))
	_, err := s.Client().Devices.Get(context.Background(), "d1")
	if _, ok := err.(*seam.APIError); !ok {
		t.Fatalf("want *seam.APIError, got %v", err)
	}
	if n := len(s.Requests()); n != 5 {
		t.Fatalf("want 5 requests, got %d", n)
	}
}

func TestWithFake(t *testing.T) {
	f := seamtest.NewFake(t)
	if _, err := f.Client().Locks.UnlockDoor(context.Background(), f.Seed.AugustLock1ID); err != nil {
		t.Fatal(err)
	}
}
`

// TestConsumerModule builds a module outside this repository that requires
// this one through a replace directive onto a read-only copy (as in the
// module cache), and runs its tests offline (GOPROXY=off): NewServer and
// NewFake must work there. NewFake needs Node.js (skipped without it, or
// with -short).
func TestConsumerModule(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a consumer module: skipped with -short")
	}
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("the consumer's NewFake test needs Node.js 20+ (node not in PATH)")
	}
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	tmp := t.TempDir()
	mod := filepath.Join(tmp, "seam-go")
	for _, name := range []string{"go.mod", "go.sum", "gen", "seam", "internal"} {
		copyTree(t, filepath.Join(root, name), filepath.Join(mod, name))
	}
	// Read-only, like the module cache; writable again for t.TempDir's cleanup.
	chmodTree(t, mod, false)
	t.Cleanup(func() { chmodTree(t, mod, true) })

	consumer := filepath.Join(tmp, "consumer")
	require.NoError(t, os.MkdirAll(consumer, 0o755))
	gomod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	require.NoError(t, err)
	goLine := "go 1.24"
	for _, l := range strings.Split(string(gomod), "\n") {
		if strings.HasPrefix(l, "go ") {
			goLine = l
		}
	}
	write(t, filepath.Join(consumer, "go.mod"), "module example.com/consumer\n\n"+goLine+"\n\nrequire github.com/seamgo/seam-go v0.0.0\n\nreplace github.com/seamgo/seam-go => "+mod+"\n")
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	require.NoError(t, err)
	write(t, filepath.Join(consumer, "go.sum"), string(sum))
	write(t, filepath.Join(consumer, "consumer_test.go"), consumerTest)

	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "go", "test", "-count=1", "-v", "./...")
	cmd.Dir = consumer
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err = cmd.Run()
	t.Logf("consumer module go test:\n%s", out.String())
	require.NoError(t, err)
	require.Contains(t, out.String(), "--- PASS: TestWithServer")
	require.Contains(t, out.String(), "--- PASS: TestWithFake")
}

func write(t *testing.T, path, content string) {
	t.Helper()
	require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
}

// copyTree copies the regular files under src (no node_modules, testdata
// kept) to dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			if d.Name() == "node_modules" {
				return filepath.SkipDir
			}
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	require.NoError(t, err)
}

func chmodTree(t *testing.T, dir string, writable bool) {
	t.Helper()
	_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		mode := fs.FileMode(0o444)
		if d.IsDir() {
			mode = 0o555
		}
		if writable {
			mode |= 0o200
		}
		_ = os.Chmod(path, mode)
		return nil
	})
}
