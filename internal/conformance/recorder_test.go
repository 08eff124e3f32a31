package conformance

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"
)

// request is one request the recording server received.
type request struct {
	Method string
	Path   string
	Query  url.Values
	Body   map[string]any
	Header http.Header
}

// recordingServer is what the test needs of the server both SDKs call: a
// loopback URL answering every documented operation with a spec-valid
// answer, and the requests received so far, in order.
type recordingServer interface {
	URL() string
	Requests() []request
}

// minimalRecorder is the test's own recording server: it answers each
// request with the 200 answer generated from the spec's response schema for
// that path and method (every property, unions by their first member, an
// action attempt as succeeded), 404 for paths the spec does not have.
type minimalRecorder struct {
	srv  *httptest.Server
	spec spec

	mu       sync.Mutex
	requests []request
	answers  map[string][]byte
}

func newMinimalRecorder(t *testing.T, s spec) *minimalRecorder {
	t.Helper()
	r := &minimalRecorder{spec: s, answers: map[string][]byte{}}
	r.srv = httptest.NewServer(http.HandlerFunc(r.serve)) // 127.0.0.1 only
	t.Cleanup(r.srv.Close)
	return r
}

func (r *minimalRecorder) URL() string { return r.srv.URL }

func (r *minimalRecorder) Requests() []request {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]request(nil), r.requests...)
}

func (r *minimalRecorder) serve(w http.ResponseWriter, req *http.Request) {
	raw, _ := io.ReadAll(io.LimitReader(req.Body, 1<<20))
	var body map[string]any
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &body); err != nil {
			body = map[string]any{"<unparsable body>": string(raw)}
		}
	}
	rec := request{Method: req.Method, Path: req.URL.Path, Query: req.URL.Query(), Body: body, Header: req.Header.Clone()}

	r.mu.Lock()
	r.requests = append(r.requests, rec)
	key := req.Method + " " + req.URL.Path
	answer, ok := r.answers[key]
	if !ok {
		if asMap(asMap(asMap(r.spec["paths"])[req.URL.Path])[lowerMethod(req.Method)]) != nil {
			answer, _ = json.Marshal(r.spec.answerFor(req.URL.Path, req.Method))
		}
		r.answers[key] = answer
	}
	r.mu.Unlock()

	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("seam-request-id", "request_conformance")
	if answer == nil {
		w.WriteHeader(http.StatusNotFound)
		_, _ = w.Write([]byte(`{"ok":false,"error":{"type":"not_found","message":"no such operation in the spec"}}`))
		return
	}
	_, _ = w.Write(answer)
}

func lowerMethod(m string) string {
	switch m {
	case http.MethodGet:
		return "get"
	case http.MethodPost:
		return "post"
	case http.MethodPut:
		return "put"
	case http.MethodPatch:
		return "patch"
	case http.MethodDelete:
		return "delete"
	}
	return m
}
