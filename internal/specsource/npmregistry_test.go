package specsource

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha1"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

// npmRegistry is a local npm registry serving one version of one package:
// its packument and its tarball. It records the paths it was asked for.
type npmRegistry struct {
	*httptest.Server
	mu       sync.Mutex
	requests []string
}

// newNPMRegistry serves the package name@version whose tarball holds files
// (paths under "package/"), on 127.0.0.1.
func newNPMRegistry(t *testing.T, name, version string, files map[string]string) *npmRegistry {
	t.Helper()
	tgz := npmTarball(t, files)
	sha512sum := sha512.Sum512(tgz)
	sha1sum := sha1.Sum(tgz)
	tarballPath := "/" + name + "/-/" + name[strings.LastIndex(name, "/")+1:] + "-" + version + ".tgz"

	r := &npmRegistry{}
	r.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		path, err := url.PathUnescape(req.URL.EscapedPath())
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		r.mu.Lock()
		r.requests = append(r.requests, path)
		r.mu.Unlock()
		switch path {
		case "/" + name:
			packument := map[string]any{
				"name":      name,
				"dist-tags": map[string]string{"latest": version},
				"versions": map[string]any{version: map[string]any{
					"name":    name,
					"version": version,
					"dist": map[string]string{
						"tarball":   "http://" + req.Host + tarballPath,
						"shasum":    hex.EncodeToString(sha1sum[:]),
						"integrity": "sha512-" + base64.StdEncoding.EncodeToString(sha512sum[:]),
					},
				}},
			}
			w.Header().Set("Content-Type", "application/json")
			_ = json.NewEncoder(w).Encode(packument)
		case tarballPath:
			w.Header().Set("Content-Type", "application/octet-stream")
			_, _ = w.Write(tgz)
		default:
			http.NotFound(w, req)
		}
	}))
	t.Cleanup(r.Close)
	return r
}

// served returns the paths requested so far.
func (r *npmRegistry) served() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.requests...)
}

// npmTarball builds a gzipped tar of files, as npm publishes packages.
func npmTarball(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	for name, body := range files {
		require.NoError(t, tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(body)), Typeflag: tar.TypeReg}))
		_, err := tw.Write([]byte(body))
		require.NoError(t, err)
	}
	require.NoError(t, tw.Close())
	require.NoError(t, gz.Close())
	return buf.Bytes()
}
