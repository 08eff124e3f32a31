package seamfake

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The embedded copies must be the files of scripts/fake (the ones make
// fake-install and the repository's tests use).
func TestEmbeddedFilesMatchScriptsFake(t *testing.T) {
	for _, name := range npmFileNames {
		want, err := os.ReadFile(filepath.Join("..", "..", "scripts", "fake", name))
		require.NoError(t, err)
		got, err := npmFiles.ReadFile("npm/" + name)
		require.NoError(t, err)
		assert.Equal(t, string(want), string(got), "internal/seamfake/npm/%s differs from scripts/fake/%s: copy it", name, name)
	}
}

func TestPrepareCacheDir(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	dir, err := prepareCacheDir()
	require.NoError(t, err)
	again, err := prepareCacheDir()
	require.NoError(t, err)
	assert.Equal(t, dir, again)
	for _, name := range npmFileNames {
		_, err := os.Stat(filepath.Join(dir, name))
		require.NoError(t, err)
	}
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, len(npmFileNames), "no temporary files left")
}
