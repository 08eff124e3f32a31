package seamfake

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
)

// npmFiles are the files of npm/ that install and start the fake
// (package.json, package-lock.json, start.mjs), embedded so that a module
// using this one from the read-only module cache can install and start it.
// In a checkout, npm/ itself is where make fake-install installs it: one
// directory, no copy.
//
//go:embed npm/package.json npm/package-lock.json npm/start.mjs
var npmFiles embed.FS

// npmFileNames are the embedded files, in the order they are written.
var npmFileNames = []string{"package.json", "package-lock.json", "start.mjs"}

// WithUserCache makes Start install and run the fake from the per-user cache
// directory os.UserCacheDir()/seam-go/fake/<sha256 of package-lock.json>
// (written from the files embedded in this package) instead of npm/ of a
// checkout: it works from the module cache, where this module is read-only
// and has no node_modules.
func WithUserCache() Option {
	return func(c *config) { c.userCache = true }
}

// CacheDir is the directory WithUserCache installs the fake into.
func CacheDir() (string, error) {
	base, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("seamfake: no user cache directory (set HOME or XDG_CACHE_HOME): %w", err)
	}
	lock, err := npmFiles.ReadFile("npm/package-lock.json")
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(lock)
	return filepath.Join(base, "seam-go", "fake", hex.EncodeToString(sum[:])), nil
}

// prepareCacheDir writes the embedded files into the cache directory, each
// atomically (a temporary file renamed), so that processes doing it at once
// all see whole files, and returns the directory.
func prepareCacheDir() (string, error) {
	dir, err := CacheDir()
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("seamfake: create cache directory: %w", err)
	}
	for _, name := range npmFileNames {
		want, err := npmFiles.ReadFile("npm/" + name)
		if err != nil {
			return "", err
		}
		path := filepath.Join(dir, name)
		if got, err := os.ReadFile(path); err == nil && string(got) == string(want) {
			continue
		}
		tmp, err := os.CreateTemp(dir, name+".tmp*")
		if err != nil {
			return "", fmt.Errorf("seamfake: write %s: %w", path, err)
		}
		_, werr := tmp.Write(want)
		cerr := tmp.Close()
		if werr == nil {
			werr = cerr
		}
		if werr == nil {
			werr = os.Rename(tmp.Name(), path)
		}
		if werr != nil {
			_ = os.Remove(tmp.Name())
			return "", fmt.Errorf("seamfake: write %s: %w", path, werr)
		}
	}
	return dir, nil
}
