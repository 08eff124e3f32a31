package seamtest

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/seamgo/seam-go/seam"
)

//go:embed answers.gen.json
var answersJSON []byte

// TestAPIKey is the API key the client of Server.Client sends. The server
// accepts any bearer token.
const TestAPIKey = "seam_test_api_key"

// cannedAnswer is one entry of answers.gen.json.
type cannedAnswer struct {
	Method            string          `json:"method"`
	Key               string          `json:"key"`
	ActionAttemptType string          `json:"action_attempt_type"`
	Body              json.RawMessage `json:"body"`
}

// loadAnswers decodes the embedded answers (once per server: no global state
// a test could change).
func loadAnswers() (map[string]cannedAnswer, error) {
	raw := map[string]json.RawMessage{}
	if err := json.Unmarshal(answersJSON, &raw); err != nil {
		return nil, fmt.Errorf("seamtest: answers.gen.json: %w", err)
	}
	out := make(map[string]cannedAnswer, len(raw))
	for path, r := range raw {
		if !strings.HasPrefix(path, "/") {
			continue // _comment
		}
		var a cannedAnswer
		if err := json.Unmarshal(r, &a); err != nil {
			return nil, fmt.Errorf("seamtest: answers.gen.json: %s: %w", path, err)
		}
		out[path] = a
	}
	return out, nil
}

// Request is one request the Server received.
type Request struct {
	// Method is the HTTP method, e.g. "GET" or "POST".
	Method string
	// Path is the URL path, e.g. "/devices/list".
	Path string
	// Query is the decoded query string.
	Query url.Values
	// Body is the decoded JSON body, or nil when there was none (or it was
	// not a JSON object).
	Body map[string]any
	// Header is a copy of the request headers.
	Header http.Header
}

// Server is a Node-free stand-in for the Seam API: an httptest server on
// 127.0.0.1 that answers every documented operation of the spec the module
// was generated from with a spec-valid answer (derived from openapi.json by
// internal/answergen), records every request, and lets a test set the
// answer of any operation with Handle. It is safe for concurrent use.
type Server struct {
	// URL is the base URL of the server, e.g. "http://127.0.0.1:39211".
	URL string

	t       testing.TB
	srv     *httptest.Server
	answers map[string]cannedAnswer

	mu        sync.Mutex
	requests  []Request
	handlers  map[string]Answer
	attempts  map[string]*attemptState
	nextID    int
	requestID int
}

// ServerOption configures NewServer.
type ServerOption func(*serverConfig)

type serverConfig struct {
	handlers map[string]Answer
}

// WithAnswer sets the answer of path from the start, as Handle does.
func WithAnswer(path string, a Answer) ServerOption {
	return func(c *serverConfig) { c.handlers[path] = a }
}

// NewServer starts a Server on 127.0.0.1 (a free port), closed by
// t.Cleanup. Every call gives a new server with its own state, so parallel
// tests do not share anything.
func NewServer(t testing.TB, opts ...ServerOption) *Server {
	t.Helper()
	answers, err := loadAnswers()
	if err != nil {
		t.Fatal(err)
	}
	cfg := &serverConfig{handlers: map[string]Answer{}}
	for _, o := range opts {
		o(cfg)
	}
	s := &Server{t: t, answers: answers, handlers: cfg.handlers, attempts: map[string]*attemptState{}}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("seamtest: listen on 127.0.0.1: %v", err)
	}
	s.srv = &httptest.Server{Listener: ln, Config: &http.Server{Handler: http.HandlerFunc(s.serve)}}
	s.srv.Start()
	s.URL = s.srv.URL
	t.Cleanup(s.srv.Close)
	return s
}

// Client returns a *seam.Client for the server: its endpoint, the API key
// TestAPIKey, no delay between retries (retries stay on, so a test sees
// them in Requests), a Retry-After at most a millisecond apart, and action
// attempts polled every millisecond for at most 2 s. opts come last and
// override these.
func (s *Server) Client(opts ...seam.Option) *seam.Client {
	s.t.Helper()
	base := []seam.Option{
		seam.WithEndpoint(s.URL),
		seam.WithAPIKey(TestAPIKey),
		seam.WithRetryBackoff(time.Microsecond, time.Microsecond),
		seam.WithActionAttemptPollInterval(time.Millisecond),
		seam.WithActionAttemptTimeout(2 * time.Second),
		seam.WithTimeout(10 * time.Second),
	}
	c, err := seam.New(append(base, opts...)...)
	if err != nil {
		s.t.Fatalf("seamtest: seam.New for %s: %v", s.URL, err)
	}
	return c
}

// Handle sets the answer of path (e.g. "/locks/unlock_door") for every
// method, replacing the canned one; Handle(path, nil) restores it. Paths
// outside the spec can be handled too.
func (s *Server) Handle(path string, a Answer) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if a == nil {
		delete(s.handlers, path)
		return
	}
	s.handlers[path] = a
}

// Requests returns a copy of the requests received so far, oldest first.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Request, len(s.requests))
	copy(out, s.requests)
	return out
}

// RequestsTo returns the requests received for path, oldest first.
func (s *Server) RequestsTo(path string) []Request {
	var out []Request
	for _, r := range s.Requests() {
		if r.Path == path {
			out = append(out, r)
		}
	}
	return out
}

// Canned returns the canned answer body of path (a fresh decoded copy), or
// nil when the spec has no such operation. Tests modify it and pass it to
// JSON.
func (s *Server) Canned(path string) map[string]any {
	a, ok := s.answers[path]
	if !ok {
		return nil
	}
	var m map[string]any
	if err := json.Unmarshal(a.Body, &m); err != nil {
		return nil
	}
	return m
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	raw, _ := io.ReadAll(io.LimitReader(r.Body, 10<<20))
	req := Request{Method: r.Method, Path: r.URL.Path, Query: r.URL.Query(), Header: r.Header.Clone()}
	if len(bytes.TrimSpace(raw)) > 0 {
		var m map[string]any
		if json.Unmarshal(raw, &m) == nil {
			req.Body = m
		}
	}
	s.mu.Lock()
	s.requests = append(s.requests, req)
	s.requestID++
	w.Header().Set("seam-request-id", "seamtest_request_"+strconv.Itoa(s.requestID))
	h := s.handlers[req.Path]
	s.mu.Unlock()

	if h != nil {
		h.serve(s, w, req)
		return
	}
	if req.Path == "/action_attempts/get" {
		if s.serveAttempt(w, req) {
			return
		}
	}
	a, ok := s.answers[req.Path]
	if !ok {
		writeJSON(w, http.StatusNotFound, errorBody("not_found", fmt.Sprintf("seamtest: no operation %s in the spec (set one with Server.Handle)", req.Path)))
		return
	}
	if r.Header.Get("Authorization") == "" && r.Header.Get("client-session-token") == "" {
		writeJSON(w, http.StatusUnauthorized, errorBody("unauthorized", "No Authorization header"))
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(a.Body)
}

// param is a string parameter of req, from its JSON body or its query.
func param(req Request, name string) string {
	if v, ok := req.Body[name].(string); ok {
		return v
	}
	return req.Query.Get(name)
}

func errorBody(typ, message string) map[string]any {
	return map[string]any{"error": map[string]any{"type": typ, "message": message}, "ok": false}
}

func writeJSON(w http.ResponseWriter, status int, body any) {
	raw, err := json.Marshal(body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(raw)
}
