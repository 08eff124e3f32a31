package seam

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Bodies as the official fake (1.86.0) returns them, stack traces removed.
const (
	body401 = `{"error":{"type":"unauthorized","message":"Access tokens must start with seam_at"},"ok":false}`
	body404 = `{"error":{"type":"device_not_found","message":"Device not found"},"ok":false}`
	body400 = `{"error":{"type":"invalid_input","message":"2 Input Errors: Expected array, received number for \"device_ids\", Expected number, received nan for \"limit\"",` +
		`"validation_errors":{"_errors":[],"device_ids":{"_errors":["Expected array, received number"]},"limit":{"_errors":["Expected number, received nan"]}}},"ok":false}`
	body400Nested = `{"error":{"type":"invalid_input","message":"Expected string, received number for \"device_ids.0\"",` +
		`"validation_errors":{"_errors":["Unrecognized key"],"device_ids":{"0":{"_errors":["Expected string, received number"]},"_errors":[]}}},"ok":false}`
	body409 = `{"error":{"type":"duplicate_access_code","message":"Code already in use","data":{"access_code_id":"ac_1"}},"ok":false}`
)

func TestAPIErrorMapping(t *testing.T) {
	tests := []struct {
		name        string
		status      int
		contentType string
		body        string
		retryAfter  string
		is          []error
		isNot       []error
		check       func(t *testing.T, e *APIError)
		message     []string
	}{
		{
			name: "401 JSON", status: 401, contentType: "application/json; charset=utf-8", body: body401,
			is: []error{ErrUnauthorized}, isNot: []error{ErrNotFound, ErrInvalidInput, ErrServer, ErrRateLimited},
			check: func(t *testing.T, e *APIError) {
				assert.Equal(t, "unauthorized", e.Type)
				assert.Equal(t, "Access tokens must start with seam_at", e.Message)
			},
			message: []string{"seam: GET /devices/list: 401 unauthorized: Access tokens must start with seam_at (request id request7)"},
		},
		{
			name: "401 empty body", status: 401, body: "",
			is: []error{ErrUnauthorized}, message: []string{"401 Unauthorized: empty response body"},
		},
		{
			name: "400 invalid_input", status: 400, contentType: "application/json", body: body400,
			is: []error{ErrInvalidInput}, isNot: []error{ErrUnauthorized, ErrNotFound, ErrServer},
			check: func(t *testing.T, e *APIError) {
				assert.Equal(t, map[string][]string{
					"device_ids": {"Expected array, received number"},
					"limit":      {"Expected number, received nan"},
				}, e.ValidationErrors)
				assert.Equal(t, []string{"Expected array, received number"}, e.ValidationMessages("device_ids"))
				assert.Nil(t, e.ValidationMessages("nope"))
				assert.Equal(t, []string{"device_ids", "limit"}, e.ValidationParams())
			},
			message: []string{"400 invalid_input: 2 Input Errors"},
		},
		{
			name: "400 invalid_input nested", status: 400, contentType: "application/json", body: body400Nested,
			is: []error{ErrInvalidInput},
			check: func(t *testing.T, e *APIError) {
				assert.Equal(t, map[string][]string{
					"":             {"Unrecognized key"},
					"device_ids.0": {"Expected string, received number"},
				}, e.ValidationErrors)
			},
		},
		{
			name: "404 not found type", status: 404, contentType: "application/json", body: body404,
			is: []error{ErrNotFound}, isNot: []error{ErrUnauthorized, ErrInvalidInput, ErrServer},
			check: func(t *testing.T, e *APIError) {
				assert.Equal(t, "device_not_found", e.Type)
				assert.Nil(t, e.ValidationErrors)
			},
			message: []string{"404 device_not_found: Device not found"},
		},
		{
			name: "_not_found type with another status", status: 400, contentType: "application/json",
			body: `{"error":{"type":"access_code_not_found","message":"gone"}}`,
			is:   []error{ErrNotFound},
		},
		{
			name: "409 with data", status: 409, contentType: "application/json", body: body409,
			isNot: []error{ErrNotFound, ErrInvalidInput, ErrServer, ErrUnauthorized, ErrRateLimited},
			check: func(t *testing.T, e *APIError) {
				assert.Equal(t, map[string]any{"access_code_id": "ac_1"}, e.Data)
			},
		},
		{
			name: "500 HTML", status: 500, contentType: "text/html; charset=utf-8",
			body: "<html>\n<body><h1>Internal Server Error</h1>\n<p>" + strings.Repeat("x", 500) + "</p></body></html>",
			is:   []error{ErrServer}, isNot: []error{ErrNotFound},
			check: func(t *testing.T, e *APIError) {
				assert.Empty(t, e.Type)
				assert.True(t, strings.HasPrefix(string(e.Body), "<html>"))
			},
			message: []string{`500 Internal Server Error: unexpected response body "<html> <body><h1>Internal Server Error</h1>`},
		},
		{
			name: "JSON-shaped body served as HTML is not a Seam error", status: 502, contentType: "text/html",
			body: `{"error":{"type":"bad_gateway","message":"middlebox"}}`,
			is:   []error{ErrServer},
			check: func(t *testing.T, e *APIError) {
				assert.Empty(t, e.Type)
			},
		},
		{
			name: "503 empty", status: 503, body: "",
			is: []error{ErrServer}, message: []string{"503 Service Unavailable: empty response body"},
		},
		{
			name: "429 with Retry-After", status: 429, contentType: "application/json", retryAfter: "7",
			body: `{"error":{"type":"rate_limited","message":"slow down"}}`,
			is:   []error{ErrRateLimited}, isNot: []error{ErrServer},
			check: func(t *testing.T, e *APIError) {
				assert.Equal(t, 7*time.Second, e.RetryAfter)
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
				if tc.contentType != "" {
					w.Header().Set("Content-Type", tc.contentType)
				}
				if tc.retryAfter != "" {
					w.Header().Set("Retry-After", tc.retryAfter)
				}
				w.Header().Set(testRequestIDHdr, "request7")
				w.WriteHeader(tc.status)
				_, _ = w.Write([]byte(tc.body))
			})
			c := newTestClient(t, srv.URL, WithMaxRetries(0))
			res, err := do(t, c, context.Background(), http.MethodGet, "/devices/list?device_id=x", nil)
			require.Nil(t, res)
			require.Error(t, err)
			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Same(t, apiErr, err, "Do returns the *APIError itself")
			assert.Equal(t, tc.status, apiErr.StatusCode)
			assert.Equal(t, "request7", apiErr.RequestID)
			assert.Equal(t, http.MethodGet, apiErr.Method)
			assert.Equal(t, "/devices/list", apiErr.Path)
			for _, target := range tc.is {
				assert.ErrorIs(t, err, target)
			}
			for _, target := range tc.isNot {
				assert.NotErrorIs(t, err, target)
			}
			if tc.check != nil {
				tc.check(t, apiErr)
			}
			msg := err.Error()
			for _, m := range tc.message {
				assert.Contains(t, msg, m)
			}
			assert.Contains(t, msg, "(request id request7)")
			assert.NotContains(t, msg, "\n")
			assert.LessOrEqual(t, len(msg), 400, "message stays short")
			assertNoSecret(t, msg)
		})
	}
}

