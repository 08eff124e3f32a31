package seamfake

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seamgo/seam-go/internal/reporoot"
)

func TestFakeDirInTheRepository(t *testing.T) {
	root, err := reporoot.FromWorkingDir()
	require.NoError(t, err)
	assert.FileExists(t, filepath.Join(root, filepath.FromSlash(fakeDirRel), "start.mjs"))
	assert.FileExists(t, filepath.Join(root, filepath.FromSlash(fakeDirRel), "package-lock.json"))
}

func TestNodeMajor(t *testing.T) {
	major, err := nodeMajor("v20.20.2\n")
	require.NoError(t, err)
	assert.Equal(t, 20, major)
	major, err = nodeMajor("v18.1.0")
	require.NoError(t, err)
	assert.Equal(t, 18, major)
	_, err = nodeMajor("garbage")
	require.Error(t, err)
}

func TestInstalledFollowsManifestDigest(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "package.json"), []byte(`{"a":1}`), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "package-lock.json"), []byte(`{"b":1}`), 0o644))
	digest, err := manifestDigest(dir)
	require.NoError(t, err)
	assert.False(t, installed(dir, digest), "no node_modules yet")

	require.NoError(t, os.MkdirAll(filepath.Join(dir, filepath.Dir(fakePackageJSON)), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, fakePackageJSON), []byte(`{}`), 0o644))
	assert.False(t, installed(dir, digest), "no stamp yet")

	require.NoError(t, os.WriteFile(filepath.Join(dir, "node_modules", stampName), []byte(digest+"\n"), 0o644))
	assert.True(t, installed(dir, digest))

	require.NoError(t, os.WriteFile(filepath.Join(dir, "package-lock.json"), []byte(`{"b":2}`), 0o644))
	changed, err := manifestDigest(dir)
	require.NoError(t, err)
	assert.NotEqual(t, digest, changed)
	assert.False(t, installed(dir, changed), "stale after the lock file changed")
}

func TestManifestDigestNeedsLockFile(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "package.json"), []byte(`{}`), 0o644))
	_, err := manifestDigest(dir)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "package-lock.json")
}

func TestLockFileExcludesSecondHolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.lock")
	unlock, err := lockFile(context.Background(), path)
	require.NoError(t, err)

	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	_, err = lockFile(ctx, path)
	require.ErrorIs(t, err, context.DeadlineExceeded)

	unlock()
	unlock2, err := lockFile(context.Background(), path)
	require.NoError(t, err)
	unlock2()
}

func TestCheckLoopback(t *testing.T) {
	require.NoError(t, checkLoopback("http://127.0.0.1:1234"))
	for _, bad := range []string{"http://localhost:1234", "http://0.0.0.0:1234", "https://127.0.0.1:1", "http://127.0.0.1", "http://[::1]:80"} {
		assert.Error(t, checkLoopback(bad), bad)
	}
}

func TestTailWriterKeepsEnd(t *testing.T) {
	w := newTailWriter(5)
	_, _ = w.Write([]byte("abc"))
	assert.Equal(t, "abc", w.String())
	_, _ = w.Write([]byte("defgh"))
	assert.Equal(t, "defgh", w.String())
}

func TestEnvWithout(t *testing.T) {
	got := envWithout([]string{"PORT=1", "PATH=/bin", "PORTX=2"}, "PORT")
	assert.Equal(t, []string{"PATH=/bin", "PORTX=2"}, got)
}

func TestDescribeError(t *testing.T) {
	assert.Equal(t, "device_not_found: Device not found",
		describeError([]byte(`{"error":{"type":"device_not_found","message":"Device not found"},"ok":false}`)))
	assert.Equal(t, "plain", describeError([]byte("plain")))
	assert.True(t, strings.HasSuffix(describeError(bytes.Repeat([]byte("x"), 2000)), "x"))
	assert.Len(t, describeError(bytes.Repeat([]byte("x"), 2000)), 512)
}

func TestUpdateActionAttemptRejectsUnknownStatus(t *testing.T) {
	s := &Server{Endpoint: "http://127.0.0.1:1"}
	err := s.UpdateActionAttempt(context.Background(), "a", "done", "", "")
	require.Error(t, err)
	assert.Contains(t, err.Error(), `"done"`)
}
