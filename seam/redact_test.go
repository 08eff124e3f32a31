package seam

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// jsonEscapeAll writes every character of s as a \uXXXX escape, with hex
// digits in upper or lower case.
func jsonEscapeAll(s string, upper bool) string {
	var b strings.Builder
	for _, u := range utf16.Encode([]rune(s)) {
		if upper {
			fmt.Fprintf(&b, `\u%04X`, u)
		} else {
			fmt.Fprintf(&b, `\u%04x`, u)
		}
	}
	return b.String()
}

// percentEncodeAll writes every byte of s as %XX.
func percentEncodeAll(s string, upper bool) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if upper {
			fmt.Fprintf(&b, "%%%02X", s[i])
		} else {
			fmt.Fprintf(&b, "%%%02x", s[i])
		}
	}
	return b.String()
}

// secretForms are the forms in which a server may echo testAPIKey.
func secretForms() map[string]string {
	return map[string]string{
		"raw":                   testAPIKey,
		"json_underscore_lower": strings.ReplaceAll(testAPIKey, "_", `\u005f`),
		"json_underscore_upper": strings.ReplaceAll(testAPIKey, "_", `\u005F`),
		"json_every_char_upper": jsonEscapeAll(testAPIKey, true),
		"json_every_char_lower": jsonEscapeAll(testAPIKey, false),
		"query_escaped_upper":   strings.ReplaceAll(url.QueryEscape(testAPIKey), "_", "%5F"),
		"path_escaped_lower":    strings.ReplaceAll(url.PathEscape(testAPIKey), "_", "%5f"),
		"url_every_byte_upper":  percentEncodeAll(testAPIKey, true),
		"url_every_byte_lower":  percentEncodeAll(testAPIKey, false),
		"mixed":                 `seam\u005ftestkey%5fSECRET1a2b3c`,
		"json_in_json":          strings.ReplaceAll(testAPIKey, "_", `\\u005f`),
		"url_encoded_twice":     strings.ReplaceAll(testAPIKey, "_", "%255F"),
	}
}

// assertNoSecretAnyForm fails when s holds testAPIKey in any form, also
// after JSON-unescaping or URL-unescaping it.
func assertNoSecretAnyForm(t *testing.T, s string) {
	t.Helper()
	assertNoSecret(t, s)
	var unquoted string
	if json.Unmarshal([]byte(`"`+strings.ReplaceAll(s, `"`, `\"`)+`"`), &unquoted) == nil {
		assertNoSecret(t, unquoted)
	}
	if u, err := url.QueryUnescape(s); err == nil {
		assertNoSecret(t, u)
	}
	assert.Equal(t, s, redactString(s, testAPIKey), "an encoded form of the secret is left in %q", s)
}

func TestRedactEveryForm(t *testing.T) {
	for name, form := range secretForms() {
		t.Run(name, func(t *testing.T) {
			in := "before " + form + " after " + form
			out := redactString(in, testAPIKey)
			assert.Equal(t, "before [REDACTED] after [REDACTED]", out)
		})
	}
	t.Run("non_ascii_secret", func(t *testing.T) {
		secret := "seam_é😀_x"
		for _, form := range []string{secret, jsonEscapeAll(secret, true), percentEncodeAll(secret, false), url.PathEscape(secret)} {
			assert.Equal(t, "a[REDACTED]b", redactString("a"+form+"b", secret), form)
		}
	})
	t.Run("space_as_plus", func(t *testing.T) {
		assert.Equal(t, "[REDACTED]", redactString("a+b", "a b"))
	})
	t.Run("untouched", func(t *testing.T) {
		for _, s := range []string{"", "seam_testkey", `\u005`, "%5", "%zz", `\u00zz`} {
			assert.Equal(t, s, redactString(s, testAPIKey))
		}
		assert.Equal(t, "x", redactString("x", ""))
	})
}

