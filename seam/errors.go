package seam

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Sentinel errors, matched with errors.Is against the errors this package
// returns.
var (
	// ErrUnauthorized matches an APIError with status 401 or type
	// "unauthorized".
	ErrUnauthorized = errors.New("seam: unauthorized")
	// ErrNotFound matches an APIError with status 404 or a type ending in
	// "_not_found" (device_not_found, access_code_not_found, …).
	ErrNotFound = errors.New("seam: not found")
	// ErrInvalidInput matches an APIError of type "invalid_input" and a
	// ValidationError found before sending a request.
	ErrInvalidInput = errors.New("seam: invalid input")
	// ErrRateLimited matches an APIError with status 429.
	ErrRateLimited = errors.New("seam: rate limited")
	// ErrServer matches an APIError with a 5xx status.
	ErrServer = errors.New("seam: server error")
	// ErrActionAttemptFailed matches the error returned when an action
	// attempt the call waited for ends in failure.
	ErrActionAttemptFailed = errors.New("seam: action attempt failed")
	// ErrActionAttemptTimeout matches the error returned when an action
	// attempt has not finished within the action attempt timeout.
	ErrActionAttemptTimeout = errors.New("seam: timed out waiting for action attempt")
)

// maxErrorBody caps how much of an error response body is read and kept.
const maxErrorBody = 64 << 10

// maxSnippet caps how much of a body an error message quotes.
const maxSnippet = 200

// APIError is the error for a response whose status is not 2xx. It matches
// ErrUnauthorized, ErrNotFound, ErrInvalidInput, ErrRateLimited or ErrServer
// with errors.Is, as described there.
type APIError struct {
	// StatusCode is the HTTP status of the response.
	StatusCode int
	// Type is the Seam error type (error.type), e.g. "device_not_found";
	// empty when the body is not a Seam error.
	Type string
	// Message is the Seam error message (error.message).
	Message string
	// RequestID is the seam-request-id response header; give it to Seam
	// support when reporting a problem.
	RequestID string
	// Data is error.data, extra details some errors carry.
	Data map[string]any
	// ValidationErrors holds, for an invalid_input error, the messages for
	// each request parameter. Nested parameters are joined with dots
	// ("device_ids.0"); messages about the request as a whole are under "".
	ValidationErrors map[string][]string
	// Body is the raw response body, at most 64 KiB, with the client's
	// credential removed in every form it may take (raw, JSON-escaped,
	// URL-encoded); useful when it is not JSON. Message, Data and
	// ValidationErrors are cleaned the same way.
	Body []byte
	// RetryAfter is the delay the Retry-After response header asks for, or 0.
	RetryAfter time.Duration
	// Method and Path are those of the request that failed (no query).
	Method string
	Path   string
	// hasRetryAfter says whether the response had a valid Retry-After
	// (RetryAfter may then be 0: retry at once).
	hasRetryAfter bool
}