func TestAPIErrorBodyCappedAndSecretRedacted(t *testing.T) {
	srv := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusUnauthorized)
		_, _ = fmt.Fprintf(w, `{"error":{"type":"unauthorized","message":"bad token %s"},"pad":"%s"}`,
			r.Header.Get("Authorization"), strings.Repeat("p", 100<<10))
	})
	c := newTestClient(t, srv.URL)
	_, err := do(t, c, context.Background(), http.MethodGet, "/x", nil)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	n := len(apiErr.Body)
	assert.LessOrEqual(t, n, maxErrorBody, "body capped")
	assert.Greater(t, n, maxErrorBody-len(testAPIKey), "body read up to the cap")
	assertNoSecret(t, string(apiErr.Body))
	assertNoSecret(t, err.Error())
	assert.Contains(t, string(apiErr.Body), "[REDACTED]")
}

func TestValidationError(t *testing.T) {
	var err error = &ValidationError{Param: "starts_at", Rule: "must be before ends_at"}
	assert.Equal(t, `seam: invalid parameter "starts_at": must be before ends_at`, err.Error())
	assert.ErrorIs(t, err, ErrInvalidInput)
	assert.NotErrorIs(t, err, ErrNotFound)
	wrapped := fmt.Errorf("creating access code: %w", err)
	assert.ErrorIs(t, wrapped, ErrInvalidInput)
	var ve *ValidationError
	require.ErrorAs(t, wrapped, &ve)
	assert.Equal(t, "starts_at", ve.Param)
}

func TestActionAttemptSentinelsDistinct(t *testing.T) {
	assert.False(t, errors.Is(ErrActionAttemptFailed, ErrActionAttemptTimeout))
	assert.NotEqual(t, ErrActionAttemptFailed.Error(), ErrActionAttemptTimeout.Error())
}

func TestSnippet(t *testing.T) {
	assert.Equal(t, "a b c", snippet([]byte(" a\n\tb  c ")))
	long := strings.Repeat("é", 300)
	s := snippet([]byte(long))
	assert.True(t, strings.HasSuffix(s, "…"))
	assert.LessOrEqual(t, len(s), maxSnippet+len("…"))
	assert.True(t, strings.HasPrefix(long, strings.TrimSuffix(s, "…")), "cut on a rune boundary")
}
