package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRunCreatesOneAccessCode(t *testing.T) {
	answer, err := os.ReadFile("../../seam/testdata/accesscodes/ongoing.response.json")
	require.NoError(t, err)
	var sent map[string]any
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || r.URL.Path != "/access_codes/create" {
			http.NotFound(w, r)
			return
		}
		assert.Equal(t, "Bearer seam_minimal_test", r.Header.Get("Authorization"))
		assert.NoError(t, json.NewDecoder(r.Body).Decode(&sent))
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(answer)
	}))
	defer srv.Close()
	require.True(t, strings.HasPrefix(srv.URL, "http://127.0.0.1:"))
	t.Setenv("SEAM_API_KEY", "seam_minimal_test")
	t.Setenv("SEAM_ENDPOINT", srv.URL)
	t.Setenv("SEAM_PERSONAL_ACCESS_TOKEN", "")

	var out bytes.Buffer
	require.NoError(t, run(t.Context(), []string{"device_1"}, &out))
	assert.Equal(t, "d2047ba8-8849-467f-a07a-efab6c3673bc\n", out.String())
	assert.Equal(t, map[string]any{"device_id": "device_1", "name": "minimal example"}, sent)

	assert.ErrorContains(t, run(t.Context(), nil, &out), "usage")
}
