package updatespec

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seamgo/seam-go/internal/pipeline"
	"github.com/seamgo/seam-go/internal/specsource"
)

// The tests below pull the committed openapi.json through the URL source,
// from an httptest server on 127.0.0.1.

// specServer serves spec at /openapi.json and 404 elsewhere, and counts the
// requests.
func specServer(t *testing.T, spec []byte) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if r.URL.Path != "/openapi.json" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(spec)
	}))
	t.Cleanup(srv.Close)
	require.True(t, strings.HasPrefix(srv.URL, "http://127.0.0.1:"), srv.URL)
	return srv, &hits
}

func committedSpec(t *testing.T) []byte {
	t.Helper()
	spec, err := os.ReadFile(filepath.Join(repoRoot, pipeline.SpecFile))
	require.NoError(t, err)
	return spec
}

func TestPipelineGeneratesFromAURL(t *testing.T) {
	spec := committedSpec(t)
	srv, hits := specServer(t, spec)
	source := srv.URL + "/openapi.json"
	root := newModule(t) // no spec, metadata or gen/ yet

	res := generateFrom(t, root, source)
	assert.Equal(t, int32(1), hits.Load())

	sum := sha256.Sum256(spec)
	want := specsource.Meta{Source: source, SHA256: hex.EncodeToString(sum[:])}
	assert.Equal(t, want, res.Meta, "the committed spec is canonical, so its hash is kept")
	meta, err := specsource.ReadMeta(filepath.Join(root, pipeline.MetaFile))
	require.NoError(t, err)
	assert.Equal(t, want, meta)
	assert.Equal(t, string(spec), readString(t, filepath.Join(root, pipeline.SpecFile)))

	code := readString(t, filepath.Join(root, pipeline.GenDir, pipeline.CodeFile))
	header, _, _ := strings.Cut(code, "\n")
	assert.Contains(t, header, "sha256 "+want.SHA256)
	assert.Contains(t, header, "source "+source)
	assert.Contains(t, header, "DO NOT EDIT")
	assert.Contains(t, code, "\ntype AccessCode struct {")
	assert.Contains(t, code, "\ntype ClientWithResponses struct {")

	info := readString(t, filepath.Join(root, pipeline.GenDir, pipeline.SpecInfoFile))
	assert.Contains(t, info, `const SpecSource = "`+source+`"`)
	assert.Contains(t, info, `const SpecSHA256 = "`+want.SHA256+`"`)
	assert.Greater(t, res.Report.Operations, 300)
}

func TestFailedURLPullLeavesEverythingAsItWas(t *testing.T) {
	srv, hits := specServer(t, committedSpec(t))
	missing := srv.URL + "/missing.json"
	root := newModule(t, generatedPaths...)
	before := snapshot(t, root, generatedPaths...)
	require.Contains(t, before, "gen/seam.gen.go")

	ctx, cancel := context.WithTimeout(context.Background(), testTimeout)
	defer cancel()
	_, err := pipeline.Run(ctx, pipeline.Options{Root: root, Source: missing})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "404")
	assert.Equal(t, before, snapshot(t, root, generatedPaths...), "pipeline.Run")

	res, err := Run(ctx, Options{Root: root, Source: missing})
	require.Error(t, err)
	assert.Nil(t, res)
	assert.Contains(t, err.Error(), "404")
	assert.Equal(t, before, snapshot(t, root, generatedPaths...), "updatespec.Run")
	assert.NoDirExists(t, filepath.Join(root, ".build"))
	assert.Equal(t, int32(2), hits.Load())
}

func TestRunFromURLWithTheCommittedSpecIsNoChange(t *testing.T) {
	srv, _ := specServer(t, committedSpec(t))
	root := newModule(t, generatedPaths...)
	before := snapshot(t, root, generatedPaths...)

	res, err := run(t, Options{Root: root, Source: srv.URL + "/openapi.json"})
	require.NoError(t, err)
	assert.False(t, res.Changed)
	assert.Equal(t, NoChange, res.Changelog)
	assert.Equal(t, before, snapshot(t, root, generatedPaths...))
}