// Error describes the failure: request, status, type, message and request
// id, or a short quote of the body when it is not a Seam error.
func (e *APIError) Error() string {
	var b strings.Builder
	b.WriteString("seam: ")
	if e.Method != "" || e.Path != "" {
		b.WriteString(e.Method)
		b.WriteByte(' ')
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	b.WriteString(strconv.Itoa(e.StatusCode))
	switch {
	case e.Type != "":
		b.WriteByte(' ')
		b.WriteString(e.Type)
		if e.Message != "" {
			b.WriteString(": ")
			b.WriteString(e.Message)
		}
	case len(bytes.TrimSpace(e.Body)) == 0:
		if text := http.StatusText(e.StatusCode); text != "" {
			b.WriteByte(' ')
			b.WriteString(text)
		}
		b.WriteString(": empty response body")
	default:
		if text := http.StatusText(e.StatusCode); text != "" {
			b.WriteByte(' ')
			b.WriteString(text)
		}
		b.WriteString(": unexpected response body ")
		b.WriteString(strconv.Quote(snippet(e.Body)))
	}
	if e.RequestID != "" {
		b.WriteString(" (request id ")
		b.WriteString(e.RequestID)
		b.WriteByte(')')
	}
	return b.String()
}

// Is reports whether target is a sentinel this error matches.
func (e *APIError) Is(target error) bool {
	switch target {
	case ErrUnauthorized:
		return e.StatusCode == http.StatusUnauthorized || e.Type == "unauthorized"
	case ErrNotFound:
		return e.StatusCode == http.StatusNotFound || strings.HasSuffix(e.Type, "_not_found")
	case ErrInvalidInput:
		return e.Type == "invalid_input"
	case ErrRateLimited:
		return e.StatusCode == http.StatusTooManyRequests
	case ErrServer:
		return e.StatusCode >= 500 && e.StatusCode <= 599
	}
	return false
}

// ValidationMessages returns the validation messages for the request
// parameter param (a dotted path for nested ones), or nil.
func (e *APIError) ValidationMessages(param string) []string {
	return e.ValidationErrors[param]
}

// ValidationParams returns, sorted, the parameters that have validation
// messages.
func (e *APIError) ValidationParams() []string {
	params := make([]string, 0, len(e.ValidationErrors))
	for p := range e.ValidationErrors {
		params = append(params, p)
	}
	sort.Strings(params)
	return params
}

// ValidationError is an invalid request parameter found before sending the
// request. It matches ErrInvalidInput with errors.Is.
type ValidationError struct {
	// Param names the parameter, e.g. "starts_at".
	Param string
	// Rule says what the value must be, e.g. "must be before ends_at".
	Rule string
}

// Error returns `seam: invalid parameter "<param>": <rule>`.
func (e *ValidationError) Error() string {
	return fmt.Sprintf("seam: invalid parameter %q: %s", e.Param, e.Rule)
}

// Is reports whether target is ErrInvalidInput.
func (e *ValidationError) Is(target error) bool {
	return target == ErrInvalidInput
}

// newAPIError reads res (at most maxErrorBody of its body), closes it and
// describes it as an APIError. secret, when not empty, is cut out of the
// body first.
func newAPIError(res *http.Response, method, path, secret string) *APIError {
	body, _ := io.ReadAll(io.LimitReader(res.Body, maxErrorBody))
	_ = res.Body.Close()
	body = redactBytes(body, secret)
	e := &APIError{
		StatusCode: res.StatusCode,
		RequestID:  redactString(res.Header.Get("Seam-Request-Id"), secret),
		Body:       body,
		Method:     method,
		Path:       path,
	}
	e.RetryAfter, e.hasRetryAfter = parseRetryAfter(res.Header.Get("Retry-After"), time.Now())
	if isJSONContent(res.Header.Get("Content-Type")) {
		e.parseSeamError(body)
		e.redact(secret)
	}
	return e
}

// redact cuts secret out of the decoded fields, at any depth: a string
// there may hold it in a form the raw body did not show (JSON inside a JSON
// string, for example).
func (e *APIError) redact(secret string) {
	if secret == "" {
		return
	}
	e.Type = redactString(e.Type, secret)
	e.Message = redactString(e.Message, secret)
	if e.Data != nil {
		e.Data, _ = redactValue(e.Data, secret).(map[string]any)
	}
	if e.ValidationErrors != nil {
		clean := make(map[string][]string, len(e.ValidationErrors))
		for param, msgs := range e.ValidationErrors {
			out := make([]string, len(msgs))
			for i, m := range msgs {
				out[i] = redactString(m, secret)
			}
			param = redactString(param, secret)
			clean[param] = append(clean[param], out...)
		}
		e.ValidationErrors = clean
	}
}

// isJSONContent reports whether a Content-Type is JSON; an absent one might
// be.
func isJSONContent(contentType string) bool {
	if contentType == "" {
		return true
	}
	mediaType, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return false
	}
	return mediaType == "application/json" || strings.HasSuffix(mediaType, "+json")
}

// parseSeamError fills Type, Message, Data and ValidationErrors from a body
// of the shape {"error":{"type","message","data","validation_errors"}}.
// Anything else leaves them empty.
func (e *APIError) parseSeamError(body []byte) {
	var envelope struct {
		Error *struct {
			Type             string          `json:"type"`
			Message          string          `json:"message"`
			Data             json.RawMessage `json:"data"`
			ValidationErrors json.RawMessage `json:"validation_errors"`
		} `json:"error"`
	}
	if unmarshal(body, &envelope) != nil || envelope.Error == nil || envelope.Error.Type == "" {
		return
	}
	e.Type = envelope.Error.Type
	e.Message = envelope.Error.Message
	if len(envelope.Error.Data) > 0 {
		var data map[string]any
		if unmarshal(envelope.Error.Data, &data) == nil {
			e.Data = data
		}
	}
	if len(envelope.Error.ValidationErrors) > 0 {
		var tree any
		if unmarshal(envelope.Error.ValidationErrors, &tree) == nil {
			flat := map[string][]string{}
			flattenValidationErrors(tree, "", flat)
			if len(flat) > 0 {
				e.ValidationErrors = flat
			}
		}
	}
}

// flattenValidationErrors walks the nested shape Seam returns for
// invalid_input (zod's format(): every level has "_errors", a list of
// messages, and one key per child) and records non-empty message lists under
// their dotted path.
func flattenValidationErrors(node any, path string, out map[string][]string) {
	obj, ok := node.(map[string]any)
	if !ok {
		return
	}
	for key, child := range obj {
		if key == "_errors" {
			list, _ := child.([]any)
			for _, m := range list {
				if s, ok := m.(string); ok {
					out[path] = append(out[path], s)
				}
			}
			continue
		}
		childPath := key
		if path != "" {
			childPath = path + "." + key
		}
		flattenValidationErrors(child, childPath, out)
	}
}

// snippet returns the start of body on one line, at most maxSnippet bytes,
// cut on a rune boundary.
func snippet(body []byte) string {
	s := strings.Join(strings.Fields(string(body)), " ")
	if len(s) <= maxSnippet {
		return s
	}
	cut := maxSnippet
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
