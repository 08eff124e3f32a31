package seamfake

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// stampName is written into node_modules after a successful `npm ci`; it holds
// a digest of package.json and package-lock.json.
const stampName = ".seamgo-install-stamp"

// fakePackageJSON proves the fake package itself is installed.
const fakePackageJSON = "node_modules/@seamapi/fake-seam-connect/package.json"

// ensureInstalled runs `npm ci` in fakeDir when node_modules is missing or was
// installed from other manifests, saying so on progress, and reports whether
// it ran. A cross-process file lock keeps several test binaries from
// installing at the same time.
func ensureInstalled(ctx context.Context, npm, fakeDir string, progress io.Writer) (bool, error) {
	want, err := manifestDigest(fakeDir)
	if err != nil {
		return false, err
	}
	if installed(fakeDir, want) {
		return false, nil
	}
	unlock, err := lockFile(ctx, installLockPath(fakeDir))
	if err != nil {
		return false, fmt.Errorf("seamfake: lock npm install: %w", err)
	}
	defer unlock()
	if installed(fakeDir, want) { // another process installed while we waited
		return false, nil
	}
	fmt.Fprintf(progress, "seamfake: installing the official fake Seam server: npm ci in %s (first run only; needs the npm registry)\n", fakeDir)
	started := time.Now()
	var out bytes.Buffer
	cmd := exec.CommandContext(ctx, npm, "ci", "--no-audit", "--no-fund", "--loglevel=error")
	cmd.Dir = fakeDir
	cmd.Stdout = &out
	cmd.Stderr = &out
	if err := cmd.Run(); err != nil {
		return true, fmt.Errorf("seamfake: npm ci in %s: %w\n%s", fakeDir, err, tail(out.Bytes(), 4096))
	}
	stamp := filepath.Join(fakeDir, "node_modules", stampName)
	if err := os.WriteFile(stamp, []byte(want+"\n"), 0o644); err != nil {
		return true, fmt.Errorf("seamfake: write install stamp: %w", err)
	}
	fmt.Fprintf(progress, "seamfake: installed in %s\n", time.Since(started).Round(100*time.Millisecond))
	return true, nil
}

// installed reports whether node_modules holds the fake, installed from the
// manifests whose digest is want.
func installed(fakeDir, want string) bool {
	if _, err := os.Stat(filepath.Join(fakeDir, fakePackageJSON)); err != nil {
		return false
	}
	got, err := os.ReadFile(filepath.Join(fakeDir, "node_modules", stampName))
	if err != nil {
		return false
	}
	return strings.TrimSpace(string(got)) == want
}

// manifestDigest hashes package.json and package-lock.json of fakeDir.
func manifestDigest(fakeDir string) (string, error) {
	h := sha256.New()
	for _, name := range []string{"package.json", "package-lock.json"} {
		data, err := os.ReadFile(filepath.Join(fakeDir, name))
		if errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("seamfake: %s missing in %s", name, fakeDir)
		}
		if err != nil {
			return "", fmt.Errorf("seamfake: read %s: %w", name, err)
		}
		fmt.Fprintf(h, "%s %d\n", name, len(data))
		h.Write(data)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// installLockPath names a lock file outside the work tree, one per fake dir.
func installLockPath(fakeDir string) string {
	sum := sha256.Sum256([]byte(fakeDir))
	return filepath.Join(os.TempDir(), "seamgo-fake-install-"+hex.EncodeToString(sum[:8])+".lock")
}

// tail returns at most the last n bytes of b as a string.
func tail(b []byte, n int) string {
	if len(b) > n {
		b = b[len(b)-n:]
	}
	return string(b)
}