// Every form, in every part of a JSON error: message, type, nested data,
// validation errors (keys and messages), request id; and in a non-JSON
// body.
func TestAPIErrorRedactsEveryForm(t *testing.T) {
	for name, form := range secretForms() {
		t.Run(name, func(t *testing.T) {
			srv := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				w.Header().Set(testRequestIDHdr, "req_"+form)
				w.WriteHeader(http.StatusBadRequest)
				_, _ = fmt.Fprintf(w, `{"error":{"type":"invalid_input","message":"token %[1]s is wrong",
					"data":{"echo":{"list":["%[1]s",{"deep":"x%[1]sy"}],"%[1]s":1},"json_in_json":"{\"k\":\"%[2]s\"}"},
					"validation_errors":{"_errors":["%[1]s"],"device_id":{"_errors":["bad %[1]s"]},"%[1]s":{"_errors":["k"]}}}}`,
					form, strings.ReplaceAll(testAPIKey, "_", `\\u005f`))
			})
			c := newTestClient(t, srv.URL)
			_, err := do(t, c, context.Background(), http.MethodGet, "/x", nil)
			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, "invalid_input", apiErr.Type)
			assertNoSecretAnyForm(t, err.Error())
			assertNoSecretAnyForm(t, apiErr.Message)
			assert.Contains(t, apiErr.Message, "[REDACTED]")
			assertNoSecretAnyForm(t, apiErr.RequestID)
			assertNoSecretAnyForm(t, string(apiErr.Body))
			data, _ := json.Marshal(apiErr.Data)
			assertNoSecretAnyForm(t, fmt.Sprint(apiErr.Data))
			assertNoSecretAnyForm(t, string(data))
			assert.Contains(t, string(data), "[REDACTED]")
			assertNoSecretAnyForm(t, fmt.Sprint(apiErr.ValidationErrors))
			assert.Equal(t, []string{"bad [REDACTED]"}, apiErr.ValidationMessages("device_id"))
			assert.Equal(t, []string{"[REDACTED]"}, apiErr.ValidationMessages(""))
		})
	}
	t.Run("non_json", func(t *testing.T) {
		srv := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(http.StatusBadGateway)
			_, _ = fmt.Fprintf(w, "<a href=\"/login?key=%s\">%s</a>", percentEncodeAll(testAPIKey, false), testAPIKey)
		})
		c := newTestClient(t, srv.URL, WithMaxRetries(0))
		_, err := do(t, c, context.Background(), http.MethodGet, "/x", nil)
		var apiErr *APIError
		require.ErrorAs(t, err, &apiErr)
		assertNoSecretAnyForm(t, err.Error())
		assertNoSecretAnyForm(t, string(apiErr.Body))
	})
}

// A transport error whose cause quotes a URL holding the secret (here a
// malformed redirect Location), in the error and in the debug log.
func TestTransportErrorAndLogRedacted(t *testing.T) {
	srv := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Location", "http://127.0.0.1:1/%zz?key="+percentEncodeAll(testAPIKey, true)+"&raw="+testAPIKey)
		w.WriteHeader(http.StatusFound)
	})
	logger, buf := debugLogger()
	c := newTestClient(t, srv.URL, WithLogger(logger), WithMaxRetries(1))
	_, err := do(t, c, context.Background(), http.MethodGet, "/x", nil)
	var te *TransportError
	require.ErrorAs(t, err, &te)
	assert.Contains(t, err.Error(), "[REDACTED]", "the cause is kept, without the secret")
	assertNoSecretAnyForm(t, err.Error())
	out := buf.String()
	assert.Contains(t, out, "request failed")
	assertNoSecret(t, out)
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var rec map[string]any
		require.NoError(t, json.Unmarshal([]byte(line), &rec))
		for _, v := range rec {
			if s, ok := v.(string); ok {
				assertNoSecretAnyForm(t, s)
			}
		}
	}
}

// The retry-wait error quotes the last attempt's error: redacted too.
func TestRetryWaitErrorRedacted(t *testing.T) {
	srv := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Retry-After", "30")
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = fmt.Fprintf(w, `{"error":{"type":"unavailable","message":"%s"}}`, jsonEscapeAll(testAPIKey, false))
	})
	c := newTestClient(t, srv.URL)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() { <-ctx.Done() }()
	errc := make(chan error, 1)
	go func() {
		_, err := do(t, c, ctx, http.MethodGet, "/x", nil)
		errc <- err
	}()
	cancel()
	err := <-errc
	require.Error(t, err)
	assertNoSecretAnyForm(t, err.Error())
}
