package specsource

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWriteAtomicReplaces(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "openapi.json", "old")
	require.NoError(t, WriteAtomic(p, []byte("new")))
	data, err := os.ReadFile(p)
	require.NoError(t, err)
	assert.Equal(t, "new", string(data))
	assert.Equal(t, []string{"openapi.json"}, dirNames(t, dir), "no temporary files left")
}

func TestWriteAtomicFailedWriteKeepsOriginal(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "openapi.json", "original")
	boom := errors.New("disk full")

	err := writeAtomicWith(p, func(w io.Writer) error {
		_, _ = w.Write([]byte("half a spe"))
		return boom
	})
	require.ErrorIs(t, err, boom)
	data, err := os.ReadFile(p)
	require.NoError(t, err)
	assert.Equal(t, "original", string(data))
	assert.Equal(t, []string{"openapi.json"}, dirNames(t, dir), "temporary file removed")
}

func TestWriteAtomicFailedRenameKeepsOriginal(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "openapi.json")
	require.NoError(t, os.Mkdir(target, 0o755)) // renaming a file over a non-empty directory fails
	writeFile(t, target, "keep", "original")

	require.Error(t, WriteAtomic(target, []byte("new")))
	data, err := os.ReadFile(filepath.Join(target, "keep"))
	require.NoError(t, err)
	assert.Equal(t, "original", string(data))
	assert.Equal(t, []string{"openapi.json"}, dirNames(t, dir), "temporary file removed")
}

func TestWriteAtomicMissingDir(t *testing.T) {
	err := WriteAtomic(filepath.Join(t.TempDir(), "no", "such", "openapi.json"), []byte("x"))
	require.ErrorIs(t, err, os.ErrNotExist)
}
