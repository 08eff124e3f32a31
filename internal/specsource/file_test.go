package specsource

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPullFileRelative(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "spec.json", smallSpec)
	t.Chdir(dir)

	r, err := Pull(context.Background(), "file:spec.json", Options{})
	require.NoError(t, err)
	assert.Equal(t, "file:spec.json", r.Source)
	assert.Equal(t, 2, r.Paths)
	assert.True(t, strings.HasPrefix(string(r.Canonical), "{\n  \"info\": {"), "keys sorted, two-space indent")
}

func TestPullFileMissing(t *testing.T) {
	t.Chdir(t.TempDir())
	_, err := Pull(context.Background(), "file:nope.json", Options{})
	require.ErrorIs(t, err, os.ErrNotExist)
}

func TestPullFileTooLarge(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "spec.json", smallSpec)
	_, err := Pull(context.Background(), "file:"+p, Options{MaxBytes: 10})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "10-byte limit")
}

func TestPullFileEmptyPath(t *testing.T) {
	_, err := Pull(context.Background(), "file:", Options{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "names no file")
}
