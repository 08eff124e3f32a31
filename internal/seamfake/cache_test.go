package seamfake

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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
