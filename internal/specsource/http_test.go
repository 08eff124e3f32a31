package specsource

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// newLocalServer starts an httptest server bound to 127.0.0.1 only.
func newLocalServer(t *testing.T, h http.Handler) *httptest.Server {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	srv := &httptest.Server{Listener: ln, Config: &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}}
	srv.Start()
	t.Cleanup(srv.Close)
	return srv
}

func serveString(status int, contentType, body string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", contentType)
		w.WriteHeader(status)
		_, _ = w.Write([]byte(body))
	})
}

func TestPullHTTPOK(t *testing.T) {
	srv := newLocalServer(t, serveString(http.StatusOK, "application/json", smallSpec))
	url := srv.URL + "/openapi.json"

	r, err := Pull(context.Background(), url, Options{})
	require.NoError(t, err)
	assert.Equal(t, url, r.Source)
	assert.Equal(t, "3.0.0", r.OpenAPIVersion)
	assert.Equal(t, 2, r.Paths)
	want, err := Canonicalize([]byte(smallSpec))
	require.NoError(t, err)
	assert.Equal(t, string(want), string(r.Canonical))
	assert.Len(t, r.SHA256, 64)
}

func TestPullHTTPNotFound(t *testing.T) {
	srv := newLocalServer(t, serveString(http.StatusNotFound, "text/plain", "nope"))
	url := srv.URL + "/openapi.json"

	_, err := Pull(context.Background(), url, Options{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "404")
	assert.Contains(t, err.Error(), url)
}

func TestPullHTTPHTMLBody(t *testing.T) {
	srv := newLocalServer(t, serveString(http.StatusOK, "text/html", "<!DOCTYPE html><html><body>login</body></html>"))

	_, err := Pull(context.Background(), srv.URL, Options{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "not a JSON object")
	assert.Contains(t, err.Error(), "<!DOCTYPE html>")
}

func TestPullHTTPRejectsInvalidSpecs(t *testing.T) {
	cases := map[string]string{
		"array":        `[1,2]`,
		"swagger 2":    `{"swagger":"2.0","paths":{"/a":{}}}`,
		"openapi 4":    `{"openapi":"4.0.0","paths":{"/a":{}}}`,
		"no paths":     `{"openapi":"3.0.0","paths":{}}`,
		"bad json":     `{"openapi":"3.0.0",`,
		"trailing doc": `{"openapi":"3.0.0","paths":{"/a":{}}} {}`,
	}
	for name, body := range cases {
		t.Run(name, func(t *testing.T) {
			srv := newLocalServer(t, serveString(http.StatusOK, "application/json", body))
			_, err := Pull(context.Background(), srv.URL, Options{})
			require.Error(t, err)
			assert.Contains(t, err.Error(), srv.URL)
		})
	}
}

func TestPullHTTPOversizedBody(t *testing.T) {
	big := `{"openapi":"3.0.0","paths":{"/a":{"description":"` + strings.Repeat("x", 4096) + `"}}}`
	t.Run("content-length", func(t *testing.T) {
		srv := newLocalServer(t, serveString(http.StatusOK, "application/json", big))
		_, err := Pull(context.Background(), srv.URL, Options{MaxBytes: 1024})
		require.Error(t, err)
		assert.Contains(t, err.Error(), "1024-byte limit")
	})
	t.Run("chunked", func(t *testing.T) {
		srv := newLocalServer(t, http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			for i := 0; i < 8; i++ { // flushing forces chunked encoding, so no Content-Length
				_, _ = w.Write([]byte(big[i*len(big)/8 : (i+1)*len(big)/8]))
				w.(http.Flusher).Flush()
			}
		}))
		_, err := Pull(context.Background(), srv.URL, Options{MaxBytes: 1024})
		require.Error(t, err)
		assert.Contains(t, err.Error(), "1024-byte limit")
	})
	t.Run("fits", func(t *testing.T) {
		srv := newLocalServer(t, serveString(http.StatusOK, "application/json", big))
		r, err := Pull(context.Background(), srv.URL, Options{MaxBytes: int64(len(big))})
		require.NoError(t, err)
		assert.Equal(t, 1, r.Paths)
	})
}

func TestPullHTTPTimeout(t *testing.T) {
	srv := newLocalServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
		_, _ = w.Write([]byte(smallSpec))
	}))

	start := time.Now()
	_, err := Pull(context.Background(), srv.URL, Options{Timeout: 100 * time.Millisecond})
	require.Error(t, err)
	assert.Less(t, time.Since(start), 3*time.Second)
	assert.Contains(t, err.Error(), "timed out")
	assert.Contains(t, err.Error(), EnvVar)
}

func TestPullHTTPConnectionRefused(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	require.NoError(t, ln.Close())

	_, err = Pull(context.Background(), "http://"+addr+"/openapi.json", Options{Timeout: 5 * time.Second})
	require.Error(t, err)
	msg := err.Error()
	assert.Contains(t, msg, "host "+addr+" could not be reached")
	assert.Contains(t, msg, "SEAM_OPENAPI_SOURCE")
	assert.Contains(t, msg, "file:PATH")
	assert.Contains(t, msg, "npm:@seamapi/types@VERSION")
}

func TestPullHTTPRedactsPassword(t *testing.T) {
	srv := newLocalServer(t, serveString(http.StatusForbidden, "text/plain", "no"))
	withPassword := strings.Replace(srv.URL, "http://", "http://user:s3cretpw@", 1)

	_, err := Pull(context.Background(), withPassword, Options{})
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "s3cretpw")
	assert.Contains(t, err.Error(), "403")
}

func TestPullUnsupportedSource(t *testing.T) {
	_, err := Pull(context.Background(), "ftp://example.invalid/openapi.json", Options{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "unsupported spec source")
}
